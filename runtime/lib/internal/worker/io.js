'use strict';
// MessagePort, MessageChannel and receiveMessageOnPort over the native
// ports of internalBinding('worker'): values are serialized in C++, queued
// under a lock and delivered by a uv_async wake-up in the receiving thread.

const EventEmitter = require('events');
const binding = internalBinding('worker');


function lazyErrors() {
  return require('internal/errors');
}

function notImplemented(what) {
  return new (lazyErrors().codes.ERR_NOT_IMPLEMENTED)(what);
}

// The transfer list of postMessage(value, transferList | { transfer }).
function transferList(arg) {
  if (arg === undefined || arg === null) return undefined;
  let list = arg;
  if (!Array.isArray(arg)) {
    if (typeof arg !== 'object') {
      throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('transferList', 'Array', arg);
    }
    list = arg.transfer;
    if (list === undefined || list === null) return undefined;
  }
  return Array.from(list);
}

function dataCloneError(message) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, 'DataCloneError');
}

// Posts through `port` (a native port), cloning in C++.
function postThrough(port, value, arg) {
  const list = transferList(arg);
  if (list !== undefined && list.includes(port)) {
    throw dataCloneError('Transfer list contains source port');
  }
  try {
    nativePostMessage.call(port, value, list);
  } catch (err) {
    if (err !== null && typeof err === 'object' && err.code === 'ERR_DATA_CLONE') {
      throw dataCloneError(err.message);
    }
    throw err;
  }
}

// A MessagePort is the native port object itself (so V8's serializer sees it
// as a host object and it can be transferred) with this prototype.
const {
  postMessage: nativePostMessage, start: nativeStart, close: nativeClose, ref: nativeRef,
  unref: nativeUnref, hasRef: nativeHasRef, drain: nativeDrain, receive: nativeReceive,
} = binding.MessagePort.prototype;
const kClosed = Symbol('kClosed');

function onNewListener(type) {
  if (type === 'message' && !this[kClosed]) {
    nativeStart.call(this);
    nativeRef.call(this);
  }
}

function onRemoveListener(type) {
  if (type === 'message' && this.listenerCount('message') === 0 && !this[kClosed]) {
    nativeUnref.call(this);
  }
}

class MessagePort extends EventEmitter {
  constructor() {
    throw new (lazyErrors().codes.ERR_CONSTRUCT_CALL_INVALID)();
  }

  postMessage(value, transfer) {
    if (arguments.length === 0) {
      throw new (lazyErrors().codes.ERR_MISSING_ARGS)('message');
    }
    if (this[kClosed]) return;
    postThrough(this, value, transfer);
  }

  start() {
    if (!this[kClosed]) nativeStart.call(this);
  }

  close() {
    if (!this[kClosed]) nativeClose.call(this);
  }

  ref() {
    if (!this[kClosed]) nativeRef.call(this);
    return this;
  }

  unref() {
    if (!this[kClosed]) nativeUnref.call(this);
    return this;
  }

  hasRef() {
    return !this[kClosed] && nativeHasRef.call(this);
  }

  get [Symbol.toStringTag]() {
    return 'MessagePort';
  }
}

// Makes a native port (new or received in a message) a MessagePort.
function initPort(port) {
  Object.setPrototypeOf(port, MessagePort.prototype);
  EventEmitter.call(port);
  port[kClosed] = false;
  port.onmessage = (value) => port.emit('message', value);
  port.onmessageerror = (error) => port.emit('messageerror', error);
  port.onclose = () => {
    port[kClosed] = true;
    port.emit('close');
  };
  for (const name of ['onmessage', 'onmessageerror', 'onclose']) {
    Object.defineProperty(port, name, { __proto__: null, enumerable: false });
  }
  port.on('newListener', onNewListener);
  port.on('removeListener', onRemoveListener);
  return port;
}
binding.setPortInit(initPort);

function createMessagePort(native) {
  return initPort(native || new binding.MessagePort());
}

// What the owner of an internal port (a Worker) needs.
function drainPort(port) {
  if (!port[kClosed]) nativeDrain.call(port);
}

class MessageChannel {
  constructor() {
    this.port1 = createMessagePort();
    this.port2 = createMessagePort();
    binding.entangle(this.port1, this.port2);
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('port', 'MessagePort', port);
  }
  if (port[kClosed]) return undefined;
  return nativeReceive.call(port);
}

module.exports = {
  MessagePort, MessageChannel, receiveMessageOnPort, createMessagePort, postThrough, drainPort,
  isPort: (value) => value instanceof MessagePort, notImplemented,
};
