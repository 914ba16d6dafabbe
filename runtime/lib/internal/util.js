'use strict';
// Small helpers shared by builtins: the well-known symbols of the util module,
// deprecation warnings and promisify.

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const customPromisifyArgs = Symbol('customPromisifyArgs');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');

// Deprecation codes already warned about: each code warns once per process.
const codesWarned = new Set();

function deprecate(fn, msg, code) {
  if (typeof fn !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  }
  if (code !== undefined && typeof code !== 'string') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (process.noDeprecation === true) return fn;

  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          codesWarned.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  // The wrapper keeps the prototype chain of the original so instanceof and
  // subclassing behave as before.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function promisify(original) {
  if (typeof original !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('original', 'Function', original);
  }
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    if (typeof fn !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('util.promisify.custom', 'Function', fn);
    }
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
    });
  }

  // Functions like dns.lookup call back with several values; they name them
  // in customPromisifyArgs so the promise resolves to an object.
  const argumentNames = original[customPromisifyArgs];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    const desc = descriptors[key];
    if (typeof desc.value === 'function') desc.value = promisify(desc.value);
  }
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

function isError(e) {
  // Cross-realm errors and errors with a changed prototype still count.
  const { isNativeError } = internalBinding('types');
  return isNativeError(e) || e instanceof Error;
}

module.exports = {
  customInspectSymbol,
  customPromisifyArgs,
  kCustomPromisifiedSymbol,
  deprecate,
  promisify,
  isError,
};
