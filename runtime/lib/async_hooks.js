'use strict';
// node:async_hooks: AsyncLocalStorage and AsyncResource over the async
// context frames of internal/async_hooks. createHook is not built: it throws
// ERR_NOT_IMPLEMENTED.

const {
  getFrame, setFrame, newAsyncId, executionAsyncId, triggerAsyncId,
  executionAsyncResource, enterScope, exitScope, deriveFrame,
} = require('internal/async_hooks');
const { validateFunction, validateString } = require('internal/validators');

const kFrame = Symbol('kFrame');
const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerAsyncId');

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let trigger = opts;
    if (typeof opts !== 'number') {
      if (opts === null || typeof opts !== 'object') opts = {};
      trigger = opts.triggerAsyncId === undefined ? executionAsyncId() : opts.triggerAsyncId;
    }
    if (!Number.isSafeInteger(trigger) || trigger < -1) {
      const { ERR_INVALID_ASYNC_ID } = require('internal/errors').codes;
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    }
    this[kFrame] = getFrame();
    this[kAsyncId] = newAsyncId();
    this[kTriggerId] = trigger;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    enterScope(this[kFrame], this[kAsyncId], this[kTriggerId], this);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      exitScope();
    }
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerId];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { __proto__: null, configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        __proto__: null,
        configurable: true,
        enumerable: true,
        get() { return self; },
        set(value) { self = value; },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

class AsyncLocalStorage {
  constructor() {
    this.enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    return AsyncResource.bind(function runInAsyncScope(fn, ...args) {
      return Reflect.apply(fn, this, args);
    });
  }

  disable() {
    if (this.enabled) {
      this.enabled = false;
      const frame = getFrame();
      if (frame !== undefined && frame.has(this)) setFrame(deriveFrame(frame, this, undefined, true));
    }
  }

  getStore() {
    if (!this.enabled) return undefined;
    const frame = getFrame();
    return frame === undefined ? undefined : frame.get(this);
  }

  enterWith(store) {
    this.enabled = true;
    setFrame(deriveFrame(getFrame(), this, store, false));
  }

  run(store, callback, ...args) {
    this.enabled = true;
    const prior = setFrame(deriveFrame(getFrame(), this, store, false));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      setFrame(prior);
    }
  }

  exit(callback, ...args) {
    if (!this.enabled) return Reflect.apply(callback, null, args);
    const frame = getFrame();
    const prior = setFrame(frame === undefined ? undefined : deriveFrame(frame, this, undefined, true));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      setFrame(prior);
    }
  }
}

function createHook(callbacks) {
  throw require('internal/errors').notImplemented('async_hooks.createHook');
}

const asyncWrapProviders = Object.freeze({
  __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5,
  BLOBREADER: 6, FSEVENTWRAP: 7, FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12, HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15,
  HTTP2SETTINGS: 16, HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19,
  JSUDPWRAP: 20, MESSAGEPORT: 21, PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23, PIPEWRAP: 24,
  PROCESSWRAP: 25, PROMISE: 26, QUERYWRAP: 27, QUIC_LOGSTREAM: 28, QUIC_PACKET: 29,
  SHUTDOWNWRAP: 30, SIGNALWRAP: 31, STATWATCHER: 32, STREAMPIPE: 33, TCPCONNECTWRAP: 34,
  TCPSERVERWRAP: 35, TCPWRAP: 36, TTYWRAP: 37, UDPSENDWRAP: 38, UDPWRAP: 39,
  SIGINTWATCHDOG: 40, WORKER: 41, WORKERHEAPSNAPSHOT: 42, WRITEWRAP: 43, ZLIB: 44,
  CHECKPRIMEREQUEST: 45, PBKDF2REQUEST: 46, KEYPAIRGENREQUEST: 47, KEYGENREQUEST: 48,
  KEYEXPORTREQUEST: 49, CIPHERREQUEST: 50, DERIVEBITSREQUEST: 51, HASHREQUEST: 52,
  RANDOMBYTESREQUEST: 53, RANDOMPRIMEREQUEST: 54, SCRYPTREQUEST: 55, SIGNREQUEST: 56,
  TLSWRAP: 57, VERIFYREQUEST: 58,
});

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
