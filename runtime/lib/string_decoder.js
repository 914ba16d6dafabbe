'use strict';
// node:string_decoder. Decodes a byte stream chunk by chunk, keeping the bytes
// of a character split across chunks until the rest arrives. The state lives
// in a small Buffer (incomplete character bytes, then the missing and
// buffered counts, then the encoding), as node keeps it.

const { Buffer } = require('buffer');
const { normalizeEncoding } = require('internal/buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');

const binding = internalBinding('buffer');

const kNativeDecoder = Symbol('kNativeDecoder');
const kIncompleteStart = 0;
const kIncompleteEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

const kEncodings = ['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex', 'buffer', 'base64url'];

const slices = {
  ascii: binding.asciiSlice,
  utf8: binding.utf8Slice,
  base64: binding.base64Slice,
  utf16le: binding.ucs2Slice,
  latin1: binding.latin1Slice,
  hex: binding.hexSlice,
  base64url: binding.base64urlSlice,
};

function StringDecoder(encoding) {
  const normalized = normalizeEncoding(encoding);
  if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = normalized;
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = kEncodings.indexOf(normalized);
}

function decodeChunk(decoder, data) {
  const state = decoder[kNativeDecoder];
  const encoding = decoder.encoding;
  const slice = slices[encoding];
  let start = 0;
  let length = data.length;
  let prepend = '';

  if (state[kMissingBytes] > 0) {
    if (encoding === 'utf8') {
      // A byte that should continue the character but does not starts a new
      // one; what was buffered is decoded as is (to U+FFFD).
      for (let i = 0; i < length && i < state[kMissingBytes]; i++) {
        if ((data[i] & 0xC0) !== 0x80) {
          state[kMissingBytes] = 0;
          state.set(data.subarray(0, i), state[kBufferedBytes]);
          state[kBufferedBytes] += i;
          start += i;
          length -= i;
          break;
        }
      }
    }
    const found = Math.min(length, state[kMissingBytes]);
    state.set(data.subarray(start, start + found), state[kBufferedBytes]);
    start += found;
    length -= found;
    state[kMissingBytes] -= found;
    state[kBufferedBytes] += found;
    if (state[kMissingBytes] === 0) {
      prepend = slice(state, 0, state[kBufferedBytes]);
      state[kBufferedBytes] = 0;
    }
  }

  if (length === 0) return prepend;

  const end = start + length;
  if (encoding === 'utf8') {
    if (data[end - 1] & 0x80) {
      // Find where the last character starts and whether it is complete.
      for (let i = end - 1; ; i--) {
        state[kBufferedBytes]++;
        const byte = data[i];
        if ((byte & 0xC0) === 0x80) {
          if (state[kBufferedBytes] >= 4 || i === start) {
            state[kBufferedBytes] = 0;
            break;
          }
          continue;
        }
        if ((byte & 0xE0) === 0xC0) {
          state[kMissingBytes] = 2;
        } else if ((byte & 0xF0) === 0xE0) {
          state[kMissingBytes] = 3;
        } else if ((byte & 0xF8) === 0xF0) {
          state[kMissingBytes] = 4;
        } else {
          state[kBufferedBytes] = 0;
          break;
        }
        if (state[kBufferedBytes] >= state[kMissingBytes]) {
          state[kMissingBytes] = 0;
          state[kBufferedBytes] = 0;
        }
        state[kMissingBytes] -= state[kBufferedBytes];
        break;
      }
    }
  } else if (encoding === 'utf16le') {
    if (length % 2 === 1) {
      state[kBufferedBytes] = 1;
      state[kMissingBytes] = 1;
    } else if ((data[end - 1] & 0xFC) === 0xD8) {
      state[kBufferedBytes] = 2;
      state[kMissingBytes] = 2;
    }
  } else if (encoding === 'base64' || encoding === 'base64url') {
    state[kBufferedBytes] = length % 3;
    if (state[kBufferedBytes] > 0) state[kMissingBytes] = 3 - state[kBufferedBytes];
  }

  let bodyEnd = end;
  if (state[kBufferedBytes] > 0) {
    bodyEnd = end - state[kBufferedBytes];
    state.set(data.subarray(bodyEnd, end), kIncompleteStart);
  }
  const body = bodyEnd > start ? slice(data, start, bodyEnd) : '';
  return prepend === '' ? body : prepend + body;
}

function flush(decoder) {
  const state = decoder[kNativeDecoder];
  if (decoder.encoding === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    // A single trailing byte is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const text = slices[decoder.encoding](state, 0, state[kBufferedBytes]);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return text;
}

function toBytes(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (buf instanceof Uint8Array) return buf;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

StringDecoder.prototype.write = function write(buf) {
  const bytes = toBytes(buf);
  if (typeof bytes === 'string') return bytes;
  if (this[kNativeDecoder] === undefined) {
    throw new ERR_INVALID_ARG_TYPE('this', 'StringDecoder', this);
  }
  return decodeChunk(this, bytes);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flush(this);
  return ret;
};

// Legacy: decodes `buf` from `offset`, forgetting any buffered bytes.
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(kIncompleteStart, kIncompleteEnd);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
    },
  },
});

module.exports = { StringDecoder };
