'use strict';
// The shape of node's coded errors (ERR_*), observed through public APIs:
// own enumerable `code`, plain `name`, the code in the stack's first line and
// in toString(), and util.inspect's "{ code: ... }" suffix.
const assert = require('assert');
const EventEmitter = require('events');
const util = require('util');

function catchError(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

const err = catchError(() => new EventEmitter().on('x', 1));
const message = 'The "listener" argument must be of type function. Received type number (1)';
assert.ok(err instanceof TypeError);
assert.strictEqual(err.name, 'TypeError');
assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
assert.strictEqual(err.message, message);
assert.deepStrictEqual(Object.keys(err), ['code']);
assert.strictEqual(Object.getOwnPropertyDescriptor(err, 'message').enumerable, false);
assert.ok(!Object.prototype.hasOwnProperty.call(err, 'name'));
assert.strictEqual(String(err), `TypeError [ERR_INVALID_ARG_TYPE]: ${message}`);
assert.strictEqual(err.stack.split('\n')[0], `TypeError [ERR_INVALID_ARG_TYPE]: ${message}`);
// The validator itself is hidden from the stack; the test's own frame shows.
assert.match(err.stack.split('\n')[1], /^ {4}at /);
assert.doesNotMatch(err.stack, /validators/);
const inspected = util.inspect(err).split('\n');
assert.strictEqual(inspected[0], `TypeError [ERR_INVALID_ARG_TYPE]: ${message}`);
assert.strictEqual(inspected[inspected.length - 2], "  code: 'ERR_INVALID_ARG_TYPE'");
assert.strictEqual(inspected[inspected.length - 1], '}');
// Renaming changes toString, as in node.
err.name = 'Foo';
assert.strictEqual(String(err), `Foo [ERR_INVALID_ARG_TYPE]: ${message}`);

// RangeError codes.
const range = catchError(() => new EventEmitter().setMaxListeners(-1));
assert.ok(range instanceof RangeError);
assert.strictEqual(range.name, 'RangeError');
assert.strictEqual(range.code, 'ERR_OUT_OF_RANGE');
assert.strictEqual(range.stack.split('\n')[0],
                   'RangeError [ERR_OUT_OF_RANGE]: The value of "setMaxListeners" is out of ' +
                   'range. It must be >= 0. Received -1');

// Plain Error codes.
const unhandled = catchError(() => new EventEmitter().emit('error', 42));
assert.strictEqual(Object.getPrototypeOf(Object.getPrototypeOf(unhandled)), Error.prototype);
assert.strictEqual(unhandled.name, 'Error');
assert.strictEqual(String(unhandled), 'Error [ERR_UNHANDLED_ERROR]: Unhandled error. (42)');
assert.strictEqual(unhandled.context, 42);

// Instances report the plain base class as their constructor.
const other = catchError(() => new EventTarget().dispatchEvent(1));
assert.strictEqual(other.constructor, TypeError);
assert.strictEqual(range.constructor, RangeError);
assert.strictEqual(unhandled.constructor, Error);
