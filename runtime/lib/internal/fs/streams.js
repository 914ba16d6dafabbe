'use strict';
// fs.ReadStream / fs.WriteStream (and FileHandle#createReadStream /
// #createWriteStream): Readable/Writable over fs.open/read/write/close.

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { finished } = require('internal/streams/end-of-stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateInteger, validateBoolean } = require('internal/validators');

const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

function lazyFs() {
  return require('fs');
}

function copyOptions(options) {
  if (options == null) return {};
  if (typeof options === 'string') return { encoding: options };
  if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  return { ...options };
}

function isFileHandle(fd) {
  return fd != null && typeof fd === 'object' && typeof fd.close === 'function' &&
    typeof fd.read === 'function' && 'fd' in fd;
}

// An fs-like object over a FileHandle, so the stream code is the same.
function fileHandleFs(handle) {
  return {
    open() { throw new ERR_METHOD_NOT_IMPLEMENTED('open()'); },
    read(fd, buf, off, len, pos, cb) {
      handle.read(buf, off, len, pos).then((r) => cb(null, r.bytesRead, buf), cb);
    },
    write(fd, buf, off, len, pos, cb) {
      handle.write(buf, off, len, pos).then((r) => cb(null, r.bytesWritten, buf), cb);
    },
    writev(fd, bufs, pos, cb) {
      handle.writev(bufs, pos).then((r) => cb(null, r.bytesWritten, bufs), cb);
    },
    fsync(fd, cb) {
      handle.sync().then(() => cb(null), cb);
    },
    close(fd, cb) {
      handle.close().then(() => cb(null), cb);
    },
  };
}

function setupCommon(stream, path, options, defaultFlags) {
  if (options.fd == null) {
    stream.fd = null;
    stream.path = require('internal/fs/utils').getValidatedPath(path);
  } else if (isFileHandle(options.fd)) {
    stream[kHandle] = options.fd;
    stream.fd = options.fd.fd;
    stream.path = undefined;
  } else {
    stream.fd = require('internal/fs/utils').getValidatedFd(options.fd);
    stream.path = undefined;
  }
  if (typeof stream.path === 'object' && stream.path !== null && !Buffer.isBuffer(stream.path)) {
    stream.path = String(stream.path);
  }
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  if (stream[kHandle]) {
    stream[kFs] = fileHandleFs(stream[kHandle]);
  } else if (options.fs) {
    stream[kFs] = { ...lazyFs(), ...options.fs };
  } else {
    stream[kFs] = lazyFs();
  }
  stream[kIsPerformingIO] = false;
}

function validateStart(start) {
  if (start === undefined) return;
  if (typeof start !== 'number') throw new ERR_INVALID_ARG_TYPE('start', 'number', start);
  validateInteger(start, 'start', 0);
}

function openStream(stream, cb) {
  if (typeof stream.fd === 'number') {
    cb();
    return;
  }
  stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      cb(er);
    } else {
      stream.fd = fd;
      cb();
      stream.emit('open', stream.fd);
      stream.emit('ready');
    }
  });
}

function closeStream(stream, err, cb) {
  if (stream.fd === null || stream.fd === undefined) {
    cb(err);
  } else {
    stream[kFs].close(stream.fd, (er) => cb(er || err));
    stream.fd = null;
  }
}

function destroyStream(stream, err, cb) {
  if (stream[kIsPerformingIO]) {
    stream.once(kIsPerformingIO, (er) => destroyStream(stream, err || er, cb));
  } else if (stream.autoClose) {
    closeStream(stream, err, cb);
  } else {
    cb(err);
  }
}

// --- ReadStream ----------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = false;
  setupCommon(this, path, options, 'r');
  this.start = options.start;
  this.end = options.end === undefined ? Infinity : options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  validateStart(this.start);
  if (this.start !== undefined) this.pos = this.start;
  if (this.end !== Infinity) {
    if (typeof this.end !== 'number') throw new ERR_INVALID_ARG_TYPE('end', 'number', this.end);
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  if (options.autoClose === undefined) options.autoClose = true;
  options.autoDestroy = options.autoClose;
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
});

Object.defineProperty(ReadStream.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() { return this.fd === null; },
});

ReadStream.prototype._construct = function(callback) {
  openStream(this, callback);
};

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ?
    Math.min(this.end - this.pos + 1, n) :
    Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buf, 0, n, this.pos === undefined ? null : this.pos, (er, bytesRead, b) => {
    this[kIsPerformingIO] = false;
    // Tell a waiting destroy() the read is over.
    if (this.destroyed) {
      this.emit(kIsPerformingIO, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      if (bytesRead !== b.length) {
        // Keep only what was read; copy when most of the buffer is unused.
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        b.copy(dst, 0, 0, bytesRead);
        b = dst;
      }
      this.push(b);
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  destroyStream(this, err, cb);
};

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

// --- WriteStream ---------------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyOptions(options);
  options.decodeStrings = true;
  setupCommon(this, path, options, 'w');
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  validateStart(this.start);
  if (this.start !== undefined) this.pos = this.start;
  if (options.flush != null) validateBoolean(options.flush, 'options.flush');
  this.flush = !!options.flush;
  if (options.autoClose === undefined) options.autoClose = true;
  options.autoDestroy = options.autoClose;
  if (this[kFs].writev === undefined || typeof this[kFs].writev !== 'function') {
    this._writev = null;
  }
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
});

Object.defineProperty(WriteStream.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() { return this.fd === null; },
});

WriteStream.prototype._construct = function(callback) {
  openStream(this, callback);
};

// Writes all of `data` at pos (null: the current position). A short write (a
// device with room for part of the data) is not success: the rest is written
// until all of it is, or the error that stops it reaches cb. EAGAIN (a
// non-blocking descriptor passed as `fd`) and writes of nothing are tried
// again a few times before giving up.
function writeAll(stream, data, pos, cb, idle = 0) {
  stream[kFs].write(stream.fd, data, 0, data.length, pos, (er, bytes) => {
    if (er && er.code === 'EAGAIN') {
      er = null;
      bytes = 0;
    }
    if (er || stream.destroyed) {
      cb(er);
      return;
    }
    stream.bytesWritten += bytes;
    if (bytes === data.length) {
      cb(null);
      return;
    }
    idle = bytes > 0 ? 0 : idle + 1;
    if (idle > 5) {
      const err = new Error(`write stalled with ${data.length - bytes} bytes left`);
      err.code = 'EIO';
      cb(err);
      return;
    }
    writeAll(stream, data.subarray(bytes), pos === null ? null : pos + bytes, cb, idle);
  });
}

function afterWrite(stream, cb) {
  return (er) => {
    stream[kIsPerformingIO] = false;
    cb(er);
    if (stream.destroyed) stream.emit(kIsPerformingIO, er);
  };
}

WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  writeAll(this, data, this.pos === undefined ? null : this.pos, afterWrite(this, cb));
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function(data, cb) {
  const len = data.length;
  const chunks = new Array(len);
  let size = 0;
  for (let i = 0; i < len; i++) {
    const chunk = data[i].chunk;
    chunks[i] = chunk;
    size += chunk.length;
  }
  const pos = this.pos === undefined ? null : this.pos;
  const done = afterWrite(this, cb);
  this[kIsPerformingIO] = true;
  this[kFs].writev(this.fd, chunks, pos, (er, bytes) => {
    if (er || this.destroyed) {
      done(er);
      return;
    }
    this.bytesWritten += bytes;
    if (bytes === size) {
      done(null);
      return;
    }
    // A short writev: the rest as one buffer, written to the end.
    const rest = Buffer.concat(chunks, size).subarray(bytes);
    writeAll(this, rest, pos === null ? null : pos + bytes, done);
  });
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._final = function(cb) {
  if (!this.flush) {
    cb();
    return;
  }
  this[kFs].fsync(this.fd, (err) => cb(err));
};

WriteStream.prototype._destroy = function(err, cb) {
  destroyStream(this, err, cb);
};

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

function createReadStream(path, options) {
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  return new WriteStream(path, options);
}

module.exports = { ReadStream, WriteStream, createReadStream, createWriteStream };
