'use strict';
// Inspector abuse (issue 12): a program under --inspect, and WebSocket clients
// that misbehave.
//   node tests/soak/inspector.js RUNTIME [--flood N] [--rounds R] [--json]
// Each case is followed by the same check: the program still runs (its counter
// advanced) and a new client can attach and evaluate. Cases:
// - garbage frames: a reserved opcode, a reserved bit, a text frame with bad
//   UTF-8, an unmasked client frame, a 2^62-byte length, a 256 MiB length then
//   the connection dropped, a fragmented control frame, non-JSON text, JSON
//   that is not a command; a binary frame;
// - a client that disconnects (RST) while the program is paused by it
//   (Debugger.pause), and one that closes properly while paused;
// - a flood: N Runtime.evaluate sent without waiting: all N answered, in
//   order; then N more and the client drops the connection without reading.
// Prints what the server did with each garbage frame (close code or not),
// the flood's rate and the program's RSS before/after.
const L = require('./lib');
const W = require('./ws');

const opt = L.options({ flood: 5000, rounds: 1, json: false });
const runtime = opt._ && opt._[0];
if (!runtime) L.fail('usage: node inspector.js RUNTIME [options]');

async function main() {
  const p = L.start(runtime, ['--inspect=127.0.0.1:0', `${__dirname}/fixtures/ticker.js`]);
  const m = await p.stderr.next(/Debugger listening on (ws:\/\/[\d.]+:\d+\/[0-9a-f-]+)/);
  const url = m[1];
  const fig = { runtime, garbage: {} };
  let lastTick = 0;

  // The program still counts, and a new client attaches and evaluates.
  async function healthy(what) {
    L.check(p.alive(), `after ${what}: the program exited ${JSON.stringify(p.exited)}\n${p.stderr.text.slice(-2000)}`);
    const t = await p.stdout.next(/^tick (\d+)$/, 10000).catch(() => L.fail(`after ${what}: the program stopped counting`));
    const c = await L.within(W.connect(url), 10000, `a new client after ${what}`);
    c.socket.write(W.frame(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: 'globalThis.ticks * 1' } })));
    await L.within(W.waitFor(c, () => c.messages.some((x) => x.id === 1) || c.closed), 10000, `an evaluation after ${what}`);
    const r = c.messages.find((x) => x.id === 1);
    L.check(r && r.result && r.result.result.type === 'number', `after ${what}: evaluate answered ${JSON.stringify(r)}`);
    L.check(Number(t[1]) >= lastTick, `after ${what}: the counter went back`);
    lastTick = Number(t[1]);
    c.socket.destroy();
  }
  await healthy('the start');

  // Garbage frames; each on a new connection. What the server does is noted:
  // closed (with a close code) or still open after the frame.
  const ok = JSON.stringify({ id: 7, method: 'Runtime.evaluate', params: { expression: '1' } });
  const garbage = {
    'reserved opcode': W.frame(ok, { opcode: 3 }),
    'reserved bit': W.frame(ok, { rsv: 4 }),
    'bad utf-8': W.frame(Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])),
    'unmasked': W.frame(ok, { mask: false }),
    'length 2^62': Buffer.concat([W.frame('', { length: 2 ** 62 }).subarray(0, 14), Buffer.alloc(64, 1)]),
    'fragmented ping': W.frame('x', { opcode: 9, fin: false }),
    'not json': W.frame('hello, inspector'),
    'json, not a command': W.frame('[1,2,3]'),
    'binary': W.frame(ok, { opcode: 2 }),
  };
  for (const [name, bytes] of Object.entries(garbage)) {
    const c = await L.within(W.connect(url), 10000, `a client for '${name}'`);
    c.socket.write(bytes);
    // Then a valid command: answered if the server kept the connection.
    c.socket.write(W.frame(ok));
    // (A frame that claims more than was sent is waited for: neither.)
    const settled = await L.within(W.waitFor(c, () => c.closed || c.messages.some((x) => x.id === 7)), 2000, '')
      .then(() => true, () => false);
    fig.garbage[name] = !settled ? 'waits' : c.closed ? `closed${c.closeCode === null ? '' : ` ${c.closeCode}`}` : 'answered';
    c.socket.destroy();
    await healthy(`'${name}'`);
  }
  // A 256 MiB length, 1 MiB of it sent, then the connection dropped.
  {
    const c = await L.within(W.connect(url), 10000, 'a client for a huge frame');
    c.socket.write(W.frame('', { length: 256 << 20 }).subarray(0, 14));
    c.socket.write(Buffer.alloc(1 << 20, 0x20));
    await L.sleep(50);
    c.socket.resetAndDestroy();
    await healthy('a 256 MiB frame cut short');
  }

  // Disconnecting while the program is paused by this client.
  for (const how of ['rst', 'close']) {
    const c = await L.within(W.connect(url), 10000, 'a client to pause');
    c.socket.write(W.frame(JSON.stringify({ id: 1, method: 'Debugger.enable' })));
    c.socket.write(W.frame(JSON.stringify({ id: 2, method: 'Debugger.pause' })));
    await L.within(W.waitFor(c, () => c.messages.some((x) => x.method === 'Debugger.paused')), 10000, 'Debugger.paused');
    if (how === 'rst') c.socket.resetAndDestroy();
    else {
      c.socket.write(W.frame(Buffer.from([0x03, 0xe8]), { opcode: 8 }));
      c.socket.end();
    }
    await healthy(`a disconnect (${how}) while paused`);
  }

  // The flood (--rounds times: RSS after each round shows whether what a
  // round takes is reused or kept).
  fig.rssBeforeFloodKb = L.rssKb(p.pid);
  fig.rssAfterRoundKb = [];
  for (let round = 0; round < opt.rounds; round++) {
    const c = await L.within(W.connect(url), 10000, 'a flooding client');
    const n = opt.flood;
    const t0 = Date.now();
    // One write per message, as a client library sends them (node's inspector
    // drops a connection whose single read holds ~1000 messages).
    for (let i = 1; i <= n; i++) {
      c.socket.write(W.frame(JSON.stringify({ id: i, method: 'Runtime.evaluate', params: { expression: `${i} * 2` } })));
    }
    await L.within(W.waitFor(c, () => c.closed || c.messages.length >= n), Math.max(20000, n / 5),
      () => `${n} answers to the flood (got ${c.messages.length})`);
    fig.floodSeconds = (Date.now() - t0) / 1000;
    fig.floodAnswered = c.messages.filter((x) => x.id).length;
    L.check(fig.floodAnswered === n, `${n} evaluations sent, ${fig.floodAnswered} answered (closed: ${c.closed} ${c.closeCode}; ${JSON.stringify(c.messages.slice(0, 3))})`);
    for (let i = 0; i < n; i++) {
      const x = c.messages[i];
      if (x.id !== i + 1 || x.result.result.value !== (i + 1) * 2) L.fail(`answer ${i + 1}: ${JSON.stringify(x)}`);
    }
    fig.floodPerSecond = Math.round(n / fig.floodSeconds);
    // N more, and gone without reading the answers.
    for (let i = 1; i <= n; i++) {
      c.socket.write(W.frame(JSON.stringify({ id: i, method: 'Runtime.evaluate', params: { expression: `'x'.repeat(1000)` } })));
    }
    c.socket.pause();
    await L.sleep(100);
    c.socket.resetAndDestroy();
    await healthy('a flood left unread');
    fig.rssAfterRoundKb.push(L.rssKb(p.pid));
  }
  fig.rssAfterFloodKb = L.rssKb(p.pid);
  await healthy('everything');
  if (opt.json) console.log(JSON.stringify(fig));
  else console.log(JSON.stringify(fig, null, 2));
  p.child.kill('SIGKILL');
}

L.run(main);
