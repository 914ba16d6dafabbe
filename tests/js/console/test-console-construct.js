'use strict';
// The Console constructor's argument checks and the global console's shape.
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

const stream = Object.assign(new EventEmitter(), { write() { return true; } });

assert.throws(() => new Console(), {
  name: 'TypeError',
  code: 'ERR_CONSOLE_WRITABLE_STREAM',
  message: 'Console expects a writable stream instance for stdout',
});
assert.throws(() => new Console({}), { code: 'ERR_CONSOLE_WRITABLE_STREAM' });
assert.throws(() => new Console(stream, 1), {
  message: 'Console expects a writable stream instance for stderr',
});
assert.throws(() => new Console({ stdout: stream, inspectOptions: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.inspectOptions" property must be of type object. ' +
    'Received type number (1)',
});
assert.throws(() => new Console({ stdout: stream, colorMode: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'colorMode' must be one of: 'auto', true, false. Received 'x'",
});
assert.throws(() => new Console({ stdout: stream, groupIndentation: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "groupIndentation" is out of range. It must be >= 0 && <= 1000. ' +
    'Received -1',
});
assert.throws(() => new Console({ stdout: stream, colorMode: true, inspectOptions: { colors: false } }), {
  code: 'ERR_INCOMPATIBLE_OPTION_PAIR',
  message: 'Option "options.inspectOptions.color" cannot be used in combination with ' +
    'option "colorMode"',
});

// The global console.
const globalConsole = require('console');
assert.strictEqual(globalConsole, console);
assert.strictEqual(console.Console, Console);
assert.notStrictEqual(Object.getPrototypeOf(console), Object.prototype);
assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(console)), []);
for (const name of ['log', 'info', 'debug', 'warn', 'error', 'dir', 'dirxml', 'table', 'time',
  'timeEnd', 'timeLog', 'trace', 'assert', 'clear', 'count', 'countReset', 'group',
  'groupCollapsed', 'groupEnd']) {
  assert.strictEqual(typeof console[name], 'function', name);
  assert.ok(Object.prototype.hasOwnProperty.call(console, name), name);
}
assert.strictEqual(console.log.name, 'log');
assert.ok(console instanceof Console);
