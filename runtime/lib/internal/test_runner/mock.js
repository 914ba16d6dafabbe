'use strict';
// node:test's mock.fn() and mock.method(): functions that record their calls
// and whose implementation can be swapped and restored.

const { validateFunction, validateObject, validateInteger } = require('internal/validators');

class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #restore;
  #onceImplementations = new Map();
  #times;

  constructor(implementation, restore, times, original) {
    this.#implementation = implementation;
    this.#restore = restore;
    this.#times = times;
    this.#original = original;
  }

  get calls() {
    return this.#calls.slice();
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const call = onCall === undefined ? this.#calls.length : onCall;
    validateInteger(call, 'onCall', 0);
    this.#onceImplementations.set(call, implementation);
  }

  resetCalls() {
    this.#calls = [];
  }

  restore() {
    if (this.#restore !== undefined) this.#restore();
  }

  // The implementation for the next call (index `call`).
  nextImplementation(call) {
    const once = this.#onceImplementations.get(call);
    if (once !== undefined) {
      this.#onceImplementations.delete(call);
      return once;
    }
    if (this.#times !== undefined && call >= this.#times) return this.#original;
    return this.#implementation;
  }

  record(entry) {
    this.#calls.push(entry);
  }
}

function makeMock(original, implementation, restore, times) {
  const context = new MockFunctionContext(implementation, restore, times, original);
  const mock = function(...args) {
    const call = context.callCount();
    const impl = context.nextImplementation(call);
    const entry = {
      __proto__: null,
      arguments: args,
      error: undefined,
      result: undefined,
      stack: new Error(),
      target: new.target,
      this: this,
    };
    try {
      entry.result = new.target ? Reflect.construct(impl, args, new.target) : Reflect.apply(impl, this, args);
      return entry.result;
    } catch (error) {
      entry.error = error;
      throw error;
    } finally {
      context.record(entry);
    }
  };
  Object.defineProperty(mock, 'mock', {
    __proto__: null, value: context, enumerable: false, configurable: false, writable: false,
  });
  Object.defineProperty(mock, 'name', { __proto__: null, value: original?.name ?? 'mock', configurable: true });
  Object.defineProperty(mock, 'length', { __proto__: null, value: original?.length ?? 0, configurable: true });
  return mock;
}

class MockTracker {
  #mocks = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const times = options.times;
    if (times !== undefined) validateInteger(times, 'options.times', 1);
    const mock = makeMock(original, implementation, undefined, times);
    this.#mocks.push(mock.mock);
    return mock;
  }

  method(object, methodName, implementation = undefined, options = {}) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    validateObject(options, 'options');
    const { getter = false, setter = false, times } = options;
    if (getter || setter) {
      throw require('internal/errors').notImplemented('node:test mock.method() getters and setters');
    }
    // Find the descriptor on the object or its prototype chain.
    let descriptor;
    let owner = object;
    while (owner !== null && descriptor === undefined) {
      descriptor = Object.getOwnPropertyDescriptor(owner, methodName);
      if (descriptor === undefined) owner = Object.getPrototypeOf(owner);
    }
    const original = descriptor?.value;
    if (typeof original !== 'function') {
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    if (implementation === undefined) implementation = original;
    validateFunction(implementation, 'implementation');
    if (times !== undefined) validateInteger(times, 'options.times', 1);
    const ownDescriptor = Object.getOwnPropertyDescriptor(object, methodName);
    const restore = () => {
      if (ownDescriptor === undefined) delete object[methodName];
      else Object.defineProperty(object, methodName, ownDescriptor);
    };
    const mock = makeMock(original, implementation, restore, times);
    Object.defineProperty(object, methodName, {
      __proto__: null,
      value: mock,
      writable: descriptor.writable,
      enumerable: descriptor.enumerable,
      configurable: true,
    });
    this.#mocks.push(mock.mock);
    return mock;
  }

  getter() {
    throw require('internal/errors').notImplemented('node:test mock.getter()');
  }

  setter() {
    throw require('internal/errors').notImplemented('node:test mock.setter()');
  }

  get timers() {
    throw require('internal/errors').notImplemented('node:test mock.timers');
  }

  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  restoreAll() {
    for (const context of this.#mocks) context.restore();
  }
}

module.exports = { MockTracker };
