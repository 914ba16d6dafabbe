'use strict';
// The REPL's in-process inspector session (DESIGN.md §6). Evaluation is
// `Runtime.evaluate` with `replMode: true` (top-level await, let/const/class
// redeclaration), previews use `throwOnSideEffect`, completion
// `Runtime.globalLexicalScopeNames`.
//
// Results come back as RemoteObjects; the values themselves are fetched with
// `Runtime.callFunctionOn` on a "sink" function of ours, whose RemoteObject
// id is obtained once through a global that lives only for that call.
//
// Responses to everything but a replMode evaluation arrive synchronously,
// while `dispatch` is on the stack; replMode answers after a microtask
// checkpoint (V8 waits for its internal promise).

const kGroup = 'nodus:repl';
const kSinkGroup = 'nodus:repl:sink';

let session = null;

class ReplSession {
  constructor() {
    const { Connection } = internalBinding('inspector');
    this._nextId = 1;
    this._pending = new Map();
    this._connection = new Connection((message) => this._onMessage(message));
    this._received = undefined;
    this._sinkId = this._makeSink();
  }

  _onMessage(message) {
    const data = JSON.parse(message);
    if (data.id === undefined) return;  // notifications: none enabled
    const callback = this._pending.get(data.id);
    if (callback === undefined) return;
    this._pending.delete(data.id);
    if (data.error) {
      const error = new Error(data.error.message);
      error.code = 'ERR_INSPECTOR_COMMAND';
      callback(error);
    } else {
      callback(null, data.result);
    }
  }

  post(method, params, callback) {
    const id = this._nextId++;
    this._pending.set(id, callback);
    this._connection.dispatch(JSON.stringify({ id, method, params }));
  }

  // For the methods that answer while dispatch is on the stack.
  postSync(method, params) {
    let answer = null;
    this.post(method, params, (err, result) => {
      answer = { err, result };
    });
    if (answer === null) throw new Error(`nodus repl: ${method} did not answer synchronously`);
    if (answer.err) throw answer.err;
    return answer.result;
  }

  _makeSink() {
    const key = `__nodus_repl_sink_${Math.random().toString(36).slice(2)}`;
    const sink = (value) => {
      this._received = value;
    };
    Object.defineProperty(globalThis, key, {
      __proto__: null, value: sink, configurable: true, enumerable: false, writable: false,
    });
    try {
      const { result } = this.postSync('Runtime.evaluate', {
        expression: `globalThis[${JSON.stringify(key)}]`, objectGroup: kSinkGroup,
      });
      return result.objectId;
    } finally {
      delete globalThis[key];
    }
  }

  // The JavaScript value a RemoteObject stands for.
  valueOf(remote) {
    if (remote === undefined) return undefined;
    if (remote.type === 'undefined') return undefined;
    const argument = {};
    if (remote.objectId !== undefined) argument.objectId = remote.objectId;
    else if (remote.unserializableValue !== undefined) argument.unserializableValue = remote.unserializableValue;
    else return remote.value;
    this._received = undefined;
    this.postSync('Runtime.callFunctionOn', {
      objectId: this._sinkId,
      functionDeclaration: 'function(value) { this(value); }',
      arguments: [argument],
      silent: true,
    });
    const value = this._received;
    this._received = undefined;
    return value;
  }

  release() {
    this.postSync('Runtime.releaseObjectGroup', { objectGroup: kGroup });
  }

  // evaluate(code, callback(err, { value, thrown })): replMode, the answer
  // arrives asynchronously. `err` only for protocol failures.
  evaluate(code, options, callback) {
    const params = {
      expression: code,
      objectGroup: kGroup,
      replMode: options.replMode !== false,
      silent: false,
    };
    if (options.timeout > 0) params.timeout = options.timeout;
    this.post('Runtime.evaluate', params, (err, result) => {
      if (err) {
        callback(err);
        return;
      }
      let outcome;
      try {
        if (result.exceptionDetails) {
          const details = result.exceptionDetails;
          outcome = { thrown: true, value: this.valueOf(details.exception) };
          if (details.exception === undefined) outcome.value = new Error(details.text);
        } else {
          outcome = { thrown: false, value: this.valueOf(result.result) };
        }
        this.release();
      } catch (e) {
        callback(e);
        return;
      }
      callback(null, outcome);
    });
  }

  // A side-effect-free evaluation (previews, completion): { ok, value }.
  // Never replMode (that would run the code for real); synchronous.
  peek(code, timeout = 200) {
    let result;
    try {
      result = this.postSync('Runtime.evaluate', {
        expression: code,
        objectGroup: kGroup,
        throwOnSideEffect: true,
        timeout,
        silent: true,
        returnByValue: false,
      });
    } catch {
      return { ok: false };
    }
    try {
      if (result.exceptionDetails) return { ok: false };
      return { ok: true, value: this.valueOf(result.result) };
    } finally {
      this.release();
    }
  }

  globalLexicalScopeNames() {
    try {
      return this.postSync('Runtime.globalLexicalScopeNames', {}).names;
    } catch {
      return [];
    }
  }
}

function getSession() {
  if (session === null) session = new ReplSession();
  return session;
}

module.exports = { getSession };
