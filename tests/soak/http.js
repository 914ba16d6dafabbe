'use strict';
// HTTP soak (issue 12): keep-alive requests against the soak server under a
// runtime, then connections dropped mid-request. Run with node:
//   node tests/soak/http.js RUNTIME [--requests N] [--connections C] [--drops D]
//                           [--wrk] [--chunk-seconds S] [--json]
// Checks, failing with exit 1:
// - every request is answered; the server never dies;
// - the server's descriptors after the keep-alive clients and the dropped
//   connections are gone equal its descriptors before them (no fd growth);
// - the live heap after full collections (--expose-gc) grows by at most
//   --max-heap-growth-kb after the warm-up, RSS by at most --max-rss-growth-kb
//   (not checked under ASan/TSan, whose allocators keep freed memory);
// - every dropped connection gives the server 'connection' and 'close', and
//   'clientError' as node 20 gives them (see the checks after the drops).
// Prints the figures (RSS before/after warm-up and at the end, slope in KB per
// 100k requests, descriptor counts, requests per second).
// With --wrk the keep-alive load is wrk (-t1 -c C) run in chunks of
// --chunk-seconds until N requests are done; otherwise an in-process client
// (C sockets, one request in flight each).
const net = require('net');
const { execFile } = require('child_process');
const L = require('./lib');

const opt = L.options({
  requests: 20000,
  connections: 8,
  drops: 120,
  wrk: false,
  'chunk-seconds': 5,
  'max-rss-growth-kb': 16384,
  'max-heap-growth-kb': 2048,
  json: false,
});
const runtime = opt._ && opt._[0];
if (!runtime) L.fail('usage: node http.js RUNTIME [options]');

const REQUEST = 'GET /soak HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
const BODY = 'soak-ok\n';

// C keep-alive sockets each sending `total / C` requests one after another.
function rawClient(port, total, conns, onProgress) {
  let done = 0;
  const per = Math.ceil(total / conns);
  const one = () => new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let left = per;
    let tail = '';
    s.setEncoding('latin1');
    s.on('connect', () => s.write(REQUEST));
    s.on('data', (d) => {
      const text = tail + d;
      let at = 0;
      let i;
      while ((i = text.indexOf(BODY, at)) >= 0) {
        at = i + BODY.length;
        left--;
        done++;
        if (onProgress) onProgress(done);
        if (left > 0) s.write(REQUEST);
        else { s.end(); }
      }
      tail = text.slice(Math.max(at, text.length - BODY.length));
    });
    s.on('error', reject);
    s.on('close', () => (left === 0 ? resolve() : reject(new Error(`a keep-alive socket closed with ${left} requests unanswered`))));
  });
  return Promise.all(Array.from({ length: conns }, one)).then(() => done);
}

function wrkChunk(port, seconds, conns) {
  return new Promise((resolve, reject) => {
    execFile('wrk', ['-t1', `-c${conns}`, `-d${seconds}s`, `http://127.0.0.1:${port}/soak`],
      { timeout: (seconds + 30) * 1000 }, (err, stdout) => {
        if (err) return reject(err);
        const m = /(\d+) requests in/.exec(stdout);
        if (!m) return reject(new Error(`wrk printed no count:\n${stdout}`));
        if (/Non-2xx|Socket errors/.test(stdout)) return reject(new Error(`wrk saw errors:\n${stdout}`));
        resolve(Number(m[1]));
      });
  });
}

// The partial requests a dropped connection sends, and how it is dropped.
const PARTIAL = {
  line: 'GET /soak/half-a-requ',
  headers: 'GET /soak HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ab',
  body: 'POST /soak HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n0123456789',
};
const KINDS = [];
for (const part of Object.keys(PARTIAL)) for (const how of ['fin', 'rst']) KINDS.push({ part, how });

function drop(port, kind) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    s.on('close', () => resolve());
    s.on('connect', () => {
      s.write(PARTIAL[kind.part], () => {
        if (kind.how === 'rst') s.resetAndDestroy();
        else s.end();
      });
    });
    // After a FIN the server closes its side; a client that was answered
    // (e.g. 400) reads until the end.
    s.resume();
  });
}

async function main() {
  const server = await L.startHttpServer(runtime, { args: ['--expose-gc'] });
  const pid = server.pid;
  const fig = { runtime, requests: opt.requests, connections: opt.connections, drops: opt.drops };
  fig.fdBaseline = L.fdCount(pid);
  fig.rssStartKb = L.rssKb(pid);

  // Keep-alive requests; RSS sampled by request count.
  const samples = [];
  const warmup = Math.floor(Math.min(opt.requests / 10, 100000));
  let sampledAt = 0;
  const every = Math.max(1000, Math.floor(opt.requests / 50));
  const t0 = Date.now();
  let fdPeak = fig.fdBaseline;
  const sample = (n) => {
    if (n - sampledAt < every && n !== opt.requests) return;
    sampledAt = n;
    samples.push([n, L.rssKb(pid)]);
    fdPeak = Math.max(fdPeak, L.fdCount(pid));
  };
  let done = 0;
  let heapAfterWarmup = null;
  if (opt.wrk) {
    while (done < opt.requests) {
      done += await wrkChunk(server.port, opt['chunk-seconds'], opt.connections);
      samples.push([done, L.rssKb(pid)]);
      fdPeak = Math.max(fdPeak, L.fdCount(pid));
      if (!heapAfterWarmup && done >= warmup) heapAfterWarmup = await server.mem();
      if (!opt.json) process.stderr.write(`  ${done} requests, RSS ${samples[samples.length - 1][1]} KB\n`);
    }
  } else {
    done = await rawClient(server.port, warmup, opt.connections, sample);
    heapAfterWarmup = await server.mem();
    done += await rawClient(server.port, opt.requests - done, opt.connections, (n) => sample(done + n));
  }
  const heapEnd = await server.mem();
  // The live JavaScript heap after full collections: what a leak of
  // per-request objects would grow.
  fig.heapUsedAfterWarmupKb = Math.round(heapAfterWarmup.heapUsed / 1024);
  fig.heapUsedEndKb = Math.round(heapEnd.heapUsed / 1024);
  fig.heapTotalAfterWarmupKb = Math.round(heapAfterWarmup.heapTotal / 1024);
  fig.heapTotalEndKb = Math.round(heapEnd.heapTotal / 1024);
  fig.rssAfterGcWarmupKb = Math.round(heapAfterWarmup.rss / 1024);
  fig.rssAfterGcEndKb = Math.round(heapEnd.rss / 1024);
  fig.seconds = (Date.now() - t0) / 1000;
  fig.requestsDone = done;
  fig.requestsPerSecond = Math.round(done / fig.seconds);
  const st = await server.stats();
  // wrk counts what was answered within its duration; the server may have
  // answered a few requests more that were in flight at the end.
  L.check(opt.wrk ? st.requests >= done : st.requests === done,
    `the server answered ${st.requests} requests, the clients counted ${done}`);

  const afterWarm = samples.filter(([n]) => n >= warmup);
  L.check(afterWarm.length >= 2, 'too few RSS samples after the warm-up');
  fig.rssAfterWarmupKb = afterWarm[0][1];
  fig.rssEndKb = afterWarm[afterWarm.length - 1][1];
  fig.rssMaxKb = Math.max(...samples.map(([, r]) => r));
  fig.rssSlopeKbPer100k = Math.round(L.slope(afterWarm.map(([n]) => n), afterWarm.map(([, r]) => r)) * 1e5 * 10) / 10;
  fig.fdPeak = fdPeak;
  // The clients' sockets are closed: the server's descriptors are back.
  await L.until(() => L.fdCount(pid) === fig.fdBaseline, 10000,
    () => `the server's descriptors to return to ${fig.fdBaseline} (now ${L.fdCount(pid)}):\n${L.fdTargets(pid).join('\n')}`);
  fig.fdAfterRequests = L.fdCount(pid);

  // Connections dropped mid-request, 50 at a time.
  const before = await server.stats();
  fig.rssBeforeDropsKb = L.rssKb(pid);
  const perKind = {};
  for (let i = 0; i < opt.drops; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(opt.drops, i + 50); j++) {
      const k = KINDS[j % KINDS.length];
      perKind[`${k.part}/${k.how}`] = (perKind[`${k.part}/${k.how}`] || 0) + 1;
      batch.push(drop(server.port, k));
    }
    await L.within(Promise.all(batch), 30000, 'a batch of dropped connections to close');
  }
  let after;
  await L.until(async () => {
    after = await server.stats();
    return after.closes - before.closes === opt.drops;
  }, 15000, () => `the server to see ${opt.drops} closes (saw ${after && after.closes - before.closes})`);
  L.check(after.connections - before.connections === opt.drops,
    `${opt.drops} dropped connections, the server saw ${after.connections - before.connections} 'connection' events`);
  await L.until(() => L.fdCount(pid) === fig.fdBaseline, 10000,
    () => `the server's descriptors to return to ${fig.fdBaseline} after the drops (now ${L.fdCount(pid)})`);
  fig.fdAfterDrops = L.fdCount(pid);
  fig.rssAfterDropsKb = L.rssKb(pid);
  const diff = (a, b) => {
    const o = {};
    for (const k of Object.keys(a)) if (a[k] - (b[k] || 0)) o[k] = a[k] - (b[k] || 0);
    return o;
  };
  fig.dropEvents = {
    clientError: diff(after.clientErrors, before.clientErrors),
    requestAborted: after.requestAborted - before.requestAborted,
    requestErrors: diff(after.requestErrors, before.requestErrors),
    requestIncomplete: after.requestIncomplete - before.requestIncomplete,
    requestsAnswered: after.requests - before.requests,
  };
  fig.dropKinds = perKind;
  L.check(fig.dropEvents.requestsAnswered === 0, 'a partial request was answered');
  // As node 20 gives them: one 'clientError' per dropped connection, almost
  // always HPE_INVALID_EOF_STATE (the request ends early, whether by FIN or
  // RST), now and then ECONNRESET for a reset; a request whose headers were
  // complete emits 'aborted' and 'error' (ECONNRESET) and never 'end'.
  const ce = fig.dropEvents.clientError;
  const ceTotal = Object.values(ce).reduce((a, b) => a + b, 0);
  L.check(ceTotal === opt.drops, `${opt.drops} dropped connections, ${ceTotal} 'clientError' events: ${JSON.stringify(ce)}`);
  L.check(Object.keys(ce).every((c) => c === 'HPE_INVALID_EOF_STATE' || c === 'ECONNRESET'),
    `'clientError' codes other than HPE_INVALID_EOF_STATE/ECONNRESET: ${JSON.stringify(ce)}`);
  const bodies = (perKind['body/fin'] || 0) + (perKind['body/rst'] || 0);
  L.check(fig.dropEvents.requestAborted === bodies, `${bodies} requests cut in their body, ${fig.dropEvents.requestAborted} 'aborted'`);
  L.check((fig.dropEvents.requestErrors.ECONNRESET || 0) === bodies && Object.keys(fig.dropEvents.requestErrors).length <= 1,
    `${bodies} requests cut in their body, request 'error' events: ${JSON.stringify(fig.dropEvents.requestErrors)}`);
  L.check(fig.dropEvents.requestIncomplete === bodies, `${bodies} requests cut in their body, ${fig.dropEvents.requestIncomplete} closed before 'end'`);
  L.check(Object.keys(after.serverErrors).length === 0, `server 'error' events: ${JSON.stringify(after.serverErrors)}`);

  // Still serving.
  const n = await L.within(rawClient(server.port, 10, 1), 10000, 'requests after the drops');
  L.check(n === 10, 'requests after the drops');

  fig.rssGrowthAfterWarmupKb = fig.rssEndKb - fig.rssAfterWarmupKb;
  fig.rssChecked = !L.sanitized(pid);
  if (opt.json) console.log(JSON.stringify(fig));
  else console.log(JSON.stringify(fig, null, 2));
  L.check(fig.heapUsedEndKb - fig.heapUsedAfterWarmupKb <= opt['max-heap-growth-kb'],
    `the live heap grew from ${fig.heapUsedAfterWarmupKb} KB after the warm-up to ${fig.heapUsedEndKb} KB (limit +${opt['max-heap-growth-kb']})`);
  L.check(!fig.rssChecked || fig.rssGrowthAfterWarmupKb <= opt['max-rss-growth-kb'],
    `RSS grew by ${fig.rssGrowthAfterWarmupKb} KB after the warm-up (limit ${opt['max-rss-growth-kb']})`);
  server.child.stdin.write('quit\n');
  L.check((await L.within(server.exit, 10000, 'the server to exit')).code === 0, 'the server exits 0');
}

L.run(main);
