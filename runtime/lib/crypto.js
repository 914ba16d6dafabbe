'use strict';
// node:crypto — hashing, HMAC, randomness and key derivation on OpenSSL.
// Ciphers, signatures, key objects and the other public-key APIs are not
// built yet: they throw ERR_NOT_IMPLEMENTED naming themselves.

const {
  codes: { ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH },
  notImplemented,
} = require('internal/errors');
const { binding, isAnyArrayBuffer } = require('internal/crypto/util');
const { Hash, Hmac, hash, getHashes } = require('internal/crypto/hash');
const random = require('internal/crypto/random');
const { pbkdf2, pbkdf2Sync, scrypt, scryptSync } = require('internal/crypto/keys');

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// An Error like the one Node's C++ throws: no "Received" part.
function invalidBufferArg(name) {
  const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
  const error = new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                         undefined);
  error.message = `The "${name}" argument must be an instance of ArrayBuffer, Buffer, ` +
    'TypedArray, or DataView.';
  return error;
}

function timingSafeEqual(buf1, buf2) {
  if (!ArrayBuffer.isView(buf1) && !isAnyArrayBuffer(buf1)) throw invalidBufferArg('buf1');
  if (!ArrayBuffer.isView(buf2) && !isAnyArrayBuffer(buf2)) throw invalidBufferArg('buf2');
  if (buf1.byteLength !== buf2.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(buf1, buf2);
}

function getRandomValues(array) {
  return require('internal/crypto/webcrypto').crypto.getRandomValues(array);
}

module.exports = {
  createHash,
  createHmac,
  getHashes,
  hash,
  pbkdf2,
  pbkdf2Sync,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  scrypt,
  scryptSync,
  timingSafeEqual,
  getRandomValues,
  Hash,
  Hmac,
  getFips() { return 0; },
  constants: {},
};
// Aliases Node keeps.
module.exports.prng = random.randomBytes;
module.exports.pseudoRandomBytes = random.randomBytes;
module.exports.rng = random.randomBytes;

const notBuilt = [
  'checkPrime', 'checkPrimeSync', 'createCipheriv', 'createDecipheriv', 'createDiffieHellman',
  'createDiffieHellmanGroup', 'createECDH', 'createPrivateKey', 'createPublicKey',
  'createSecretKey', 'createSign', 'createVerify', 'diffieHellman', 'generatePrime',
  'generatePrimeSync', 'getCiphers', 'getCipherInfo', 'getCurves', 'getDiffieHellman',
  'hkdf', 'hkdfSync', 'generateKeyPair', 'generateKeyPairSync', 'generateKey',
  'generateKeySync', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'publicEncrypt',
  'sign', 'setEngine', 'verify', 'setFips', 'secureHeapUsed',
  'Certificate', 'Cipher', 'Cipheriv', 'Decipher', 'Decipheriv', 'DiffieHellman',
  'DiffieHellmanGroup', 'ECDH', 'KeyObject', 'Sign', 'Verify', 'X509Certificate',
];
for (const name of notBuilt) {
  module.exports[name] = { [name]() { throw notImplemented(`crypto.${name}`); } }[name];
}

for (const name of ['webcrypto', 'subtle']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() {
      const webcrypto = require('internal/crypto/webcrypto');
      return name === 'webcrypto' ? webcrypto.crypto : webcrypto.subtle;
    },
  });
}
