'use strict';
// fork: the IPC channel's JSON messages (round trips of every JSON shape,
// ordering, large messages, callbacks, bursts), the child's view of the
// channel, and interoperability (the child is the runtime that forks it).
const assert = require('assert');
const path = require('path');
const common = require('../common');
const { fork, ChildProcess } = require('child_process');

const fixture = path.join(__dirname, 'fixtures', 'ipc-child.js');
const guard = setTimeout(() => { throw new Error('test timed out'); }, 20000);
guard.unref();

// Values round-trip through JSON: what arrives is JSON.parse(JSON.stringify(v)).
{
  const values = [
    'a string', '', 'ünïcödé ✓ 😀', 'line\nbreak', 0, -1.5, 1e300, true, false, null,
    [], [1, 'two', [3, [4]], { five: 5 }], {}, { a: 1, b: { c: [null, true] } },
    { date: new Date(0) }, { undef: undefined, keep: 1 }, [undefined, () => {}],
    { nested: { deeper: { deepest: 'x'.repeat(1000) } } }, NaN, Infinity,
  ];
  const child = fork(fixture, ['echo']);
  assert.ok(child instanceof ChildProcess);
  assert.strictEqual(child.connected, true);
  assert.strictEqual(typeof child.send, 'function');
  assert.strictEqual(typeof child.disconnect, 'function');
  assert.strictEqual(typeof child.channel.ref, 'function');
  assert.strictEqual(typeof child.channel.unref, 'function');
  assert.deepStrictEqual(child.stdio, [null, null, null, null]);
  assert.strictEqual(child.stdin, null);
  assert.strictEqual(child.stdout, null);
  assert.strictEqual(child.spawnfile, process.execPath);
  assert.deepStrictEqual(child.spawnargs,
                         [process.execPath, ...process.execArgv, fixture, 'echo']);
  const received = [];
  child.on('message', (message) => {
    received.push(message);
    if (received.length === values.length) child.send({ exit: 0 });
  });
  for (const value of values) assert.strictEqual(child.send(value), true);
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
  }));
  child.on('close', common.mustCall(() => {
    assert.deepStrictEqual(received, values.map((v) => JSON.parse(JSON.stringify(v))));
  }));
}

// Ping-pong: each reply triggers the next message, in order.
{
  const child = fork(fixture, ['echo']);
  let n = 0;
  child.on('message', common.mustCall((message) => {
    assert.deepStrictEqual(message, { n, list: [n, n + 1] });
    n++;
    if (n < 200) child.send({ n, list: [n, n + 1] });
    else child.disconnect();
  }, 200));
  child.send({ n, list: [n, n + 1] });
  child.on('exit', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(n, 200);
  }));
}

// A 1 MiB message and many small ones in one burst arrive whole and in order.
{
  const big = { text: 'é'.repeat(512 * 1024), list: Array.from({ length: 1000 }, (_, i) => i) };
  const child = fork(fixture, ['echo']);
  const got = [];
  child.on('message', (message) => {
    got.push(message);
    if (got.length === 101) child.disconnect();
  });
  child.send(big);
  for (let i = 0; i < 100; i++) child.send(i);
  child.on('exit', common.mustCall(() => {
    assert.deepStrictEqual(got[0], big);
    assert.deepStrictEqual(got.slice(1), Array.from({ length: 100 }, (_, i) => i));
  }));
}

// A child's burst of messages, sent before it exits, all arrive.
{
  const child = fork(fixture, ['burst', '500']);
  let next = 0;
  child.on('message', (message) => {
    assert.deepStrictEqual(message, { i: next });
    next++;
  });
  child.on('close', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(next, 500);
  }));
}

// send's callback is called with null once the message is written; the
// options argument may be omitted or an object.
{
  const child = fork(fixture, ['echo']);
  child.send('one', common.mustCall((err) => assert.strictEqual(err, null)));
  child.send('two', undefined, common.mustCall((err) => assert.strictEqual(err, null)));
  child.send('three', undefined, {}, common.mustCall((err) => assert.strictEqual(err, null)));
  let count = 0;
  child.on('message', () => { if (++count === 3) child.disconnect(); });
  child.on('exit', common.mustCall());
}

// The child's view: argv, execArgv, process.connected/send/channel, and the
// channel variables removed from its environment.
{
  const child = fork(fixture, ['info', 'x', 'y'], {
    env: { ...process.env, IPC_TEST_EXTRA: 'extra' },
  });
  child.on('message', common.mustCall((info) => {
    assert.deepStrictEqual(info, {
      argv: ['info', 'x', 'y'],
      execArgv: process.execArgv,
      connected: true,
      sendType: 'function',
      channelFdType: 'number',
      hasChannelEnv: false,
      hasModeEnv: false,
      extraEnv: 'extra',
    });
  }));
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// Messages that arrive before a 'message' listener exists are kept for it
// while the channel is open.
{
  const child = fork(fixture, ['hang']);
  setTimeout(() => {
    child.on('message', common.mustCall((message) => {
      assert.strictEqual(message, 'ready');
      child.kill();
    }));
  }, 50);
  child.on('exit', common.mustCall((code, signal) => assert.strictEqual(signal, 'SIGTERM')));
}

// Invalid messages throw synchronously.
{
  const child = fork(fixture, ['echo']);
  assert.throws(() => child.send(), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "message" argument must be specified',
  });
  assert.throws(() => child.send(Symbol('s')), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "message" argument must be one of type string, object, number, or boolean. ' +
      'Received type symbol (Symbol(s))',
  });
  assert.throws(() => child.send(10n), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => child.send('x', null, 'options'), { code: 'ERR_INVALID_ARG_TYPE' });
  const circular = {};
  circular.self = circular;
  assert.throws(() => child.send(circular), TypeError);
  child.disconnect();
  child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// A server that is not listening has no handle to pass: the message goes
// alone (handle passing itself: test-fork-handle*.js).
{
  const net = require('net');
  const child = fork(fixture, ['echo']);
  assert.strictEqual(child.send('server', net.createServer()), true);
  child.on('message', common.mustCall((message, handle) => {
    assert.strictEqual(message, 'server');
    assert.strictEqual(handle, undefined);
    child.disconnect();
  }));
  child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
}
