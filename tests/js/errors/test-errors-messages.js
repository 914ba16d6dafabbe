'use strict';
// ERR_INVALID_ARG_TYPE / ERR_INVALID_ARG_VALUE / ERR_OUT_OF_RANGE message
// formats, reached through public APIs.
const assert = require('assert');
const EventEmitter = require('events');

function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    return `${err.code}: ${err.message}`;
  }
  throw new Error('did not throw');
}

const e = new EventEmitter();
const on = (v) => messageOf(() => e.on('x', v));
const prefix = 'ERR_INVALID_ARG_TYPE: The "listener" argument must be of type function. ';
assert.strictEqual(on(1), `${prefix}Received type number (1)`);
assert.strictEqual(on(null), `${prefix}Received null`);
assert.strictEqual(on(undefined), `${prefix}Received undefined`);
assert.strictEqual(on('x'.repeat(40)),
                   `${prefix}Received type string ('${'x'.repeat(25)}...')`);
assert.strictEqual(on('x'.repeat(28)), `${prefix}Received type string ('${'x'.repeat(28)}')`);
assert.strictEqual(on("it's"), `${prefix}Received type string ("it's")`);
assert.strictEqual(on({}), `${prefix}Received an instance of Object`);
assert.strictEqual(on([]), `${prefix}Received an instance of Array`);
assert.strictEqual(on(new Map()), `${prefix}Received an instance of Map`);
assert.strictEqual(on(Object.create(null)), `${prefix}Received [Object: null prototype] {}`);
assert.strictEqual(on(10n), `${prefix}Received type bigint (10n)`);
assert.strictEqual(on(Symbol('s')), `${prefix}Received type symbol (Symbol(s))`);
assert.strictEqual(on(true), `${prefix}Received type boolean (true)`);
assert.strictEqual(on(NaN), `${prefix}Received type number (NaN)`);
assert.strictEqual(on(-0), `${prefix}Received type number (-0)`);

// Several expected types, instances and "property" names.
assert.strictEqual(
  messageOf(() => EventEmitter.getEventListeners(5, 'x')),
  'ERR_INVALID_ARG_TYPE: The "emitter" argument must be an instance of EventEmitter or ' +
  'EventTarget. Received type number (5)');
assert.strictEqual(
  messageOf(() => new EventEmitter({ captureRejections: 'yes' })),
  'ERR_INVALID_ARG_TYPE: The "options.captureRejections" property must be of type boolean. ' +
  "Received type string ('yes')");
assert.strictEqual(
  messageOf(() => assert.rejects(5).catch(() => {}) && assert.throws(() => {}, 5)),
  'ERR_INVALID_ARG_TYPE: The "error" argument must be of type function or an instance of ' +
  'Error, RegExp, or Object. Received type number (5)');

// ERR_OUT_OF_RANGE formats big numbers with separators.
assert.strictEqual(
  messageOf(() => AbortSignal.timeout(2 ** 40)),
  'ERR_OUT_OF_RANGE: The value of "delay" is out of range. It must be >= 0 && <= 4294967295. ' +
  'Received 1_099_511_627_776');
assert.strictEqual(
  messageOf(() => AbortSignal.timeout(1.5)),
  'ERR_OUT_OF_RANGE: The value of "delay" is out of range. It must be an integer. Received 1.5');
assert.strictEqual(
  messageOf(() => new EventEmitter().setMaxListeners(NaN)),
  'ERR_OUT_OF_RANGE: The value of "setMaxListeners" is out of range. It must be >= 0. ' +
  'Received NaN');

// ERR_INVALID_ARG_VALUE.
assert.strictEqual(
  messageOf(() => assert.throws(() => { throw new Error('x'); }, {})),
  "ERR_INVALID_ARG_VALUE: The argument 'error' may not be an empty object. Received {}");
