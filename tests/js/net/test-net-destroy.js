'use strict';
// Destroying sockets: mid-write, with an error, peers seeing ECONNRESET or
// EPIPE as 'error' events (never crashes), destroyed-socket writes.
const common = require('../common');
const assert = require('assert');
const net = require('net');

// 1. The server destroys each connection at once; the client keeps writing
//    a lot: the client sees EPIPE or ECONNRESET as an 'error'.
const killer = net.createServer(common.mustCall((socket) => {
  socket.destroy();
}));
killer.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(killer.address().port, '127.0.0.1');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let writes = 0;
  function pump() {
    while (writes < 2000 && !client.destroyed) {
      writes++;
      if (!client.write(chunk)) {
        client.once('drain', pump);
        return;
      }
    }
  }
  client.on('connect', pump);
  client.on('error', common.mustCall((err) => {
    assert.ok(['EPIPE', 'ECONNRESET'].includes(err.code), err.code);
    assert.ok(err.syscall === 'write' || err.syscall === 'read', err.syscall);
  }));
  client.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, true);
    killer.close();
  }));
}));

// 2. Destroy with an error mid-write: 'error' then 'close' with hadError.
const sink = net.createServer(common.mustCall((socket) => {
  socket.resume();
  socket.on('error', () => {});
  socket.on('close', common.mustCall(() => sink.close()));
}));
sink.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(sink.address().port, '127.0.0.1', common.mustCall(() => {
    client.write(Buffer.alloc(1024 * 1024));
    client.write('more', common.mustCall());
    client.destroy(new Error('boom'));
    assert.strictEqual(client.destroyed, true);
    assert.strictEqual(client.readyState, 'closed');
  }));
  const events = [];
  client.on('error', common.mustCall((err) => {
    events.push('error');
    assert.strictEqual(err.message, 'boom');
  }));
  client.on('close', common.mustCall((hadError) => {
    events.push('close');
    assert.strictEqual(hadError, true);
    assert.deepStrictEqual(events, ['error', 'close']);
    // Writing after destroy: ERR_STREAM_DESTROYED through the callback.
    client.write('x', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
    }));
  }));
}));

// 3. A socket destroyed before it connects closes without an error.
const early = net.connect(9, '127.0.0.1');
early.on('connect', common.mustNotCall());
early.on('error', common.mustNotCall());
early.on('close', common.mustCall((hadError) => assert.strictEqual(hadError, false)));
early.destroy();

// 4. The server resets a client that is reading: ECONNRESET on read or a clean end.
const resetter = net.createServer(common.mustCall((socket) => {
  socket.on('data', common.mustCall(() => {
    socket.destroy();
  }));
}));
resetter.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(resetter.address().port, '127.0.0.1', common.mustCall(() => {
    client.write('ping');
  }));
  client.on('error', (err) => assert.ok(['ECONNRESET', 'EPIPE'].includes(err.code)));
  client.resume();
  client.on('close', common.mustCall(() => resetter.close()));
}));

// 5. resetAndDestroy sends an RST: the peer's read fails with ECONNRESET.
const rst = net.createServer(common.mustCall((socket) => {
  socket.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ECONNRESET');
    assert.strictEqual(err.syscall, 'read');
  }));
  socket.on('close', common.mustCall(() => rst.close()));
  socket.resume();
}));
rst.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(rst.address().port, '127.0.0.1');
  // While connecting: the reset happens after 'connect'.
  assert.strictEqual(client.resetAndDestroy(), client);
  client.on('connect', common.mustCall());
  client.on('close', common.mustCall((hadError) => assert.strictEqual(hadError, false)));
}));

// 6. resetAndDestroy without a handle: ERR_SOCKET_CLOSED.
const idle = new net.Socket();
idle.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_SOCKET_CLOSED');
  assert.strictEqual(err.message, 'Socket is closed');
}));
idle.resetAndDestroy();
