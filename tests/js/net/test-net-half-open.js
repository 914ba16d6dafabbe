'use strict';
// allowHalfOpen: the server's side stays writable after the client's FIN;
// without it the socket ends itself and later writes fail with EPIPE.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const half = net.createServer({ allowHalfOpen: true }, common.mustCall((socket) => {
  assert.strictEqual(socket.allowHalfOpen, true);
  let got = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => { got += d; });
  socket.on('end', common.mustCall(() => {
    assert.strictEqual(got, 'request');
    assert.strictEqual(socket.writable, true);
    assert.strictEqual(socket.readyState, 'writeOnly');
    // Answer after the peer finished writing.
    setTimeout(() => socket.end('late reply'), 10);
  }));
}));
half.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(half.address().port, '127.0.0.1', common.mustCall(() => {
    client.end('request');
  }));
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { reply += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(reply, 'late reply');
  }));
  client.on('close', common.mustCall(() => half.close()));
}));

// Default (allowHalfOpen false): the server side ends when the client does.
const full = net.createServer(common.mustCall((socket) => {
  assert.strictEqual(socket.allowHalfOpen, false);
  socket.resume();
  socket.on('end', common.mustCall());
  socket.on('finish', common.mustCall(() => {
    assert.strictEqual(socket.writableEnded, true);
  }));
  socket.on('close', common.mustCall(() => full.close()));
}));
full.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect({ port: full.address().port, host: '127.0.0.1', allowHalfOpen: true });
  client.on('connect', common.mustCall(() => client.end()));
  client.on('end', common.mustCall(() => {
    // Our side ended too (end() above), so nothing more to write.
    assert.strictEqual(client.writableEnded, true);
  }));
  client.resume();
}));

// A client without allowHalfOpen writing after the peer's FIN: EPIPE error.
const ender = net.createServer(common.mustCall((socket) => {
  socket.end();
  socket.resume();
  socket.on('close', common.mustCall(() => ender.close()));
}));
ender.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect({ port: ender.address().port, host: '127.0.0.1', allowHalfOpen: true });
  client.resume();
  client.on('end', common.mustCall(() => {
    // allowHalfOpen: still writable, and the write goes through.
    assert.strictEqual(client.writable, true);
    client.end('bye');
  }));
  client.on('close', common.mustCall());
}));
