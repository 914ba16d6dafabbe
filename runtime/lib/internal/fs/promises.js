'use strict';
// fs/promises: every call returns a promise settled from the binding's
// thread-pool callback. FileHandle wraps a file descriptor.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
  AbortError,
  notImplemented,
} = require('internal/errors');
const {
  validateBoolean,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
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
  lazyBuffer,
  parseFileMode,
  stringToFlags,
  toBuffer,
} = require('internal/fs/utils');

const { F_OK, S_IFMT, S_IFDIR } = constants;

function lazyFs() {
  return require('fs');
}

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

function encodingCode(encoding) {
  if (encoding === 'utf8' || encoding === 'utf-8') return 1;
  if (encoding === 'latin1' || encoding === 'binary') return 2;
  return 0;
}

function finishRead(result, encoding) {
  if (typeof result === 'string') return result;
  const buffer = toBuffer(result);
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
}

function dataBytes(data, encoding) {
  if (typeof data === 'string') {
    if (!encoding || encoding === 'utf8' || encoding === 'utf-8') {
      return new TextEncoder().encode(data);
    }
    return lazyBuffer().from(data, encoding);
  }
  if (isArrayBufferView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

// --- FileHandle ---------------------------------------------------------------

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');

class FileHandle {
  constructor(fd) {
    this[kFd] = fd;
    this[kClosePromise] = null;
  }

  get fd() {
    return this[kFd];
  }

  #check(syscall) {
    if (this[kFd] === -1) {
      const err = new Error('file closed');
      err.code = 'EBADF';
      err.syscall = syscall;
      throw err;
    }
    return this[kFd];
  }

  async appendFile(data, options) {
    options = getOptions(options, { encoding: 'utf8', flag: 'a' });
    return writeAll(this.#check('write'), data, options, true);
  }

  async chmod(mode) {
    return call('fchmod', this.#check('fchmod'), parseFileMode(mode, 'mode'));
  }

  async chown(uid, gid) {
    validateInteger(uid, 'uid', -1, 2 ** 32 - 1);
    validateInteger(gid, 'gid', -1, 2 ** 32 - 1);
    return call('fchown', this.#check('fchown'), uid, gid);
  }

  async datasync() {
    return call('fdatasync', this.#check('fdatasync'));
  }

  async sync() {
    return call('fsync', this.#check('fsync'));
  }

  async read(buffer, offset, length, position) {
    const fd = this.#check('read');
    if (buffer != null && !isArrayBufferView(buffer) && typeof buffer === 'object') {
      ({ buffer = lazyBuffer().alloc(16384), offset = 0, length, position = null } = buffer);
    } else if (buffer == null) {
      buffer = lazyBuffer().alloc(16384);
    } else if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length, position = null } = offset);
    }
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    offset ??= 0;
    validateInteger(offset, 'offset', 0);
    length ??= buffer.byteLength - offset;
    if (length === 0) return { bytesRead: 0, buffer };
    validateInteger(length, 'length', 0, buffer.byteLength - offset);
    if (position == null) position = -1;
    const bytesRead = await call('read', fd, buffer, offset, length, position);
    return { bytesRead, buffer };
  }

  async readv(buffers, position) {
    const fd = this.#check('read');
    const bytesRead = await call('readv', fd, buffers,
                                 typeof position === 'number' ? position : null);
    return { bytesRead, buffers };
  }

  async readFile(options) {
    options = getOptions(options, { flag: 'r' });
    const fd = this.#check('read');
    checkAborted(options.signal);
    const result = await call('readFile', fd, 0, encodingCode(options.encoding));
    checkAborted(options.signal);
    return finishRead(result, options.encoding);
  }

  async stat(options) {
    const array = await call('fstat', this.#check('fstat'), !!options?.bigint);
    return getStatsFromBinding(array);
  }

  async truncate(len = 0) {
    validateInteger(len, 'len');
    return call('ftruncate', this.#check('ftruncate'), Math.max(0, len));
  }

  async utimes(atime, mtime) {
    const { _toUnixTimestamp } = lazyFs();
    return call('futimes', this.#check('futime'), _toUnixTimestamp(atime, 'atime'),
                _toUnixTimestamp(mtime, 'mtime'));
  }

  async write(buffer, offsetOrOptions, length, position) {
    const fd = this.#check('write');
    if (isArrayBufferView(buffer)) {
      let offset = offsetOrOptions;
      if (offset !== null && typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
      }
      offset ??= 0;
      validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      validateInteger(length, 'length', 0, buffer.byteLength - offset);
      if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
      if (length === 0) return { bytesWritten: 0, buffer };
      const bytesWritten = await call('write', fd, buffer, offset, length, position);
      return { bytesWritten, buffer };
    }
    if (typeof buffer !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'],
                                     buffer);
    }
    const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
    const bytes = dataBytes(buffer, typeof length === 'string' ? length : 'utf8');
    const bytesWritten = await call('write', fd, bytes, 0, bytes.byteLength, pos);
    return { bytesWritten, buffer };
  }

  async writev(buffers, position) {
    const fd = this.#check('write');
    const bytesWritten = await call('writev', fd, buffers,
                                    typeof position === 'number' ? position : null);
    return { bytesWritten, buffers };
  }

  async writeFile(data, options) {
    options = getOptions(options, { encoding: 'utf8', flag: 'w' });
    return writeAll(this.#check('write'), data, options, true);
  }

  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    const fd = this[kFd];
    this[kClosePromise] = call('close', fd).then(() => {
      this[kFd] = -1;
      this[kClosePromise] = null;
    }, (err) => {
      this[kClosePromise] = null;
      throw err;
    });
    return this[kClosePromise];
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  readLines() {
    throw notImplemented('FileHandle.readLines');
  }

  readableWebStream() {
    throw notImplemented('FileHandle.readableWebStream');
  }
}


async function writeAll(fd, data, options, fromFd) {
  const bytes = dataBytes(data, options.encoding ?? 'utf8');
  if (bytes === null) {
    if (data != null && typeof data[Symbol.asyncIterator] === 'function' ||
        data != null && typeof data === 'object' && typeof data[Symbol.iterator] === 'function') {
      for await (const chunk of data) {
        checkAborted(options.signal);
        await writeAll(fd, chunk, { ...options, signal: undefined }, true);
      }
      return;
    }
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  let offset = 0;
  do {
    checkAborted(options.signal);
    const written = await call('write', fd, bytes, offset, bytes.byteLength - offset,
                               fromFd ? null : -1);
    offset += written;
  } while (offset < bytes.byteLength);
}

// --- calls --------------------------------------------------------------------

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await call('open', path, flagsNumber, mode));
}

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  validateInteger(mode, 'mode', 0, 7);
  return call('access', path, mode);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  if (mode == null) mode = 0;
  validateInteger(mode, 'mode', 0, 7);
  return call('copyFile', src, dest, mode);
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call('rename', oldPath, newPath);
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  try {
    await fd.truncate(len);
  } finally {
    await fd.close();
  }
}

async function rm(path, options) {
  path = getValidatedPath(path);
  if (options !== undefined) validateObject(options, 'options');
  options = { force: false, recursive: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.recursive, 'options.recursive');
  validateInteger(options.maxRetries, 'options.maxRetries', 0);
  validateInteger(options.retryDelay, 'options.retryDelay', 0);
  let st;
  try {
    st = await call('lstat', path, false);
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  if ((st[1] & S_IFMT) === S_IFDIR && !options.recursive) {
    throw fsError('ERR_FS_EISDIR', {
      code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
    });
  }
  return require('internal/fs/rimraf').rimraf(path);
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    validateBoolean(options.recursive, 'options.recursive');
    await call('stat', path, false);
    return require('internal/fs/rimraf').rimraf(path);
  }
  return call('rmdir', path);
}

async function mkdirp(path, mode) {
  try {
    await call('mkdir', path, mode);
    return path;
  } catch (err) {
    if (err.code === 'ENOENT') {
      const parent = require('path').dirname(path);
      if (parent === path) throw err;
      const first = await mkdirp(parent, mode);
      await call('mkdir', path, mode);
      return first ?? path;
    }
    if (err.code === 'EEXIST') {
      const st = binding.statNoThrow(path, false);
      if (typeof st !== 'number' && (st[1] & S_IFMT) === S_IFDIR) return undefined;
    }
    throw err;
  }
}

async function mkdir(path, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  validateBoolean(recursive, 'options.recursive');
  mode = parseFileMode(mode, 'mode');
  path = getValidatedPath(path);
  if (recursive) return mkdirp(path, mode);
  await call('mkdir', path, mode);
  return undefined;
}

async function readdir(path, options) {
  options = getOptions(options, {});
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  const withTypes = !!options.withFileTypes;
  const encoding = options.encoding;
  const plain = !encoding || encoding === 'utf8' || encoding === 'utf-8';
  if (!options.recursive) {
    const result = await call('readdir', path, withTypes);
    if (withTypes) return result[0].map((n, i) => direntFromEntry(n, result[1][i], path, encoding));
    return plain ? result : result.map((n) => encodeName(n, encoding));
  }
  const pathModule = require('path');
  const out = [];
  const queue = [[path, '']];
  for (let q = 0; q < queue.length; q++) {
    const [dir, rel] = queue[q];
    const [names, types] = await call('readdir', dir, true);
    for (let i = 0; i < names.length; i++) {
      const dirent = direntFromEntry(names[i], types[i], dir, undefined);
      const relName = rel === '' ? names[i] : pathModule.join(rel, names[i]);
      if (withTypes) {
        out.push(plain ? dirent : direntFromEntry(names[i], types[i], dir, encoding));
      } else {
        out.push(encodeName(relName, encoding));
      }
      if (dirent.isDirectory()) queue.push([pathModule.join(dir, names[i]), relName]);
    }
  }
  return out;
}

async function readlink(path, options) {
  options = getOptions(options, {});
  return encodeName(await call('readlink', getValidatedPath(path, 'oldPath')), options.encoding);
}

async function symlink(target, path, type) {
  let flags = 0;
  if (type === 'dir') flags = constants.UV_FS_SYMLINK_DIR;
  else if (type === 'junction') flags = constants.UV_FS_SYMLINK_JUNCTION;
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return call('symlink', target, path, flags);
}

async function lstat(path, options = { bigint: false }) {
  return getStatsFromBinding(await call('lstat', getValidatedPath(path), !!options?.bigint));
}

async function stat(path, options = { bigint: false }) {
  return getStatsFromBinding(await call('stat', getValidatedPath(path), !!options?.bigint));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call('link', existingPath, newPath);
}

async function unlink(path) {
  return call('unlink', getValidatedPath(path));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  return call('chmod', path, parseFileMode(mode, 'mode'));
}

async function ids(uid, gid) {
  validateInteger(uid, 'uid', -1, 2 ** 32 - 1);
  validateInteger(gid, 'gid', -1, 2 ** 32 - 1);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  await ids(uid, gid);
  return call('chown', path, uid, gid);
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  await ids(uid, gid);
  return call('lchown', path, uid, gid);
}

async function utimes(path, atime, mtime) {
  const { _toUnixTimestamp } = lazyFs();
  path = getValidatedPath(path);
  return call('utimes', path, _toUnixTimestamp(atime, 'atime'), _toUnixTimestamp(mtime, 'mtime'));
}

async function lutimes(path, atime, mtime) {
  const { _toUnixTimestamp } = lazyFs();
  path = getValidatedPath(path);
  return call('lutimes', path, _toUnixTimestamp(atime, 'atime'),
              _toUnixTimestamp(mtime, 'mtime'));
}

async function realpath(path, options) {
  options = getOptions(options, {});
  path = getValidatedPath(path);
  try {
    return encodeName(await call('realpathNative', path), options.encoding);
  } catch (err) {
    // Report the failure as fs.realpath does (the first missing component).
    lazyFs().realpathSync(path);
    throw err;
  }
}

async function mkdtemp(prefix, options) {
  options = getOptions(options, {});
  prefix = getValidatedPath(prefix, 'prefix');
  return encodeName(await call('mkdtemp', prefix), options.encoding);
}

// The shared body of writeFile/appendFile for paths, fds and FileHandles.
async function writeFileImpl(path, data, options) {
  const flag = options.flag ?? 'w';
  if (options.signal !== undefined) {
    require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
  }
  if (typeof data !== 'string' && !isArrayBufferView(data) &&
      !(data != null && typeof data === 'object' &&
        (typeof data[Symbol.asyncIterator] === 'function' ||
         typeof data[Symbol.iterator] === 'function'))) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (path instanceof FileHandle) {
    return writeAll(path.fd, data, options, true);
  }
  if (typeof path === 'number' && Number.isInteger(path)) {
    return writeAll(getValidatedFd(path), data, options, true);
  }
  path = getValidatedPath(path);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  checkAborted(options.signal);
  const fd = await call('open', path, stringToFlags(flag), mode);
  let error;
  try {
    await writeAll(fd, data, options, false);
    if (options.flush) await call('fsync', fd);
  } catch (err) {
    error = err;
  }
  await call('close', fd);
  if (error) throw error;
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  return writeFileImpl(path, data, options);
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options, flag: options.flag || 'a' };
  return writeFileImpl(path, data, options);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  if (path instanceof FileHandle) return path.readFile(options);
  const target = typeof path === 'number' && Number.isInteger(path) ?
    getValidatedFd(path) : getValidatedPath(path);
  const flags = stringToFlags(options.flag ?? 'r');
  checkAborted(options.signal);
  const result = await call('readFile', target, flags, encodingCode(options.encoding));
  checkAborted(options.signal);
  return finishRead(result, options.encoding);
}

async function opendir(path, options) {
  return require('internal/fs/dir').opendirPromise(path, options);
}

async function cp(src, dest, options) {
  return require('internal/fs/cp').cpFn(src, dest, options);
}

function watch(filename, options) {
  return require('internal/fs/watchers').watchPromise(filename, options);
}

async function statfs() {
  throw notImplemented('fsPromises.statfs');
}

module.exports = {
  access,
  copyFile,
  cp,
  open,
  opendir,
  rename,
  truncate,
  rm,
  rmdir,
  mkdir,
  readdir,
  readlink,
  symlink,
  lstat,
  stat,
  statfs,
  link,
  unlink,
  chmod,
  lchmod: undefined,
  lchown,
  chown,
  utimes,
  lutimes,
  realpath,
  mkdtemp,
  writeFile,
  appendFile,
  readFile,
  watch,
  constants,
  FileHandle,
  writeFileImpl,
};
