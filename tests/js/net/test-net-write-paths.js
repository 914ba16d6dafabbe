'use strict';
// Every write path of the stream handle, with the reader paused so writes
// queue in libuv (the asynchronous path that must keep or copy the bytes):
// big and small strings in utf8/latin1/hex/base64/ucs2, buffers, typed
// arrays, corked batches (writev) of buffers only and of mixed chunks.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const big = 'é€😀abc'.repeat(40000); // multi-byte, > 16 KiB
const pieces = [
  [big, 'utf8'],
  ['small', 'utf8'],
  ['l\u00e0tin1\u00ff'.repeat(5000), 'latin1'],
  ['68657820', 'hex'],
  [Buffer.from('base64 chunk ').toString('base64'), 'base64'],
  ['ucs2 text', 'ucs2'],
  [Buffer.alloc(300000, 'b'), undefined],
  [new Uint8Array([1, 2, 3, 4]), undefined],
];
const expected = Buffer.concat([
  ...pieces.map(([chunk, enc]) => (typeof chunk === 'string' ? Buffer.from(chunk, enc) :
    Buffer.from(chunk))),
  Buffer.from('c1c2c3'),
  Buffer.from('m1'), Buffer.from('m2', 'latin1'), Buffer.from('6d33', 'hex'), Buffer.from(big),
]);

const server = net.createServer(common.mustCall((socket) => {
  socket.pause();
  setTimeout(() => {
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', common.mustCall(() => {
      const all = Buffer.concat(chunks);
      assert.strictEqual(all.length, expected.length);
      assert.ok(all.equals(expected));
      server.close();
    }));
    socket.resume();
  }, 50);
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
    let callbacks = 0;
    const done = () => callbacks++;
    for (const [chunk, enc] of pieces) client.write(chunk, enc, done);
    client.cork();
    client.write(Buffer.from('c1'), done);
    client.write(Buffer.from('c2'), done);
    client.write(Buffer.from('c3'), done);
    client.uncork();
    client.cork();
    client.write('m1', 'utf8', done);
    client.write('m2', 'latin1', done);
    client.write('6d33', 'hex', done);
    client.write(big, 'utf8', done);
    client.uncork();
    client.end(common.mustCall(() => {
      assert.strictEqual(callbacks, pieces.length + 7);
      assert.strictEqual(client.bytesWritten, expected.length);
    }));
  }));
}));
