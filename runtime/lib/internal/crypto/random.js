'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
} = require('internal/validators');
const { binding, isAnyArrayBuffer, toBuffer } = require('internal/crypto/util');

const kMaxPossibleLength = 2147483647;

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

// The ArrayBuffer and absolute byte offset of a buffer argument.
function backing(buf, offset) {
  if (ArrayBuffer.isView(buf)) return [buf.buffer, buf.byteOffset + offset];
  return [buf, offset];
}

function validateBuf(buf) {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const ab = new ArrayBuffer(size);
  if (callback === undefined) {
    binding.randomFill(ab, 0, size);
    return toBuffer(ab);
  }
  binding.randomFill(ab, 0, size, function(error) {
    if (error) return callback.call(this, error);
    callback.call(this, null, toBuffer(ab));
  });
}

function randomFillSync(buf, offset = 0, size) {
  validateBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) return buf;
  const [ab, start] = backing(buf, offset);
  binding.randomFill(ab, start, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  validateBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  } else {
    validateFunction(callback, 'callback');
  }
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) {
    process.nextTick(callback, null, buf);
    return;
  }
  const [ab, start] = backing(buf, offset);
  binding.randomFill(ab, start, size, function(error) {
    if (error) return callback.call(this, error);
    callback.call(this, null, buf);
  });
}

// randomInt draws 48-bit values from a cache and rejects the top partial
// range so every result is equally likely (Node's algorithm).
const RAND_MAX = 0xFFFF_FFFF_FFFF;
const randomCache = new Uint8Array(6 * 1024);
let randomCacheOffset = randomCache.length;
let asyncCacheFillInProgress = false;
const asyncCachePendingTasks = [];

function read48(offset) {
  const c = randomCache;
  return ((c[offset] * 0x100 + c[offset + 1]) * 0x100 + c[offset + 2]) * 0x1000000 +
    ((c[offset + 3] << 16) | (c[offset + 4] << 8) | c[offset + 5]);
}

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  const randLimit = RAND_MAX - (RAND_MAX % range);
  while (isSync || randomCacheOffset < randomCache.length) {
    if (randomCacheOffset === randomCache.length) {
      binding.randomFill(randomCache.buffer, 0, randomCache.length);
      randomCacheOffset = 0;
    }
    const x = read48(randomCacheOffset);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
  asyncCachePendingTasks.push({ min, max, callback });
  asyncRefillRandomIntCache();
}

function asyncRefillRandomIntCache() {
  if (asyncCacheFillInProgress) return;
  asyncCacheFillInProgress = true;
  binding.randomFill(randomCache.buffer, 0, randomCache.length, (err) => {
    asyncCacheFillInProgress = false;
    const tasks = asyncCachePendingTasks.splice(0);
    const errorReceiver = err && tasks.shift();
    if (!err) randomCacheOffset = 0;
    for (const { min, max, callback } of tasks) randomInt(min, max, callback);
    if (errorReceiver) errorReceiver.callback(err);
  });
}

// randomUUID: version 4, from a cache of random bytes unless disabled.
const kHex = [];
for (let i = 0; i < 256; i++) kHex.push((i + 0x100).toString(16).slice(1));
let uuidCache;
let uuidCacheOffset = 0;
const kUuidBatch = 128;

function serializeUUID(b, o) {
  return kHex[b[o]] + kHex[b[o + 1]] + kHex[b[o + 2]] + kHex[b[o + 3]] + '-' +
    kHex[b[o + 4]] + kHex[b[o + 5]] + '-' +
    kHex[(b[o + 6] & 0x0f) | 0x40] + kHex[b[o + 7]] + '-' +
    kHex[(b[o + 8] & 0x3f) | 0x80] + kHex[b[o + 9]] + '-' +
    kHex[b[o + 10]] + kHex[b[o + 11]] + kHex[b[o + 12]] + kHex[b[o + 13]] +
    kHex[b[o + 14]] + kHex[b[o + 15]];
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    const bytes = new Uint8Array(16);
    binding.randomFill(bytes.buffer, 0, 16);
    return serializeUUID(bytes, 0);
  }
  if (uuidCache === undefined) {
    uuidCache = new Uint8Array(16 * kUuidBatch);
    uuidCacheOffset = uuidCache.length;
  }
  if (uuidCacheOffset === uuidCache.length) {
    binding.randomFill(uuidCache.buffer, 0, uuidCache.length);
    uuidCacheOffset = 0;
  }
  const uuid = serializeUUID(uuidCache, uuidCacheOffset);
  uuidCacheOffset += 16;
  return uuid;
}

function isIntegerTypedArray(data) {
  if (!ArrayBuffer.isView(data) || data instanceof DataView) return false;
  const tag = Object.prototype.toString.call(data);
  return tag !== '[object Float32Array]' && tag !== '[object Float64Array]' &&
    tag !== '[object DataView]';
}

function lazyDOMException(message, name) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, name);
}

function getRandomValues(data) {
  if (!isIntegerTypedArray(data)) {
    throw lazyDOMException('The data argument must be an integer-type TypedArray',
                           'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  randomFillSync(data, 0);
  return data;
}

module.exports = {
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
