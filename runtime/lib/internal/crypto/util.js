'use strict';
// Shared helpers of the crypto builtins: encodings, byte inputs, and Buffers
// made from the ArrayBuffers the binding returns.

const { BuiltinModule } = require('internal/bootstrap/realm');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const binding = internalBinding('crypto');

// NOTE[crypto-encodings]: the ids are shared with bindings/crypto.cc.
const kEncodingIds = {
  __proto__: null,
  buffer: 0,
  utf8: 1, 'utf-8': 1,
  latin1: 2, binary: 2,
  ascii: 3,
  hex: 4,
  base64: 5,
  base64url: 6,
  ucs2: 7, 'ucs-2': 7, utf16le: 7, 'utf-16le': 7,
};

// The binding's id of an encoding name (any case); undefined if unknown.
function encodingId(encoding) {
  if (typeof encoding !== 'string') return undefined;
  const id = kEncodingIds[encoding];
  return id !== undefined ? id : kEncodingIds[encoding.toLowerCase()];
}

let BufferClass;
// A Buffer over `arrayBuffer` (a Uint8Array until the buffer module exists).
function toBuffer(arrayBuffer) {
  if (BufferClass === undefined) {
    BufferClass = BuiltinModule.exists('buffer') ? require('buffer').Buffer : null;
  }
  if (BufferClass !== null) return BufferClass.from(arrayBuffer, 0, arrayBuffer.byteLength);
  return new Uint8Array(arrayBuffer);
}

function isAnyArrayBuffer(value) {
  return value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer) ||
    Object.prototype.toString.call(value) === '[object ArrayBuffer]' ||
    Object.prototype.toString.call(value) === '[object SharedArrayBuffer]';
}

// Node's getArrayBufferOrView: strings are encoded (utf8 by default).
function getArrayBufferOrView(value, name, encoding) {
  if (isAnyArrayBuffer(value) || ArrayBuffer.isView(value)) return value;
  if (typeof value === 'string') {
    return new Uint8Array(binding.decode(value, encodingId(encoding) ?? 1));
  }
  throw new ERR_INVALID_ARG_TYPE(
    name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
}

module.exports = {
  binding,
  encodingId,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  toBuffer,
};
