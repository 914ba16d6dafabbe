'use strict';
// requestCert / rejectUnauthorized on the server: a client certificate from
// the trusted CA, none, or an untrusted one; what each side then sees.
const common = require('../common');
const assert = require('assert');
const tls = require('tls');
const certs = require('./fixtures/certs');

const ca = certs.get('ca');
const srv = certs.get('server');
const client = certs.get('client');
const self = certs.get('self');

const cases = [
  { name: 'trusted', server: { requestCert: true }, client: { key: client.key, cert: client.cert },
    secure: { authorized: true, authorizationError: null, cn: 'client' } },
  { name: 'none, not required', server: { requestCert: true, rejectUnauthorized: false },
    client: {},
    secure: { authorized: false, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT' } },
  { name: 'none, required', server: { requestCert: true }, client: {},
    serverError: { code: 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE',
                   keys: ['library', 'reason', 'code'] },
    clientError: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' },
  { name: 'untrusted, not required', server: { requestCert: true, rejectUnauthorized: false },
    client: { key: self.key, cert: self.cert },
    secure: { authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
              cn: 'localhost' } },
  { name: 'untrusted, required', server: { requestCert: true },
    client: { key: self.key, cert: self.cert },
    serverError: { code: 'ECONNRESET', message: 'socket hang up', keys: ['code'] } },
  { name: 'not requested', server: {}, client: { key: client.key, cert: client.cert },
    secure: { authorized: false, authorizationError: null } },
];

function run(i) {
  if (i === cases.length) return;
  const c = cases[i];
  const server = tls.createServer({ key: srv.key, cert: srv.cert, ca: ca.cert, ...c.server },
                                  (socket) => {
    assert.ok(c.secure, `${c.name}: unexpected secureConnection`);
    assert.strictEqual(socket.authorized, c.secure.authorized, c.name);
    assert.strictEqual(socket.authorizationError, c.secure.authorizationError, c.name);
    const peer = socket.getPeerCertificate();
    if (c.secure.cn) assert.strictEqual(peer.subject.CN, c.secure.cn);
    else assert.deepStrictEqual(peer, {});
    socket.resume();
    socket.end();
  });
  server.on('tlsClientError', (err) => {
    assert.ok(c.serverError, `${c.name}: unexpected tlsClientError ${err.code}`);
    assert.strictEqual(err.code, c.serverError.code, c.name);
    if (c.serverError.message) assert.strictEqual(err.message, c.serverError.message);
    assert.deepStrictEqual(Object.keys(err), c.serverError.keys);
  });
  server.listen(0, common.mustCall(() => {
    const socket = tls.connect({ port: server.address().port, host: 'localhost', ca: ca.cert,
                                 ...c.client }, common.mustCall(() => {
      // TLS 1.3: the client is done before the server has checked it.
      assert.strictEqual(socket.authorized, true);
      socket.resume();
      socket.end();
    }));
    socket.on('error', (err) => {
      assert.strictEqual(err.code, c.clientError, c.name);
    });
    socket.on('close', common.mustCall(() => server.close(common.mustCall(() => run(i + 1)))));
  }));
}
run(0);
