'use strict';
// crypto.Hash, crypto.Hmac and crypto.hash(): one-shot and incremental
// digests over OpenSSL's EVP interfaces. Hash and Hmac are streams in Node;
// until the stream module exists, their stream methods throw.

const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
  notImplemented,
} = require('internal/errors');
const {
  validateEncoding,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  binding,
  encodingId,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  toBuffer,
} = require('internal/crypto/util');

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

// digest() output: a string for a known encoding, else a Buffer.
function finishDigest(result) {
  return typeof result === 'string' ? result : toBuffer(result);
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const copyFrom = algorithm instanceof binding.Hash;
  if (!copyFrom) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  this[kHandle] = new binding.Hash(algorithm, xofLen === undefined ? -1 : xofLen);
  this[kState] = { finalized: false };
}

Hash.prototype.copy = function copy(options) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (!this[kHandle].update(data, encodingId(encoding) ?? 1)) {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  const result = this[kHandle].digest(encodingId(outputEncoding) ?? 0);
  this[kState].finalized = true;
  return finishDigest(result);
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = typeof options === 'object' && options !== null ? options.encoding : undefined;
  key = prepareSecretKey(key, encoding);
  if (binding.digestSize(hmac) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = new binding.Hmac(hmac, key);
  this[kState] = { finalized: false };
}

function prepareSecretKey(key, encoding) {
  if (typeof key === 'string' || ArrayBuffer.isView(key) || isAnyArrayBuffer(key)) {
    return getArrayBufferOrView(key, 'key', encoding);
  }
  if (key !== null && typeof key === 'object' &&
      (key.constructor?.name === 'KeyObject' || key.constructor?.name === 'CryptoKey')) {
    throw notImplemented('crypto KeyObject and CryptoKey keys');
  }
  throw new ERR_INVALID_ARG_TYPE('key',
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
}

Hmac.prototype.update = Hash.prototype.update;

Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  const result = this[kHandle].digest(encodingId(outputEncoding) ?? 0);
  state.finalized = true;
  return finishDigest(result);
};

// Node's Hash and Hmac are Transform streams.
for (const Class of [Hash, Hmac]) {
  for (const method of ['_transform', '_flush', 'write', 'end', 'pipe', 'read', 'on', 'once',
    'setEncoding']) {
    Class.prototype[method] = function streamMethod() {
      throw notImplemented(`crypto.${Class.name}#${method} (${Class.name} as a stream)`);
    };
  }
}

// crypto.hash(algorithm, input, outputEncoding = 'hex')
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let id = 4;
  if (outputEncoding !== 'hex') {
    validateString(outputEncoding, 'outputEncoding');
    id = encodingId(outputEncoding);
    if (id === undefined) throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
  }
  const result = binding.oneShotDigest(algorithm, input, 1, id);
  if (result === undefined) throw new Error('Digest method not supported');
  return finishDigest(result);
}

let hashes;
function getHashes() {
  hashes ??= binding.getHashes();
  return hashes.slice();
}

module.exports = { Hash, Hmac, hash, getHashes, prepareSecretKey };
