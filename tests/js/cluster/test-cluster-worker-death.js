'use strict';
// Workers that die: an uncaught exception (code 1), process.exit(n), a
// signal from outside (SIGKILL: code null, the signal's name), kill() from
// the primary, and disconnect()/kill() called in the worker itself.
const assert = require('assert');
const cluster = require('cluster');
const common = require('../common');

if (cluster.isWorker) {
  const mode = process.env.DEATH_MODE;
  process.on('message', () => {});
  if (mode === 'throw') setTimeout(() => { throw new Error('worker crash (expected)'); }, 5);
  else if (mode === 'exit') setTimeout(() => process.exit(3), 5);
  else if (mode === 'self-disconnect') setTimeout(() => cluster.worker.disconnect(), 5);
  else if (mode === 'self-kill') setTimeout(() => cluster.worker.kill(), 5);
  // 'hang', 'sigkill', 'kill': wait to be killed.
  process.send('ready');
  return;
}

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(20000));
guard.unref();
process.on('exit', () => {
  for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGKILL');
});

cluster.setupPrimary({ silent: true });

function start(mode, check) {
  const worker = cluster.fork({ DEATH_MODE: mode });
  const seen = [];
  worker.on('disconnect', () => seen.push('disconnect'));
  worker.on('message', (message) => {
    if (message !== 'ready') return;
    if (mode === 'sigkill') worker.process.kill('SIGKILL');
    if (mode === 'kill') worker.kill();
  });
  worker.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(worker.isDead(), true);
    assert.strictEqual(worker.state, 'dead');
    check(code, signal, worker);
  }));
  // 'disconnect' and 'exit' come in either order (the channel's end and the
  // process's exit are separate events, in node too); both must come.
  process.on('exit', () => assert.ok(seen.includes('disconnect'), `${mode}: no 'disconnect'`));
}

start('throw', (code, signal, worker) => {
  assert.strictEqual(code, 1);
  assert.strictEqual(signal, null);
  assert.strictEqual(worker.exitedAfterDisconnect, false);
});
start('exit', (code, signal) => {
  assert.strictEqual(code, 3);
  assert.strictEqual(signal, null);
});
start('sigkill', (code, signal, worker) => {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGKILL');
  assert.strictEqual(worker.exitedAfterDisconnect, false);
});
start('kill', (code, signal) => {
  // The primary disconnects, then signals; the worker may see the
  // disconnect first and leave on its own.
  assert.ok((code === null && signal === 'SIGTERM') || (code === 0 && signal === null),
            `${code} ${signal}`);
});
start('self-disconnect', (code, signal, worker) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(worker.exitedAfterDisconnect, true);
});
start('self-kill', (code, signal, worker) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(worker.exitedAfterDisconnect, true);
});

cluster.on('exit', common.mustCall(() => {}, 6));
process.on('exit', () => assert.deepStrictEqual(Object.keys(cluster.workers), []));
