'use strict';
// The pieces of Buffer that other builtins share: FastBuffer (the Uint8Array
// subclass every Buffer really is), encoding names and their native
// operations, and the numeric read/write methods installed on the prototype.

const binding = internalBinding('buffer');

class FastBuffer extends Uint8Array {
  // Three explicit parameters keep V8 on its fast construction path.
  constructor(bufferOrLength, byteOffset, length) { // eslint-disable-line no-useless-constructor
    super(bufferOrLength, byteOffset, length);
  }
}

let errorCodes;
function codes() {
  if (errorCodes === undefined) errorCodes = require('internal/errors').codes;
  return errorCodes;
}

// ---- encodings -----------------------------------------------------------------

function slowNormalize(enc) {
  if (typeof enc !== 'string') return undefined;
  switch (enc.toLowerCase()) {
    case 'utf8': case 'utf-8': case '':
      return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
      return 'utf16le';
    case 'latin1': case 'binary':
      return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default:
      return undefined;
  }
}

// Node's canonical name for an encoding, or undefined if unknown.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowNormalize(enc);
}

function base64ByteLength(str) {
  let bytes = str.length;
  if (bytes > 0 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function makeOps(name, byteLength, write, slice) {
  return { name, byteLength, write, slice, ucs2: name === 'utf16le' };
}

const encodingOps = {
  utf8: makeOps('utf8', binding.byteLengthUtf8, binding.utf8Write, binding.utf8Slice),
  utf16le: makeOps('utf16le', (s) => s.length * 2, binding.ucs2Write, binding.ucs2Slice),
  latin1: makeOps('latin1', (s) => s.length, binding.latin1Write, binding.latin1Slice),
  ascii: makeOps('ascii', (s) => s.length, binding.asciiWrite, binding.asciiSlice),
  base64: makeOps('base64', base64ByteLength, binding.base64Write, binding.base64Slice),
  base64url: makeOps('base64url', base64ByteLength, binding.base64urlWrite,
    binding.base64urlSlice),
  hex: makeOps('hex', (s) => s.length >>> 1, binding.hexWrite, binding.hexSlice),
};

// Unlike normalizeEncoding, null and other non-strings are unknown names here.
function getEncodingOps(encoding) {
  const name = encoding === 'utf8' ? 'utf8' : slowNormalize(`${encoding}`);
  return name === undefined ? undefined : encodingOps[name];
}

// ---- numeric reads and writes ---------------------------------------------------

const float32Array = new Float32Array(1);
const uInt8Float32Array = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const uInt8Float64Array = new Uint8Array(float64Array.buffer);

function validateOffsetNumber(value, name) {
  if (typeof value !== 'number') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  }
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateOffsetNumber(value, type || 'offset');
    throw new (codes().ERR_OUT_OF_RANGE)(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)();
  throw new (codes().ERR_OUT_OF_RANGE)(type || 'offset',
    `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// `last` is the index of the last byte touched relative to offset.
function checkBounds(buf, offset, last) {
  validateOffsetNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + last] === undefined) {
    boundsError(offset, buf.length - (last + 1));
  }
}

function checkInt(value, min, max, buf, offset, last) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (last > 3) {
      const bits = (last + 1) * 8;
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
      } else {
        range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new (codes().ERR_OUT_OF_RANGE)('value', range, value);
  }
  checkBounds(buf, offset, last);
}

// Unsigned little-endian read of `size` bytes (1..6) without validation.
function readLE(buf, offset, size) {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < size; i++) {
    value += buf[offset + i] * mul;
    mul *= 0x100;
  }
  return value;
}

function readBE(buf, offset, size) {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 0x100 + buf[offset + i];
  return value;
}

function makeReader(size, signed, bigEndian) {
  const limit = 2 ** (size * 8);
  const half = limit / 2;
  if (size === 1) {
    return function readInt8Like(offset = 0) {
      validateOffsetNumber(offset, 'offset');
      const val = this[offset];
      if (val === undefined) boundsError(offset, this.length - 1);
      return signed ? (val | (val & 0x80) * 0x1fffffe) : val;
    };
  }
  return function readIntLike(offset = 0) {
    validateOffsetNumber(offset, 'offset');
    if (this[offset] === undefined || this[offset + size - 1] === undefined) {
      boundsError(offset, this.length - size);
    }
    const value = bigEndian ? readBE(this, offset, size) : readLE(this, offset, size);
    return signed && value >= half ? value - limit : value;
  };
}

function writeLE(buf, value, offset, size) {
  // `value` is in range, so the unsigned bit pattern is value mod 2^(8*size).
  let v = value < 0 ? value + 2 ** (size * 8) : value;
  for (let i = 0; i < size; i++) {
    buf[offset + i] = v % 0x100;
    v = Math.floor(v / 0x100);
  }
  return offset + size;
}

function writeBE(buf, value, offset, size) {
  let v = value < 0 ? value + 2 ** (size * 8) : value;
  for (let i = size - 1; i >= 0; i--) {
    buf[offset + i] = v % 0x100;
    v = Math.floor(v / 0x100);
  }
  return offset + size;
}

function makeWriter(size, signed, bigEndian) {
  const bits = size * 8;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (size === 1) {
    return function writeInt8Like(value, offset = 0) {
      value = +value;
      validateOffsetNumber(offset, 'offset');
      if (value > max || value < min) {
        throw new (codes().ERR_OUT_OF_RANGE)('value', `>= ${min} and <= ${max}`, value);
      }
      if (this[offset] === undefined) boundsError(offset, this.length - 1);
      this[offset] = value;
      return offset + 1;
    };
  }
  return function writeIntLike(value, offset = 0) {
    value = +value;
    checkInt(value, min, max, this, offset, size - 1);
    // NaN writes zeros, fractions truncate (as the typed array stores do).
    const v = Math.trunc(value) || 0;
    return bigEndian ? writeBE(this, v, offset, size) : writeLE(this, v, offset, size);
  };
}

const readers = {};
const writers = {};
for (const size of [1, 2, 3, 4, 5, 6]) {
  for (const signed of [false, true]) {
    for (const bigEndian of [false, true]) {
      const key = `${signed ? 'i' : 'u'}${size}${bigEndian ? 'be' : 'le'}`;
      readers[key] = makeReader(size, signed, bigEndian);
      writers[key] = makeWriter(size, signed, bigEndian);
    }
  }
}

function byVariableLength(table, signed, bigEndian, write) {
  const prefix = signed ? 'i' : 'u';
  const suffix = bigEndian ? 'be' : 'le';
  if (write) {
    return function writeVariable(value, offset, byteLength) {
      if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) {
        return Reflect.apply(table[`${prefix}${byteLength}${suffix}`], this, [value, offset]);
      }
      boundsError(byteLength, 6, 'byteLength');
    };
  }
  return function readVariable(offset, byteLength) {
    if (offset === undefined) throw new (codes().ERR_INVALID_ARG_TYPE)('offset', 'number', offset);
    if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) {
      return Reflect.apply(table[`${prefix}${byteLength}${suffix}`], this, [offset]);
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

function makeFloatReader(bytes, view, store, bigEndian) {
  const size = bytes.length;
  return function readFloatLike(offset = 0) {
    validateOffsetNumber(offset, 'offset');
    if (this[offset] === undefined || this[offset + size - 1] === undefined) {
      boundsError(offset, this.length - size);
    }
    for (let i = 0; i < size; i++) bytes[bigEndian ? size - 1 - i : i] = this[offset + i];
    return store[0];
  };
}

function makeFloatWriter(bytes, store, bigEndian) {
  const size = bytes.length;
  return function writeFloatLike(value, offset = 0) {
    value = +value;
    checkBounds(this, offset, size - 1);
    store[0] = value;
    for (let i = 0; i < size; i++) this[offset + i] = bytes[bigEndian ? size - 1 - i : i];
    return offset + size;
  };
}

function readBig(buf, offset, signed, bigEndian) {
  validateOffsetNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + 7] === undefined) {
    boundsError(offset, buf.length - 8);
  }
  let hi;
  let lo;
  if (bigEndian) {
    hi = readBE(buf, offset, 4);
    lo = readBE(buf, offset + 4, 4);
  } else {
    lo = readLE(buf, offset, 4);
    hi = readLE(buf, offset + 4, 4);
  }
  const value = (BigInt(hi) << 32n) + BigInt(lo);
  return signed ? BigInt.asIntN(64, value) : value;
}

function writeBig(buf, value, offset, signed, bigEndian) {
  if (signed) checkInt(value, -(2n ** 63n), 2n ** 63n - 1n, buf, offset, 7);
  else checkInt(value, 0n, 0xffffffffffffffffn, buf, offset, 7);
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  if (bigEndian) {
    writeBE(buf, hi, offset, 4);
    writeBE(buf, lo, offset + 4, 4);
  } else {
    writeLE(buf, lo, offset, 4);
    writeLE(buf, hi, offset + 4, 4);
  }
  return offset + 8;
}

function addNumericMethods(proto) {
  const methods = {
    readUInt8: readers.u1le,
    readInt8: readers.i1le,
    readUInt16LE: readers.u2le,
    readUInt16BE: readers.u2be,
    readInt16LE: readers.i2le,
    readInt16BE: readers.i2be,
    readUInt32LE: readers.u4le,
    readUInt32BE: readers.u4be,
    readInt32LE: readers.i4le,
    readInt32BE: readers.i4be,
    readUIntLE: byVariableLength(readers, false, false, false),
    readUIntBE: byVariableLength(readers, false, true, false),
    readIntLE: byVariableLength(readers, true, false, false),
    readIntBE: byVariableLength(readers, true, true, false),
    writeUInt8: writers.u1le,
    writeInt8: writers.i1le,
    writeUInt16LE: writers.u2le,
    writeUInt16BE: writers.u2be,
    writeInt16LE: writers.i2le,
    writeInt16BE: writers.i2be,
    writeUInt32LE: writers.u4le,
    writeUInt32BE: writers.u4be,
    writeInt32LE: writers.i4le,
    writeInt32BE: writers.i4be,
    writeUIntLE: byVariableLength(writers, false, false, true),
    writeUIntBE: byVariableLength(writers, false, true, true),
    writeIntLE: byVariableLength(writers, true, false, true),
    writeIntBE: byVariableLength(writers, true, true, true),
    readFloatLE: makeFloatReader(uInt8Float32Array, float32Array, float32Array, false),
    readFloatBE: makeFloatReader(uInt8Float32Array, float32Array, float32Array, true),
    readDoubleLE: makeFloatReader(uInt8Float64Array, float64Array, float64Array, false),
    readDoubleBE: makeFloatReader(uInt8Float64Array, float64Array, float64Array, true),
    writeFloatLE: makeFloatWriter(uInt8Float32Array, float32Array, false),
    writeFloatBE: makeFloatWriter(uInt8Float32Array, float32Array, true),
    writeDoubleLE: makeFloatWriter(uInt8Float64Array, float64Array, false),
    writeDoubleBE: makeFloatWriter(uInt8Float64Array, float64Array, true),
    readBigUInt64LE(offset = 0) { return readBig(this, offset, false, false); },
    readBigUInt64BE(offset = 0) { return readBig(this, offset, false, true); },
    readBigInt64LE(offset = 0) { return readBig(this, offset, true, false); },
    readBigInt64BE(offset = 0) { return readBig(this, offset, true, true); },
    writeBigUInt64LE(value, offset = 0) { return writeBig(this, value, offset, false, false); },
    writeBigUInt64BE(value, offset = 0) { return writeBig(this, value, offset, false, true); },
    writeBigInt64LE(value, offset = 0) { return writeBig(this, value, offset, true, false); },
    writeBigInt64BE(value, offset = 0) { return writeBig(this, value, offset, true, true); },
  };
  for (const name of Object.keys(methods)) {
    const fn = methods[name];
    Object.defineProperty(fn, 'name', { __proto__: null, value: name, configurable: true });
    proto[name] = fn;
    // Node's lower-case aliases: readUint8, writeBigUint64LE, ...
    if (name.includes('UInt')) proto[name.replace('UInt', 'Uint')] = fn;
  }
}

module.exports = {
  FastBuffer,
  addNumericMethods,
  encodingOps,
  getEncodingOps,
  normalizeEncoding,
};
