'use strict';
// SCHED_NONE: the primary binds the port and sends the listening handle to
// each worker, which accept on it themselves. Also: NODE_CLUSTER_SCHED_POLICY
// chooses the policy at startup.
const assert = require('assert');
const cluster = require('cluster');
const path = require('path');
const { execFileSync } = require('child_process');
const common = require('../common');
const { get } = require('./fixtures/http-client');

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(25000));
guard.unref();

for (const [value, expected] of [['none', 1], ['rr', 2], ['', 2]]) {
  const out = execFileSync(process.execPath, ['-e', 'console.log(require("cluster").schedulingPolicy)'],
                           { env: { ...process.env, NODE_CLUSTER_SCHED_POLICY: value } });
  assert.strictEqual(Number(String(out)), expected);
}

const WORKERS = 2;
cluster.schedulingPolicy = cluster.SCHED_NONE;
cluster.setupPrimary({ exec: path.join(__dirname, 'fixtures', 'http-worker.js'), args: ['0'] });
assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_NONE);
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
  const bodies = [];
  for (let i = 0; i < 20; i++) bodies.push(await get(port));
  // The kernel picks the worker: each answer comes from one of them.
  for (const body of bodies) assert.ok(body === '1' || body === '2', body);
  cluster.disconnect(common.mustCall());
}

cluster.on('exit', common.mustCall((worker, code, signal) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
}, WORKERS));
