'use strict';
// getPeerCertificate(): node's object shape, a chain issued by a CA with
// issuerCertificate links ending at the self-signed root, and values that
// agree with the certificate's DER bytes.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const tls = require('tls');
const certs = require('./fixtures/certs');

const ca = certs.get('ca');
const server = certs.get('server');

function colonHex(buf) {
  return buf.toString('hex').toUpperCase().match(/../g).join(':');
}

function checkShape(c, cn) {
  const keys = Object.keys(c);
  const rsa = keys.includes('modulus');
  const expected = ['subject', 'issuer'];
  if (c.subjectaltname !== undefined) expected.push('subjectaltname');
  expected.push('ca');
  if (rsa) expected.push('modulus', 'bits', 'exponent', 'pubkey');
  else expected.push('bits', 'pubkey', 'asn1Curve', 'nistCurve');
  expected.push('valid_from', 'valid_to', 'fingerprint', 'fingerprint256', 'fingerprint512',
                'serialNumber', 'raw');
  if (c.issuerCertificate !== undefined) expected.push('issuerCertificate');
  assert.deepStrictEqual(keys, expected);
  assert.strictEqual(Object.getPrototypeOf(c.subject), null);
  assert.strictEqual(Object.getPrototypeOf(c.issuer), null);
  assert.strictEqual(c.subject.CN, cn);
  assert.ok(Buffer.isBuffer(c.raw));
  assert.ok(Buffer.isBuffer(c.pubkey));
  assert.strictEqual(c.fingerprint, colonHex(crypto.createHash('sha1').update(c.raw).digest()));
  assert.strictEqual(c.fingerprint256,
                     colonHex(crypto.createHash('sha256').update(c.raw).digest()));
  assert.strictEqual(c.fingerprint512,
                     colonHex(crypto.createHash('sha512').update(c.raw).digest()));
  assert.match(c.valid_from, /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
  assert.match(c.valid_to, /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
  assert.match(c.serialNumber, /^[0-9A-F]+$/);
  if (rsa) {
    assert.strictEqual(c.bits, 2048);
    assert.strictEqual(c.exponent, '0x10001');
    assert.match(c.modulus, /^[0-9A-F]{512}$/);
  } else {
    assert.strictEqual(c.bits, 256);
    assert.strictEqual(c.asn1Curve, 'prime256v1');
    assert.strictEqual(c.nistCurve, 'P-256');
  }
  // The raw bytes are the PEM's body.
  return c;
}

const srv = tls.createServer({ key: server.key, cert: server.cert }, (socket) => {
  socket.end();
});
srv.listen(0, common.mustCall(() => {
  const client = tls.connect({ port: srv.address().port, host: 'localhost', ca: ca.cert },
                             common.mustCall(() => {
    assert.strictEqual(client.authorized, true);
    const plain = checkShape(client.getPeerCertificate(), 'localhost');
    assert.strictEqual(plain.issuerCertificate, undefined);
    assert.strictEqual(plain.subjectaltname, 'DNS:localhost, IP Address:127.0.0.1');
    assert.strictEqual(plain.ca, false);
    assert.strictEqual(plain.issuer.CN, 'Test CA');
    const pemBody = server.cert.toString().replace(/-----[^-]+-----|\s/g, '');
    assert.strictEqual(plain.raw.toString('base64'), pemBody);

    const detailed = client.getPeerCertificate(true);
    checkShape(detailed, 'localhost');
    const root = checkShape(detailed.issuerCertificate, 'Test CA');
    assert.strictEqual(root.ca, true);
    assert.strictEqual(root.subjectaltname, undefined);
    assert.strictEqual(root.issuerCertificate, root);
    client.end();
  }));
  client.on('close', common.mustCall(() => srv.close()));
}));
