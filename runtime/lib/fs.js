'use strict';
// The fs module: synchronous calls, callback calls and (fs.promises) promise
// calls over internalBinding('fs'), which runs libuv's uv_fs_* functions
// (synchronously, or on libuv's thread pool with a callback).

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
  AbortError,
  notImplemented,
  uvException,
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
  Dirent,
  Stats,
  binding,
  constants,
  direntFromEntry,
  encodeName,
  fsError,
  getOptions,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  isArrayBufferView,
  lazyBuffer,
  makeCallback,
  nodeify,
  parseFileMode,
  stringToFlags,
  toBuffer,
} = require('internal/fs/utils');

const { F_OK, R_OK, W_OK, X_OK } = constants;
const kIoMaxLength = 2 ** 31 - 1;
const kMaxUserId = 2 ** 32 - 1;

let promisesModule;
function lazyPromises() {
  if (promisesModule === undefined) promisesModule = require('internal/fs/promises');
  return promisesModule;
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// --- open / close -------------------------------------------------------------

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return binding.open(path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  binding.open(path, flagsNumber, mode, callback);
}

function closeSync(fd) {
  binding.close(getValidatedFd(fd));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  binding.close(fd, callback);
}

// --- read / write -------------------------------------------------------------

function validatePosition(position, name) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    if (!(position >= -(2n ** 63n) && position <= 2n ** 63n - 1n)) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
  } else if (position != null) {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

function validateBufferArg(buffer) {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

// Returns [offset, length, position] after Node's checks for read().
function readArgs(buffer, offset, length, position) {
  validateBufferArg(buffer);
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length ??= buffer.byteLength - offset;
  if (length === 0) return [offset, 0, position];
  if (buffer.byteLength === 0) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateInteger(length, 'length', 0);
  if (offset > buffer.byteLength) {
    throw new ERR_OUT_OF_RANGE('offset', `<= ${buffer.byteLength}`, offset);
  }
  if (length > buffer.byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
  }
  if (position == null) position = -1;
  validatePosition(position, 'position');
  return [offset, length, position];
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBufferArg(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    const options = offsetOrOptions ?? {};
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = options);
  }
  [offset, length, position] = readArgs(buffer, offset, length, position);
  if (length === 0) return 0;
  return binding.read(fd, buffer, offset, length, position);
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // fd, buffer, options, callback
      validateObject(offsetOrOptions, 'options', { nullable: true });
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      // fd, bufferOrParams, callback
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = lazyBuffer().alloc(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      // fd, callback
      callback = buffer;
      buffer = lazyBuffer().alloc(16384);
    }
    if (params !== undefined) {
      validateObject(params, 'options', { nullable: true });
    }
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? {});
  }
  validateBufferArg(buffer);
  callback = maybeCallback(callback);
  [offset, length, position] = readArgs(buffer, offset, length, position);
  if (length === 0) {
    process.nextTick(callback, null, 0, buffer);
    return;
  }
  binding.read(fd, buffer, offset, length, position, (err, bytesRead) => {
    callback(err, bytesRead || 0, buffer);
  });
}

function writeArgs(buffer, offset, length, position) {
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  if (typeof length !== 'number') length = buffer.byteLength - offset;
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  validateInteger(length, 'length', 0, kIoMaxLength);
  if (offset > buffer.byteLength) {
    throw new ERR_OUT_OF_RANGE('offset', `<= ${buffer.byteLength}`, offset);
  }
  if (length > buffer.byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
  }
  return [offset, length, position];
}

function validateStringData(data, name) {
  if (typeof data !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
}

// The bytes of `string` in `encoding`, as a Uint8Array.
function stringBytes(string, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') {
    return new TextEncoder().encode(string);
  }
  return lazyBuffer().from(string, encoding);
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (typeof offset === 'object' && offset !== null) {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    }
    [offset, length, position] = writeArgs(buffer, offset, length, position);
    return binding.write(fd, buffer, offset, length, position);
  }
  validateStringData(buffer, 'buffer');
  const encoding = typeof length === 'string' ? length : 'utf8';
  if (typeof offsetOrOptions !== 'number' && typeof offsetOrOptions !== 'bigint') {
    offsetOrOptions = null;
  }
  if (encoding === 'utf8' || encoding === 'utf-8') {
    return binding.writeString(fd, buffer, offsetOrOptions);
  }
  const bytes = stringBytes(buffer, encoding);
  return binding.write(fd, bytes, 0, bytes.byteLength, offsetOrOptions);
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    callback = maybeCallback(arguments[arguments.length - 1]);
    if (typeof offset === 'object' && offset !== null) {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    } else if (typeof offset === 'function') {
      offset = undefined;
    }
    if (typeof length === 'function') length = undefined;
    if (typeof position === 'function') position = undefined;
    [offset, length, position] = writeArgs(buffer, offset, length, position);
    binding.write(fd, buffer, offset, length, position, (err, written) => {
      callback(err, written || 0, buffer);
    });
    return;
  }
  validateStringData(buffer, 'buffer');
  // fd, string[, position[, encoding]], callback
  let pos = offsetOrOptions;
  let encoding = length;
  if (typeof pos === 'function') {
    callback = pos;
    pos = null;
    encoding = 'utf8';
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = 'utf8';
  } else {
    callback = position;
  }
  callback = maybeCallback(callback);
  if (typeof pos !== 'number' && typeof pos !== 'bigint') pos = null;
  const string = buffer;
  const done = (err, written) => callback(err, written || 0, string);
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') {
    binding.writeString(fd, string, pos, done);
  } else {
    const bytes = stringBytes(string, encoding);
    binding.write(fd, bytes, 0, bytes.byteLength, pos, done);
  }
}

function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  for (const b of buffers) {
    if (!isArrayBufferView(b)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

function vectorPosition(position) {
  return typeof position === 'number' || typeof position === 'bigint' ? position : null;
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  return binding.readv(fd, buffers, vectorPosition(position));
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  binding.readv(fd, buffers, vectorPosition(position), (err, n) => callback(err, n || 0, buffers));
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  return binding.writev(fd, buffers, vectorPosition(position));
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  binding.writev(fd, buffers, vectorPosition(position), (err, n) => callback(err, n || 0, buffers));
}

// --- whole files --------------------------------------------------------------

function isFd(value) {
  return typeof value === 'number' && Number.isInteger(value);
}

// 1: the binding decodes UTF-8, 2: latin1, 0: bytes.
function encodingCode(encoding) {
  if (encoding === 'utf8' || encoding === 'utf-8') return 1;
  if (encoding === 'latin1' || encoding === 'binary') return 2;
  return 0;
}

function finishRead(result, encoding) {
  if (typeof result === 'string') return result;
  if (result === undefined) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_FS_FILE_TOO_LARGE('string');
  }
  const buffer = toBuffer(result);
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const target = isFd(path) ? getValidatedFd(path) : getValidatedPath(path);
  const encoding = options.encoding;
  const result = binding.readFile(target, stringToFlags(options.flag ?? 'r'),
                                  encodingCode(encoding));
  return finishRead(result, encoding);
}

function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  const target = isFd(path) ? getValidatedFd(path) : getValidatedPath(path);
  const flags = stringToFlags(options.flag ?? 'r');
  const encoding = options.encoding;
  const signal = options.signal;
  if (signal?.aborted) {
    process.nextTick(callback, new AbortError(undefined, { cause: signal.reason }));
    return;
  }
  binding.readFile(target, flags, encodingCode(encoding), (err, result) => {
    if (signal?.aborted) {
      callback(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    if (err) {
      callback(err);
      return;
    }
    let value;
    try {
      value = finishRead(result, encoding);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, value);
  });
}

// The data of writeFile/appendFile as a Uint8Array.
function dataBytes(data, encoding) {
  if (typeof data === 'string') return stringBytes(data, encoding);
  if (isArrayBufferView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function writeAllSync(fd, bytes, fromFd) {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const written = binding.write(fd, bytes, offset, bytes.byteLength - offset,
                                  fromFd ? null : -1);
    offset += written;
  }
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding ?? 'utf8');
  const flag = options.flag ?? 'w';
  if (isFd(path)) {
    writeAllSync(getValidatedFd(path), bytes, true);
    if (options.flush) binding.fsync(path);
    return;
  }
  const fd = binding.open(getValidatedPath(path), stringToFlags(flag),
                          parseFileMode(options.mode, 'mode', 0o666));
  try {
    writeAllSync(fd, bytes, false);
    if (options.flush) binding.fsync(fd);
  } finally {
    binding.close(fd);
  }
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  nodeify(lazyPromises().writeFileImpl(path, data, options), callback);
}

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  if (!options.flag || isFd(options)) options = { ...options, flag: 'a' };
  return options;
}

function appendFileSync(path, data, options) {
  writeFileSync(path, data, appendOptions(options));
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  writeFile(path, data, appendOptions(options), callback);
}

// --- stat ---------------------------------------------------------------------

function statOptions(options) {
  if (options == null || typeof options === 'function') return { bigint: false };
  validateObject(options, 'options');
  return options;
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  options = statOptions(options);
  path = getValidatedPath(path);
  if (options.throwIfNoEntry === false) {
    const result = binding.statNoThrow(path, false);
    if (typeof result === 'number') {
      if (result === -2 || result === -20) return undefined;  // ENOENT, ENOTDIR
      return getStatsFromBinding(binding.stat(path, !!options.bigint));
    }
    if (!options.bigint) return getStatsFromBinding(result);
  }
  return getStatsFromBinding(binding.stat(path, !!options.bigint));
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  options = statOptions(options);
  path = getValidatedPath(path);
  if (options.throwIfNoEntry === false) {
    const result = binding.statNoThrow(path, true);
    if (result === -2 || result === -20) return undefined;
  }
  return getStatsFromBinding(binding.lstat(path, !!options.bigint));
}

function fstatSync(fd, options = { bigint: false }) {
  options = statOptions(options);
  return getStatsFromBinding(binding.fstat(getValidatedFd(fd), !!options.bigint));
}

function statCallback(callback) {
  return (err, array) => (err ? callback(err) : callback(null, getStatsFromBinding(array)));
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  options = statOptions(options);
  binding.stat(getValidatedPath(path), !!options.bigint, statCallback(callback));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  options = statOptions(options);
  binding.lstat(getValidatedPath(path), !!options.bigint, statCallback(callback));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  options = statOptions(options);
  binding.fstat(getValidatedFd(fd), !!options.bigint, statCallback(callback));
}

// --- directories --------------------------------------------------------------

function direntsFromPair(pair, dirPath, encoding) {
  const [names, types] = pair;
  const out = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    out[i] = direntFromEntry(names[i], types[i], dirPath, encoding);
  }
  return out;
}

function readdirRecursiveSync(root, options) {
  const pathModule = require('path');
  const withTypes = !!options.withFileTypes;
  const result = [];
  const queue = [[root, '']];
  for (let q = 0; q < queue.length; q++) {
    const [dir, rel] = queue[q];
    const [names, types] = binding.readdir(dir, true);
    for (let i = 0; i < names.length; i++) {
      const dirent = direntFromEntry(names[i], types[i], dir, undefined);
      const relName = rel === '' ? names[i] : pathModule.join(rel, names[i]);
      if (withTypes) {
        result.push(options.encoding === 'buffer' || (options.encoding && options.encoding !== 'utf8') ?
          direntFromEntry(names[i], types[i], dir, options.encoding) : dirent);
      } else {
        result.push(encodeName(relName, options.encoding));
      }
      if (dirent.isDirectory()) queue.push([pathModule.join(dir, names[i]), relName]);
    }
  }
  return result;
}

function readdirSync(path, options) {
  options = getOptions(options, {});
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return readdirRecursiveSync(path, options);
  if (options.withFileTypes) {
    return direntsFromPair(binding.readdir(path, true), path, options.encoding);
  }
  const names = binding.readdir(path, false);
  if (options.encoding && options.encoding !== 'utf8' && options.encoding !== 'utf-8') {
    return names.map((n) => encodeName(n, options.encoding));
  }
  return names;
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, {});
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    nodeify(lazyPromises().readdir(path, options), callback);
    return;
  }
  binding.readdir(path, !!options.withFileTypes, (err, result) => {
    if (err) return callback(err);
    if (options.withFileTypes) return callback(null, direntsFromPair(result, path, options.encoding));
    if (options.encoding && options.encoding !== 'utf8' && options.encoding !== 'utf-8') {
      result = result.map((n) => encodeName(n, options.encoding));
    }
    callback(null, result);
  });
}

function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  validateBoolean(recursive, 'options.recursive');
  return { mode: parseFileMode(mode, 'mode'), recursive };
}

// Creates `path` and its missing parents; returns the first one created.
function mkdirpSync(path, mode) {
  try {
    binding.mkdir(path, mode);
    return path;
  } catch (err) {
    if (err.code === 'ENOENT') {
      const parent = require('path').dirname(path);
      if (parent === path) throw err;
      const first = mkdirpSync(parent, mode);
      binding.mkdir(path, mode);
      return first ?? path;
    }
    if (err.code === 'EEXIST') {
      const st = binding.statNoThrow(path, false);
      if (typeof st !== 'number' && (st[1] & constants.S_IFMT) === constants.S_IFDIR) {
        return undefined;
      }
    }
    throw err;
  }
}

function mkdirSync(path, options) {
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  if (recursive) return mkdirpSync(path, mode);
  binding.mkdir(path, mode);
  return undefined;
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  if (recursive) {
    nodeify(lazyPromises().mkdir(path, { mode, recursive }), callback);
    return;
  }
  binding.mkdir(path, mode, callback);
}

function mkdtempSync(prefix, options) {
  options = getOptions(options, {});
  prefix = getValidatedPath(prefix, 'prefix');
  return encodeName(binding.mkdtemp(prefix), options.encoding);
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, {});
  prefix = getValidatedPath(prefix, 'prefix');
  binding.mkdtemp(prefix, (err, dir) => {
    if (err) return callback(err);
    callback(null, encodeName(dir, options.encoding));
  });
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    validateBoolean(options.recursive, 'options.recursive');
    const st = binding.statNoThrow(path, false);
    if (typeof st === 'number') binding.stat(path, false);  // throws the error
    require('internal/fs/rimraf').rimrafSync(path);
    return;
  }
  binding.rmdir(path);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    validateBoolean(options.recursive, 'options.recursive');
    nodeify(lazyPromises().rmdir(path, options), callback);
    return;
  }
  binding.rmdir(path, callback);
}

function validateRmOptionsSync(path, options) {
  options = { force: false, recursive: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.recursive, 'options.recursive');
  validateInteger(options.maxRetries, 'options.maxRetries', 0);
  validateInteger(options.retryDelay, 'options.retryDelay', 0);
  const st = binding.statNoThrow(path, true);
  if (typeof st === 'number') {
    if (st === -2 && options.force) return null;
    binding.lstat(path, false);  // throws the error
  }
  if ((st[1] & constants.S_IFMT) === constants.S_IFDIR && !options.recursive) {
    throw fsError('ERR_FS_EISDIR', {
      code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
    });
  }
  return options;
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  if (options !== undefined) validateObject(options, 'options');
  options = validateRmOptionsSync(path, options);
  if (options === null) return;
  require('internal/fs/rimraf').rimrafSync(path);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  nodeify(lazyPromises().rm(path, options), callback);
}

// --- simple path calls --------------------------------------------------------

function unlinkSync(path) {
  binding.unlink(getValidatedPath(path));
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  binding.unlink(getValidatedPath(path), callback);
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath);
}

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, callback);
}

function copyFileMode(mode) {
  if (mode == null) return 0;
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  binding.copyFile(src, dest, copyFileMode(mode));
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = makeCallback(callback);
  binding.copyFile(src, dest, copyFileMode(mode), callback);
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath);
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, callback);
}

function symlinkFlags(type) {
  if (type === 'dir') return constants.UV_FS_SYMLINK_DIR;
  if (type === 'junction') return constants.UV_FS_SYMLINK_JUNCTION;
  if (type != null && type !== 'file') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('type', type,
                                          "must be one of: 'dir', 'file', 'junction'");
  }
  return 0;
}

function symlinkSync(target, path, type) {
  const flags = symlinkFlags(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, flags);
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  callback = makeCallback(callback);
  const flags = symlinkFlags(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, flags, callback);
}

function readlinkSync(path, options) {
  options = getOptions(options, {});
  return encodeName(binding.readlink(getValidatedPath(path, 'oldPath')), options.encoding);
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, {});
  binding.readlink(getValidatedPath(path, 'oldPath'), (err, target) => {
    if (err) return callback(err);
    callback(null, encodeName(target, options.encoding));
  });
}

// fs.realpath reports a failure as the lstat of the first missing component
// (Node resolves in JavaScript); realpath.native reports realpath's error.
function realpathError(path, err) {
  if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') return err;
  const pathModule = require('path');
  const full = pathModule.resolve(path);
  const parts = full.split('/').filter(Boolean);
  let current = '';
  for (const part of parts) {
    current += `/${part}`;
    const st = binding.statNoThrow(current, true);
    if (typeof st === 'number') {
      return uvException({ errno: st, syscall: 'lstat', path: current });
    }
  }
  return err;
}

function realpathSync(path, options) {
  options = getOptions(options, {});
  path = getValidatedPath(path);
  try {
    return encodeName(binding.realpathNative(path), options.encoding);
  } catch (err) {
    throw realpathError(path, err);
  }
}

realpathSync.native = function native(path, options) {
  options = getOptions(options, {});
  return encodeName(binding.realpathNative(getValidatedPath(path)), options.encoding);
};

function realpath(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, {});
  path = getValidatedPath(path);
  binding.realpathNative(path, (err, resolved) => {
    if (err) return callback(realpathError(path, err));
    callback(null, encodeName(resolved, options.encoding));
  });
}

realpath.native = function native(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, {});
  binding.realpathNative(getValidatedPath(path), (err, resolved) => {
    if (err) return callback(err);
    callback(null, encodeName(resolved, options.encoding));
  });
};

function accessMode(mode) {
  if (mode == null) return F_OK;
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}

function accessSync(path, mode) {
  binding.access(getValidatedPath(path), accessMode(mode));
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = accessMode(mode);
  callback = makeCallback(callback);
  binding.access(path, mode, callback);
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.exists(path);
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  try {
    path = getValidatedPath(path);
  } catch {
    process.nextTick(callback, false);
    return;
  }
  binding.access(path, F_OK, (err) => callback(!err));
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: function exists(path) {
    return new Promise((resolve) => module.exports.exists(path, resolve));
  },
  enumerable: false, configurable: true, writable: true,
});

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  binding.chmod(path, parseFileMode(mode, 'mode'));
}

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.chmod(path, mode, callback);
}

function fchmodSync(fd, mode) {
  binding.fchmod(getValidatedFd(fd), parseFileMode(mode, 'mode'));
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.fchmod(fd, mode, callback);
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid, callback);
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid);
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid, callback);
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  binding.fchown(fd, uid, gid);
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  callback = makeCallback(callback);
  binding.fchown(fd, uid, gid, callback);
}

// Seconds since the epoch from a Date, a number or a numeric string.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;  // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'),
                 callback);
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'),
                  callback);
}

function futimesSync(fd, atime, mtime) {
  binding.futimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'),
                  toUnixTimestamp(mtime, 'mtime'));
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  binding.futimes(fd, atime, mtime, callback);
}

function truncateLength(len) {
  if (len == null) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}

function ftruncateSync(fd, len = 0) {
  binding.ftruncate(getValidatedFd(fd), truncateLength(len));
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  len = truncateLength(len);
  callback = makeCallback(callback);
  binding.ftruncate(fd, len, callback);
}

function truncateSync(path, len) {
  if (isFd(path)) return ftruncateSync(path, len);
  len = truncateLength(len);
  const fd = openSync(path, 'r+');
  try {
    binding.ftruncate(fd, len);
  } finally {
    binding.close(fd);
  }
}

function truncate(path, len, callback) {
  if (isFd(path)) return ftruncate(path, len, callback);
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  callback = maybeCallback(callback);
  nodeify(lazyPromises().truncate(path, len), callback);
}

function fsyncSync(fd) {
  binding.fsync(getValidatedFd(fd));
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fsync(fd, callback);
}

function fdatasyncSync(fd) {
  binding.fdatasync(getValidatedFd(fd));
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fdatasync(fd, callback);
}

// --- cp -----------------------------------------------------------------------

function cpSync(src, dest, options) {
  require('internal/fs/cp').cpSyncFn(src, dest, options);
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  nodeify(require('internal/fs/cp').cpFn(src, dest, options), callback);
}

// --- streams (internal/fs/streams, loaded on first use) -----------------------

let streams;
function lazyStreams() {
  if (streams === undefined) streams = require('internal/fs/streams');
  return streams;
}

// --- not yet ------------------------------------------------------------------

function notYet(name) {
  return function notImplementedYet() {
    throw notImplemented(`fs.${name}`);
  };
}

module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream(path, options) {
    return lazyStreams().createReadStream(path, options);
  },
  createWriteStream(path, options) {
    return lazyStreams().createWriteStream(path, options);
  },
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob: notYet('openAsBlob'),
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs: notYet('statfs'),
  statSync,
  statfsSync: notYet('statfsSync'),
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile: undefined,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch: undefined,
  watchFile: undefined,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,
  _toUnixTimestamp: toUnixTimestamp,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  constants,
};

const watchers = () => require('internal/fs/watchers');
module.exports.watch = function watch(filename, options, listener) {
  return watchers().watch(filename, options, listener);
};
module.exports.watchFile = function watchFile(filename, options, listener) {
  return watchers().watchFile(filename, options, listener);
};
module.exports.unwatchFile = function unwatchFile(filename, listener) {
  return watchers().unwatchFile(filename, listener);
};

const dirModule = () => require('internal/fs/dir');
module.exports.opendir = function opendir(path, options, callback) {
  return dirModule().opendir(path, options, callback);
};
module.exports.opendirSync = function opendirSync(path, options) {
  return dirModule().opendirSync(path, options);
};

Object.defineProperties(module.exports, {
  Dir: {
    enumerable: true, configurable: true,
    get() { return dirModule().Dir; },
  },
  promises: {
    enumerable: true, configurable: true,
    get() { return require('fs/promises'); },
  },
});

for (const [name, key] of [['ReadStream', 'ReadStream'], ['WriteStream', 'WriteStream'],
  ['FileReadStream', 'ReadStream'], ['FileWriteStream', 'WriteStream']]) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return lazyStreams()[key]; },
    set(value) { Object.defineProperty(module.exports, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true }); },
  });
}
