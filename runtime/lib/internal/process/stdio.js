'use strict';
// process.stdout / process.stderr: stream.Writables that write synchronously
// to TTYs, files and pipes (as Node does on Linux, so nothing is lost at
// exit); process.stdin reading is not built yet and says so.

const EventEmitter = require('events');
const binding = internalBinding('stdio');

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

// process.stdout / process.stderr as stream.Writable. Every write goes to the
// fd synchronously (as Node does for files, pipes and TTYs on Linux), so its
// callback runs at once and nothing is left buffered when the process exits.
// Until net/tty provide Socket and tty.WriteStream, this class serves all
// three kinds of fd.
let Writable;
function lazyWritable() {
  if (Writable === undefined) Writable = require('internal/streams/writable');
  return Writable;
}

function createStdioWriter(fd) {
  const W = lazyWritable();
  function SyncWriteStream(fdArg) {
    W.call(this, { decodeStrings: false, autoDestroy: true });
    this.fd = fdArg;
    const type = binding.guessHandleType(fdArg);
    const names = { TTY: 'tty', FILE: 'fs', PIPE: 'pipe' };
    this._type = names[type] || type.toLowerCase();
    if (type === 'TTY') this.isTTY = true;
    this._isStdio = true;
  }
  Object.setPrototypeOf(SyncWriteStream.prototype, W.prototype);
  Object.setPrototypeOf(SyncWriteStream, W);

  SyncWriteStream.prototype._write = function(chunk, encoding, cb) {
    let err;
    if (typeof chunk === 'string') {
      if (encoding === 'utf8' || encoding === 'utf-8') {
        err = binding.writeString(this.fd, chunk);
      } else {
        err = binding.writeBuffer(this.fd, require('buffer').Buffer.from(chunk, encoding));
      }
    } else {
      err = binding.writeBuffer(this.fd, chunk);
    }
    if (err < 0) {
      // Stream errors read "write EPIPE", as Node's errnoException builds them.
      const { errnoException } = require('internal/errors');
      cb(errnoException(err, 'write'));
      return;
    }
    cb();
  };

  // The standard streams stay open for the process's lifetime, as in Node:
  // destroy() reports 'close' (and any error) but leaves the stream usable.
  SyncWriteStream.prototype._destroy = function(err, cb) {
    cb(err);
    this._undestroy();
  };
  SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

  Object.defineProperty(SyncWriteStream.prototype, 'columns', {
    __proto__: null,
    configurable: true,
    get() {
      const size = this.isTTY ? binding.getWindowSize(this.fd) : undefined;
      return size ? size[0] : undefined;
    },
  });
  Object.defineProperty(SyncWriteStream.prototype, 'rows', {
    __proto__: null,
    configurable: true,
    get() {
      const size = this.isTTY ? binding.getWindowSize(this.fd) : undefined;
      return size ? size[1] : undefined;
    },
  });
  SyncWriteStream.prototype.getWindowSize = function() {
    return binding.getWindowSize(this.fd) || [80, 24];
  };
  SyncWriteStream.prototype.getColorDepth = function(env) {
    return getColorDepth(env);
  };
  SyncWriteStream.prototype.hasColors = function(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    return count <= 2 ** getColorDepth(env);
  };
  return new SyncWriteStream(fd);
}

// process.stdin as Node builds it: a tty.ReadStream on a terminal, a
// net.Socket on a pipe or socket, an fs.ReadStream on a file, else an empty
// Readable. It reads only when someone reads, and pausing stops the handle.
function createStdin() {
  const fd = 0;
  let stdin;
  switch (binding.guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stdin = new tty.ReadStream(fd);
      break;
    }
    case 'FILE': {
      const fs = require('fs');
      stdin = new fs.ReadStream(null, { fd, autoClose: false });
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      stdin = new net.Socket({ fd, readable: true, writable: false, manualStart: true });
      // stdin cannot be ended.
      stdin._writableState.ended = true;
      break;
    }
    default: {
      const { Readable } = require('stream');
      stdin = new Readable({ read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;
  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }
  stdin.on('pause', () => {
    if (!stdin._handle) return;
    stdin._readableState.reading = false;
    stdin._handle.reading = false;
    stdin._handle.readStop();
  });
  return stdin;
}

// On a terminal, stdout/stderr are tty.WriteStreams (with 'resize',
// columns, rows) whose handle writes block, as Node makes them: output is
// never lost at exit. Destroying one does not close the terminal.
function createTtyWriter(fd) {
  const tty = require('tty');
  const stream = new tty.WriteStream(fd);
  stream.fd = fd;
  stream._type = 'tty';
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = function(err, callback) {
    callback(err);
  };
  return stream;
}

const streams = {};
function getStdio(name) {
  if (streams[name] === undefined) {
    if (name === 'stdin') {
      streams[name] = createStdin();
    } else {
      const fd = name === 'stdout' ? 1 : 2;
      streams[name] = binding.guessHandleType(fd) === 'TTY' ?
        createTtyWriter(fd) : createStdioWriter(fd);
    }
  }
  return streams[name];
}

module.exports = { getStdio, getColorDepth, createStdioWriter };
