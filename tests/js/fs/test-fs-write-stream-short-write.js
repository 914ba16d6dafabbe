'use strict';
// A WriteStream whose writes are short (a device with room for part of the
// data, e.g. a nearly full disk) writes the rest; the error that ends it
// (ENOSPC) reaches 'error' and the write callback, and never 'finish'
// (issue 12: nodus took a short write for the whole chunk and finished).
// The `fs` option stands in for a disk that takes at most a few bytes a write.
const assert = require('assert');
const fs = require('fs');
const common = require('../common');

function fakeFs({ perWrite, room }) {
  const disk = { data: Buffer.alloc(0), writes: 0 };
  const take = (buf) => {
    const left = room - disk.data.length;
    if (left <= 0) {
      const err = new Error('ENOSPC: no space left on device, write');
      Object.assign(err, { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return [err, 0];
    }
    const n = Math.min(buf.length, perWrite, left);
    disk.data = Buffer.concat([disk.data, buf.subarray(0, n)]);
    disk.writes++;
    return [null, n];
  };
  disk.fs = {
    open(path, flags, mode, cb) { process.nextTick(cb, null, 99); },
    close(fd, cb) { process.nextTick(cb, null); },
    write(fd, buf, off, len, pos, cb) {
      const [err, n] = take(buf.subarray(off, off + len));
      process.nextTick(cb, err, n, buf);
    },
    writev(fd, bufs, pos, cb) {
      const [err, n] = take(Buffer.concat(bufs));
      process.nextTick(cb, err, n, bufs);
    },
  };
  return disk;
}

const text = 'the quick brown fox jumps over the lazy dog; ';
const chunks = [];
for (let i = 0; i < 20; i++) chunks.push(Buffer.from(`${i}:${text}`));
const all = Buffer.concat(chunks);

// Short writes only: everything arrives, in order. (Positions with `start` are
// not checked: node 20 passes the stream's final position to every retry.)
{
  const disk = fakeFs({ perWrite: 7, room: Infinity });
  const ws = fs.createWriteStream('/nowhere', { fs: disk.fs });
  ws.on('error', common.mustNotCall());
  ws.on('finish', common.mustCall(() => {
    assert.strictEqual(disk.data.toString(), all.toString());
    assert.strictEqual(ws.bytesWritten, all.length);
    assert.ok(disk.writes >= Math.ceil(all.length / 7));
  }));
  // One chunk first (a _write), then many while it is pending (a _writev).
  ws.write(chunks[0], common.mustCall((err) => assert.ifError(err)));
  for (let i = 1; i < chunks.length; i++) ws.write(chunks[i]);
  ws.end();
}

// The disk fills part-way through: the error ends the stream.
for (const room of [5, 60, 400]) {
  const disk = fakeFs({ perWrite: 16, room });
  const ws = fs.createWriteStream('/nowhere', { fs: disk.fs });
  let sawError = false;
  ws.on('finish', common.mustNotCall(`'finish' on a full disk (room ${room})`));
  ws.on('error', common.mustCall((err) => {
    sawError = true;
    assert.strictEqual(err.code, 'ENOSPC');
    assert.strictEqual(disk.data.length, room);
    assert.strictEqual(disk.data.toString(), all.subarray(0, room).toString());
    assert.strictEqual(ws.bytesWritten, room);
  }));
  ws.on('close', common.mustCall(() => assert.ok(sawError)));
  ws.write(chunks[0], common.mustCall((err) => {
    if (room < chunks[0].length) assert.strictEqual(err && err.code, 'ENOSPC');
  }));
  for (let i = 1; i < chunks.length; i++) ws.write(chunks[i], () => {});
  ws.end();
}
