'use strict';
// The glue between a native stream handle (tcp_wrap, pipe_wrap, tty_wrap) and
// a stream.Duplex: writes through writeBuffer/writeUtf8String/writev with
// synchronous or asynchronous completion, reads through the one onread
// callback, and the idle-timeout bookkeeping.

const {
  streamBaseState, kBytesWritten: kBytesWrittenIndex, kLastWriteWasAsync, UV_EOF, setOnRead,
} = internalBinding('stream_wrap');
const { FastBuffer } = require('internal/buffer');

const kOwner = Symbol('kOwner');
const kHandle = Symbol('kHandle');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kBuffer = Symbol('kBuffer');
const kBytesRead = Symbol('kBytesRead');
const kBufferCb = Symbol('kBufferCb');
const kBytesWritten = Symbol('kBytesWritten');

function errnoException(err, syscall) {
  return require('internal/errors').errnoException(err, syscall);
}

function handleWriteReq(req, data, encoding) {
  const { handle } = req;
  switch (encoding) {
    case 'buffer':
      return handle.writeBuffer(req, data);
    case 'utf8':
    case 'utf-8':
      return handle.writeUtf8String(req, data);
    case 'latin1':
    case 'binary':
      return handle.writeLatin1String(req, data);
    default:
      return handle.writeBuffer(req, Buffer.from(data, encoding));
  }
}

function onWriteComplete(status) {
  const stream = this.handle[kOwner];
  if (stream === undefined || stream.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }
  if (status < 0) {
    const ex = errnoException(status, 'write');
    if (typeof this.callback === 'function') this.callback(ex);
    else stream.destroy(ex);
    return;
  }
  stream[kUpdateTimer]();
  stream[kAfterAsyncWrite]();
  if (typeof this.callback === 'function') this.callback(null);
}

class WriteWrap {
  constructor(handle) {
    this.handle = handle;
    this.oncomplete = onWriteComplete;
    this.callback = null;
    this.bytes = 0;
    this.async = false;
  }
}

function createWriteReq(handle) {
  return new WriteWrap(handle);
}

function afterWriteDispatched(req, err, cb) {
  req.bytes = streamBaseState[kBytesWrittenIndex];
  req.async = streamBaseState[kLastWriteWasAsync] === 1;
  if (err !== 0) return cb(errnoException(err, 'write'));
  if (!req.async) {
    cb(null);
  } else {
    req.callback = cb;
  }
}

function writeGeneric(self, data, encoding, cb) {
  const req = createWriteReq(self[kHandle]);
  const err = handleWriteReq(req, data, encoding);
  afterWriteDispatched(req, err, cb);
  return req;
}

function writevGeneric(self, data, cb) {
  const req = createWriteReq(self[kHandle]);
  const allBuffers = data.allBuffers;
  let chunks;
  if (allBuffers) {
    chunks = new Array(data.length);
    for (let i = 0; i < data.length; i++) chunks[i] = data[i].chunk;
  } else {
    chunks = new Array(data.length * 2);
    for (let i = 0; i < data.length; i++) {
      let { chunk, encoding } = data[i];
      if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' &&
          encoding !== 'latin1' && encoding !== 'binary') {
        chunk = Buffer.from(chunk, encoding);
      }
      chunks[i * 2] = chunk;
      chunks[i * 2 + 1] = encoding;
    }
  }
  const err = req.handle.writev(req, chunks, allBuffers);
  afterWriteDispatched(req, err, cb);
  return req;
}

// Called as onread.call(handle, nread, arrayBuffer).
function onStreamRead(nread, buf) {
  const stream = this[kOwner];
  if (stream === undefined) return;
  if (nread > 0) {
    stream[kUpdateTimer]();
    stream[kBytesRead] += nread;
    if (stream[kBuffer] !== undefined) {
      deliverToUserBuffer(this, stream, buf, nread);
      return;
    }
    const chunk = new FastBuffer(buf);
    if (!stream.push(chunk)) {
      this.reading = false;
      const err = this.readStop();
      if (err) stream.destroy(errnoException(err, 'read'));
    }
    return;
  }
  if (nread === 0) return;
  if (nread !== UV_EOF) {
    stream.destroy(errnoException(nread, 'read'));
    return;
  }
  // The other side ended: no more reads from this handle.
  if (stream._readableState.endEmitted) return;
  if (this.readStop) this.readStop();
  this.reading = false;
  stream.push(null);
  stream.read(0);
}
setOnRead(onStreamRead);

// The onread option: copy the bytes into the user's buffer(s), call back;
// a callback returning false stops reading until resume().
function deliverToUserBuffer(handle, stream, arrayBuffer, nread) {
  const source = new Uint8Array(arrayBuffer, 0, nread);
  let offset = 0;
  while (offset < nread) {
    const supplied = stream[kBuffer];
    const target = typeof supplied === 'function' ? supplied() : supplied;
    const view = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
    const n = Math.min(view.length, nread - offset);
    view.set(source.subarray(offset, offset + n));
    offset += n;
    if (stream[kBufferCb].call(stream, n, target) === false) {
      handle.reading = false;
      handle.readStop();
    }
  }
}

function setStreamTimeout(msecs, callback) {
  const { validateNumber, validateFunction } = require('internal/validators');
  if (this.destroyed) return this;
  this.timeout = msecs;
  validateNumber(msecs, 'msecs', 0);
  if (!Number.isFinite(msecs)) {
    const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  msecs = Math.trunc(msecs);
  if (this._timer) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  if (msecs !== 0) {
    this._timer = setTimeout(() => {
      this._timer = null;
      this._onTimeout();
    }, msecs);
    this._timer.unref();
    this._timerMsecs = msecs;
  }
  if (callback !== undefined) {
    validateFunction(callback, 'callback');
    if (msecs === 0) this.removeListener('timeout', callback);
    else this.once('timeout', callback);
  }
  return this;
}

module.exports = {
  kOwner,
  kHandle,
  kUpdateTimer,
  kAfterAsyncWrite,
  kBuffer,
  kBufferCb,
  kBytesRead,
  kBytesWritten,
  writeGeneric,
  writevGeneric,
  onStreamRead,
  setStreamTimeout,
};
