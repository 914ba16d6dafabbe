'use strict';

// TLSSocket, tls.Server and tls.connect.
//
// A TLSSocket is a net.Socket whose handle is a TLSHandle (below): a
// JavaScript object with the stream-handle interface net.Socket drives
// (readStart/readStop, writeBuffer/writev, shutdown, close, getpeername...).
// The TLSHandle feeds an OpenSSL engine (internalBinding('tls_wrap').Engine,
// memory BIOs) with the ciphertext an ordinary duplex - usually a net.Socket,
// the "parent" - delivers, and writes the engine's ciphertext back to it.

const EventEmitter = require('events');
const net = require('net');
const binding = internalBinding('tls_wrap');
const { streamBaseState, kBytesWritten, kLastWriteWasAsync, UV_EOF } =
  internalBinding('stream_wrap');
const { onStreamRead, kOwner } = require('internal/stream_base_commons');
const { SecureContext, createSecureContext, translatePeerCertificate } = require('_tls_common');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_TLS_HANDSHAKE_TIMEOUT },
  notImplemented,
} = require('internal/errors');
const { validateString, validateFunction, validateNumber } = require('internal/validators');
const { tlsError } = require('internal/tls/errors');

const kConnectOptions = Symbol('connect-options');
const kErrorEmitted = Symbol('error-emitted');
const kPendingSession = Symbol('pendingSession');
const kIsVerified = Symbol('verified');
const kServer = Symbol('tls.server');

function toBuffer(ab) {
  const { FastBuffer } = require('internal/buffer');
  return new FastBuffer(ab);
}

// ---- the handle ---------------------------------------------------------------

class TLSHandle {
  constructor(owner, engine, parent) {
    this.engine = engine;
    this.parent = parent;
    this.reading = false;
    this.secure = false;
    this.closed = false;
    this.onread = null;
    this.clear = [];           // decrypted chunks (ArrayBuffer) or UV_EOF, awaiting readStart
    this.writeQueue = [];      // [req, buffers] written before the handshake finished
    this.pendingShutdown = null;
    this.started = false;
    this.paused = false;       // at the ClientHello, waiting for SNICallback
    this[kOwner] = owner;
    this.onData = (chunk) => {
      if (this.closed) return;
      if (typeof chunk === 'string') chunk = Buffer.from(chunk);
      this.engine.receive(chunk);
      if (this.started) this.cycle();
    };
    this.onEnd = () => this.onParentEnd();
    parent.on('data', this.onData);
    parent.on('end', this.onEnd);
  }

  start() {
    if (this.started || this.closed) return;
    this.started = true;
    this.cycle();
  }

  // Advance the engine: handshake, decrypt what arrived, send what it made.
  cycle() {
    const owner = this[kOwner];
    if (this.closed || this.paused) return;
    if (!this.secure) {
      const r = this.engine.handshake();
      // A client that rejects the server's certificate must not send its
      // Finished: verification (in 'secure') runs before the flush.
      if (r !== 1) this.flush();
      if (r === 0) return;
      if (r === 2) {
        this.paused = true;
        owner._onClientHello();
        return;
      }
      if (typeof r === 'object') {
        owner._tlsError(r);
        return;
      }
      this.secure = true;
      owner._onHandshakeDone();
      if (this.closed) return;
      const queued = this.writeQueue;
      this.writeQueue = [];
      for (const [req, buffers] of queued) this.encrypt(req, buffers);
      if (this.closed) return;
      if (this.pendingShutdown) this.shutdown(this.pendingShutdown);
    }
    for (;;) {
      if (this.closed) return;
      const r = this.engine.read();
      this.emitSessions();
      if (r instanceof ArrayBuffer) {
        this.deliver(r);
      } else if (r === 0) {
        break;
      } else if (r === 1) {
        this.deliver(UV_EOF);
        break;
      } else {
        this.flush();
        owner.destroy(r);
        return;
      }
    }
    this.flush();
  }

  // Clients: 'session' for each session (ticket) the server sent.
  emitSessions() {
    let session;
    while (!this.closed && (session = this.engine.takeSession()) !== undefined) {
      this[kOwner].emit('session', toBuffer(session));
    }
  }

  deliver(item) {
    if (this.reading && this.clear.length === 0) this.emitRead(item);
    else this.clear.push(item);
  }

  emitRead(item) {
    if (item === UV_EOF) {
      if (this.eofDelivered) return;
      this.eofDelivered = true;
      onStreamRead.call(this, UV_EOF);
    } else {
      onStreamRead.call(this, item.byteLength, item);
    }
  }

  // Ciphertext out to the parent.
  flush(cb) {
    const data = this.engine.pending();
    const parent = this.parent;
    if (data === undefined || parent.destroyed || parent.writableEnded) {
      if (cb) process.nextTick(cb);
      return;
    }
    parent.write(toBuffer(data), cb ? (err) => { if (!err) cb(); } : undefined);
  }

  onParentEnd() {
    if (this.closed) return;
    const owner = this[kOwner];
    if (!this.secure) {
      const err = owner._tlsOptions.isServer ? new Error('socket hang up') :
        new Error('Client network socket disconnected before secure TLS ' +
                  'connection was established');
      err.code = 'ECONNRESET';
      const options = owner[kConnectOptions];
      if (options) {
        err.path = options.path;
        err.host = options.host;
        err.port = options.port;
        err.localAddress = options.localAddress;
      }
      owner._tlsError(err);
      return;
    }
    this.deliver(UV_EOF);
  }

  readStart() {
    this.reading = true;
    while (this.reading && this.clear.length > 0) this.emitRead(this.clear.shift());
    if (this.parent.isPaused && this.parent.isPaused()) this.parent.resume();
    return 0;
  }

  // Backpressure: once secure, a reader that stops also stops the parent
  // (before that the handshake must go on).
  readStop() {
    this.reading = false;
    if (this.secure && !this.closed && typeof this.parent.pause === 'function') {
      this.parent.pause();
    }
    return 0;
  }

  writeBuffer(req, data) { return this.write(req, [data]); }
  writeUtf8String(req, data) { return this.write(req, [Buffer.from(data, 'utf8')]); }
  writeLatin1String(req, data) { return this.write(req, [Buffer.from(data, 'latin1')]); }
  writev(req, chunks, allBuffers) {
    const buffers = [];
    if (allBuffers) {
      for (const chunk of chunks) buffers.push(chunk);
    } else {
      for (let i = 0; i < chunks.length; i += 2) {
        const chunk = chunks[i];
        buffers.push(typeof chunk === 'string' ? Buffer.from(chunk, chunks[i + 1]) : chunk);
      }
    }
    return this.write(req, buffers);
  }

  write(req, buffers) {
    let bytes = 0;
    for (const b of buffers) bytes += b.byteLength;
    if (!this.secure) this.writeQueue.push([req, buffers]);
    else this.encrypt(req, buffers);
    // After the parent's own write, which shares this state.
    streamBaseState[kBytesWritten] = bytes;
    streamBaseState[kLastWriteWasAsync] = 1;
    return 0;
  }

  encrypt(req, buffers) {
    for (const b of buffers) {
      const r = this.engine.write(b);
      if (typeof r === 'object') {
        this[kOwner].destroy(r);
        return;
      }
    }
    this.flush(() => {
      if (typeof req.oncomplete === 'function') req.oncomplete(0);
    });
  }

  shutdown(req) {
    if (!this.secure) {
      this.pendingShutdown = req;
      return 0;
    }
    this.pendingShutdown = null;
    this.engine.shutdown();
    this.flush();
    const parent = this.parent;
    const done = () => req.oncomplete(0);
    if (parent.destroyed || parent.writableEnded) process.nextTick(done);
    else parent.end(done);
    return 0;
  }

  close(cb) {
    if (this.closed) {
      if (cb) process.nextTick(cb);
      return;
    }
    this.closed = true;
    const parent = this.parent;
    parent.removeListener('data', this.onData);
    parent.removeListener('end', this.onEnd);
    const finish = () => {
      this.engine.free();
      if (cb) cb();
    };
    if (parent.destroyed) {
      if (parent.closed === false) parent.once('close', finish);
      else process.nextTick(finish);
    } else {
      parent.once('close', finish);
      parent.destroy();
    }
  }

  getpeername(out) {
    const p = this.parent;
    if (p.remoteAddress === undefined) return -107;
    out.address = p.remoteAddress;
    out.family = p.remoteFamily;
    out.port = p.remotePort;
    return 0;
  }

  getsockname(out) {
    const p = this.parent;
    if (typeof p.address !== 'function') return -107;
    Object.assign(out, p.address());
    return 0;
  }

  setNoDelay(enable) { if (this.parent.setNoDelay) this.parent.setNoDelay(enable); return 0; }
  setKeepAlive(enable, delay) {
    if (this.parent.setKeepAlive) this.parent.setKeepAlive(enable, delay * 1000);
    return 0;
  }
  ref() { if (this.parent.ref) this.parent.ref(); }
  unref() { if (this.parent.unref) this.parent.unref(); }
}

// ---- TLSSocket ----------------------------------------------------------------

// "h2", "http/1.1" -> <2>h2<8>http/1.1
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const bytes = Buffer.from(p);
      if (bytes.length > 255) {
        const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
        throw new ERR_OUT_OF_RANGE('The byte length of the protocol at index ' +
                                   `${parts.length / 2} exceeds the maximum length.`,
                                   '<= 255', bytes.length, true);
      }
      parts.push(Buffer.from([bytes.length]), bytes);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(
      protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
}

function isIP(host) {
  return net.isIP(host) !== 0;
}

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const tlsOptions = { ...opts };
  if (tlsOptions.enableTrace) throw notImplemented('tls.TLSSocket option enableTrace');
  if (tlsOptions.ALPNCallback) throw notImplemented('tls.TLSSocket option ALPNCallback');
  if (tlsOptions.pskCallback) throw notImplemented('tls.TLSSocket option pskCallback');
  if (tlsOptions.requestOCSP) throw notImplemented('tls.TLSSocket option requestOCSP');
  if (socket != null && !(socket instanceof EventEmitter)) {
    throw new ERR_INVALID_ARG_TYPE('socket', ['net.Socket', 'stream.Duplex'], socket);
  }
  if (tlsOptions.ALPNProtocols) convertALPNProtocols(tlsOptions.ALPNProtocols, tlsOptions);

  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this[kErrorEmitted] = false;
  this[kIsVerified] = false;
  this[kPendingSession] = null;
  this.encrypted = true;

  const parent = socket || new net.Socket({ allowHalfOpen: true });
  const context = tlsOptions.secureContext ||
    createSecureContext(tlsOptions.isServer ? tlsOptions : { ...tlsOptions });
  const engine = new binding.Engine(context.context, Boolean(tlsOptions.isServer));
  const handle = new TLSHandle(this, engine, parent);

  net.Socket.call(this, {
    handle,
    allowHalfOpen: tlsOptions.allowHalfOpen !== undefined ? Boolean(tlsOptions.allowHalfOpen) :
      Boolean(socket && socket.allowHalfOpen),
    manualStart: true,
  });
  this._parent = parent;
  this.connecting = parent.connecting === true || (!socket);
  if (socket && socket.readyState === 'opening') this.connecting = true;
  this.on('error', this._tlsError);
  this.on('newListener', rejectUnsupportedSocketEvents);

  parent.on('error', (err) => {
    if (!this.destroyed) this.destroy(err);
  });
  parent.on('close', () => {
    if (!this.destroyed) {
      if (!handle.secure && !this[kErrorEmitted] && !this.destroyed) handle.onParentEnd();
      this.destroy();
    }
  });

  this._init(socket, engine, tlsOptions);
  if (!this.connecting) process.nextTick(() => this._start());
  else {
    parent.once('connect', () => {
      this.connecting = false;
      this._sockname = null;
      this.emit('connect');
      this.emit('ready');
      this._start();
    });
    for (const ev of ['lookup', 'connectionAttempt', 'connectionAttemptFailed',
      'connectionAttemptTimeout']) {
      parent.on(ev, (...args) => this.emit(ev, ...args));
    }
  }
  this.read(0);
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

TLSSocket.prototype._init = function(socket, engine, options) {
  if (options.isServer) {
    const requestCert = Boolean(options.requestCert);
    engine.setVerify(requestCert, requestCert && options.rejectUnauthorized !== false);
    this._requestCert = requestCert;
    this._rejectUnauthorized = options.rejectUnauthorized !== false;
    if (options.ALPNProtocols) engine.setALPNProtocols(options.ALPNProtocols);
    if (options.SNICallback) {
      this._SNICallback = options.SNICallback;
      engine.pauseOnHello();
    }
  } else {
    this._requestCert = true;
    this._rejectUnauthorized = options.rejectUnauthorized !== false;
    if (options.ALPNProtocols) engine.setALPNProtocols(options.ALPNProtocols);
    if (options.servername) engine.setServername(options.servername);
    if (options.session) this.setSession(options.session);
  }
};

TLSSocket.prototype._start = function() {
  if (this.destroyed || !this._handle) return;
  this._handle.start();
};

TLSSocket.prototype._onClientHello = function() {
  const handle = this._handle;
  const servername = handle.engine.getServername();
  const resume = () => {
    if (!this._handle) return;
    handle.paused = false;
    handle.cycle();
  };
  if (!servername || !this._SNICallback) return resume();
  let called = false;
  this._SNICallback(servername, (err, context) => {
    if (called) return;
    called = true;
    if (err) return this.destroy(err);
    if (this.destroyed || !this._handle) return;
    if (context) {
      if (!(context instanceof SecureContext)) {
        const invalid = tlsError('ERR_TLS_INVALID_CONTEXT', 'context must be a SecureContext',
                                 TypeError);
        return this.destroy(invalid);
      }
      handle.engine.setContext(context.context);
    }
    resume();
  });
};

TLSSocket.prototype._onHandshakeDone = function() {
  const engine = this._handle.engine;
  this._secureEstablished = true;
  this.secureConnecting = false;
  this.alpnProtocol = engine.getALPNProtocol();
  this.servername = engine.getServername();
  this.emit('secure');
};

// Errors before the handshake finished: on a server socket they go to the
// server's 'tlsClientError'; otherwise the socket fails with them.
TLSSocket.prototype._tlsError = function(err) {
  if (this[kErrorEmitted]) return;
  const server = this[kServer];
  if (server && !this._controlReleased) {
    this[kErrorEmitted] = true;
    this._hadError = true;
    if (!this.destroyed) this.destroy();
    server.emit('tlsClientError', err, this);
    return;
  }
  if (this.listenerCount('error') > 1 || server) {
    // 'error' listeners other than this one handle it.
  }
  if (!this.destroyed) {
    this[kErrorEmitted] = true;
    this.destroy(err);
  }
};

TLSSocket.prototype._releaseControl = function() {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) {
    throw tlsError('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket');
  }
  if (this._handle) this._handle.engine.setServername(name);
};

TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  if (this._handle) this._handle.engine.setSession(session);
};

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (!this._handle) return null;
  return translatePeerCertificate(this._handle.engine.getPeerCertificate(Boolean(detailed))) || {};
};

TLSSocket.prototype.getCertificate = function() {
  if (!this._handle) return null;
  return translatePeerCertificate(this._handle.engine.getCertificate()) || {};
};

TLSSocket.prototype.getProtocol = function() {
  if (!this._handle) return null;
  return this._handle.engine.getProtocol();
};

TLSSocket.prototype.getCipher = function() {
  if (!this._handle) return null;
  const c = this._handle.engine.getCipher();
  if (!c) return undefined;
  return { name: c[0], standardName: c[1], version: c[2] };
};

TLSSocket.prototype.getSession = function() {
  if (!this._handle) return undefined;
  const ab = this._handle.engine.getSession();
  return ab ? toBuffer(ab) : undefined;
};

TLSSocket.prototype.isSessionReused = function() {
  return this._handle ? this._handle.engine.isSessionReused() : false;
};

for (const name of ['getFinished', 'getPeerFinished', 'exportKeyingMaterial',
  'getEphemeralKeyInfo', 'getSharedSigalgs', 'getTLSTicket', 'renegotiate',
  'setMaxSendFragment', 'enableTrace', 'getPeerX509Certificate', 'getX509Certificate']) {
  TLSSocket.prototype[name] = function() {
    throw notImplemented(`tls.TLSSocket.${name}`);
  };
}

TLSSocket.prototype.disableRenegotiation = function() {
  this._disableRenegotiation = true;  // OpenSSL is configured without renegotiation
};

// ---- client -------------------------------------------------------------------

function onConnectSecure() {
  const options = this[kConnectOptions];
  let verifyError = null;
  const result = this._handle.engine.verifyError();
  if (result) {
    verifyError = new Error(result[1]);
    verifyError.code = result[0];
  }
  if (!verifyError && !this.isSessionReused()) {
    const hostname = options.servername || options.host || 'localhost';
    const cert = this.getPeerCertificate(true);
    verifyError = options.checkServerIdentity(hostname, cert) || null;
  }
  if (verifyError) {
    this.authorized = false;
    this.authorizationError = verifyError.code || verifyError.message;
    if (options.rejectUnauthorized) {
      this.destroy(verifyError);
      return;
    }
  } else {
    this.authorized = true;
  }
  this[kIsVerified] = true;
  this._releaseControl();
  this.emit('secureConnect');
}

function normalizeConnectArgs(listArgs) {
  const args = net._normalizeArgs ? net._normalizeArgs(listArgs) : null;
  if (args) {
    const options = args[0];
    const cb = args[1];
    if (listArgs[1] !== null && typeof listArgs[1] === 'object') Object.assign(options, listArgs[1]);
    else if (listArgs[2] !== null && typeof listArgs[2] === 'object') Object.assign(options, listArgs[2]);
    return cb ? [options, cb] : [options];
  }
  let options = {};
  let cb;
  const a = listArgs.slice();
  if (typeof a[a.length - 1] === 'function') cb = a.pop();
  if (a[0] !== null && typeof a[0] === 'object') {
    options = { ...a[0] };
  } else {
    if (typeof a[0] === 'number' || (typeof a[0] === 'string' && /^\d+$/.test(a[0]))) {
      options.port = a[0];
      if (typeof a[1] === 'string') options.host = a[1];
      const extra = typeof a[1] === 'object' ? a[1] : a[2];
      if (extra && typeof extra === 'object') Object.assign(options, extra);
    } else if (typeof a[0] === 'string') {
      options.path = a[0];
      if (a[1] && typeof a[1] === 'object') Object.assign(options, a[1]);
    }
  }
  return cb ? [options, cb] : [options];
}

function connect(...args) {
  const normalized = normalizeConnectArgs(args);
  const tls = require('tls');
  let options = normalized[0];
  const cb = normalized[1];
  const allowUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  options = {
    rejectUnauthorized: !allowUnauthorized,
    ciphers: tls.DEFAULT_CIPHERS,
    checkServerIdentity: tls.checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (options.checkServerIdentity === undefined) options.checkServerIdentity = tls.checkServerIdentity;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);
  if (options.servername) {
    validateString(options.servername, 'options.servername');
    if (isIP(options.servername)) {
      // Node warns and does not send an IP as SNI.
      options.servername = '';
    }
  }
  for (const unsupported of ['requestOCSP', 'pskCallback', 'enableTrace']) {
    if (options[unsupported]) throw notImplemented(`tls.connect option ${unsupported}`);
  }
  const context = options.secureContext || createSecureContext(options);
  const tlssock = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: !!options.path,
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    servername: options.servername,
  });
  tlssock[kConnectOptions] = options;
  if (cb) tlssock.once('secureConnect', cb);
  tlssock.once('secure', onConnectSecure);
  if (!options.socket) {
    if (options.timeout) tlssock.setTimeout(options.timeout);
    const connectOpt = {
      path: options.path,
      port: options.port,
      host: options.host,
      family: options.family,
      localAddress: options.localAddress,
      localPort: options.localPort,
      lookup: options.lookup,
      autoSelectFamily: options.autoSelectFamily,
      autoSelectFamilyAttemptTimeout: options.autoSelectFamilyAttemptTimeout,
    };
    for (const key of Object.keys(connectOpt)) {
      if (connectOpt[key] === undefined) delete connectOpt[key];
    }
    tlssock._host = options.host || 'localhost';
    tlssock._parent.connect(connectOpt);
  }
  return tlssock;
}

// ---- server -------------------------------------------------------------------

function onServerSocketSecure() {
  if (this._requestCert) {
    const result = this._handle.engine.verifyError();
    if (result) {
      this.authorizationError = result[0];
      if (this._rejectUnauthorized) {
        const err = new Error('socket hang up');
        err.code = 'ECONNRESET';
        this._tlsError(err);
        return;
      }
    } else {
      this.authorized = true;
    }
  }
  if (!this.destroyed && this._releaseControl()) {
    this[kServer].emit('secureConnection', this);
  }
}

function tlsConnectionListener(rawSocket) {
  const server = this;
  // The raw socket stays half-open so close_notify can follow the peer's FIN;
  // the TLSSocket has the server's allowHalfOpen.
  rawSocket.allowHalfOpen = true;
  const socket = new TLSSocket(rawSocket, {
    secureContext: server._sharedCreds,
    isServer: true,
    server,
    requestCert: server.requestCert,
    rejectUnauthorized: server.rejectUnauthorized,
    ALPNProtocols: server.ALPNProtocols,
    SNICallback: server[kSNICallback],
    allowHalfOpen: server.allowHalfOpen,
  });
  socket[kServer] = server;
  socket.server = server;
  socket._server = null;
  socket.on('secure', onServerSocketSecure);
  if (server.handshakeTimeout > 0) {
    const timer = setTimeout(() => {
      if (!socket._secureEstablished) socket._tlsError(new ERR_TLS_HANDSHAKE_TIMEOUT());
    }, server.handshakeTimeout);
    timer.unref();
    socket.once('secure', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
  }
}

const kSNICallback = Symbol('snicallback');

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = options || {};
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNProtocols = undefined;
  if (options.ALPNProtocols) {
    const out = {};
    convertALPNProtocols(options.ALPNProtocols, out);
    this.ALPNProtocols = out.ALPNProtocols;
  }
  if (options.ALPNCallback) throw notImplemented('tls.createServer option ALPNCallback');
  if (options.pskCallback) throw notImplemented('tls.createServer option pskCallback');
  if (options.sessionTimeout !== undefined) validateNumber(options.sessionTimeout, 'options.sessionTimeout');
  if (options.SNICallback !== undefined) validateFunction(options.SNICallback, 'options.SNICallback');
  this.handshakeTimeout = options.handshakeTimeout || (120 * 1000);
  validateNumber(this.handshakeTimeout, 'options.handshakeTimeout');
  this[kSNICallback] = options.SNICallback || SNICallback.bind(this);

  net.Server.call(this, options, tlsConnectionListener);
  this.on('newListener', rejectUnsupportedServerEvents);
  this.setSecureContext(options);
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setSecureContext = function(options) {
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  this._sharedCreds = createSecureContext({ ...options });
  for (const key of ['key', 'cert', 'ca', 'passphrase', 'ciphers', 'ecdhCurve', 'minVersion',
    'maxVersion', 'secureProtocol', 'secureOptions', 'honorCipherOrder', 'sessionIdContext']) {
    if (options[key] !== undefined) this[key] = options[key];
  }
};

Server.prototype.addContext = function(servername, context) {
  validateString(servername, 'servername');
  const re = new RegExp('^' + servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1')
    .replace(/\*/g, '[^.]*') + '$');
  const secure = context instanceof SecureContext ? context : createSecureContext(context);
  this._contexts.push([re, secure]);
};

function SNICallback(servername, callback) {
  let context;
  for (const [re, ctx] of this._contexts) {
    if (re.test(servername)) context = ctx;
  }
  callback(null, context);
}

Server.prototype.getTicketKeys = function() {
  throw notImplemented('tls.Server.getTicketKeys');
};
Server.prototype.setTicketKeys = function() {
  throw notImplemented('tls.Server.setTicketKeys');
};

// Events nodus never emits: listening for one fails loudly instead.
const kUnsupportedServerEvents = new Set(['newSession', 'resumeSession', 'OCSPRequest', 'keylog']);
function rejectUnsupportedServerEvents(event) {
  if (kUnsupportedServerEvents.has(event)) throw notImplemented(`tls.Server '${event}' event`);
}

function rejectUnsupportedSocketEvents(event) {
  if (event === 'keylog' || event === 'OCSPResponse') {
    throw notImplemented(`tls.TLSSocket '${event}' event`);
  }
}

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = {
  TLSSocket,
  Server,
  createServer,
  connect,
  convertALPNProtocols,
};
