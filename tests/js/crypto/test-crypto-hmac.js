'use strict';
// createHmac: RFC 4231 vectors, key types, double digest, errors.
require('../common');
const assert = require('assert');
const crypto = require('crypto');

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text) => new Uint8Array(text.match(/../g).map((b) => parseInt(b, 16)));

// RFC 4231 test case 2.
assert.strictEqual(crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?')
  .digest('hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
// Test case 1 with a binary key, as Uint8Array, ArrayBuffer and DataView.
const key = fromHex('0b'.repeat(20));
const expected = 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7';
for (const k of [key, key.buffer, new DataView(key.buffer)]) {
  assert.strictEqual(crypto.createHmac('sha256', k).update('Hi There').digest('hex'), expected);
}
assert.strictEqual(crypto.createHmac('sha512', 'key').update('data').digest('base64'),
                   crypto.createHmac('SHA512', 'key').update('data').digest('base64'));
// A key longer than the block size is hashed first.
assert.strictEqual(crypto.createHmac('sha1', 'k'.repeat(100)).update('x').digest('hex'),
                   'f0f06edc45a0697855c766dd91a235f449aaa384');
assert.strictEqual(crypto.createHmac('md5', '').update('').digest('hex'),
                   '74e6f7298a9c2d168935f58c001bad88');
assert.strictEqual(crypto.createHmac('sha256', 'é', { encoding: 'latin1' }).update('x')
  .digest('hex'), crypto.createHmac('sha256', new Uint8Array([0xe9])).update('x').digest('hex'));

// Digest twice: the second is empty. Update after digest throws.
const hmac = crypto.createHmac('sha256', 'k');
assert.strictEqual(hex(hmac.digest()).length, 64);
assert.strictEqual(hmac.digest('hex'), '');
assert.strictEqual(hmac.digest().length, 0);
assert.throws(() => hmac.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });

assert.throws(() => crypto.createHmac('foo', 'k'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: foo',
});
assert.throws(() => crypto.createHmac(5, 'k'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "hmac" argument must be of type string. Received type number (5)',
});
assert.throws(() => crypto.createHmac('sha256', 5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
    'TypedArray, DataView, KeyObject, or CryptoKey. Received type number (5)',
});
assert.ok(crypto.createHmac('sha1', 'k') instanceof crypto.Hmac);
assert.ok(crypto.Hmac('sha1', 'k') instanceof crypto.Hmac);

// timingSafeEqual.
assert.strictEqual(crypto.timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])), true);
assert.strictEqual(crypto.timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])), false);
assert.strictEqual(crypto.timingSafeEqual(new Uint16Array([1]), new Uint8Array([1, 0])), true);
assert.strictEqual(crypto.timingSafeEqual(new ArrayBuffer(0), new Uint8Array(0)), true);
assert.throws(() => crypto.timingSafeEqual(new Uint8Array(2), new Uint8Array(3)), {
  name: 'RangeError', code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
  message: 'Input buffers must have the same byte length',
});
assert.throws(() => crypto.timingSafeEqual('a', 'b'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.',
});
assert.throws(() => crypto.timingSafeEqual(new Uint8Array(2), 'b'), {
  message: 'The "buf2" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.',
});
