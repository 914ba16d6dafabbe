'use strict';
// The inspector figures, nodus vs node in one run (driven by
// tests/bench/inspector.sh; no assertions):
//   node bench.js NODUS NODE FIXTURE_DIR [RUNS]
// A benchmark a runtime fails prints "failed" (with the reason on stderr)
// instead of stopping the run.
const fs = require('fs');
const path = require('path');
const L = require('./lib.js');

const [nodus, node, fixture, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 10);
const WebSocket = L.fixtureRequire(path.resolve(fixture), 'ws');
const work = L.tmpdir();

fs.writeFileSync(path.join(work, 'idle.js'), 'setTimeout(() => {}, 20000);\n');
fs.writeFileSync(path.join(work, 'brk.js'), "'use strict';\nconst x = 1;\nconsole.log(x);\n");
// ~100 MB of live objects and strings.
fs.writeFileSync(
  path.join(work, 'heap100.js'),
  `'use strict';
const keep = [];
for (let i = 0; i < 200000; i++) {
  keep.push({ id: i, name: 'item-' + i + '-' + String(i * 7919).padStart(120, '#'), tags: [i, i + 1, i + 2] });
}
globalThis.keep = keep;
console.log('allocated');
setTimeout(() => {}, 60000);
`,
);

const notes = [];
const now = () => Number(process.hrtime.bigint()) / 1e6;

function connect(url) {
  return L.within(
    new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
      let nextId = 1;
      const pending = new Map();
      const listeners = [];
      ws.on('message', (data) => {
        const msg = JSON.parse(data);
        if (msg.id !== undefined && pending.has(msg.id)) {
          pending.get(msg.id)(msg);
          pending.delete(msg.id);
        } else for (const l of listeners) l(msg);
      });
      ws.call = (method, params = {}, ms = 60000) =>
        L.within(
          new Promise((res) => {
            const id = nextId++;
            pending.set(id, res);
            ws.send(JSON.stringify({ id, method, params }));
          }),
          ms,
          method,
        );
      ws.onEvent = (l) => listeners.push(l);
      ws.on('open', () => resolve(ws));
      ws.on('error', reject);
    }),
    L.WAIT_MS,
    `WebSocket ${url}`,
  );
}

async function stopProcess(p) {
  p.child.kill('SIGKILL');
  await p.waitExit().catch(() => {});
}

const benches = {
  // ms from spawn to the "Debugger listening" line (mean of RUNS).
  async 'start → listening'(rt) {
    let sum = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = now();
      const p = await L.startInspected(rt, '--inspect', 'idle.js', { cwd: work });
      sum += now() - t0;
      await stopProcess(p);
    }
    return sum / RUNS;
  },
  // ms from spawn to the first Debugger.paused under --inspect-brk (mean).
  async 'start → first pause'(rt) {
    let sum = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = now();
      const p = await L.startInspected(rt, '--inspect-brk', 'brk.js', { cwd: work });
      const ws = await connect(p.wsUrl);
      const paused = new Promise((resolve) => ws.onEvent((m) => m.method === 'Debugger.paused' && resolve()));
      ws.call('Runtime.enable');
      ws.call('Debugger.enable');
      ws.call('Runtime.runIfWaitingForDebugger');
      await L.within(paused, L.WAIT_MS, 'Debugger.paused');
      sum += now() - t0;
      ws.terminate();
      await stopProcess(p);
    }
    return sum / RUNS;
  },
  // ms for 1,000 sequential Runtime.evaluate round trips.
  async 'Runtime.evaluate ×1000'(rt) {
    const p = await L.startInspected(rt, '--inspect', 'idle.js', { cwd: work });
    const ws = await connect(p.wsUrl);
    for (let i = 0; i < 50; i++) await ws.call('Runtime.evaluate', { expression: `${i} + 1` });
    const t0 = now();
    for (let i = 0; i < 1000; i++) {
      const r = await ws.call('Runtime.evaluate', { expression: `${i} + 1` });
      if (!r.result || r.result.result.value !== i + 1) throw new Error(`bad answer ${JSON.stringify(r)}`);
    }
    const ms = now() - t0;
    ws.terminate();
    await stopProcess(p);
    return ms;
  },
  // ms from HeapProfiler.takeHeapSnapshot to its answer, all chunks received,
  // for a ~100 MB heap.
  async 'heap snapshot (100 MB)'(rt) {
    const p = await L.startInspected(rt, '--inspect', 'heap100.js', { cwd: work });
    await p.stdout.wait(/allocated\n/, 60000);
    const ws = await connect(p.wsUrl);
    await ws.call('HeapProfiler.enable');
    let bytes = 0;
    let firstChunk = 0;
    ws.onEvent((m) => {
      if (m.method !== 'HeapProfiler.addHeapSnapshotChunk') return;
      if (!bytes) firstChunk = now();
      bytes += m.params.chunk.length;
    });
    const heap = await ws.call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed' });
    const t0 = now();
    await ws.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, 300000);
    const ms = now() - t0;
    const used = heap.result && heap.result.result ? heap.result.result.value : NaN;
    notes.push(`${rt === nodus ? 'nodus' : 'node'}: heap used ${(used / 1e6).toFixed(0)} MB, snapshot ${(bytes / 1e6).toFixed(0)} MB of JSON, first chunk after ${(firstChunk - t0).toFixed(0)} ms (V8 building it), the rest ${(t0 + ms - firstChunk).toFixed(0)} ms (serialising and sending)`);
    ws.terminate();
    await stopProcess(p);
    return ms;
  },
};

(async () => {
  const fmt = (v) => (typeof v === 'number' ? v.toFixed(2) : v);
  console.log(`${'benchmark'.padEnd(26)} ${'nodus (ms)'.padStart(12)} ${'node (ms)'.padStart(12)} ${'nodus/node'.padStart(12)}`);
  console.log(`${'-'.repeat(26)} ${'-'.repeat(12)} ${'-'.repeat(12)} ${'-'.repeat(12)}`);
  for (const [name, fn] of Object.entries(benches)) {
    const r = {};
    for (const [label, rt] of [['nodus', nodus], ['node', node]]) {
      try {
        r[label] = await fn(rt);
      } catch (e) {
        notes.push(`${label}: ${name} failed: ${e.message.split('\n').slice(0, 6).join('\n  ')}`);
        r[label] = 'failed';
      }
    }
    const ratio = typeof r.nodus === 'number' && typeof r.node === 'number' && r.node > 0 ? (r.nodus / r.node).toFixed(2) : 'n/a';
    console.log(`${name.padEnd(26)} ${fmt(r.nodus).padStart(12)} ${fmt(r.node).padStart(12)} ${ratio.padStart(12)}`);
  }
  for (const n of notes) console.log(`  ${n}`);
  process.exit(0);
})();
