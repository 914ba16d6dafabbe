'use strict';
// A loopback echo: connection events, addresses, byte counters, readyState,
// big payloads arriving intact, strings in several encodings, cork/writev.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const payload = Buffer.alloc(4 * 1024 * 1024);
for (let i = 0; i < payload.length; i++) payload[i] = (i * 7) & 0xff;

const server = net.createServer(common.mustCall((socket) => {
  assert.ok(socket instanceof net.Socket);
  assert.strictEqual(socket.remoteAddress, '127.0.0.1');
  assert.strictEqual(socket.remoteFamily, 'IPv4');
  assert.strictEqual(socket.localPort, server.address().port);
  assert.strictEqual(socket.server, server);
  socket.pipe(socket);
}));

server.on('listening', common.mustCall(() => {
  const address = server.address();
  assert.strictEqual(address.address, '127.0.0.1');
  assert.strictEqual(address.family, 'IPv4');
  assert.strictEqual(typeof address.port, 'number');
  assert.ok(server.listening);

  const client = net.connect({ port: address.port, host: '127.0.0.1' });
  assert.strictEqual(client.readyState, 'opening');
  assert.strictEqual(client.connecting, true);
  assert.strictEqual(client.pending, true);
  client.on('ready', common.mustCall());
  client.on('connect', common.mustCall(() => {
    assert.strictEqual(client.readyState, 'readOnly'); // end() was already called
    assert.strictEqual(client.connecting, false);
    assert.strictEqual(client.pending, false);
    assert.strictEqual(client.remotePort, address.port);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
    assert.strictEqual(client.localAddress, '127.0.0.1');
    assert.deepStrictEqual(client.address(), {
      address: '127.0.0.1', family: 'IPv4', port: client.localPort,
    });
  }));

  // Written before the connection exists: queued until 'connect'.
  client.write('héllo ', 'utf8');
  client.write('6c6174696e31', 'hex');
  client.cork();
  client.write(' a');
  client.write(Buffer.from(' b'));
  client.write(' c', 'latin1');
  process.nextTick(() => client.uncork());
  client.write(payload);
  client.end(common.mustCall());

  const chunks = [];
  client.on('data', (chunk) => {
    assert.ok(Buffer.isBuffer(chunk));
    chunks.push(chunk);
  });
  client.on('end', common.mustCall(() => {
    const all = Buffer.concat(chunks);
    const head = Buffer.from('héllo latin1 a b c');
    assert.strictEqual(all.length, head.length + payload.length);
    assert.strictEqual(all.subarray(0, head.length).toString(), 'héllo latin1 a b c');
    assert.ok(all.subarray(head.length).equals(payload));
    assert.strictEqual(client.bytesRead, all.length);
    assert.strictEqual(client.bytesWritten, all.length);
  }));
  client.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(client.readyState, 'closed');
    assert.strictEqual(client.destroyed, true);
    server.close(common.mustCall(() => {
      assert.strictEqual(server.listening, false);
      assert.strictEqual(server.address(), null);
    }));
  }));
}));
server.listen(0, '127.0.0.1');
