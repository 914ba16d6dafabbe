'use strict';
// Issue 9's acceptance, as a program: a primary with two HTTP workers on one
// port notices a killed worker and forks a replacement that takes traffic;
// then SIGTERM to the primary is forwarded to its workers, every worker
// exits and the primary exits with them (no orphans left running).
const assert = require('assert');
const cluster = require('cluster');
const http = require('http');
const { spawn } = require('child_process');
const common = require('../common');

if (process.argv[2] === 'primary') {
  if (cluster.isWorker) {
    http.createServer((req, res) => res.end(String(cluster.worker.id))).listen(0);
    return;
  }
  let stopping = false;
  const report = (line) => process.stdout.write(`${line}\n`);
  cluster.on('listening', (worker, address) => report(`listening ${worker.id} ${worker.process.pid} ${address.port}`));
  cluster.on('exit', (worker, code, signal) => {
    report(`exit ${worker.id} ${signal || code}`);
    if (!stopping) cluster.fork();  // keep two workers
    else if (Object.keys(cluster.workers).length === 0) process.exit(0);
  });
  process.on('SIGTERM', () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGTERM');
  });
  cluster.fork();
  cluster.fork();
  return;
}

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(20000));
const primary = spawn(process.execPath, [__filename, 'primary'], { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
const waiters = [];
primary.stdout.setEncoding('utf8');
primary.stdout.on('data', (chunk) => {
  output += chunk;
  for (const waiter of waiters.splice(0)) waiter();
});
function waitFor(pattern) {
  return new Promise((resolve) => {
    const check = () => {
      const match = output.match(pattern);
      if (match) resolve(match);
      else waiters.push(check);
    };
    check();
  });
}
function get(port) {
  return new Promise((resolve, reject) => {
    http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

(async () => {
  // The two workers listen in either order.
  await waitFor(/listening 2 \d+ \d+\n/);
  const [, firstPid, port] = await waitFor(/listening 1 (\d+) (\d+)\n/);
  const ids = new Set();
  for (let i = 0; i < 10; i++) ids.add(await get(Number(port)));
  assert.ok(ids.size >= 1);
  process.kill(Number(firstPid), 'SIGKILL');
  await waitFor(/exit 1 SIGKILL\n/);
  const [, newPid] = await waitFor(/listening 3 (\d+) \d+\n/);
  // The replacement takes traffic on the same port.
  const seen = new Set();
  for (let i = 0; i < 30 && !seen.has('3'); i++) seen.add(await get(Number(port)));
  assert.ok(seen.has('3'), `worker 3 never answered: ${[...seen]}`);
  const pids = [...output.matchAll(/listening \d+ (\d+)/g)].map((m) => Number(m[1]));
  primary.kill('SIGTERM');
  primary.on('exit', common.mustCall((code, signal) => {
    clearTimeout(guard);
    assert.strictEqual(signal, null);
    assert.strictEqual(code, 0);
    assert.match(output, /exit 2 SIGTERM\n/);
    assert.match(output, /exit 3 SIGTERM\n/);
    // No orphans: every worker process is gone.
    setTimeout(() => {
      for (const pid of pids) assert.strictEqual(alive(pid), false, `worker ${pid} still running`);
      assert.ok(pids.includes(Number(newPid)));
    }, 200);
  }));
})().catch((error) => {
  primary.kill('SIGKILL');
  throw error;
});
