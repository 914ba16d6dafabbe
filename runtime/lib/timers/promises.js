'use strict';
// timers/promises: promise-returning timers with AbortSignal support.

const timers = require('timers');

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal.reason });
}

function validateOptions(options) {
  const { validateObject, validateBoolean, validateAbortSignal } = require('internal/validators');
  validateObject(options, 'options');
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  if (options.ref !== undefined) validateBoolean(options.ref, 'options.ref');
}

function schedule(create, cancel, value, options) {
  validateOptions(options);
  const { signal, ref = true } = options;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const handle = create(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) handle.unref();
    if (signal) {
      onAbort = () => {
        cancel(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(after, value, options = {}) {
  return schedule((fn) => timers.setTimeout(fn, after), timers.clearTimeout, value, options);
}

function setImmediate(value, options = {}) {
  return schedule((fn) => timers.setImmediate(fn), timers.clearImmediate, value, options);
}

async function* setInterval(after, value, options = {}) {
  validateOptions(options);
  const { signal, ref = true } = options;
  if (signal && signal.aborted) throw abortError(signal);
  let pending = 0;
  let wake = null;
  const interval = timers.setInterval(() => {
    pending++;
    if (wake) {
      wake();
      wake = null;
    }
  }, after);
  if (!ref) interval.unref();
  let onAbort;
  let aborted = false;
  if (signal) {
    onAbort = () => {
      aborted = true;
      if (wake) {
        wake();
        wake = null;
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    for (;;) {
      if (pending === 0 && !aborted) await new Promise((resolve) => { wake = resolve; });
      if (aborted) throw abortError(signal);
      pending--;
      yield value;
    }
  } finally {
    timers.clearInterval(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait: (delay, options) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
