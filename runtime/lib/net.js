'use strict';
// node:net on the tcp_wrap and pipe_wrap handles: Socket is a stream.Duplex
// over a native stream handle, Server accepts connections on a listening one.

const EventEmitter = require('events');
const stream = require('stream');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { isIP, isIPv4, isIPv6, uvExceptionWithHostPort } = require('internal/net');
const {
  kOwner, kHandle, kUpdateTimer, kAfterAsyncWrite, kBytesRead, kBytesWritten, kBuffer, kBufferCb,
  writeGeneric, writevGeneric, setStreamTimeout,
} = require('internal/stream_base_commons');
const errors = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_FD_TYPE,
  ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING, ERR_SOCKET_CLOSED,
  ERR_SOCKET_CLOSED_BEFORE_CONNECTION, ERR_INVALID_IP_ADDRESS,
} = errors.codes;
const {
  validateFunction, validateInt32, validateNumber, validatePort, validateString,
  validateBoolean, validateAbortSignal,
} = require('internal/validators');

const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kPendingWrite = Symbol('kPendingWrite');
const kMultiple = Symbol('kMultiple');

// Request objects handed to the handles (named as node names them, so stack
// traces read "TCPConnectWrap.afterConnect").
class TCPConnectWrap {}
class PipeConnectWrap {}
class ShutdownWrap {}
const kResetForDestroy = Symbol('kResetForDestroy');

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

function lazyDns() {
  return require('dns');
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = internalBinding('tty_wrap').guessHandleType(fd);
  if (type === 'PIPE') return new Pipe(isServer ? PipeConstants.SERVER : PipeConstants.SOCKET);
  if (type === 'TCP') return new TCP(isServer ? TCPConstants.SERVER : TCPConstants.SOCKET);
  throw new ERR_INVALID_FD_TYPE(type);
}

// [options, cb] from the many connect()/listen() signatures.
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = typeof cb === 'function' ? [options, cb] : [options, null];
  return arr;
}

// ---- Socket -----------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.objectMode) {
    throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode,
                                    'is not supported');
  } else if (options.readableObjectMode || options.writableObjectMode) {
    throw new ERR_INVALID_ARG_VALUE(
      `options.${options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode'}`,
      options.readableObjectMode || options.writableObjectMode, 'is not supported');
  }
  this.connecting = false;
  this._hadError = false;
  this[kHandle] = null;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this._timer = null;
  this[kPendingWrite] = null;
  this.server = null;
  this._server = null;

  options.autoDestroy = true;
  options.emitClose = false;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);
  this.allowHalfOpen = Boolean(options.allowHalfOpen);

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    this._handle = createHandle(fd, false);
    const err = this._handle.open(fd);
    if (err) throw errors.errnoException(err, 'open');
    if ((fd === 1 || fd === 2) && this._handle instanceof Pipe && this._handle.setBlocking) {
      this._handle.setBlocking(true);
    }
  }

  const onread = options.onread;
  if (onread !== null && typeof onread === 'object') {
    // Reads are copied into the caller's buffer and handed to its callback
    // instead of being pushed ('data' is not emitted).
    // (node checks neither field here.)
    this[kBuffer] = onread.buffer;
    this[kBufferCb] = onread.callback;
  }

  this.on('end', onReadableStreamEnd);
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);

  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  if (options.signal) addClientAbortSignal(this, options.signal);

  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function addClientAbortSignal(socket, signal) {
  validateAbortSignal(signal, 'options.signal');
  const onAbort = () => {
    const { AbortError } = errors;
    socket.destroy(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

Object.defineProperty(Socket.prototype, '_handle', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return this[kHandle]; },
  set(handle) {
    this[kHandle] = handle;
    if (handle) handle[kOwner] = this;
  },
});

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s._timer) s._timer.refresh();
  }
};
Socket.prototype[kUpdateTimer] = Socket.prototype._unrefTimer;

Socket.prototype[kAfterAsyncWrite] = function() {
  this[kLastWriteQueueSize] = 0;
};

Socket.prototype.setTimeout = setStreamTimeout;

Socket.prototype._onTimeout = function() {
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function(enable) {
  enable = Boolean(enable === undefined ? true : enable);
  if (!this._handle) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (this._handle.setKeepAlive && enable !== this[kSetKeepAlive]) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Object.defineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

Object.defineProperty(Socket.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() { return !this._handle || this.connecting; },
});

Object.defineProperty(Socket.prototype, 'readyState', {
  __proto__: null,
  configurable: true,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  __proto__: null,
  configurable: true,
  get() {
    if (this._handle) return this.writableLength;
    return undefined;
  },
});

Object.defineProperty(Socket.prototype, 'bytesWritten', {
  __proto__: null,
  configurable: true,
  get() {
    let bytes = this[kBytesWritten];
    const data = this[kPendingWrite];
    const state = this._writableState;
    if (!state) return undefined;
    for (const entry of writableBuffered(this)) {
      if (entry.chunk instanceof Buffer) bytes += entry.chunk.length;
      else bytes += Buffer.byteLength(entry.chunk, entry.encoding);
    }
    if (Array.isArray(data)) {
      for (let i = 0; i < data.length; i++) {
        const { chunk, encoding } = data[i];
        bytes += chunk instanceof Buffer ? chunk.length : Buffer.byteLength(chunk, encoding);
      }
    } else if (data) {
      bytes += data[0] instanceof Buffer ? data[0].length : Buffer.byteLength(data[0], data[1]);
    }
    return bytes;
  },
});

function writableBuffered(socket) {
  const state = socket._writableState;
  if (typeof state.getBuffer === 'function') return state.getBuffer();
  return socket.writableBuffer || [];
}

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errors.errnoException(err, 'read'));
}

Socket.prototype.pause = function() {
  if (this.connecting === false && this._handle && this._handle.reading && !this.destroyed) {
    // Stop the handle too, so that the kernel applies backpressure.
    this._handle.reading = false;
    const err = this._handle.readStop();
    if (err) this.destroy(errors.errnoException(err, 'read'));
  }
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (this._handle && !this.connecting && !this._handle.reading && !this.destroyed) {
    tryReadStart(this);
  }
  return stream.Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  if (this._handle && !this.connecting && !this._handle.reading && !this.destroyed &&
      this.readableFlowing !== false) {
    tryReadStart(this);
  }
  return stream.Duplex.prototype.read.call(this, n);
};

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._final = function(cb) {
  if (this.pending) {
    return this.once('connect', () => this._final(cb));
  }
  if (!this._handle) return cb();
  const req = new ShutdownWrap();
  req.oncomplete = afterShutdown;
  req.handle = this._handle;
  req.callback = cb;
  const err = this._handle.shutdown(req);
  if (err === 1 || err === -107 /* ENOTCONN */) return cb();
  if (err !== 0) return cb(errors.errnoException(err, 'shutdown'));
};

function afterShutdown() {
  this.callback();
}

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    this[kPendingWrite] = writev ? data : [data, encoding];
    const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    this.once('connect', () => {
      this.off('close', onClose);
      this[kPendingWrite] = null;
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this[kPendingWrite] = null;
  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  this._unrefTimer();
  let req;
  if (writev) req = writevGeneric(this, data, cb);
  else req = writeGeneric(this, data, encoding, cb);
  if (req.async) this[kLastWriteQueueSize] = req.bytes;
  this[kBytesWritten] += req.bytes;
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

Socket.prototype._destroy = function(exception, cb) {
  if (this._timer) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  this.connecting = false;
  if (this[kMultiple]) {
    clearAttemptTimer(this[kMultiple]);
    this[kMultiple] = null;
  }
  for (let s = this; s !== null; s = s._parent) {
    if (s._timer) {
      clearTimeout(s._timer);
      s._timer = null;
    }
  }
  if (this._handle) {
    const isException = exception ? true : false;
    this._handle.onread = null;
    const onClose = () => this.emit('close', isException);
    if (this[kResetForDestroy] && this._handle.reset) this._handle.reset(onClose);
    else this._handle.close(onClose);
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

function emitCloseNT(self) {
  self.emit('close', false);
}

Socket.prototype._reset = function() {
  this[kResetForDestroy] = true;
  return this.destroy();
};

// Closes with an RST: the peer sees ECONNRESET.
Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) {
      const err = new Error('This handle type cannot be sent');
      err.code = 'ERR_INVALID_HANDLE_TYPE';
      throw err;
    }
    if (this.connecting) this.once('connect', () => this._reset());
    else this._reset();
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  } else if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

function protoGetter(name, callback) {
  Object.defineProperty(Socket.prototype, name, {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get: callback,
  });
}

protoGetter('bytesRead', function() { return this[kBytesRead]; });
protoGetter('_bytesDispatched', function() { return this[kBytesWritten]; });
protoGetter('remoteAddress', function() { return this._getpeername().address; });
protoGetter('remoteFamily', function() { return this._getpeername().family; });
protoGetter('remotePort', function() { return this._getpeername().port; });

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (!this._sockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return out;
    this._sockname = out;
  }
  return this._sockname;
};

protoGetter('localAddress', function() { return this._getsockname().address; });
protoGetter('localPort', function() { return this._getsockname().port; });
protoGetter('localFamily', function() { return this._getsockname().family; });

Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][kNormalized]) normalized = args[0];
  else normalized = normalizeArgs(args);
  const options = normalized[0];
  const cb = normalized[1];
  if (cb !== null) this.once('connect', cb);

  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
    this._readableState.endEmitted = false;
    // Counters are per connection, as node's are per handle.
    this[kBytesRead] = 0;
    this[kBytesWritten] = 0;
  }
  const { path } = options;
  const pipe = !!path;
  if (!this._handle) {
    this._handle = pipe ? new Pipe(PipeConstants.SOCKET) : new TCP(TCPConstants.SOCKET);
  }
  if (options.timeout) this.setTimeout(options.timeout);
  this.connecting = true;
  if (pipe) {
    validateString(path, 'options.path');
    internalConnect(this, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout, autoSelectFamily } = options;

  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;
  if (autoSelectFamily !== undefined) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  if (autoSelectFamilyAttemptTimeout !== undefined) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
  }

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, host, port, addressType, localAddress, localPort);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const dnsopts = {
    family: socketToDnsFamily(options.family),
    hints: options.hints || 0,
  };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = lazyDns().ADDRCONFIG;
  }
  self._host = host;
  const lookup = options.lookup || lazyDns().lookup;
  if (autoSelectFamily === undefined) autoSelectFamily = autoSelectFamilyDefault;
  if (autoSelectFamily && dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress) {
    // Every address, tried one after the other until one connects (node's
    // autoSelectFamily, without the parallel attempt timer).
    lookup(host, { ...dnsopts, all: true }, function emitLookup(err, addresses) {
      if (!self.connecting) return;
      if (err) {
        self.emit('lookup', err, undefined, undefined, host);
        process.nextTick(connectErrorNT, self, err);
        return;
      }
      if (!Array.isArray(addresses) || addresses.length === 0) {
        const ex = new ERR_INVALID_IP_ADDRESS(String(addresses));
        process.nextTick(connectErrorNT, self, ex);
        return;
      }
      // Valid addresses once each, the families alternating, starting with
      // the family of the first answer.
      const byFamily = [[], []];
      let order;
      for (const a of addresses) {
        self.emit('lookup', null, a.address, a.family, host);
        if (!isIP(a.address) || (a.family !== 4 && a.family !== 6)) continue;
        order ||= a.family === 6 ? { 6: 0, 4: 1 } : { 4: 0, 6: 1 };
        const list = byFamily[order[a.family]];
        if (!list.some((b) => b.address === a.address)) list.push(a);
      }
      if (byFamily[0].length === 0) {
        const ex = new ERR_INVALID_IP_ADDRESS(addresses[0].address);
        process.nextTick(connectErrorNT, self, ex);
        return;
      }
      const toAttempt = [];
      for (let i = 0; i < Math.max(byFamily[0].length, byFamily[1].length); i++) {
        if (i < byFamily[0].length) toAttempt.push(byFamily[0][i]);
        if (i < byFamily[1].length) toAttempt.push(byFamily[1][i]);
      }
      self._unrefTimer();
      const first = toAttempt[0];
      if (toAttempt.length === 1) {
        internalConnect(self, first.address, port, first.family, localAddress, localPort);
      } else {
        self[kMultiple] = {
          addresses: toAttempt, index: 0, port, errors: [], timer: null,
          timeout: autoSelectFamilyAttemptTimeout === undefined ?
            autoSelectFamilyAttemptTimeoutDefault : Math.max(autoSelectFamilyAttemptTimeout, 10),
        };
        internalConnect(self, first.address, port, first.family);
        armAttemptTimer(self);
      }
    });
    return;
  }
  lookup(host, dnsopts, function emitLookup(err, ip, addressFamily) {
    self.emit('lookup', err, ip, addressFamily, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(connectErrorNT, self, err);
    } else if (!isIP(ip)) {
      err = new ERR_INVALID_IP_ADDRESS(ip);
      process.nextTick(connectErrorNT, self, err);
    } else if (addressFamily !== 4 && addressFamily !== 6) {
      err = new errors.codes.ERR_INVALID_ADDRESS_FAMILY(addressFamily, options.host, options.port);
      process.nextTick(connectErrorNT, self, err);
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, addressFamily, localAddress, localPort);
    }
  });
}

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
  }
  return family;
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

function internalConnect(self, address, port, addressType, localAddress, localPort) {
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress = localAddress || '0.0.0.0';
      err = self._handle.bind(localAddress, localPort || 0);
    } else {
      localAddress = localAddress || '::';
      err = self._handle.bind6(localAddress, localPort || 0, 0);
    }
    if (err) {
      const ex = errors.exceptionWithHostPort(err, 'bind', localAddress, localPort);
      self.destroy(ex);
      return;
    }
  }
  const req = addressType === 4 || addressType === 6 ? new TCPConnectWrap() : new PipeConnectWrap();
  req.oncomplete = afterConnect;
  req.address = address;
  req.port = port;
  req.localAddress = localAddress;
  req.localPort = localPort;
  req.addressType = addressType;
  if (addressType === 6 || addressType === 4) {
    self.emit('connectionAttempt', address, port, addressType);
    if (addressType === 4) err = self._handle.connect(req, address, port);
    else err = self._handle.connect6(req, address, port);
  } else {
    err = self._handle.connect(req, address);
  }
  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname) details = sockname.address + ':' + sockname.port;
    const ex = errors.exceptionWithHostPort(err, 'connect', address, port, details);
    if (addressType === 6 || addressType === 4) {
      self.emit('connectionAttemptFailed', address, port, addressType, ex);
      if (tryNextAddress(self, ex)) return;
    }
    self.destroy(ex);
  }
}

// With several addresses: after a failed attempt, try the next one on a new
// handle. Returns false when none is left (the caller reports the error).
function tryNextAddress(self, ex) {
  const context = self[kMultiple];
  if (!context) return false;
  clearAttemptTimer(context);
  context.errors.push(ex);
  context.index++;
  if (context.index >= context.addresses.length) {
    self[kMultiple] = null;
    if (context.errors.length > 1) {
      const aggregate = new AggregateError(context.errors);
      aggregate.code = context.errors[0].code;
      process.nextTick(connectErrorNT, self, aggregate);
      return true;
    }
    return false;
  }
  startNextAttempt(self, context);
  return true;
}

function startNextAttempt(self, context) {
  const { address, family } = context.addresses[context.index];
  const old = self._handle;
  self._handle = new TCP(TCPConstants.SOCKET);
  if (old) old.close();
  internalConnect(self, address, context.port, family);
  armAttemptTimer(self);
}

// Every attempt but the last gets autoSelectFamilyAttemptTimeout ms before
// the next address is tried ('connectionAttemptTimeout').
function armAttemptTimer(self) {
  const context = self[kMultiple];
  if (!context || !self.connecting) return;
  clearAttemptTimer(context);
  if (context.index >= context.addresses.length - 1) return;
  context.timer = setTimeout(() => {
    context.timer = null;
    if (self[kMultiple] !== context || !self.connecting) return;
    const { address, family } = context.addresses[context.index];
    self.emit('connectionAttemptTimeout', address, context.port, family);
    context.index++;
    startNextAttempt(self, context);
  }, context.timeout);
}

function clearAttemptTimer(context) {
  if (context && context.timer) {
    clearTimeout(context.timer);
    context.timer = null;
  }
}

function afterConnect(status, handle, req, readable, writable) {
  const self = handle[kOwner];
  // An attempt abandoned for the next address completes on its old handle.
  if (self === undefined || self.destroyed || self._handle !== handle) return;
  if (status === 0) {
    clearAttemptTimer(self[kMultiple]);
    self[kMultiple] = null;
    self.connecting = false;
  }
  self._sockname = null;
  if (status === 0) {
    if (self.readable && !readable) {
      self.push(null);
      self.read();
    }
    if (self.writable && !writable) self.end();
    self._unrefTimer();
    if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }
    self.emit('connect');
    self.emit('ready');
    if (readable && !self.isPaused()) self.read(0);
  } else {
    let details;
    if (req.localAddress && req.localPort) details = req.localAddress + ':' + req.localPort;
    const ex = errors.exceptionWithHostPort(status, 'connect', req.address, req.port, details);
    if (details) ex.localAddress = req.localAddress;
    if (details) ex.localPort = req.localPort;
    if (req.addressType === 4 || req.addressType === 6) {
      self.emit('connectionAttemptFailed', req.address, req.port, req.addressType, ex);
      if (tryNextAddress(self, ex)) return;
    }
    self.destroy(ex);
  }
}

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

const kNormalized = Symbol('normalized');

function connect(...args) {
  const normalized = normalizeArgs(args);
  normalized[kNormalized] = true;
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// ---- Server -----------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof options.keepAliveInitialDelay !== 'undefined') {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  if (options.highWaterMark !== undefined) {
    validateNumber(options.highWaterMark, 'options.highWaterMark');
  }
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      return -22; // EINVAL
    }
    err = handle.open(fd);
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe(PipeConstants.SERVER);
  } else {
    handle = new TCP(TCPConstants.SERVER);
    isTCP = true;
  }
  if (address || port || isTCP) {
    if (!address) {
      err = handle.bind6('::', port, flags);
      if (err) {
        handle.close();
        return createServerHandle('0.0.0.0', port);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else if (addressType === -1) {
      err = handle.bind(address);
    } else {
      err = handle.bind(address, port);
    }
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

Server.prototype._listen2 = function setupListenHandle(address, port, addressType, backlog, fd,
                                                        flags) {
  if (this._handle) {
    // listen(handle): already have one
  } else {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle('::', port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = '0.0.0.0';
        addressType = 4;
      } else {
        address = '::';
        addressType = 6;
      }
    }
    if (rval === null) rval = createServerHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') {
      const error = uvExceptionWithHostPort(rval, 'listen', address, port);
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }
  this._handle[kOwner] = this;
  this._handle.onconnection = onconnection;
  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = uvExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, ex);
    return;
  }
  this._connectionKey = addressType + ':' + address + ':' + port;
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
};

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  if (self._handle) self.emit('listening');
}

// In a cluster worker the primary provides the listening handle (see
// internal/cluster/child); `exclusive` servers and everything else listen here.
function listenInCluster(server, address, port, addressType, backlog, fd, exclusive, flags) {
  const cluster = exclusive ? null : clusterWorker();
  if (cluster === null) {
    server._listen2(address, port, addressType, backlog, fd, flags);
    return;
  }
  const query = { address, port, addressType, fd, flags, backlog };
  cluster._getServer(server, query, function listenOnPrimaryHandle(err, handle) {
    if (err === 0 && port > 0 && handle && handle.getsockname) {
      // A port already taken elsewhere may have been bound to another one.
      const out = {};
      if (handle.getsockname(out) === 0 && out.port !== port) err = -98; // EADDRINUSE
    }
    if (err) {
      server.emit('error', uvExceptionWithHostPort(err, 'bind', address, port));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog, fd, flags);
  });
}

// The cluster module when this process is a cluster worker, else null.
function clusterWorker() {
  if (typeof process.send !== 'function') return null;
  const cluster = require('cluster');
  return cluster.isWorker ? cluster : null;
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
                          toNumber(args.length > 2 && args[2]);
  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
    const { signal } = options;
    const onAborted = () => this.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  options = options._handle || options.handle || options;
  const flags = getFlags(options.ipv6Only);
  // listen(handle) / listen({ fd })
  if (options instanceof TCP || options instanceof Pipe) {
    this._handle = options;
    this[kHandleOwnerCheck] = true;
    this._listen2(null, -1, -1, backlogFromArgs);
    return this;
  }
  if (typeof options.fd === 'number' && options.fd >= 0) {
    this._listen2(null, null, null, backlogFromArgs, options.fd);
    return this;
  }
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined, options.exclusive,
                      flags);
    }
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined, options.exclusive);
    if (!this._handle) return this;
    let mode = 0;
    if (options.readableAll === true) mode |= PipeConstants.UV_READABLE;
    if (options.writableAll === true) mode |= PipeConstants.UV_WRITABLE;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw errors.errnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }
  if (!('port' in options || 'path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options,
                                    'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};
const kHandleOwnerCheck = Symbol('kHandleOwnerCheck');

function getFlags(ipv6Only) {
  return ipv6Only === true ? TCPConstants.UV_TCP_IPV6ONLY : 0;
}

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  lazyDns().lookup(address, function doListen(err, ip, addressType) {
    if (err) {
      self.emit('error', err);
    } else {
      addressType = ip ? addressType : 4;
      listenInCluster(self, ip, port, addressType, backlog, undefined, exclusive, flags);
    }
  });
}

Object.defineProperty(Server.prototype, 'listening', {
  __proto__: null,
  get() { return !!this._handle; },
  configurable: true,
  enumerable: true,
});

Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errors.errnoException(err, 'address');
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

function onconnection(err, clientHandle) {
  const handle = this;
  const self = handle[kOwner];
  if (err) {
    self.emit('error', errors.errnoException(err, 'accept'));
    return;
  }
  if (self.maxConnections && self._connections >= self.maxConnections) {
    const data = {
      localAddress: undefined, localPort: undefined, localFamily: undefined,
      remoteAddress: undefined, remotePort: undefined, remoteFamily: undefined,
    };
    if (clientHandle.getsockname) {
      const local = {};
      if (clientHandle.getsockname(local) === 0) {
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
      }
      const remote = {};
      if (clientHandle.getpeername(remote) === 0) {
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
    }
    clientHandle.close();
    self.emit('drop', data);
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: self.highWaterMark,
    writableHighWaterMark: self.highWaterMark,
  });
  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
}

Server.prototype.getConnections = function(cb) {
  const self = this;
  function end(err, connections) {
    process.nextTick(cb, err, connections);
  }
  end(null, this._connections);
  return this;
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
};

if (typeof Symbol.asyncDispose === 'symbol') {
  Server.prototype[Symbol.asyncDispose] = async function() {
    if (!this._handle) return;
    await new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  };
}

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

module.exports = {
  _createServerHandle: createServerHandle,
  get BlockList() { return require('internal/net').BlockList; },
  get SocketAddress() { return require('internal/net').SocketAddress; },
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts() {},
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily() { return autoSelectFamilyDefault; },
  setDefaultAutoSelectFamily(value) {
    validateBoolean(value, 'value');
    autoSelectFamilyDefault = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeoutDefault; },
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateInt32(value, 'value', 1);
    autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
  },
};
