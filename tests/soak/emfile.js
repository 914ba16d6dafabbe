'use strict';
// EMFILE (issue 12): the soak server started with a small open-file limit
// (prlimit --nofile=LIMIT), then more keep-alive connections than it can hold.
//   node tests/soak/emfile.js RUNTIME [--limit N] [--extra N] [--idle-ms MS] [--json]
// Checks, failing with exit 1:
// - the server does not die and every connection it accepted is answered, again
//   and again, while it is at the limit;
// - connections beyond the limit are not left hanging: as under node (libuv's
//   reserve descriptor: accept and close at once) they are closed unanswered;
// - while at the limit with connections waiting, the server does not spin:
//   its CPU time over --idle-ms is reported and must be under half of it;
// - once the held connections close, new connections are accepted and answered.
const net = require('net');
const L = require('./lib');

const opt = L.options({ limit: 48, extra: 24, 'idle-ms': 1000, json: false });
const runtime = opt._ && opt._[0];
if (!runtime) L.fail('usage: node emfile.js RUNTIME [options]');

const REQUEST = 'GET /soak HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
const BODY = 'soak-ok\n';

// A keep-alive connection: ask() sends one request and resolves with true once
// answered, false if the connection closes first.
function connection(port) {
  const s = net.connect(port, '127.0.0.1');
  const c = { socket: s, closed: false, answers: 0, waiter: null, text: '' };
  s.setEncoding('latin1');
  s.on('error', () => {});
  s.on('data', (d) => {
    c.text += d;
    let i;
    while ((i = c.text.indexOf(BODY)) >= 0) {
      c.text = c.text.slice(i + BODY.length);
      c.answers++;
      if (c.waiter) { const w = c.waiter; c.waiter = null; w(true); }
    }
  });
  s.on('close', () => {
    c.closed = true;
    if (c.waiter) { const w = c.waiter; c.waiter = null; w(false); }
  });
  c.connected = new Promise((resolve) => { s.on('connect', () => resolve(true)); s.on('close', () => resolve(false)); });
  c.ask = () => new Promise((resolve) => {
    if (c.closed) return resolve(false);
    c.waiter = resolve;
    s.write(REQUEST);
  });
  return c;
}

async function main() {
  const server = await L.startHttpServer(runtime, { wrapper: ['prlimit', `--nofile=${opt.limit}:${opt.limit}`] });
  const pid = server.pid;
  const fig = { runtime, limit: opt.limit, fdBaseline: L.fdCount(pid) };
  const room = opt.limit - fig.fdBaseline;
  L.check(room > 2, `the limit ${opt.limit} leaves no room above ${fig.fdBaseline} descriptors`);

  // Fill the server up: `room` connections fit (one by one, each answered),
  // then `extra` more.
  const held = [];
  for (let i = 0; i < room; i++) {
    const c = connection(server.port);
    L.check(await L.within(c.connected, 5000, 'a connection'), 'a connection below the limit was refused');
    L.check(await L.within(c.ask(), 5000, `an answer on connection ${i + 1} of ${room}`), `connection ${i + 1} of ${room} (below the limit) was closed`);
    held.push(c);
  }
  fig.fdAtLimit = L.fdCount(pid);
  const extra = [];
  for (let i = 0; i < opt.extra; i++) extra.push(connection(server.port));
  const extraAnswers = extra.map((c) => c.connected.then((ok) => (ok ? c.ask() : false)));
  // Every extra connection is settled: closed unanswered (node's way) or answered.
  const settled = await L.within(Promise.all(extraAnswers), 10000, 'the connections beyond the limit to be closed or answered');
  fig.extraAnswered = settled.filter(Boolean).length;
  fig.extraClosed = settled.filter((x) => !x).length;

  // At the limit with a connection waiting in the backlog: no busy loop.
  const waiting = connection(server.port);
  await L.within(waiting.connected, 5000, 'a connection in the backlog');
  const ticks0 = L.cpuTicks(pid);
  const t0 = Date.now();
  await L.sleep(opt['idle-ms']);
  fig.cpuMsAtLimit = (L.cpuTicks(pid) - ticks0) * 10;
  fig.idleMs = Date.now() - t0;

  // The held connections are still served.
  const again = await L.within(Promise.all(held.map((c) => c.ask())), 10000, 'answers on the held connections');
  fig.heldAnsweredAtLimit = again.filter(Boolean).length;
  const st = await server.stats();
  fig.serverErrors = st.serverErrors;

  // Free the descriptors; new connections are accepted again.
  for (const c of held) c.socket.destroy();
  await L.until(() => L.fdCount(pid) <= fig.fdBaseline + 1, 10000,
    () => `the server's descriptors to fall back (now ${L.fdCount(pid)}, baseline ${fig.fdBaseline})`);
  const fresh = [];
  for (let i = 0; i < Math.min(room - 2, 8); i++) fresh.push(connection(server.port));
  const freshOk = await L.within(Promise.all(fresh.map((c) => c.connected.then((ok) => ok && c.ask()))), 10000,
    'answers on new connections after the descriptors were freed');
  fig.freshAnswered = freshOk.filter(Boolean).length;
  fig.freshTried = fresh.length;
  waiting.socket.destroy();
  for (const c of [...fresh, ...extra]) c.socket.destroy();

  if (opt.json) console.log(JSON.stringify(fig));
  else console.log(JSON.stringify(fig, null, 2));
  L.check(server.alive(), `the server died: ${JSON.stringify(server.exited)}\n${server.stderr.text}`);
  L.check(fig.heldAnsweredAtLimit === held.length, `${held.length} held connections, ${fig.heldAnsweredAtLimit} answered at the limit`);
  L.check(fig.extraClosed + fig.extraAnswered === opt.extra, 'every connection beyond the limit is settled');
  L.check(fig.cpuMsAtLimit < opt['idle-ms'] / 2, `the server spent ${fig.cpuMsAtLimit} ms of CPU in ${fig.idleMs} ms at the limit (a busy loop?)`);
  L.check(fig.freshAnswered === fig.freshTried, `after freeing descriptors ${fig.freshAnswered} of ${fig.freshTried} new connections were answered`);
  server.child.stdin.write('quit\n');
  L.check((await L.within(server.exit, 10000, 'the server to exit')).code === 0, 'the server exits 0');
}

L.run(main);
