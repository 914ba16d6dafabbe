'use strict';
// The zlib module: deflate/inflate, gzip/gunzip, raw deflate, unzip and
// brotli, in sync, callback and stream forms. The native engine
// (runtime/src/bindings/zlib.cc) compresses one chunk at a time; this file
// drives it: validation, output chunking, maxOutputLength, errors.

const binding = internalBinding('zlib');
const { Engine, constants: rawConstants } = binding;

function lazyErrors() {
  return require('internal/errors').codes;
}
function lazyBuffer() {
  return require('buffer').Buffer;
}

const constants = Object.freeze({ ...rawConstants });
const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_COMPRESSION, Z_DEFAULT_MEMLEVEL, Z_DEFAULT_STRATEGY,
  Z_DEFAULT_WINDOWBITS, Z_FIXED, BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH,
  BROTLI_OPERATION_FINISH, DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE,
} = constants;

// zlib.codes: both directions, as Node has it.
const codes = {};
for (const name of ['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR',
  'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR']) {
  codes[name] = constants[name];
  codes[constants[name]] = name;
}
Object.freeze(codes);

const kMaxLength = 2 ** 32;
const kBrotliParamCount = 10;

// --- options -----------------------------------------------------------------

function checkRange(value, name, lower, upper, fallback) {
  if (value === undefined || Number.isNaN(value)) return fallback;
  if (typeof value !== 'number') {
    throw new (lazyErrors().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  }
  if (!Number.isFinite(value)) {
    throw new (lazyErrors().ERR_OUT_OF_RANGE)(name, 'a finite number', value);
  }
  if (value < lower || value > upper) {
    throw new (lazyErrors().ERR_OUT_OF_RANGE)(name, `>= ${lower} and <= ${upper}`, value);
  }
  return value;
}

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

function toBuffer(value, name) {
  const Buffer = lazyBuffer();
  if (typeof value === 'string') return Buffer.from(value);
  if (isArrayBufferView(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  throw new (lazyErrors().ERR_INVALID_ARG_TYPE)(name,
    ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], value);
}

// Validated settings for one engine.
function settingsFor(mode, options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') {
    throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  const isBrotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
  const defaultFlush = isBrotli ? BROTLI_OPERATION_PROCESS : Z_NO_FLUSH;
  const defaultFinish = isBrotli ? BROTLI_OPERATION_FINISH : Z_FINISH;
  const maxFlush = isBrotli ? BROTLI_OPERATION_FINISH : Z_BLOCK;
  const settings = {
    mode,
    flush: checkRange(options.flush, 'options.flush', 0, maxFlush, defaultFlush),
    finishFlush: checkRange(options.finishFlush, 'options.finishFlush', 0, maxFlush,
      defaultFinish),
    chunkSize: checkRange(options.chunkSize, 'options.chunkSize', Z_MIN_CHUNK, Infinity,
      Z_DEFAULT_CHUNK),
    maxOutputLength: checkRange(options.maxOutputLength, 'options.maxOutputLength', 1,
      kMaxLength, kMaxLength),
    info: Boolean(options.info),
  };
  if (isBrotli) {
    const params = new Uint32Array(kBrotliParamCount).fill(0xFFFFFFFF);
    if (options.params !== undefined) {
      if (options.params === null || typeof options.params !== 'object') {
        throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('options.params', 'Object', options.params);
      }
      for (const key of Object.keys(options.params)) {
        const index = +key;
        if (!Number.isInteger(index) || index < 0 || index >= kBrotliParamCount) {
          throw new (lazyErrors().ERR_BROTLI_INVALID_PARAM || RangeError)(key);
        }
        const value = options.params[key];
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('options.params[key]', 'number',
            options.params[key]);
        }
        params[index] = Number(value);
      }
    }
    settings.params = params;
    return settings;
  }
  const inflating = mode === INFLATE || mode === GUNZIP || mode === INFLATERAW || mode === UNZIP;
  // 0 means "use the window size in the stream's header" (inflate only).
  let windowBits;
  if (inflating && options.windowBits === 0) {
    windowBits = 0;
  } else {
    windowBits = checkRange(options.windowBits, 'options.windowBits', Z_MIN_WINDOWBITS,
      Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
  }
  // zlib rejects windowBits 8 for raw deflate; Node uses 9.
  if (mode === DEFLATERAW && windowBits === 8) windowBits = 9;
  settings.windowBits = windowBits;
  settings.level = checkRange(options.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
    Z_DEFAULT_COMPRESSION);
  settings.memLevel = checkRange(options.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL,
    Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
  settings.strategy = checkRange(options.strategy, 'options.strategy', Z_DEFAULT_STRATEGY,
    Z_FIXED, Z_DEFAULT_STRATEGY);
  if (options.dictionary !== undefined) {
    if (!isArrayBufferView(options.dictionary) && !(options.dictionary instanceof ArrayBuffer)) {
      throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('options.dictionary',
        ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], options.dictionary);
    }
    settings.dictionary = options.dictionary instanceof ArrayBuffer ?
      new Uint8Array(options.dictionary) : options.dictionary;
  }
  return settings;
}

function zlibError(message, errno, code) {
  const error = new Error(message);
  error.errno = errno;
  error.code = code;
  return error;
}

// --- the engine driver -----------------------------------------------------------

// One input's trip through the engine, in chunkSize output buffers: where the
// input and output stand between engine calls, and the output gathered.
class Pass {
  constructor(codec, input, flush) {
    this.codec = codec;
    this.input = input;
    this.flush = flush;
    this.chunkSize = codec.settings.chunkSize;
    this.buffers = [];
    this.total = 0;
    this.out = lazyBuffer().allocUnsafe(this.chunkSize);
    this.outOffset = 0;
    this.inOffset = 0;
    this.availIn = input.length;
    this.availOutBefore = 0;
    this.done = false;
  }

  // The engine's write arguments for the next call.
  writeArgs() {
    this.availOutBefore = this.chunkSize - this.outOffset;
    return [this.flush, this.input, this.inOffset, this.availIn, this.out, this.outOffset,
      this.availOutBefore];
  }

  // Takes in the engine's state after a call; an error when the output grew
  // past maxOutputLength, else null. `done` once all output is out.
  advance() {
    const state = this.codec.handle.state;
    const availOutAfter = state[0];
    const availInAfter = state[1];
    const produced = this.availOutBefore - availOutAfter;
    this.codec.bytesWritten += this.availIn - availInAfter;
    if (produced > 0) {
      this.buffers.push(this.out.subarray(this.outOffset, this.outOffset + produced));
      this.total += produced;
      const { maxOutputLength } = this.codec.settings;
      if (this.total > maxOutputLength) {
        return new (lazyErrors().ERR_BUFFER_TOO_LARGE)(maxOutputLength);
      }
      this.outOffset += produced;
    }
    this.inOffset += this.availIn - availInAfter;
    this.availIn = availInAfter;
    if (availOutAfter !== 0) {
      this.done = true;
    } else {
      this.out = lazyBuffer().allocUnsafe(this.chunkSize);
      this.outOffset = 0;
    }
    return null;
  }

  result() {
    return this.buffers.length === 1 ? this.buffers[0] :
      lazyBuffer().concat(this.buffers, this.total);
  }
}

class Codec {
  constructor(settings) {
    this.settings = settings;
    this.handle = new Engine(settings.mode);
    this.handle.state = new Uint32Array(2);
    this.error = null;
    this.handle.onerror = (message, errno, code) => {
      this.error = zlibError(message, errno, code);
    };
    const ok = settings.params !== undefined ?
      this.handle.initBrotli(settings.params) :
      this.handle.init(settings.level, settings.windowBits, settings.memLevel,
        settings.strategy, settings.dictionary);
    if (!ok) {
      if (settings.params !== undefined) {
        const err = new Error('Initialization failed');
        err.code = 'ERR_ZLIB_INITIALIZATION_FAILED';
        throw err;
      }
      throw this.error;
    }
    this.closed = false;
    this.bytesWritten = 0;
  }

  // Compresses `input` completely with `flush`, synchronously.
  processSync(input, flush) {
    const pass = new Pass(this, input, flush);
    do {
      if (!this.handle.writeSync(...pass.writeArgs())) {
        this.close();
        throw this.error;
      }
      const error = pass.advance();
      if (error !== null) {
        this.close();
        throw error;
      }
    } while (!pass.done);
    return pass.result();
  }

  // The same on the thread pool; callback(err, buffers, total).
  processAsync(input, flush, callback) {
    const handle = this.handle;
    const pass = new Pass(this, input, flush);
    const step = () => {
      handle.buffer = input;  // keep the buffers alive while the pool uses them
      handle.out = pass.out;
      handle.write(...pass.writeArgs());
    };
    handle.onerror = (message, errno, code) => {
      this.close();
      callback(zlibError(message, errno, code));
    };
    handle.callback = () => {
      if (this.closed) return;
      const error = pass.advance();
      if (error !== null) {
        this.close();
        callback(error);
      } else if (pass.done) {
        handle.buffer = handle.out = null;
        callback(null, pass.buffers, pass.total);
      } else {
        step();
      }
    };
    step();
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.handle.close();
  }
}

// --- convenience functions --------------------------------------------------------

function syncFn(mode) {
  return function(buffer, options) {
    const input = toBuffer(buffer, 'buffer');
    const settings = settingsFor(mode, options);
    const codec = new Codec(settings);
    const result = codec.processSync(input, settings.finishFlush);
    codec.close();
    return settings.info ? { buffer: result, engine: codec } : result;
  };
}

function asyncFn(mode) {
  return function(buffer, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    require('internal/validators').validateFunction(callback, 'callback');
    const input = toBuffer(buffer, 'buffer');
    const settings = settingsFor(mode, options);
    const codec = new Codec(settings);
    codec.processAsync(input, settings.finishFlush, (err, buffers, total) => {
      if (err) {
        callback(err);
        return;
      }
      codec.close();
      const result = lazyBuffer().concat(buffers, total);
      callback(null, settings.info ? { buffer: result, engine: codec } : result);
    });
  };
}

// --- stream classes (built on stream.Transform, created on first use) ----------

let streamClasses;
function getStreamClasses() {
  if (streamClasses !== undefined) return streamClasses;
  const { Transform } = require('stream');

  class ZlibBase extends Transform {
    constructor(mode, options) {
      const settings = settingsFor(mode, options);
      super({ ...(options || {}), autoDestroy: true });
      this._codec = new Codec(settings);
      this._settings = settings;
      this._defaultFlushFlag = settings.flush;
      this._finishFlushFlag = settings.finishFlush;
      this._handle = this._codec.handle;
    }

    get bytesWritten() {
      return this._codec.bytesWritten;
    }

    _process(chunk, flush, callback) {
      this._codec.processAsync(chunk, flush, (err, buffers) => {
        if (err) {
          callback(err);
          return;
        }
        for (const buffer of buffers) this.push(buffer);
        callback();
      });
    }

    _transform(chunk, encoding, callback) {
      const input = typeof chunk === 'string' ? lazyBuffer().from(chunk, encoding) : chunk;
      this._process(input, this._defaultFlushFlag, callback);
    }

    _flush(callback) {
      this._process(lazyBuffer().alloc(0), this._finishFlushFlag, callback);
    }

    flush(kind, callback) {
      if (typeof kind === 'function' || kind === undefined) {
        callback = kind;
        kind = this._settings.params !== undefined ? BROTLI_OPERATION_FLUSH : Z_FULL_FLUSH;
      }
      this._process(lazyBuffer().alloc(0), kind, (err) => {
        if (callback) callback(err);
      });
    }

    params(level, strategy, callback) {
      checkRange(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
      checkRange(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
      this._codec.handle.params(level, strategy);
      if (callback) process.nextTick(callback);
    }

    reset() {
      this._codec.handle.reset();
    }

    close(callback) {
      if (callback) this.once('close', callback);
      this.destroy();
    }

    _destroy(err, callback) {
      this._codec.close();
      callback(err);
    }
  }

  const make = (name, mode) => {
    const cls = class extends ZlibBase {
      constructor(options) {
        super(mode, options);
      }
    };
    Object.defineProperty(cls, 'name', { value: name });
    return cls;
  };
  streamClasses = {
    Deflate: make('Deflate', DEFLATE),
    Inflate: make('Inflate', INFLATE),
    Gzip: make('Gzip', GZIP),
    Gunzip: make('Gunzip', GUNZIP),
    DeflateRaw: make('DeflateRaw', DEFLATERAW),
    InflateRaw: make('InflateRaw', INFLATERAW),
    Unzip: make('Unzip', UNZIP),
    BrotliCompress: make('BrotliCompress', BROTLI_ENCODE),
    BrotliDecompress: make('BrotliDecompress', BROTLI_DECODE),
  };
  return streamClasses;
}

function crc32(data, value = 0) {
  if (typeof data === 'string') {
    data = lazyBuffer().from(data);
  } else if (!isArrayBufferView(data)) {
    throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('data', ['Buffer', 'TypedArray', 'DataView',
      'string'], data);
  }
  require('internal/validators').validateUint32(value, 'value');
  return binding.crc32(data, value);
}

const modes = {
  deflate: DEFLATE, gzip: GZIP, deflateRaw: DEFLATERAW, unzip: UNZIP, inflate: INFLATE,
  gunzip: GUNZIP, inflateRaw: INFLATERAW, brotliCompress: BROTLI_ENCODE,
  brotliDecompress: BROTLI_DECODE,
};
// Node's export order: classes, then functions, then factories.
const classNames = ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw',
  'Unzip', 'BrotliCompress', 'BrotliDecompress'];
const factoryNames = ['Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Gzip', 'Gunzip',
  'Unzip', 'BrotliCompress', 'BrotliDecompress'];

module.exports = { crc32 };
for (const className of classNames) {
  Object.defineProperty(module.exports, className, {
    __proto__: null, enumerable: true, configurable: true,
    get() { return getStreamClasses()[className]; },
  });
}
for (const [name, mode] of Object.entries(modes)) {
  module.exports[name] = asyncFn(mode);
  module.exports[`${name}Sync`] = syncFn(mode);
}
for (const className of factoryNames) {
  module.exports[`create${className}`] = function(options) {
    return new (getStreamClasses()[className])(options);
  };
}
module.exports.constants = constants;
module.exports.codes = codes;
// Deprecated but still present in Node 20: the constants on the module itself.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    __proto__: null, enumerable: false, value: constants[key], writable: false,
  });
}
