'use strict';
// The onread option: bytes land in the caller's buffer and its callback;
// returning false pauses, resume() continues.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const message = Buffer.from('x'.repeat(1000) + 'y'.repeat(1000));
const server = net.createServer(common.mustCall((socket) => {
  socket.end(message);
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const buffer = Buffer.alloc(256);
  const received = [];
  let paused = false;
  const client = net.connect({
    port: server.address().port,
    host: '127.0.0.1',
    onread: {
      buffer,
      callback: common.mustCallAtLeast(function(nread, buf) {
        assert.strictEqual(this, client);
        assert.strictEqual(buf, buffer);
        assert.ok(nread > 0 && nread <= 256);
        received.push(Buffer.from(buf.subarray(0, nread)));
        if (!paused) {
          paused = true;
          setTimeout(() => client.resume(), 20);
          return false;
        }
      }, 8),
    },
  });
  client.on('data', common.mustNotCall());
  client.on('end', common.mustCall(() => {
    assert.ok(Buffer.concat(received).equals(message));
    server.close();
  }));
}));

// Node accepts any onread object at construction.
new net.Socket({ onread: { buffer: Buffer.alloc(1), callback() {} } }).destroy();
