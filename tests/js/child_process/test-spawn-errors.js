'use strict';
// ENOENT as an 'error' event then 'close'; argument validation; fork and
// 'ipc' errors.
const assert = require('assert');
const common = require('../common');
const cp = require('child_process');

{
  const child = cp.spawn('nope-does-not-exist', ['a', 'b']);
  assert.strictEqual(child.pid, undefined);
  const events = [];
  child.on('spawn', common.mustNotCall());
  child.on('exit', common.mustNotCall());
  child.on('error', common.mustCall((err) => {
    events.push('error');
    assert.ok(err instanceof Error);
    assert.strictEqual(err.message, 'spawn nope-does-not-exist ENOENT');
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -2);
    assert.strictEqual(err.syscall, 'spawn nope-does-not-exist');
    assert.strictEqual(err.path, 'nope-does-not-exist');
    assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
  }));
  child.on('close', common.mustCall((code, signal) => {
    events.push('close');
    assert.strictEqual(code, -2);
    assert.strictEqual(signal, null);
    assert.deepStrictEqual(events, ['error', 'close']);
  }));
}

// A missing cwd is ENOENT too.
{
  const child = cp.spawn('true', [], { cwd: '/nonexistent-dir-for-cp-test' });
  child.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'spawn true');
  }));
}

assert.throws(() => cp.spawn(''), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'file' cannot be empty. Received ''",
});
assert.throws(() => cp.spawn(42), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => cp.spawn('true', 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "args" argument must be of type object. Received type string (\'x\')',
});
assert.throws(() => cp.spawn('true', [], { stdio: 'bogus' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'stdio' is invalid. Received 'bogus'",
});
assert.throws(() => cp.spawn('true', [], { killSignal: 'SIGNOPE' }), {
  code: 'ERR_UNKNOWN_SIGNAL',
  message: 'Unknown signal: SIGNOPE',
});
assert.throws(() => cp.spawn('true', [], { timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => cp.spawn('true', [], { detached: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.spawn('true', [], { uid: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.uid" property must be int32. Received type string (\'x\')',
});
assert.throws(() => cp.spawn('true', ['a\u0000b']), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => cp.spawn('true', [], { signal: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.spawn('true', [], { shell: 3 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.spawn('true', [], { stdio: ['pipe', 'pipe', 'pipe', Buffer.from('x')] }),
              { code: 'ERR_INVALID_SYNC_FORK_INPUT' });
assert.throws(() => cp.spawnSync('true', [], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }),
              { code: 'ERR_IPC_SYNC_FORK', message: 'IPC cannot be used with synchronous forks' });

// kill() with a bad signal throws; kill after exit returns false.
{
  const child = cp.spawn('true');
  assert.throws(() => child.kill('SIGBOGUS'), { code: 'ERR_UNKNOWN_SIGNAL' });
  child.on('close', common.mustCall(() => {
    assert.strictEqual(child.kill(), false);
    assert.strictEqual(child.killed, false);
  }));
}

// Only one IPC pipe; fork needs one.
assert.throws(() => cp.spawn('true', [], { stdio: ['pipe', 'pipe', 'pipe', 'ipc', 'ipc'] }),
              { code: 'ERR_IPC_ONE_PIPE', message: 'Child process can have only one IPC pipe' });
assert.throws(() => cp.fork(__filename, [], { stdio: ['pipe', 'pipe', 'pipe'] }), {
  code: 'ERR_CHILD_PROCESS_IPC_REQUIRED',
  message: "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio",
});
assert.throws(() => cp.fork(__filename, { serialization: 'xml' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
