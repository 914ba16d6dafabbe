'use strict';
// ALPN selection (server preference among the client's offers) and SNI:
// SNICallback choosing a context, server.addContext with wildcards.
const common = require('../common');
const assert = require('assert');
const tls = require('tls');
const certs = require('./fixtures/certs');

const self = certs.get('self');
const other = certs.get('other');

const steps = [
  function alpn(next) {
    const server = tls.createServer({ key: self.key, cert: self.cert,
                                      ALPNProtocols: ['h2', 'http/1.1'] }, (s) => {
      assert.strictEqual(s.alpnProtocol, 'http/1.1');
      s.resume();
      s.end();
    });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, host: 'localhost', ca: self.cert,
                              ALPNProtocols: ['foo', 'http/1.1'] }, common.mustCall(() => {
        assert.strictEqual(c.alpnProtocol, 'http/1.1');
        c.resume();
        c.end();
      }));
      c.on('close', common.mustCall(() => server.close(next)));
    }));
  },
  function alpnBuffer(next) {
    const server = tls.createServer({ key: self.key, cert: self.cert,
                                      ALPNProtocols: Buffer.from('\x02h2\x08http/1.1') }, (s) => {
      assert.strictEqual(s.alpnProtocol, 'h2');
      s.resume();
      s.end();
    });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, host: 'localhost', ca: self.cert,
                              ALPNProtocols: ['http/1.1', 'h2'] }, common.mustCall(() => {
        assert.strictEqual(c.alpnProtocol, 'h2');
        c.resume();
        c.end();
      }));
      c.on('close', common.mustCall(() => server.close(next)));
    }));
  },
  function noServerAlpn(next) {
    const server = tls.createServer({ key: self.key, cert: self.cert }, (s) => {
      assert.strictEqual(s.alpnProtocol, false);
      s.resume();
      s.end();
    });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, host: 'localhost', ca: self.cert,
                              ALPNProtocols: ['h2'] }, common.mustCall(() => {
        assert.strictEqual(c.alpnProtocol, false);
        c.resume();
        c.end();
      }));
      c.on('close', common.mustCall(() => server.close(next)));
    }));
  },
  function sniCallback(next) {
    const otherContext = tls.createSecureContext({ key: other.key, cert: other.cert });
    const names = [];
    const server = tls.createServer({
      key: self.key, cert: self.cert,
      SNICallback: common.mustCall((servername, cb) => {
        names.push(servername);
        setImmediate(() => cb(null, servername === 'other.test' ? otherContext : undefined));
      }, 2),
    }, (s) => {
      s.resume();
      s.end(s.servername);
    });
    server.listen(0, common.mustCall(() => {
      const port = server.address().port;
      const a = tls.connect({ port, host: '127.0.0.1', servername: 'other.test', ca: other.cert },
                            common.mustCall(() => {
        assert.strictEqual(a.authorized, true);
        assert.strictEqual(a.getPeerCertificate().subject.CN, 'other.test');
        let body = '';
        a.setEncoding('utf8');
        a.on('data', (d) => { body += d; });
        a.on('end', common.mustCall(() => {
          assert.strictEqual(body, 'other.test');
          const b = tls.connect({ port, host: 'localhost', servername: 'localhost',
                                  ca: self.cert }, common.mustCall(() => {
            assert.strictEqual(b.getPeerCertificate().subject.CN, 'localhost');
            b.resume();
            b.end();
          }));
          b.on('close', common.mustCall(() => {
            assert.deepStrictEqual(names, ['other.test', 'localhost']);
            server.close(next);
          }));
        }));
      }));
    }));
  },
  function sniError(next) {
    const server = tls.createServer({
      key: self.key, cert: self.cert,
      SNICallback: (servername, cb) => cb(new Error('no such name')),
    }, common.mustNotCall());
    let pending = 2;
    const done = () => { if (--pending === 0) server.close(next); };
    server.on('tlsClientError', common.mustCall((err) => {
      assert.strictEqual(err.message, 'no such name');
      done();
    }));
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, servername: 'x.test', ca: self.cert });
      c.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ECONNRESET');
        done();
      }));
    }));
  },
  function addContext(next) {
    const server = tls.createServer({ key: self.key, cert: self.cert }, (s) => {
      s.resume();
      s.end();
    });
    server.addContext('*.test', { key: other.key, cert: other.cert });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, servername: 'other.test',
                              ca: other.cert }, common.mustCall(() => {
        assert.strictEqual(c.authorized, true);
        assert.strictEqual(c.getPeerCertificate().subject.CN, 'other.test');
        c.resume();
        c.end();
      }));
      c.on('close', common.mustCall(() => server.close(next)));
    }));
  },
];

function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
}
run(0);
