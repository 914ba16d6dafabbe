'use strict';
// A TLS server and client over loopback: event order, data both ways,
// close_notify on end, the negotiated session as node reports it.
const common = require('../common');
const assert = require('assert');
const tls = require('tls');
const net = require('net');
const certs = require('./fixtures/certs');

const { key, cert } = certs.get('self');
const events = [];
const serverEvents = [];

const server = tls.createServer({ key, cert }, common.mustCall((socket) => {
  serverEvents.push('secureConnection');
  assert.ok(socket instanceof tls.TLSSocket);
  assert.ok(socket instanceof net.Socket);
  assert.strictEqual(socket.encrypted, true);
  assert.strictEqual(socket.authorized, false);
  assert.strictEqual(socket.authorizationError, null);
  assert.strictEqual(socket.servername, false);
  assert.strictEqual(socket.alpnProtocol, false);
  assert.strictEqual(socket.getProtocol(), 'TLSv1.3');
  assert.strictEqual(socket.remoteAddress, '127.0.0.1');
  assert.strictEqual(typeof socket.remotePort, 'number');
  assert.deepStrictEqual(socket.getPeerCertificate(), {});
  assert.strictEqual(socket.getCertificate().subject.CN, 'localhost');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => { received += d; });
  socket.on('end', common.mustCall(() => {
    serverEvents.push('end');
    assert.strictEqual(received, 'ping');
    socket.end('pong');
  }));
  socket.on('close', common.mustCall(() => {
    serverEvents.push('close');
    server.close();
  }));
}));
server.on('connection', common.mustCall(() => serverEvents.push('connection')));
server.on('tlsClientError', common.mustNotCall());

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const client = tls.connect({ port, host: 'localhost', ca: cert }, common.mustCall(() => {
    events.push('callback');
    assert.strictEqual(client.authorized, true);
    assert.strictEqual(client.authorizationError, null);
    assert.strictEqual(client.encrypted, true);
    assert.strictEqual(client.alpnProtocol, false);
    assert.strictEqual(client.getProtocol(), 'TLSv1.3');
    const cipher = client.getCipher();
    assert.deepStrictEqual(Object.keys(cipher), ['name', 'standardName', 'version']);
    assert.strictEqual(cipher.version, 'TLSv1.3');
    assert.match(cipher.name, /^TLS_/);
    assert.strictEqual(cipher.name, cipher.standardName);
    assert.strictEqual(client.remotePort, port);
    assert.strictEqual(client.localAddress, '127.0.0.1');
    assert.strictEqual(client.isSessionReused(), false);
    client.end('ping');
  }));
  assert.strictEqual(client.connecting, true);
  assert.strictEqual(client.encrypted, true);
  assert.strictEqual(client.authorized, false);
  assert.strictEqual(client.getPeerCertificate().subject, undefined);
  client.on('connect', common.mustCall(() => {
    events.push('connect');
    assert.strictEqual(client.connecting, false);
  }));
  client.on('secureConnect', common.mustCall(() => events.push('secureConnect')));
  let data = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { data += d; });
  client.on('end', common.mustCall(() => {
    events.push('end');
    assert.strictEqual(data, 'pong');
  }));
  client.on('close', common.mustCall((hadError) => {
    events.push('close');
    assert.strictEqual(hadError, false);
  }));
}));

process.on('exit', () => {
  assert.deepStrictEqual(events, ['connect', 'callback', 'secureConnect', 'end', 'close']);
  assert.deepStrictEqual(serverEvents, ['connection', 'secureConnection', 'end', 'close']);
});
