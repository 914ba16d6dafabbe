'use strict';
// pbkdf2/pbkdf2Sync and scrypt/scryptSync: vectors, async, parameter rules.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

// RFC 6070 / known vectors.
assert.strictEqual(hex(crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1')),
                   '0c60c80f961f0e71f3a9b524af6012062fe037a6');
assert.strictEqual(hex(crypto.pbkdf2Sync('password', 'salt', 4096, 32, 'sha256')),
                   'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a');
assert.strictEqual(hex(crypto.pbkdf2Sync('', '', 1, 10, 'sha512')), '6d2ecbbbfb2e6dcd7056');
assert.strictEqual(hex(crypto.pbkdf2Sync(new TextEncoder().encode('password'),
                                         new TextEncoder().encode('salt').buffer, 1, 20, 'SHA1')),
                   '0c60c80f961f0e71f3a9b524af6012062fe037a6');
assert.strictEqual(crypto.pbkdf2Sync('p', 's', 1, 0, 'sha256').length, 0);
crypto.pbkdf2('password', 'salt', 4096, 32, 'sha256', common.mustCall((err, key) => {
  assert.strictEqual(err, null);
  assert.strictEqual(hex(key), 'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a');
}));

assert.throws(() => crypto.pbkdf2Sync('p', 's', 0, 16, 'sha256'), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "iterations" is out of range. It must be >= 1 && <= 2147483647. ' +
    'Received 0',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 16, 'foo'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: foo',
});
assert.throws(() => crypto.pbkdf2('p', 's', 1, 16, 'foo', common.mustNotCall()), {
  code: 'ERR_CRYPTO_INVALID_DIGEST',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 16), {
  message: 'The "digest" argument must be of type string. Received undefined',
});
assert.throws(() => crypto.pbkdf2('p', 's', 1, 16, 'sha256'), {
  message: 'The "callback" argument must be of type function. Received undefined',
});
assert.throws(() => crypto.pbkdf2Sync(5, 's', 1, 1, 'sha1'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "password" argument must be of type string or an instance of ArrayBuffer, ' +
    'Buffer, TypedArray, or DataView. Received type number (5)',
});
assert.throws(() => crypto.pbkdf2Sync('p', 5, 1, 1, 'sha1'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.pbkdf2Sync('p', 's', '1', 1, 'sha1'), {
  message: 'The "iterations" argument must be of type number. Received type string (\'1\')',
});

// scrypt: RFC 7914 vectors and Node's defaults.
assert.strictEqual(hex(crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 })),
                   '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
                   'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906');
assert.strictEqual(hex(crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 })),
                   'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
                   '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640');
const defaults = '4329787752e75d1de359a05806e492d4';
assert.strictEqual(hex(crypto.scryptSync('p', 's', 16)), defaults);
assert.strictEqual(hex(crypto.scryptSync('p', 's', 16, { N: 0, r: 0, p: 0, maxmem: 0 })),
                   defaults);
assert.strictEqual(hex(crypto.scryptSync('p', 's', 16, { cost: 16384, blockSize: 8,
  parallelization: 1 })), defaults);
crypto.scrypt('p', 's', 16, common.mustCall((err, key) => {
  assert.strictEqual(err, null);
  assert.strictEqual(hex(key), defaults);
}));
crypto.scrypt('', '', 64, { N: 16, r: 1, p: 1 }, common.mustCall((err, key) => {
  assert.strictEqual(hex(key).slice(0, 8), '77d65762');
}));

assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 3 }), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', message: 'Invalid scrypt params',
});
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
  message: 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded',
});
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }), {
  name: 'Error', code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', message: 'Invalid scrypt parameter',
});
assert.throws(() => crypto.scryptSync('p', 's', 1, { r: 2, blockSize: 2 }), {
  code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER',
});
assert.throws(() => crypto.scryptSync('p', 's', 1, { p: 2, parallelization: 2 }), {
  code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER',
});
assert.throws(() => crypto.scryptSync('p', 's', -1), {
  message: 'The value of "keylen" is out of range. It must be >= 0 && <= 2147483647. Received -1',
});
assert.throws(() => crypto.scryptSync('p', 's', 1, { maxmem: -1 }), {
  message: 'The value of "maxmem" is out of range. It must be >= 0 && <= 9007199254740991. ' +
    'Received -1',
});
assert.throws(() => crypto.scryptSync(5, 's', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.scrypt('p', 's', 1), {
  message: 'The "callback" argument must be of type function. Received undefined',
});
