'use strict';
// node:inspector (https://nodejs.org/api/inspector.html): the transport's
// open/close/url/waitForDebugger, V8's own console, and Session, an in-process
// protocol session over internalBinding('inspector').Connection.
//
// A session's responses and notifications arrive synchronously, from inside
// connection.dispatch() when V8 answers at once, so a post() callback may run
// before post() returns, as in node.

const EventEmitter = require('events');
const {
  codes: {
    ERR_INSPECTOR_ALREADY_ACTIVATED,
    ERR_INSPECTOR_ALREADY_CONNECTED,
    ERR_INSPECTOR_CLOSED,
    ERR_INSPECTOR_COMMAND,
    ERR_INSPECTOR_NOT_ACTIVE,
    ERR_INSPECTOR_NOT_CONNECTED,
    ERR_INSPECTOR_NOT_WORKER,
  },
} = require('internal/errors');
const {
  isUint32,
  validateFunction,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/validators');
const consoleFromVM = require('internal/console/from_vm');

const binding = internalBinding('inspector');

// Symbol.dispose where the engine has it; node 20 installs a symbol described
// 'nodejs.dispose' otherwise.
const kDispose = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol('nodejs.dispose');

// State lives in private fields: util.inspect shows a Session as node's does.
class Session extends EventEmitter {
  #connection = null;
  #callbacks = new Map();
  #nextId = 1;

  connect() {
    if (this.#connection !== null) {
      throw new ERR_INSPECTOR_ALREADY_CONNECTED('The inspector session');
    }
    this.#connection = new binding.Connection((message) => this.#onMessage(message));
  }

  // nodus has no worker threads: this is always the main thread.
  connectToMainThread() {
    throw new ERR_INSPECTOR_NOT_WORKER();
  }

  #onMessage(message) {
    const parsed = JSON.parse(message);
    // What a callback or listener throws must not unwind into V8's
    // dispatcher: it becomes a warning, as in node.
    try {
      if (parsed.id !== undefined) {
        const callback = this.#callbacks.get(parsed.id);
        this.#callbacks.delete(parsed.id);
        if (callback === undefined) return;
        if (parsed.error) {
          callback(new ERR_INSPECTOR_COMMAND(parsed.error.code, parsed.error.message));
        } else {
          callback(null, parsed.result);
        }
      } else {
        this.emit(parsed.method, parsed);
        this.emit('inspectorNotification', parsed);
      }
    } catch (error) {
      process.emitWarning(error);
    }
  }

  post(method, params, callback) {
    validateString(method, 'method');
    if (callback === undefined && typeof params === 'function') {
      callback = params;
      params = null;
    }
    if (params) validateObject(params, 'params');
    if (callback) validateFunction(callback, 'callback');
    const connection = this.#connection;
    if (connection === null) throw new ERR_INSPECTOR_NOT_CONNECTED();
    const id = this.#nextId++;
    const message = { id, method };
    if (params) message.params = params;
    if (callback) this.#callbacks.set(id, callback);
    connection.dispatch(JSON.stringify(message));
  }

  disconnect() {
    const connection = this.#connection;
    if (connection === null) return;
    // V8 may still answer pending commands while the session closes.
    connection.disconnect();
    this.#connection = null;
    const remaining = Array.from(this.#callbacks.values());
    this.#callbacks.clear();
    for (const callback of remaining) process.nextTick(callback, new ERR_INSPECTOR_CLOSED());
    this.#nextId = 1;
  }
}

function close() {
  binding.close();
}

function open(port, host, wait) {
  if (binding.isEnabled()) throw new ERR_INSPECTOR_ALREADY_ACTIVATED();
  const [defaultHost, defaultPort] = binding.getDefaultHostPort();
  // Like node, only a non-negative integer is a port; it must fit 16 bits.
  if (isUint32(port)) validateInt32(port, 'port', 0, 65535);
  else port = defaultPort;
  if (typeof host !== 'string') host = defaultHost;
  binding.open(port, host);
  if (wait) waitForDebugger();
  return { __proto__: null, [kDispose]() { close(); } };
}

function url() {
  return binding.url();
}

function waitForDebugger() {
  if (!binding.waitForDebugger()) throw new ERR_INSPECTOR_NOT_ACTIVE();
}

// node 20.18+: events a program reports for DevTools' Network panel. They
// reach clients only under --experimental-network-inspection, which nodus
// does not have, so after node's argument check they do nothing.
function networkEvent(name) {
  const fn = (params) => {
    if (params) validateObject(params, 'params');
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}
const Network = {
  requestWillBeSent: networkEvent('requestWillBeSent'),
  responseReceived: networkEvent('responseReceived'),
  loadingFinished: networkEvent('loadingFinished'),
  loadingFailed: networkEvent('loadingFailed'),
};

module.exports = {
  open,
  close,
  url,
  waitForDebugger,
  console: consoleFromVM,
  Session,
  Network,
};
