'use strict';
// Handshakes that fail: a TLS client against a plain server that hangs up,
// a plain HTTP request to a TLS server, protocol versions that do not
// overlap, ALPN lists that do not overlap, a client that never says hello.
// Error codes as node reports them.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const tls = require('tls');
const certs = require('./fixtures/certs');

const { key, cert } = certs.get('self');

const steps = [
  function plainServerHangsUp(next) {
    const server = net.createServer((s) => { s.resume(); s.end(); });
    server.listen(0, common.mustCall(() => {
      const port = server.address().port;
      const client = tls.connect({ port, host: 'localhost' });
      client.on('secureConnect', common.mustNotCall());
      client.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ECONNRESET');
        assert.strictEqual(err.message, 'Client network socket disconnected before secure ' +
                           'TLS connection was established');
        assert.deepStrictEqual(Object.keys(err), ['code', 'path', 'host', 'port', 'localAddress']);
        assert.strictEqual(err.host, 'localhost');
        assert.strictEqual(err.port, port);
        server.close(next);
      }));
    }));
  },
  function plainClient(next) {
    const server = tls.createServer({ key, cert }, common.mustNotCall());
    server.on('tlsClientError', common.mustCall((err, socket) => {
      assert.strictEqual(err.code, 'ERR_SSL_HTTP_REQUEST');
      assert.strictEqual(err.library, 'SSL routines');
      assert.strictEqual(err.reason, 'http request');
      assert.deepStrictEqual(Object.keys(err), ['library', 'reason', 'code']);
      assert.ok(socket instanceof tls.TLSSocket);
      assert.strictEqual(socket.destroyed, true);
      server.close(next);
    }));
    server.listen(0, common.mustCall(() => {
      const c = net.connect(server.address().port, () => c.write('GET / HTTP/1.1\r\n\r\n'));
      c.on('error', () => {});
      c.resume();
    }));
  },
  function versionsDisjoint(next) {
    const server = tls.createServer({ key, cert, minVersion: 'TLSv1.3' }, common.mustNotCall());
    let pending = 2;
    const done = () => { if (--pending === 0) server.close(next); };
    server.on('tlsClientError', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_SSL_UNSUPPORTED_PROTOCOL');
      assert.strictEqual(err.reason, 'unsupported protocol');
      done();
    }));
    server.listen(0, common.mustCall(() => {
      const client = tls.connect({ port: server.address().port, host: 'localhost', ca: cert,
                                   maxVersion: 'TLSv1.2' });
      client.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
        assert.strictEqual(err.reason, 'tlsv1 alert protocol version');
        done();
      }));
    }));
  },
  function tls12(next) {
    const server = tls.createServer({ key, cert, maxVersion: 'TLSv1.2' }, (s) => {
      assert.strictEqual(s.getProtocol(), 'TLSv1.2');
      s.resume();
      s.end();
    });
    server.listen(0, common.mustCall(() => {
      const client = tls.connect({ port: server.address().port, host: 'localhost', ca: cert },
                                 common.mustCall(() => {
        assert.strictEqual(client.getProtocol(), 'TLSv1.2');
        const cipher = client.getCipher();
        assert.strictEqual(cipher.version, 'TLSv1.2');
        assert.match(cipher.name, /^ECDHE-(RSA|ECDSA)-AES128-GCM-SHA256$/);
        assert.match(cipher.standardName, /^TLS_ECDHE_(RSA|ECDSA)_WITH_AES_128_GCM_SHA256$/);
        client.resume();
        client.end();
      }));
      client.on('close', common.mustCall(() => server.close(next)));
    }));
  },
  function alpnDisjoint(next) {
    const server = tls.createServer({ key, cert, ALPNProtocols: ['h2'] }, common.mustNotCall());
    let pending = 2;
    const done = () => { if (--pending === 0) server.close(next); };
    server.on('tlsClientError', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_SSL_NO_APPLICATION_PROTOCOL');
      done();
    }));
    server.listen(0, common.mustCall(() => {
      const client = tls.connect({ port: server.address().port, host: 'localhost', ca: cert,
                                   ALPNProtocols: ['http/1.1'] });
      client.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL');
        done();
      }));
    }));
  },
  function handshakeTimeout(next) {
    const server = tls.createServer({ key, cert, handshakeTimeout: 100 }, common.mustNotCall());
    server.on('tlsClientError', common.mustCall((err, socket) => {
      assert.strictEqual(err.code, 'ERR_TLS_HANDSHAKE_TIMEOUT');
      assert.strictEqual(err.message, 'TLS handshake timeout');
      assert.deepStrictEqual(Object.keys(err), ['code']);
      socket.destroy();
      raw.destroy();
      server.close(next);
    }));
    let raw;
    server.listen(0, common.mustCall(() => {
      raw = net.connect(server.address().port);  // never says hello
      raw.on('error', () => {});
    }));
  },
  function refused(next) {
    const server = net.createServer();
    server.listen(0, common.mustCall(() => {
      const port = server.address().port;
      server.close(common.mustCall(() => {
        const client = tls.connect({ port, host: '127.0.0.1' });
        client.on('error', common.mustCall((err) => {
          assert.strictEqual(err.code, 'ECONNREFUSED');
          assert.strictEqual(err.syscall, 'connect');
          assert.strictEqual(err.port, port);
          next();
        }));
      }));
    }));
  },
];

function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
}
run(0);
