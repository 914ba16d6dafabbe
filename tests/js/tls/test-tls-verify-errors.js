'use strict';
// Certificate verification on the client: node's codes and messages for a
// self-signed certificate, a leaf whose issuer is unknown, a host-name
// mismatch (checkServerIdentity), rejectUnauthorized: false, servername and
// IP hosts, a custom checkServerIdentity. A rejecting client never sends its
// Finished, so the server sees 'tlsClientError' (ECONNRESET, socket hang up).
const common = require('../common');
const assert = require('assert');
const tls = require('tls');
const certs = require('./fixtures/certs');

const self = certs.get('self');
const ca = certs.get('ca');
const leaf = certs.get('server');
const other = certs.get('other');

const cases = [
  { name: 'self-signed', server: self, client: { host: 'localhost' },
    error: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' } },
  { name: 'unknown issuer', server: leaf, client: { host: 'localhost' },
    error: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
             message: 'unable to verify the first certificate' } },
  { name: 'altname', server: other, client: { host: 'localhost', ca: other.cert },
    error: { code: 'ERR_TLS_CERT_ALTNAME_INVALID',
             message: "Hostname/IP does not match certificate's altnames: " +
               "Host: localhost. is not in the cert's altnames: DNS:other.test" },
    check(err) {
      assert.deepStrictEqual(Object.keys(err), ['code', 'reason', 'host', 'cert']);
      assert.strictEqual(err.host, 'localhost');
      assert.strictEqual(err.reason,
                         "Host: localhost. is not in the cert's altnames: DNS:other.test");
      assert.strictEqual(err.cert.subject.CN, 'other.test');
    } },
  { name: 'no reject', server: self, client: { host: 'localhost', rejectUnauthorized: false },
    authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
  { name: 'issuer trusted', server: leaf, client: { host: 'localhost', ca: ca.cert },
    authorized: true, authorizationError: null },
  { name: 'ca as array', server: leaf, client: { host: 'localhost', ca: [other.cert, ca.cert] },
    authorized: true, authorizationError: null },
  { name: 'servername', server: other,
    client: { host: '127.0.0.1', servername: 'other.test', ca: other.cert },
    authorized: true, authorizationError: null, servername: 'other.test' },
  { name: 'ip host', server: self, client: { host: '127.0.0.1', ca: self.cert },
    authorized: true, authorizationError: null },
  { name: 'custom identity check', server: self,
    client: { host: 'localhost', ca: self.cert,
              checkServerIdentity: common.mustCall((host, cert) => {
                assert.strictEqual(host, 'localhost');
                assert.strictEqual(cert.subject.CN, 'localhost');
                assert.strictEqual(typeof cert.issuerCertificate, 'object');
                return new Error('nope');
              }) },
    error: { message: 'nope' } },
  { name: 'identity accepted', server: other,
    client: { host: 'localhost', ca: other.cert, checkServerIdentity: () => undefined },
    authorized: true, authorizationError: null },
];

function run(i) {
  if (i === cases.length) return;
  const c = cases[i];
  const server = tls.createServer({ key: c.server.key, cert: c.server.cert }, (socket) => {
    assert.ok(!c.error, `${c.name}: no secureConnection expected`);
    socket.resume();
    socket.end();
  });
  if (c.error) {
    server.on('tlsClientError', common.mustCall((err, socket) => {
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message, 'socket hang up');
      assert.ok(socket instanceof tls.TLSSocket);
    }));
  }
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({ port: server.address().port, ...c.client });
    client.on('secureConnect', () => {
      assert.ok(!c.error, `${c.name}: unexpected secureConnect`);
      assert.strictEqual(client.authorized, c.authorized, c.name);
      assert.strictEqual(client.authorizationError, c.authorizationError, c.name);
      assert.strictEqual(client.servername, c.servername || false);
      client.resume();
      client.end();
    });
    client.on('error', (err) => {
      assert.ok(c.error, `${c.name}: unexpected error ${err.message}`);
      assert.strictEqual(err.code, c.error.code, c.name);
      assert.strictEqual(err.message, c.error.message, c.name);
      if (c.check) c.check(err);
      else if (c.error.code) assert.deepStrictEqual(Object.keys(err), ['code']);
      assert.strictEqual(client.authorized, false);
    });
    client.on('close', common.mustCall(() => {
      server.close(common.mustCall(() => run(i + 1)));
    }));
  }));
}
run(0);
