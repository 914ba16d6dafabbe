'use strict';
// fs.Dir: a directory stream over libuv's uv_fs_opendir/readdir/closedir.
// Entries are read in batches; reads and closes are serialised.

const {
  codes: { ERR_DIR_CLOSED, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const {
  binding,
  call,
  direntFromEntry,
  getOptions,
  getValidatedPath,
  nodeify,
} = require('internal/fs/utils');

const kHandle = Symbol('kHandle');

class Dir {
  #handle;
  #path;
  #options;
  #buffered = [];
  #closed = false;
  #queue = Promise.resolve();

  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this.#handle = handle;
    this.#path = path;
    this.#options = options;
  }

  get path() {
    return this.#path;
  }

  #toDirent(name, type) {
    return direntFromEntry(name, type, this.#path, this.#options.encoding);
  }

  #take() {
    const [name, type] = this.#buffered.splice(0, 2);
    return this.#toDirent(name, type);
  }

  #fill(entries) {
    if (entries !== null) this.#buffered.push(...entries);
  }

  readSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#buffered.length === 0) this.#fill(binding.dirRead(this.#handle));
    return this.#buffered.length === 0 ? null : this.#take();
  }

  #readPromise() {
    const result = this.#queue.then(async () => {
      if (this.#closed) throw new ERR_DIR_CLOSED();
      if (this.#buffered.length === 0) this.#fill(await call('dirRead', this.#handle));
      return this.#buffered.length === 0 ? null : this.#take();
    });
    this.#queue = result.catch(() => {});
    return result;
  }

  read(callback) {
    if (callback === undefined) return this.#readPromise();
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    nodeify(this.#readPromise(), callback);
  }

  closeSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    this.#closed = true;
    binding.dirClose(this.#handle);
  }

  #closePromise() {
    if (this.#closed) return Promise.reject(new ERR_DIR_CLOSED());
    const result = this.#queue.then(() => {
      if (this.#closed) throw new ERR_DIR_CLOSED();
      this.#closed = true;
      return call('dirClose', this.#handle);
    });
    this.#queue = result.catch(() => {});
    return result;
  }

  close(callback) {
    if (callback === undefined) return this.#closePromise();
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    nodeify(this.#closePromise(), callback);
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.#readPromise();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this.#closed) await this.#closePromise();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }
}

function dirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) validateUint32(options.bufferSize, 'options.bufferSize', true);
  if (options.recursive) {
    throw require('internal/errors').notImplemented('fs.opendir with recursive');
  }
  return options;
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  return new Dir(binding.opendir(path), path, options);
}

async function opendirPromise(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  return new Dir(await call('opendir', path), path, options);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = dirOptions(typeof options === 'function' ? undefined : options);
  binding.opendir(path, (err, handle) => {
    if (err) return callback(err);
    callback(null, new Dir(handle, path, options));
  });
}

module.exports = { Dir, kHandle, opendir, opendirPromise, opendirSync };
