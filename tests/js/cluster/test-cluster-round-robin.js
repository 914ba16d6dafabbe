'use strict';
// SCHED_RR (the default): the primary listens on the port the workers' http
// servers asked for (listen(0) in every worker shares one port) and hands
// each connection to the next free worker: every worker serves some.
const assert = require('assert');
const cluster = require('cluster');
const path = require('path');
const common = require('../common');
const { get } = require('./fixtures/http-client');

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(25000));
guard.unref();

const WORKERS = 3;
const REQUESTS = 60;

assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
cluster.setupPrimary({ exec: path.join(__dirname, 'fixtures', 'http-worker.js'), args: ['0'] });
const ports = new Set();
let listening = 0;
cluster.on('listening', (worker, address) => {
  ports.add(address.port);
  if (++listening === WORKERS) run();
});
for (let i = 0; i < WORKERS; i++) cluster.fork();
process.on('exit', () => {
  for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGKILL');
});

async function run() {
  assert.strictEqual(ports.size, 1);
  const [port] = ports;
  const counts = new Map();
  // A few requests at a time.
  for (let i = 0; i < REQUESTS; i += 4) {
    const bodies = await Promise.all([0, 1, 2, 3].map(() => get(port)));
    for (const body of bodies) counts.set(body, (counts.get(body) || 0) + 1);
  }
  assert.deepStrictEqual([...counts.keys()].sort(), ['1', '2', '3']);
  let total = 0;
  for (const n of counts.values()) total += n;
  assert.strictEqual(total, REQUESTS);
  cluster.disconnect(common.mustCall(() => {
    assert.deepStrictEqual(Object.keys(cluster.workers).filter((id) => cluster.workers[id].isConnected()), []);
  }));
}

cluster.on('exit', common.mustCall((worker, code, signal) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(worker.exitedAfterDisconnect, true);
}, WORKERS));
