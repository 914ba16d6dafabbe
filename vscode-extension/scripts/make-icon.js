#!/usr/bin/env node
// Draws the extension's 128x128 icon (a rounded square with a lowercase "n"
// and a dot) and writes it as a PNG with only zlib: no third-party art.
//   node scripts/make-icon.js images/icon.png
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const N = 128;
const bg = [0x1f, 0x6f, 0x4a];
const fg = [0xf4, 0xf1, 0xe8];
const accent = [0xf2, 0xb6, 0x3c];

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), N - 1 - r);
  const cy = Math.min(Math.max(y, r), N - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// The "n": a stem and an arch of thickness 16 between y=40 and y=100.
function inN(x, y) {
  const stem = x >= 30 && x < 46 && y >= 40 && y < 100;
  const leg = x >= 74 && x < 90 && y >= 62 && y < 100;
  const dx = x - 60;
  const dy = y - 64;
  const d = Math.sqrt(dx * dx + dy * dy);
  const arch = y < 64 && d >= 14 && d < 30 && x >= 30;
  return stem || leg || arch;
}

function inDot(x, y) {
  return (x - 102) ** 2 + (y - 92) ** 2 <= 64;
}

const raw = Buffer.alloc(N * (1 + N * 4));
for (let y = 0; y < N; y++) {
  const row = y * (1 + N * 4);
  raw[row] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    const o = row + 1 + x * 4;
    let c = null;
    if (inRoundedSquare(x, y, 24)) {
      c = inN(x, y) ? fg : inDot(x, y) ? accent : bg;
    }
    if (c) {
      raw[o] = c[0];
      raw[o + 1] = c[1];
      raw[o + 2] = c[2];
      raw[o + 3] = 255;
    }
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(process.argv[2] || 'images/icon.png', png);
