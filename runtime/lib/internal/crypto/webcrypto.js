'use strict';
// The Web Crypto entry points: the `crypto` global (a Crypto) and
// crypto.subtle. SubtleCrypto has digest(); its other methods reject with
// ERR_NOT_IMPLEMENTED.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS, ERR_MISSING_ARGS },
  notImplemented,
} = require('internal/errors');
const { binding } = require('internal/crypto/util');

const kConstruct = Symbol('kConstruct');

class SubtleCrypto {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  async digest(algorithm, data) {
    if (!(this instanceof SubtleCrypto)) throw new ERR_INVALID_THIS('SubtleCrypto');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('algorithm', 'data');
    const name = typeof algorithm === 'string' ? algorithm : algorithm?.name;
    const names = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
    const digest = names[String(name).toUpperCase()];
    const { DOMException } = require('internal/per_context/domexception');
    if (digest === undefined) throw new DOMException('Unrecognized algorithm name', 'NotSupportedError');
    let bytes = data;
    if (ArrayBuffer.isView(data)) {
      bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } else if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') {
      bytes = new Uint8Array(data);
    } else {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('data', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                     data);
    }
    return binding.oneShotDigest(digest, bytes.slice(), 1, 0);
  }
}
for (const method of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey',
  'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey']) {
  Object.defineProperty(SubtleCrypto.prototype, method, {
    __proto__: null,
    writable: true,
    enumerable: true,
    configurable: true,
    value: { async [method]() { throw notImplemented(`crypto.subtle.${method}`); } }[method],
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'SubtleCrypto', configurable: true,
});

const subtle = new SubtleCrypto(kConstruct);

class Crypto {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('array');
    return require('internal/crypto/random').getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return require('internal/crypto/random').randomUUID();
  }
}
for (const name of ['subtle', 'getRandomValues', 'randomUUID']) {
  const descriptor = Object.getOwnPropertyDescriptor(Crypto.prototype, name);
  descriptor.enumerable = true;
  Object.defineProperty(Crypto.prototype, name, descriptor);
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Crypto', configurable: true,
});

const crypto = new Crypto(kConstruct);

module.exports = { Crypto, SubtleCrypto, crypto, subtle };
