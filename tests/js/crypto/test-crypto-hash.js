'use strict';
// createHash, crypto.hash, getHashes: digests, encodings, copy, errors.
// Outputs are compared as hex so the test does not depend on Buffer.
require('../common');
const assert = require('assert');
const crypto = require('crypto');

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const known = {
  md5: '900150983cd24fb0d6963f7d28e17f72',
  sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  sha224: '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
  sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  sha384: 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed' +
    '8086072ba1e7cc2358baeca134c825a7',
  sha512: 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
    '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  'sha512-256': '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23',
  'sha3-256': '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
  shake128: '5881092dd818bf5cf8a3ddb793fbcba7',
  shake256: '483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739',
  ripemd160: '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
  'RSA-SHA256': 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
};
for (const [algorithm, digest] of Object.entries(known)) {
  assert.strictEqual(crypto.createHash(algorithm).update('abc').digest('hex'), digest, algorithm);
  assert.strictEqual(hex(crypto.createHash(algorithm).update('abc').digest()), digest);
  assert.strictEqual(crypto.hash(algorithm, 'abc'), digest);
}
assert.strictEqual(crypto.createHash('SHA256').update('').digest('base64url'),
                   '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
assert.strictEqual(crypto.createHash('sha1').update('abc').digest('base64'),
                   'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
assert.strictEqual(crypto.hash('sha1', 'abc', 'base64'), 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
assert.strictEqual(hex(crypto.hash('sha1', new Uint8Array(2), 'buffer')),
                   '1489f923c4dca729178b3e3233458550d8dddf29');

// Every listed hash works.
const hashes = crypto.getHashes();
assert.ok(hashes.includes('sha256') && hashes.includes('md5') && hashes.includes('sha3-512'));
assert.deepStrictEqual([...hashes].sort(), hashes);
for (const name of hashes) {
  const digest = crypto.createHash(name).update('x').digest();
  assert.ok(digest.length > 0, name);
}

// Input encodings.
const md5 = (data, encoding) => crypto.createHash('md5').update(data, encoding).digest('hex');
assert.strictEqual(md5('é', 'latin1'), '3406877694691ddd1dfb0aca54681407');
assert.strictEqual(md5('é', 'binary'), '3406877694691ddd1dfb0aca54681407');
assert.strictEqual(md5('é', 'ascii'), '3406877694691ddd1dfb0aca54681407');
assert.strictEqual(md5('é'), '66ddcd97cfdeabb2f6fb8a999b4bc76f');
assert.strictEqual(md5('é', 'utf-8'), '66ddcd97cfdeabb2f6fb8a999b4bc76f');
assert.strictEqual(md5('é', 'utf16le'), 'ed71e8ffd3d8c47c1a2e22c53cd384aa');
assert.strictEqual(md5('é', 'ucs2'), 'ed71e8ffd3d8c47c1a2e22c53cd384aa');
assert.strictEqual(md5('YWJj', 'base64'), '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(md5('YWJj-_', 'base64url'), '90a475d26dd507f1cc8041bdce2afafd');
assert.strictEqual(md5('616263', 'hex'), '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(md5('616263', 'HEX'), '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(md5('abc', 'nonsense'), '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(md5(new Uint8Array([97, 98, 99])), '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(md5(new Uint16Array([0x6261, 0x63])), '147a664a2ca9410911e61986d3f0d52a');
assert.strictEqual(md5(new DataView(new Uint8Array([97, 98, 99]).buffer)),
                   '900150983cd24fb0d6963f7d28e17f72');
const big = new Uint8Array(300).fill(7);
assert.strictEqual(md5(big.subarray(100, 200)), md5(new Uint8Array(100).fill(7)));

// Output encodings.
const h = () => crypto.createHash('md5').update('zz');
assert.strictEqual(h().digest('latin1'), String.fromCharCode(...h().digest()));
assert.strictEqual(h().digest('binary'), h().digest('latin1'));
assert.strictEqual(h().digest('ucs2').length, 8);
assert.strictEqual(crypto.createHash('sha256').update('x').digest('binary').length, 32);
assert.strictEqual(hex(h().digest('buffer')), h().digest('hex'));
assert.strictEqual(hex(h().digest('nonsense')), h().digest('hex'));
assert.ok(h().digest() instanceof Uint8Array);

// Incremental updates and copy().
const a = crypto.createHash('sha256');
a.update('hello ');
const b = a.copy();
a.update('world');
b.update('there');
assert.strictEqual(a.digest('hex'), crypto.createHash('sha256').update('hello world').digest('hex'));
assert.strictEqual(b.digest('hex'), crypto.createHash('sha256').update('hello there').digest('hex'));
assert.strictEqual(crypto.createHash('sha256').update('a').update('b').digest('hex'),
                   crypto.hash('sha256', 'ab'));

// XOF output lengths.
assert.strictEqual(crypto.createHash('shake256', { outputLength: 5 }).update('a').digest('hex'),
                   '867e2cb04f');
assert.strictEqual(crypto.createHash('shake256', { outputLength: 0 }).update('a').digest('hex'), '');
assert.strictEqual(crypto.createHash('sha256', { outputLength: 32 }).update('a').digest('hex'),
                   'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
assert.throws(() => crypto.createHash('sha256', { outputLength: 5 }), {
  name: 'Error',
  code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
  message: 'error:030000B2:digital envelope routines::not XOF or invalid length',
});
assert.throws(() => crypto.createHash('sha256', { outputLength: -1 }), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.outputLength" is out of range. It must be >= 0 && ' +
    '<= 4294967295. Received -1',
});

// Finalization and argument errors.
const finalized = { name: 'Error', code: 'ERR_CRYPTO_HASH_FINALIZED', message: 'Digest already called' };
const done = crypto.createHash('sha256');
done.digest();
assert.throws(() => done.update('x'), finalized);
assert.throws(() => done.digest(), finalized);
assert.throws(() => done.copy(), finalized);
assert.throws(() => crypto.createHash('foo'), { name: 'Error', message: 'Digest method not supported' });
assert.throws(() => crypto.createHash(5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "algorithm" argument must be of type string. Received type number (5)',
});
assert.throws(() => crypto.createHash('sha256').update(5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of Buffer, TypedArray, ' +
    'or DataView. Received type number (5)',
});
assert.throws(() => crypto.createHash('sha256').update('abc', 'hex'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'encoding' is invalid for data of length 3. Received 'hex'",
});
assert.throws(() => crypto.hash(5, 'a'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.hash('sha1', 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "input" argument must be of type string or an instance of Buffer, TypedArray, ' +
    'or DataView. Received type number (5)',
});
assert.throws(() => crypto.hash('sha1', 'a', 5), {
  message: 'The "outputEncoding" argument must be of type string. Received type number (5)',
});
assert.throws(() => crypto.hash('sha1', 'a', 'foo'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'outputEncoding' is invalid. Received 'foo'",
});

// Hash is callable without new and is the class of createHash's result.
assert.ok(crypto.createHash('sha256') instanceof crypto.Hash);
assert.ok(crypto.Hash('sha256') instanceof crypto.Hash);
assert.strictEqual(crypto.Hash.length, 2);
assert.strictEqual(crypto.Hmac.length, 3);
