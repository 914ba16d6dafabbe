'use strict';
// MessagePort, MessageChannel and receiveMessageOnPort over the native
// ports of internalBinding('worker'): values are serialized in C++, queued
// under a lock and delivered by a uv_async wake-up in the receiving thread.

const EventEmitter = require('events');
const binding = internalBinding('worker');

const kHandle = Symbol('kHandle');
const kCreate = Symbol('kCreate');

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
  list = Array.from(list);
  for (const item of list) {
    if (item instanceof MessagePort) throw notImplemented('transferring a MessagePort');
  }
  return list;
}

function postThrough(handle, value, arg) {
  const list = transferList(arg);
  try {
    handle.postMessage(value, list);
  } catch (err) {
    if (err !== null && typeof err === 'object' && err.code === 'ERR_DATA_CLONE') {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
}

function onNewListener(type) {
  if (type === 'message' && this[kHandle] !== null) {
    this[kHandle].start();
    this[kHandle].ref();
  }
}

function onRemoveListener(type) {
  if (type === 'message' && this.listenerCount('message') === 0 && this[kHandle] !== null) {
    this[kHandle].unref();
  }
}

class MessagePort extends EventEmitter {
  constructor(token, handle) {
    if (token !== kCreate) throw new (lazyErrors().codes.ERR_CONSTRUCT_CALL_INVALID)();
    super();
    this[kHandle] = handle || new binding.MessagePort();
    this[kHandle].onmessage = (value) => this.emit('message', value);
    this[kHandle].onmessageerror = (error) => this.emit('messageerror', error);
    this[kHandle].onclose = () => {
      this[kHandle] = null;
      this.emit('close');
    };
    this.on('newListener', onNewListener);
    this.on('removeListener', onRemoveListener);
  }

  postMessage(value, transfer) {
    if (arguments.length === 0) {
      throw new (lazyErrors().codes.ERR_MISSING_ARGS)('message');
    }
    if (this[kHandle] === null) return;
    postThrough(this[kHandle], value, transfer);
  }

  start() {
    if (this[kHandle] !== null) this[kHandle].start();
  }

  close() {
    if (this[kHandle] !== null) this[kHandle].close();
  }

  ref() {
    if (this[kHandle] !== null) this[kHandle].ref();
    return this;
  }

  unref() {
    if (this[kHandle] !== null) this[kHandle].unref();
    return this;
  }

  hasRef() {
    return this[kHandle] !== null && this[kHandle].hasRef();
  }

  get [Symbol.toStringTag]() {
    return 'MessagePort';
  }
}

function createMessagePort(handle) {
  return new MessagePort(kCreate, handle);
}

class MessageChannel {
  constructor() {
    this.port1 = createMessagePort();
    this.port2 = createMessagePort();
    binding.entangle(this.port1[kHandle], this.port2[kHandle]);
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('port', 'MessagePort', port);
  }
  if (port[kHandle] === null) return undefined;
  return port[kHandle].receive();
}

module.exports = {
  MessagePort, MessageChannel, receiveMessageOnPort, createMessagePort, postThrough, kHandle,
  notImplemented,
};
