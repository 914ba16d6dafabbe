'use strict';
// The timers module: setTimeout, setInterval, setImmediate and their clear*.

const {
  Timeout, Immediate, clearTimeout, clearImmediateInternal, insertGuarded, unenroll,
} = require('internal/timers');

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    require('internal/validators').validateFunction(callback, 'callback');
  }
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length === 0 ? undefined : args, false, true);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length === 0 ? undefined : args, true, true);
}

function clearInterval(timer) {
  // Timeouts and intervals share one representation, as in Node.
  if (timer && timer._idleTimeout) timer._repeat = null;
  clearTimeout(timer);
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length === 0 ? undefined : args);
}

function clearImmediate(immediate) {
  clearImmediateInternal(immediate);
}

Object.defineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null, enumerable: true,
  get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null, enumerable: true,
  get() { return require('timers/promises').setImmediate; },
});

module.exports = {
  setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
  // Legacy helpers Node still exports (deprecated there too).
  active(timer) { insertGuarded(timer, true); },
  _unrefActive(timer) { insertGuarded(timer, false); },
  enroll(item, msecs) {
    require('internal/validators').validateNumber(msecs, 'msecs', 0, 2 ** 31 - 1);
    if (item._idleTimeout !== undefined && item._idleTimeout >= 0) unenroll(item);
    item._idleTimeout = msecs;
  },
  unenroll,
  get promises() { return require('timers/promises'); },
};
