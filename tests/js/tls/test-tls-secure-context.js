'use strict';
// createSecureContext option errors with node's codes, the module's
// constants, getCiphers, rootCertificates, checkServerIdentity.
require('../common');
const assert = require('assert');
const tls = require('tls');
const certs = require('./fixtures/certs');

const self = certs.get('self');
const other = certs.get('other');

const sc = tls.createSecureContext({ key: self.key, cert: self.cert });
assert.ok(sc instanceof tls.SecureContext);
assert.strictEqual(typeof sc.context, 'object');
tls.createSecureContext();
tls.createSecureContext({ key: self.key.toString(), cert: self.cert.toString(), ca: [self.cert] });
tls.createSecureContext({ key: [{ pem: self.key }], cert: [self.cert] });
tls.createSecureContext({ key: self.key, cert: self.cert, passphrase: 'unused' });
tls.createSecureContext({ ca: 'garbage' });  // unparsable CAs are ignored
tls.createSecureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
tls.createSecureContext({ ciphers: 'TLS_AES_128_GCM_SHA256' });
tls.createSecureContext({ ecdhCurve: 'P-256:X25519' });
tls.createSecureContext({ secureProtocol: 'TLSv1_2_method' });

function throwsCode(options, code, extra) {
  assert.throws(() => tls.createSecureContext(options), (err) => {
    assert.strictEqual(err.code, code);
    if (extra) extra(err);
    return true;
  });
}
throwsCode({ key: self.key, cert: other.cert }, 'ERR_OSSL_X509_KEY_VALUES_MISMATCH', (err) => {
  assert.strictEqual(err.library, 'x509 certificate routines');
  assert.strictEqual(err.reason, 'key values mismatch');
  assert.match(err.message, /^error:05800074:x509 certificate routines::key values mismatch$/);
});
throwsCode({ key: 'garbage' }, 'ERR_OSSL_UNSUPPORTED', (err) => {
  assert.strictEqual(err.reason, 'unsupported');
});
throwsCode({ cert: 'garbage' }, 'ERR_OSSL_PEM_NO_START_LINE', (err) => {
  assert.strictEqual(err.message, 'error:0480006C:PEM routines::no start line');
  assert.strictEqual(err.library, 'PEM routines');
});
throwsCode({ ciphers: 'nope' }, 'ERR_SSL_NO_CIPHER_MATCH', (err) => {
  assert.strictEqual(err.message, 'error:0A0000B9:SSL routines::no cipher match');
});
throwsCode({ ecdhCurve: 'nope' }, 'ERR_CRYPTO_OPERATION_FAILED', (err) => {
  assert.strictEqual(err.message, 'Failed to set ECDH curve');
});
throwsCode({ minVersion: 'TLSv9' }, 'ERR_TLS_INVALID_PROTOCOL_VERSION', (err) => {
  assert.ok(err instanceof TypeError);
  assert.strictEqual(err.message, '"TLSv9" is not a valid minimum TLS protocol version');
});
throwsCode({ maxVersion: 'SSLv3' }, 'ERR_TLS_INVALID_PROTOCOL_VERSION', (err) => {
  assert.strictEqual(err.message, '"SSLv3" is not a valid maximum TLS protocol version');
});
throwsCode({ secureProtocol: 'TLSv1_2_method', minVersion: 'TLSv1.2' },
           'ERR_TLS_PROTOCOL_VERSION_CONFLICT', (err) => {
  assert.ok(err instanceof TypeError);
  assert.strictEqual(err.message,
                     'TLS protocol version "TLSv1.2" conflicts with secureProtocol "TLSv1_2_method"');
});

// Constants.
assert.strictEqual(tls.DEFAULT_MIN_VERSION, 'TLSv1.2');
assert.strictEqual(tls.DEFAULT_MAX_VERSION, 'TLSv1.3');
assert.strictEqual(tls.DEFAULT_ECDH_CURVE, 'auto');
assert.strictEqual(tls.CLIENT_RENEG_LIMIT, 3);
assert.strictEqual(tls.CLIENT_RENEG_WINDOW, 600);
assert.ok(tls.DEFAULT_CIPHERS.startsWith(
  'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:'));
for (const name of ['checkServerIdentity', 'connect', 'createSecureContext', 'createServer',
  'getCiphers', 'convertALPNProtocols', 'createSecurePair']) {
  assert.strictEqual(typeof tls[name], 'function', name);
}
assert.strictEqual(Object.getPrototypeOf(tls.Server.prototype), require('net').Server.prototype);
assert.strictEqual(Object.getPrototypeOf(tls.TLSSocket.prototype),
                   require('net').Socket.prototype);

const ciphers = tls.getCiphers();
assert.ok(Array.isArray(ciphers));
for (const c of ['aes128-gcm-sha256', 'ecdhe-rsa-aes128-gcm-sha256', 'tls_aes_256_gcm_sha384']) {
  assert.ok(ciphers.includes(c), c);
}
assert.deepStrictEqual(ciphers, [...ciphers].sort());
assert.ok(ciphers.every((c) => c === c.toLowerCase()));

// rootCertificates: a frozen array of PEM strings, the same array each time.
const desc = Object.getOwnPropertyDescriptor(tls, 'rootCertificates');
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(desc.configurable, false);
const roots = tls.rootCertificates;
assert.ok(Array.isArray(roots) && roots.length > 10);
assert.ok(Object.isFrozen(roots));
assert.strictEqual(tls.rootCertificates, roots);
for (const pem of roots) {
  assert.match(pem, /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----$/);
}

// convertALPNProtocols
const out = {};
tls.convertALPNProtocols(['h2', 'http/1.1'], out);
assert.deepStrictEqual(out.ALPNProtocols, Buffer.from('\x02h2\x08http/1.1'));

// checkServerIdentity
const check = tls.checkServerIdentity;
assert.strictEqual(check('localhost', { subject: { CN: 'x' }, subjectaltname: 'DNS:localhost' }),
                   undefined);
assert.strictEqual(check('a.foo.com', { subject: { CN: '*.foo.com' } }), undefined);
assert.strictEqual(check('A.FOO.com.', { subject: {}, subjectaltname: 'DNS:*.foo.com' }),
                   undefined);
assert.strictEqual(check('1.2.3.4', { subject: {}, subjectaltname: 'IP Address:1.2.3.4' }),
                   undefined);
assert.strictEqual(check('::1', { subject: {}, subjectaltname: 'IP Address:0:0:0:0:0:0:0:1' }),
                   undefined);
function mismatch(host, cert, reason) {
  const err = check(host, cert);
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(err.reason, reason);
  assert.strictEqual(err.message, `Hostname/IP does not match certificate's altnames: ${reason}`);
  assert.strictEqual(err.host, host.replace(/\.$/, ''));
  assert.strictEqual(err.cert, cert);
}
mismatch('foo.com', { subject: { CN: 'bar.com' }, subjectaltname: 'DNS:bar.com, IP Address:1.2.3.4' },
         "Host: foo.com. is not in the cert's altnames: DNS:bar.com, IP Address:1.2.3.4");
mismatch('1.2.3.4', { subject: { CN: 'bar.com' }, subjectaltname: 'DNS:bar.com' },
         "IP: 1.2.3.4 is not in the cert's list: ");
mismatch('foo.com', { subject: {} }, 'Cert does not contain a DNS name');
mismatch('foo.com', { subject: { CN: 'bar.com' } }, "Host: foo.com. is not cert's CN: bar.com");
mismatch('a.b.foo.com', { subject: {}, subjectaltname: 'DNS:*.foo.com' },
         "Host: a.b.foo.com. is not in the cert's altnames: DNS:*.foo.com");
mismatch('foo.com', { subject: {}, subjectaltname: 'DNS:*.com' },
         "Host: foo.com. is not in the cert's altnames: DNS:*.com");
// The CN is ignored when there are DNS altnames.
mismatch('bar.com', { subject: { CN: 'bar.com' }, subjectaltname: 'DNS:baz.com' },
         "Host: bar.com. is not in the cert's altnames: DNS:baz.com");
assert.strictEqual(check('www.foo.com', { subject: {}, subjectaltname: 'DNS:w*.foo.com' }),
                   undefined);
