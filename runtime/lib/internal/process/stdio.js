'use strict';
// process.stdout / process.stderr: synchronous writers for TTYs, files and
// pipes (Node writes all three synchronously on Linux, so nothing is lost at
// exit). Full stream semantics arrive with the stream module; process.stdin
// reading is not built yet and says so.

const EventEmitter = require('events');
const binding = internalBinding('stdio');

function lazyCodes() {
  return require('internal/errors').codes;
}

// Terminal colour depth from the environment, as tty.WriteStream#getColorDepth.
function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': return 4;
      case '2': return 8;
      case '3': return 24;
      default: return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (env.TMUX) return 24;
  if (env.CI) return 8;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM) || /-256(color)?$/.test(env.TERM)) return 8;
    if (/^(xterm|screen|vt100|vt220|rxvt|color|ansi|cygwin|linux|konsole|tmux)/i.test(env.TERM)) {
      return 4;
    }
  }
  if (env.COLORTERM) return 4;
  return 2;
}

class SyncWriteStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._type = binding.guessHandleType(fd);
    this.isTTY = this._type === 'TTY' ? true : undefined;
    this.writable = true;
    this.destroyed = false;
    this.writableEnded = false;
    this.writableFinished = false;
    this.writableHighWaterMark = 16384;
    this.writableLength = 0;
    this.writableObjectMode = false;
    this._isStdio = true;
  }

  get columns() {
    const size = this.isTTY ? binding.getWindowSize(this.fd) : undefined;
    return size ? size[0] : undefined;
  }

  get rows() {
    const size = this.isTTY ? binding.getWindowSize(this.fd) : undefined;
    return size ? size[1] : undefined;
  }

  getWindowSize() {
    return binding.getWindowSize(this.fd) || [80, 24];
  }

  getColorDepth(env) {
    return getColorDepth(env);
  }

  hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    return count <= 2 ** getColorDepth(env);
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (this.writableEnded) {
      const err = new (lazyCodes().ERR_STREAM_WRITE_AFTER_END)();
      process.nextTick(() => {
        if (callback) callback(err);
        this.emit('error', err);
      });
      return false;
    }
    if (this.destroyed) {
      // After a failed write the stream is destroyed, as a Writable would be:
      // later writes fail quietly through their callback.
      const err = new (lazyCodes().ERR_STREAM_DESTROYED)('write');
      if (callback) process.nextTick(callback, err);
      return false;
    }
    let err = 0;
    if (typeof chunk === 'string') {
      if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' && typeof Buffer === 'function') {
        err = binding.writeBuffer(this.fd, Buffer.from(chunk, encoding));
      } else {
        err = binding.writeString(this.fd, chunk);
      }
    } else if (ArrayBuffer.isView(chunk)) {
      err = binding.writeBuffer(this.fd, chunk);
    } else {
      throw new (lazyCodes().ERR_INVALID_ARG_TYPE)(
        'chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (err < 0) {
      // Stream errors read "write EPIPE", as Node's errnoException builds them.
      const { errnoException } = require('internal/errors');
      const error = errnoException(err, 'write');
      this.destroyed = true;
      process.nextTick(() => {
        if (callback) callback(error);
        this.emit('error', error);
      });
      return false;
    }
    if (callback) process.nextTick(callback, null);
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    this.writableEnded = true;
    this.writableFinished = true;
    process.nextTick(() => {
      this.emit('finish');
      if (callback) callback();
    });
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroySoon() { this.destroy(); }

  destroy(err) {
    // The standard streams stay open for the process's lifetime (as in Node).
    if (err) process.nextTick(() => this.emit('error', err));
    return this;
  }
}

class UnbuiltStdin extends EventEmitter {
  constructor() {
    super();
    this.fd = 0;
    this.isTTY = binding.isatty(0) ? true : undefined;
    this.readable = true;
  }
  notBuilt() {
    const err = new Error('Reading process.stdin is not implemented in nodus yet');
    err.code = 'ERR_NOT_IMPLEMENTED';
    throw err;
  }
  on(event, listener) {
    if (event === 'data' || event === 'readable' || event === 'end') this.notBuilt();
    return super.on(event, listener);
  }
  read() { this.notBuilt(); }
  pipe() { this.notBuilt(); }
  setEncoding() { return this; }
  pause() { return this; }
  resume() { return this; }
  ref() { return this; }
  unref() { return this; }
  setRawMode() { this.notBuilt(); }
}
UnbuiltStdin.prototype.addListener = UnbuiltStdin.prototype.on;

const streams = {};
function getStdio(name) {
  if (streams[name] === undefined) {
    if (name === 'stdin') {
      streams[name] = new UnbuiltStdin();
    } else {
      streams[name] = new SyncWriteStream(name === 'stdout' ? 1 : 2);
    }
  }
  return streams[name];
}

module.exports = { getStdio, getColorDepth, SyncWriteStream };
