'use strict';
// fork: disconnect from either side, event order, errors after disconnect,
// exit codes and signals, the child's channel not keeping it alive, silent.
const assert = require('assert');
const path = require('path');
const common = require('../common');
const { fork } = require('child_process');

const fixture = path.join(__dirname, 'fixtures', 'ipc-child.js');
const guard = setTimeout(() => { throw new Error('test timed out'); }, 20000);
guard.unref();

// The child disconnects: the parent sees 'disconnect', then 'exit', then
// 'close'; sends after that fail with ERR_IPC_CHANNEL_CLOSED (callback or
// 'error'); a second disconnect() emits ERR_IPC_DISCONNECTED.
{
  const child = fork(fixture, ['child-disconnects']);
  const events = [];
  child.send('ping');
  child.on('message', common.mustCall((message) => {
    events.push('message');
    assert.deepStrictEqual(message, { got: 'ping' });
  }));
  child.on('disconnect', common.mustCall(() => {
    events.push('disconnect');
    assert.strictEqual(child.connected, false);
    assert.strictEqual(child.channel, null);
    assert.strictEqual(child.send('late', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
      assert.strictEqual(err.message, 'Channel closed');
    })), false);
    const errors = [];
    child.on('error', (err) => errors.push(err.code));
    child.send('late too');
    child.disconnect();
    assert.deepStrictEqual(errors, ['ERR_IPC_DISCONNECTED']);
    setImmediate(common.mustCall(() => {
      assert.deepStrictEqual(errors, ['ERR_IPC_DISCONNECTED', 'ERR_IPC_CHANNEL_CLOSED']);
    }));
  }));
  child.on('exit', common.mustCall((code) => {
    events.push('exit');
    assert.strictEqual(code, 0);
  }));
  child.on('close', common.mustCall((code, signal) => {
    events.push('close');
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
    assert.deepStrictEqual(events, ['message', 'disconnect', 'exit', 'close']);
  }));
}

// The parent disconnects: 'disconnect' is emitted on a later tick, the child
// sees its own 'disconnect' and exits (here with 7). As in node, no 'close'
// follows a parent's own disconnect().
{
  const child = fork(fixture, ['waits-for-disconnect']);
  child.on('message', common.mustCall((message) => {
    assert.strictEqual(message, 'ready');
    let sync = true;
    child.on('disconnect', common.mustCall(() => {
      assert.strictEqual(sync, false);
      assert.strictEqual(child.channel, null);
    }));
    child.disconnect();
    sync = false;
    assert.strictEqual(child.connected, false);
    assert.strictEqual(child.channel, null);
  }));
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, 7);
    assert.strictEqual(signal, null);
  }));
}

// A child that never listens for messages ends on its own.
{
  const child = fork(fixture, ['never-listens']);
  child.on('message', common.mustCall((message) => assert.strictEqual(message, 'hello from child')));
  child.on('disconnect', common.mustCall());
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// Removing the last 'message' listener lets the child end.
{
  const child = fork(fixture, ['removes-listener']);
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// process.channel.unref() in the child: a listener no longer keeps it alive.
{
  const child = fork(fixture, ['unref']);
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// Exit codes and signals; the channel ends with the child.
{
  const child = fork(fixture, ['exit-code', '3']);
  child.on('disconnect', common.mustCall());
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, 3);
    assert.strictEqual(signal, null);
  }));
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 3)));
}
{
  const child = fork(fixture, ['echo']);
  child.send({ exit: 42 });
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 42)));
}
{
  const child = fork(fixture, ['hang']);
  child.on('message', common.mustCall(() => assert.strictEqual(child.kill(), true)));
  child.on('disconnect', common.mustCall());
  child.on('close', common.mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
  }));
}

// silent: the child's stdio are pipes to the parent.
{
  const child = fork(fixture, ['silent'], { silent: true });
  assert.strictEqual(child.stdio.length, 4);
  assert.strictEqual(child.stdio[3], null);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  child.on('close', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out, 'to stdout\n');
    assert.strictEqual(err, 'to stderr\n');
  }));
}

// stdio as a string or an array with 'ipc' in another position.
{
  const child = fork(fixture, ['info'], { stdio: 'pipe' });
  assert.strictEqual(child.stdio.length, 4);
  assert.ok(child.stdout);
  child.on('message', common.mustCall((info) => assert.strictEqual(info.connected, true)));
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
  child.stdout.resume();
  child.stderr.resume();
}
{
  const child = fork(fixture, ['info'], { stdio: ['ignore', 'ipc', 'inherit'] });
  assert.deepStrictEqual(child.stdio, [null, null, null]);
  child.on('message', common.mustCall((info) => assert.strictEqual(info.channelFdType, 'number')));
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// A missing execPath is an 'error' event (ENOENT), as for spawn.
{
  const child = fork(fixture, ['info'], { execPath: '/nonexistent/runtime' });
  child.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'spawn /nonexistent/runtime');
  }));
}

// Argument validation.
assert.throws(() => fork(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork(fixture, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork(fixture, [], 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork(fixture, [], { serialization: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });
