'use strict';
// Shared pieces of fs, fs/promises and their helpers: argument validation,
// open flags, Stats/BigIntStats/Dirent, result encodings and the promise
// bridge to the binding.

const binding = internalBinding('fs');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
  kIsNodeError,
} = require('internal/errors');
const {
  validateInt32,
  validateObject,
  validateFunction,
  validateBoolean,
} = require('internal/validators');

const constants = binding.constants;
const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_EXCL, O_SYNC,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
  UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO, UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = constants;

let BufferCtor;
function lazyBuffer() {
  if (BufferCtor === undefined) BufferCtor = require('buffer').Buffer;
  return BufferCtor;
}

// A Buffer over the bytes of a Uint8Array returned by the binding (no copy).
function toBuffer(u8) {
  return lazyBuffer().from(u8.buffer, u8.byteOffset, u8.length);
}

function isUint8Array(value) {
  return value instanceof Uint8Array;
}

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

// --- flags and modes ----------------------------------------------------------

const kFlags = {
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC,
  'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  if (typeof flags === 'string' && Object.prototype.hasOwnProperty.call(kFlags, flags)) {
    return kFlags[flags];
  }
  throw new ERR_INVALID_ARG_VALUE(name, flags);
}

const octalReg = /^[0-7]+$/;
const modeDesc = 'must be a 32-bit unsigned integer or an octal string';
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octalReg.test(value)) throw new ERR_INVALID_ARG_VALUE(name, value, modeDesc);
    value = parseInt(value, 8);
  }
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < 0 || value > 0xFFFFFFFF) {
    throw new ERR_OUT_OF_RANGE(name, `>= 0 && <= ${0xFFFFFFFF}`, value);
  }
  return value;
}

// --- paths and fds ------------------------------------------------------------

function fileURLToPathLocal(url) {
  if (url.protocol !== 'file:') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_URL_SCHEME('file');
  }
  if (url.hostname !== '') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_FILE_URL_HOST('linux');
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function isURL(value) {
  return value != null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string' && value.auth === undefined && value.path === undefined;
}

// Returns the path as a string (Buffers are decoded as UTF-8, file: URLs
// converted), throwing Node's errors for other types and null bytes.
const getValidatedPath = hideStackFrames((path, name = 'path') => {
  let result = path;
  if (isURL(path)) result = fileURLToPathLocal(path);
  else if (isUint8Array(path)) result = lazyBuffer().from(path.buffer, path.byteOffset, path.length).toString();
  else if (typeof path !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  if (result.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, path,
                                    'must be a string, Uint8Array, or URL without null bytes');
  }
  return result;
});

const getValidatedFd = hideStackFrames((fd, name = 'fd') => {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
});

// --- options ------------------------------------------------------------------

const kEncodings = new Set(['utf8', 'utf-8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1',
  'binary', 'base64', 'base64url', 'hex', 'ascii', 'buffer']);

function assertEncoding(encoding) {
  if (encoding && !kEncodings.has(encoding) && !kEncodings.has(String(encoding).toLowerCase())) {
    const reason = 'is invalid encoding';
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);
  }
}

function getOptions(options, defaults) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    defaults = { ...defaults };
    defaults.encoding = options;
    options = defaults;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

// A string from the binding in the requested encoding (names, link targets).
function encodeName(str, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return str;
  const buf = lazyBuffer().from(str);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// Runs binding[name](...args, req) and resolves with its result.
function call(name, ...args) {
  return new Promise((resolve, reject) => {
    binding[name](...args, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    });
  });
}

// Calls `cb` from the promise's outcome on a later tick, so that an exception
// thrown by `cb` is an uncaught exception rather than a rejection.
function nodeify(promise, cb) {
  promise.then((value) => (value === undefined ? process.nextTick(cb, null) :
    process.nextTick(cb, null, value)),
               (err) => process.nextTick(cb, err));
}

// --- Stats --------------------------------------------------------------------

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}
StatsBase.prototype.isDirectory = function isDirectory() {
  return this._checkModeProperty(S_IFDIR);
};
StatsBase.prototype.isFile = function isFile() {
  return this._checkModeProperty(S_IFREG);
};
StatsBase.prototype.isBlockDevice = function isBlockDevice() {
  return this._checkModeProperty(S_IFBLK);
};
StatsBase.prototype.isCharacterDevice = function isCharacterDevice() {
  return this._checkModeProperty(S_IFCHR);
};
StatsBase.prototype.isSymbolicLink = function isSymbolicLink() {
  return this._checkModeProperty(S_IFLNK);
};
StatsBase.prototype.isFIFO = function isFIFO() {
  return this._checkModeProperty(S_IFIFO);
};
StatsBase.prototype.isSocket = function isSocket() {
  return this._checkModeProperty(S_IFSOCK);
};

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype.isFile = StatsBase.prototype.isFile;
Stats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & S_IFMT) === property;
};

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

// The binding's stat array: 10 fields, then (seconds, nanoseconds) x 4.
function getStatsFromBinding(a) {
  if (a instanceof BigInt64Array) {
    const ns = (i) => a[i] * 1000000000n + a[i + 1];
    return new BigIntStats(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                           ns(10), ns(12), ns(14), ns(16));
  }
  const ms = (i) => a[i] * 1e3 + a[i + 1] / 1e6;
  return new Stats(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                   ms(10), ms(12), ms(14), ms(16));
}

// --- Dirent -------------------------------------------------------------------

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// Some file systems report UV_DIRENT_UNKNOWN: ask lstat for those.
function direntFromEntry(name, type, dirPath, encoding) {
  if (type === constants.UV_DIRENT_UNKNOWN) {
    const s = binding.statNoThrow(require('path').join(dirPath, name), true);
    if (typeof s !== 'number') type = direntTypeFromMode(s[1]);
  }
  return new Dirent(encodeName(name, encoding), type, dirPath);
}

function direntTypeFromMode(mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return UV_DIRENT_FILE;
    case S_IFDIR: return UV_DIRENT_DIR;
    case S_IFLNK: return UV_DIRENT_LINK;
    case S_IFIFO: return UV_DIRENT_FIFO;
    case S_IFSOCK: return UV_DIRENT_SOCKET;
    case S_IFCHR: return UV_DIRENT_CHAR;
    case S_IFBLK: return UV_DIRENT_BLOCK;
    default: return constants.UV_DIRENT_UNKNOWN;
  }
}

// --- errors -------------------------------------------------------------------

// Node's SystemErrors for rm and cp ("Path is a directory: rm returned EISDIR
// (is a directory) /x"), defined with the others in internal/errors.
function fsError(key, context) {
  return new (require('internal/errors').codes[key])(context, fsError);
}

function validateBooleanOption(options, name) {
  if (options[name] !== undefined) validateBoolean(options[name], `options.${name}`);
}

module.exports = {
  BigIntStats,
  Dirent,
  Stats,
  assertEncoding,
  binding,
  call,
  constants,
  direntFromEntry,
  encodeName,
  fsError,
  getOptions,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  isArrayBufferView,
  isUint8Array,
  kType,
  lazyBuffer,
  makeCallback,
  nodeify,
  parseFileMode,
  stringToFlags,
  toBuffer,
  validateBooleanOption,
  validateObject,
};
