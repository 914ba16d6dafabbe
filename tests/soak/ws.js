'use strict';
// A small WebSocket client over net for the inspector soak: it sends whatever
// frames it is told to, valid or not (RFC 6455 framing), and parses the
// server's frames. Not a general-purpose client.
const crypto = require('crypto');
const net = require('net');

// Resolves with a client once the server answered 101 to the upgrade.
function connect(url) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(u.port), u.hostname);
    const key = crypto.randomBytes(16).toString('base64');
    const c = {
      socket: s, messages: [], closeCode: null, closed: false, waiters: [], buf: Buffer.alloc(0), upgraded: false,
    };
    s.on('error', (e) => { c.error = e; });
    s.on('connect', () => s.write(`GET ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`));
    s.on('data', (d) => {
      c.buf = Buffer.concat([c.buf, d]);
      if (!c.upgraded) {
        const end = c.buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = c.buf.subarray(0, end).toString('latin1');
        c.buf = c.buf.subarray(end + 4);
        if (!/^HTTP\/1\.1 101 /.test(head)) {
          s.destroy();
          reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
          return;
        }
        c.upgraded = true;
        resolve(c);
      }
      parse(c);
    });
    s.on('close', () => {
      c.closed = true;
      if (!c.upgraded) reject(new Error('closed before the upgrade'));
      wake(c);
    });
  });
}

function parse(c) {
  for (;;) {
    const b = c.buf;
    if (b.length < 2) return;
    const opcode = b[0] & 0x0f;
    let len = b[1] & 0x7f;
    let at = 2;
    if (len === 126) {
      if (b.length < 4) return;
      len = b.readUInt16BE(2);
      at = 4;
    } else if (len === 127) {
      if (b.length < 10) return;
      len = Number(b.readBigUInt64BE(2));
      at = 10;
    }
    if (b.length < at + len) return;
    const payload = b.subarray(at, at + len);
    c.buf = b.subarray(at + len);
    if (opcode === 1) c.messages.push(JSON.parse(payload.toString('utf8')));
    else if (opcode === 8) c.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
    wake(c);
  }
}

function wake(c) {
  for (const w of [...c.waiters]) {
    if (w.cond()) {
      c.waiters.splice(c.waiters.indexOf(w), 1);
      w.resolve();
    }
  }
}

// Resolves once cond() holds (checked on every frame and at close).
function waitFor(c, cond) {
  return new Promise((resolve) => {
    c.waiters.push({ cond, resolve });
    wake(c);
  });
}

// One frame. opts: opcode (1), fin (true), mask (true), rsv (0), length (the
// length to claim, default the payload's).
function frame(payload, opts = {}) {
  const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const opcode = opts.opcode === undefined ? 1 : opts.opcode;
  const mask = opts.mask !== false;
  const claimed = opts.length === undefined ? data.length : opts.length;
  const head = [((opts.fin === false ? 0 : 1) << 7) | ((opts.rsv || 0) << 4) | opcode];
  let ext = Buffer.alloc(0);
  const m = mask ? 0x80 : 0;
  if (claimed < 126) {
    head.push(m | claimed);
  } else if (claimed < 65536) {
    head.push(m | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(claimed);
  } else {
    head.push(m | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(claimed));
  }
  let body = data;
  let key = Buffer.alloc(0);
  if (mask) {
    key = crypto.randomBytes(4);
    body = Buffer.from(data);
    for (let i = 0; i < body.length; i++) body[i] ^= key[i & 3];
  }
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}

module.exports = { connect, waitFor, frame };
