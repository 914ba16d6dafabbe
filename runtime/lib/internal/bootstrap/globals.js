'use strict';
// The global object as Node 20 has it: the same names with the same
// property attributes (test harnesses compare the enumerable ones), most of
// them loaded lazily on first access.

function defineData(name, value, enumerable) {
  Object.defineProperty(globalThis, name, {
    __proto__: null, value, writable: true, enumerable, configurable: true,
  });
}

// An accessor that loads its value on first use; assigning replaces it.
function defineLazy(name, load, enumerable) {
  let value;
  let loaded = false;
  Object.defineProperty(globalThis, name, {
    __proto__: null,
    enumerable,
    configurable: true,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(newValue) {
      value = newValue;
      loaded = true;
    },
  });
}

function setupGlobals(queueMicrotask) {
  defineData('global', globalThis, true);
  Object.defineProperty(globalThis, 'process', {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() { return process; },
    set(value) {
      Object.defineProperty(globalThis, 'process', {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
  });

  const timers = require('timers');
  defineData('clearImmediate', timers.clearImmediate, true);
  defineData('setImmediate', timers.setImmediate, true);
  defineData('clearInterval', timers.clearInterval, true);
  defineData('clearTimeout', timers.clearTimeout, true);
  defineData('setInterval', timers.setInterval, true);
  defineData('setTimeout', timers.setTimeout, true);
  defineData('queueMicrotask', queueMicrotask, true);
  defineData('structuredClone', require('internal/structured_clone').structuredClone, true);
  defineLazy('atob', () => require('internal/base64').atob, true);
  defineLazy('btoa', () => require('internal/base64').btoa, true);
  defineLazy('performance', () => require('internal/perf/performance').performance, true);
  // Node 20: an enumerable getter without a setter.
  Object.defineProperty(globalThis, 'crypto', {
    __proto__: null,
    ...Object.getOwnPropertyDescriptor({
      get crypto() { return require('internal/crypto/webcrypto').crypto; },
    }, 'crypto'),
    enumerable: true,
    configurable: true,
  });

  defineLazy('Crypto', () => require('internal/crypto/webcrypto').Crypto, false);
  defineLazy('SubtleCrypto', () => require('internal/crypto/webcrypto').SubtleCrypto, false);
  defineData('console', require('console'), false);
  defineLazy('TextEncoder', () => require('internal/encoding').TextEncoder, false);
  defineLazy('TextDecoder', () => require('internal/encoding').TextDecoder, false);
  defineLazy('DOMException', () => require('internal/per_context/domexception').DOMException,
    false);
  defineLazy('Performance', () => require('internal/perf/performance').Performance, false);
  defineLazy('AbortController',
    () => require('internal/abort_controller').AbortController, false);
  defineLazy('AbortSignal', () => require('internal/abort_controller').AbortSignal, false);
  defineLazy('Buffer', () => require('buffer').Buffer, false);
  defineLazy('Blob', () => require('internal/blob').Blob, false);
  defineLazy('File', () => require('internal/blob').File, false);
  const eventTarget = require('internal/event_target');
  defineData('EventTarget', eventTarget.EventTarget, false);
  defineData('Event', eventTarget.Event, false);
  defineData('CustomEvent', eventTarget.CustomEvent, false);
  const url = require('internal/url');
  defineData('URL', url.URL, false);
  defineData('URLSearchParams', url.URLSearchParams, false);
}

module.exports = { setupGlobals };
