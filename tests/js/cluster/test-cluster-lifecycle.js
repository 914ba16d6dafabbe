'use strict';
// Worker lifecycle as seen from the primary and the worker: the order of
// 'fork', 'online', 'listening', 'disconnect' and 'exit', messages both ways,
// the worker's identity, and a disconnect from the primary.
const assert = require('assert');
const cluster = require('cluster');
const net = require('net');
const common = require('../common');

if (cluster.isWorker) {
  assert.strictEqual(cluster.isPrimary, false);
  assert.strictEqual(cluster.isMaster, false);
  assert.strictEqual(process.env.NODE_UNIQUE_ID, undefined);
  assert.strictEqual(process.env.CLUSTER_TEST_VALUE, `value ${cluster.worker.id}`);
  assert.strictEqual(cluster.worker.process, process);
  process.on('message', (message) => {
    if (message !== 'listen') process.send({ echo: message, id: cluster.worker.id });
  });
  cluster.worker.on('message', (message) => {
    if (message === 'listen') {
      net.createServer((socket) => socket.end(`worker ${cluster.worker.id}`)).listen(0, '127.0.0.1');
    }
  });
  process.send({ hello: cluster.worker.id, state: cluster.worker.state });
  return;
}

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(20000));
guard.unref();

assert.strictEqual(cluster.isPrimary, true);
assert.strictEqual(cluster.isMaster, true);
assert.strictEqual(cluster.isWorker, false);
assert.strictEqual(cluster.worker, undefined);
assert.strictEqual(cluster.SCHED_RR, 2);
assert.strictEqual(cluster.SCHED_NONE, 1);
assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
assert.strictEqual(typeof cluster.setupMaster, 'function');

const events = [];
cluster.on('fork', (worker) => events.push(`fork ${worker.id}`));
cluster.on('online', (worker) => events.push(`online ${worker.id}`));
cluster.on('listening', (worker, address) => {
  events.push(`listening ${worker.id}`);
  assert.strictEqual(address.address, '127.0.0.1');
  assert.strictEqual(address.addressType, 4);
  assert.ok(address.port > 0);
  // The workers share the port: either may answer.
  net.connect(address.port, '127.0.0.1').setEncoding('utf8').on('data', common.mustCall((text) => {
    assert.match(text, /^worker [12]$/);
    worker.disconnect();
  }));
});
cluster.on('disconnect', (worker) => events.push(`disconnect ${worker.id}`));
cluster.on('message', (worker, message) => {
  if (message.hello !== undefined) {
    assert.deepStrictEqual(message, { hello: worker.id, state: 'online' });
    worker.send({ ping: worker.id });
  } else {
    assert.deepStrictEqual(message, { echo: { ping: worker.id }, id: worker.id });
    worker.send('listen');
  }
});

cluster.setupPrimary({ silent: false });
assert.strictEqual(cluster.settings.exec, __filename);
const workers = [1, 2].map((n) => cluster.fork({ CLUSTER_TEST_VALUE: `value ${n}` }));
assert.deepStrictEqual(Object.keys(cluster.workers), ['1', '2']);
assert.strictEqual(workers[0].id, 1);
assert.strictEqual(workers[0].isConnected(), true);
assert.strictEqual(workers[0].isDead(), false);
assert.strictEqual(workers[0].exitedAfterDisconnect, undefined);

for (const worker of workers) {
  const own = [];
  worker.on('online', () => own.push('online'));
  worker.on('listening', () => own.push('listening'));
  worker.on('disconnect', () => own.push('disconnect'));
  worker.on('exit', common.mustCall((code, signal) => {
    own.push('exit');
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
    assert.strictEqual(worker.exitedAfterDisconnect, true);
    assert.strictEqual(worker.isDead(), true);
    assert.strictEqual(worker.isConnected(), false);
    assert.strictEqual(worker.state, 'dead');
    assert.deepStrictEqual(own, ['online', 'listening', 'disconnect', 'exit']);
  }));
}

cluster.on('exit', common.mustCall((worker) => {
  events.push(`exit ${worker.id}`);
}, 2));

process.on('exit', () => {
  for (const id of [1, 2]) {
    const mine = events.filter((e) => e.endsWith(` ${id}`)).map((e) => e.split(' ')[0]);
    assert.deepStrictEqual(mine, ['fork', 'online', 'listening', 'disconnect', 'exit']);
  }
  assert.deepStrictEqual(Object.keys(cluster.workers), []);
});
