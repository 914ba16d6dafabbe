'use strict';
// The crypto global (Crypto), crypto.webcrypto, subtle.digest, and the
// module's exports.
const common = require('../common');
const assert = require('assert');
const nodeCrypto = require('crypto');

const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
assert.strictEqual(typeof descriptor.get, 'function');
assert.strictEqual(descriptor.get.name, 'get crypto');
assert.strictEqual(descriptor.set, undefined);
assert.strictEqual(descriptor.enumerable, true);
assert.strictEqual(descriptor.configurable, true);
for (const name of ['Crypto', 'SubtleCrypto']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(d.enumerable, false, name);
  assert.strictEqual(d.configurable, true, name);
}

assert.strictEqual(nodeCrypto.webcrypto, crypto);
assert.strictEqual(nodeCrypto.subtle, crypto.subtle);
assert.strictEqual(String(crypto), '[object Crypto]');
assert.strictEqual(crypto.constructor.name, 'Crypto');
assert.ok(crypto instanceof Crypto);
assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(crypto)),
                       ['constructor', 'subtle', 'getRandomValues', 'randomUUID']);
assert.strictEqual(
  Object.getOwnPropertyDescriptor(Crypto.prototype, 'getRandomValues').enumerable, true);
assert.throws(() => new Crypto(), { name: 'TypeError', code: 'ERR_ILLEGAL_CONSTRUCTOR',
                                    message: 'Illegal constructor' });
assert.throws(() => crypto.getRandomValues.call(undefined, new Uint8Array(2)), {
  name: 'TypeError', code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type Crypto',
});
assert.notStrictEqual(nodeCrypto.getRandomValues, crypto.getRandomValues);
assert.match(crypto.randomUUID(), /^[0-9a-f-]{36}$/);
assert.strictEqual(typeof crypto.subtle, 'object');
assert.strictEqual(String(crypto.subtle), '[object SubtleCrypto]');

crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then(common.mustCall((ab) => {
  assert.ok(ab instanceof ArrayBuffer);
  assert.strictEqual(Array.from(new Uint8Array(ab), (b) => b.toString(16).padStart(2, '0'))
    .join(''), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
}));
crypto.subtle.digest({ name: 'sha-1' }, new ArrayBuffer(0)).then(common.mustCall((ab) => {
  assert.strictEqual(ab.byteLength, 20);
}));

// The module's surface is Node's.
for (const name of ['createHash', 'createHmac', 'getHashes', 'hash', 'pbkdf2', 'pbkdf2Sync',
  'randomBytes', 'randomFill', 'randomFillSync', 'randomInt', 'randomUUID', 'scrypt',
  'scryptSync', 'timingSafeEqual', 'getRandomValues', 'createCipheriv', 'createSign',
  'generateKeyPair', 'KeyObject', 'Hash', 'Hmac']) {
  assert.strictEqual(typeof nodeCrypto[name], 'function', name);
}
assert.strictEqual(typeof nodeCrypto.constants, 'object');
