'use strict';
// IPv6 loopback (::1): listen, connect, addresses; skipped where the host has
// no IPv6 loopback.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const os = require('os');

const hasIPv6 = Object.values(os.networkInterfaces()).flat()
  .some((i) => i.family === 'IPv6' && i.address === '::1');
if (!hasIPv6) {
  console.log('skip: no ::1');
  return;
}

const server = net.createServer(common.mustCall((socket) => {
  assert.strictEqual(socket.remoteAddress, '::1');
  assert.strictEqual(socket.remoteFamily, 'IPv6');
  assert.strictEqual(socket.localAddress, '::1');
  socket.end('v6');
}));
server.listen({ port: 0, host: '::1', ipv6Only: true }, common.mustCall(() => {
  const address = server.address();
  assert.strictEqual(address.address, '::1');
  assert.strictEqual(address.family, 'IPv6');
  const client = net.connect({ port: address.port, host: '::1' }, common.mustCall(() => {
    assert.strictEqual(client.remoteAddress, '::1');
    assert.strictEqual(client.remoteFamily, 'IPv6');
    assert.strictEqual(client.localFamily, 'IPv6');
  }));
  let got = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { got += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(got, 'v6');
    server.close();
  }));
}));

// Listening without a host takes '::' (dual stack) and accepts IPv4 too.
const any = net.createServer(common.mustCall((socket) => {
  assert.ok(socket.remoteAddress === '::ffff:127.0.0.1' || socket.remoteAddress === '127.0.0.1');
  socket.end();
}));
any.listen(0, common.mustCall(() => {
  assert.strictEqual(any.address().address, '::');
  assert.strictEqual(any.address().family, 'IPv6');
  const c = net.connect(any.address().port, '127.0.0.1');
  c.resume();
  c.on('end', common.mustCall(() => any.close()));
}));
