'use strict';
// Replacing workers one at a time under continuous traffic: a new worker is
// forked, and once it listens the old one is disconnected (its server
// closes; the requests it is serving finish). No request fails.
const assert = require('assert');
const cluster = require('cluster');
const path = require('path');
const common = require('../common');
const { get } = require('./fixtures/http-client');

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(25000));
guard.unref();
process.on('exit', () => {
  for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGKILL');
});

cluster.setupPrimary({ exec: path.join(__dirname, 'fixtures', 'http-worker.js'), args: ['0'] });
const env = { DELAY_MS: '20' };

function listening(worker) {
  return new Promise((resolve) => worker.once('listening', (address) => resolve(address.port)));
}

function exited(worker) {
  return new Promise((resolve) => worker.once('exit', (code, signal) => resolve({ code, signal })));
}

async function main() {
  const first = [cluster.fork(env), cluster.fork(env)];
  const [port] = await Promise.all(first.map(listening));

  let running = true;
  let failures = 0;
  const served = new Map();
  async function client() {
    while (running) {
      try {
        const body = await get(port);
        served.set(body, (served.get(body) || 0) + 1);
      } catch (err) {
        failures++;
        console.error(err);
      }
    }
  }
  const clients = [client(), client(), client(), client()];

  for (const old of first) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const replacement = cluster.fork(env);
    assert.strictEqual(await listening(replacement), port);
    const done = exited(old);
    old.disconnect();
    assert.deepStrictEqual(await done, { code: 0, signal: null });
    assert.strictEqual(old.exitedAfterDisconnect, true);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  running = false;
  await Promise.all(clients);

  assert.strictEqual(failures, 0);
  // Every generation served.
  for (const id of ['1', '2', '3', '4']) assert.ok(served.get(id) > 0, `worker ${id}: ${served.get(id)}`);
  assert.deepStrictEqual(Object.keys(cluster.workers), ['3', '4']);
  await new Promise((resolve) => cluster.disconnect(resolve));
}

main().then(common.mustCall());
