'use strict';
// worker.disconnect() in the primary takes the worker out of cluster.workers
// at once (node's behaviour), and cluster.disconnect(cb) calls back even when
// a worker exits before its channel's end is read.
const assert = require('assert');
const cluster = require('cluster');
const common = require('../common');

if (cluster.isWorker) {
  process.on('disconnect', () => {});
  return;
}

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(20000));
guard.unref();

const first = cluster.fork();
first.on('online', common.mustCall(() => {
  first.disconnect();
  assert.deepStrictEqual(Object.keys(cluster.workers), []);
  assert.strictEqual(first.exitedAfterDisconnect, true);
  first.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
    startMany();
  }));
}));

// Several workers, disconnected together, many times over: the callback must
// come every time.
function startMany(round = 0) {
  if (round === 10) return;
  let online = 0;
  for (let i = 0; i < 3; i++) {
    cluster.fork().on('online', () => {
      if (++online < 3) return;
      cluster.disconnect(common.mustCall(() => {
        assert.deepStrictEqual(Object.keys(cluster.workers), []);
        startMany(round + 1);
      }));
    });
  }
}
