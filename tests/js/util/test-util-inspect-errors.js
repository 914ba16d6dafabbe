'use strict';
// util.inspect of errors: stacks, extra properties, cause, names, errors without stack.
// Expected strings are node 20's output.
const assert = require('assert');
const util = require('util');
const { inspect } = util;
function withStack(err, frames = ['    at f (/app/a.js:1:1)', '    at g (/app/a.js:2:1)']) {
  err.stack = [`${err.name}: ${err.message}`.replace(/: $/, ''), ...frames].join('\n');
  return err;
}

assert.strictEqual(inspect(withStack(new Error('boom'))), "Error: boom\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect(withStack(new TypeError('bad'))), "TypeError: bad\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect(withStack(new RangeError())), "RangeError\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect(Object.assign(withStack(new Error('boom')), { code: 'X' })), "Error: boom\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  code: 'X'\n}");
assert.strictEqual(inspect(Object.assign(withStack(new Error('boom')), { code: 'X', info: { a: [1] } })), "Error: boom\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  code: 'X',\n  info: { a: [ 1 ] }\n}");
assert.strictEqual(inspect((() => { const e = new Error('boom'); e.stack = undefined; return e; })()), "[Error: boom]");
assert.strictEqual(inspect((() => { const e = new Error('boom'); e.stack = ''; e.code = 'X'; return e; })()), "[Error: boom] { code: 'X' }");
assert.strictEqual(inspect((() => { const e = new Error('boom'); e.stack = 'just a string'; return e; })()), "[just a string]");
assert.strictEqual(inspect((() => { const e = withStack(new Error('m')); e.name = 'Custom'; return e; })()), "Error: m\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  name: 'Custom'\n}");
assert.strictEqual(inspect((() => { const e = withStack(new Error('m')); e.name = 'CustomError'; return e; })()), "Error: m\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  name: 'CustomError'\n}");
assert.strictEqual(inspect((() => { const e = withStack(new Error('m')); e.message = 'changed'; return e; })()), "Error: m\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect(withStack(new (class MyError extends Error {})('x'))), "MyError: x\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect((() => { class ValidationError extends Error {} const e = new ValidationError('m'); e.name = 'ValidationError'; return withStack(e); })()), "ValidationError: m\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect((() => { const e = new TypeError('m'); e.code = 'ERR_X'; e.stack = 'TypeError [ERR_X]: m\n    at f (a.js:1:1)'; return e; })()), "TypeError [ERR_X]: m\n    at f (a.js:1:1) {\n  code: 'ERR_X'\n}");
assert.strictEqual(inspect(withStack(new Error('outer', { cause: withStack(new Error('inner')) }))), "Error: outer\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  [cause]: Error: inner\n      at f (/app/a.js:1:1)\n      at g (/app/a.js:2:1)\n}");
assert.strictEqual(inspect(withStack(new Error('outer', { cause: 'str' }))), "Error: outer\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  [cause]: 'str'\n}");
assert.strictEqual(inspect(withStack(new Error('outer', { cause: undefined }))), "Error: outer\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  [cause]: undefined\n}");
assert.strictEqual(inspect(withStack(new Error('o', { cause: { code: 1, deep: { x: { y: {} } } } }))), "Error: o\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  [cause]: { code: 1, deep: { x: [Object] } }\n}");
assert.strictEqual(inspect((() => { const frames = ['    at b (f.js:2:1)', '    at c (f.js:3:1)', '    at d (f.js:4:1)', '    at e (f.js:5:1)']; const inner = withStack(new Error('inner'), ['    at a (f.js:1:1)', ...frames]); return withStack(new Error('outer', { cause: inner }), ['    at z (f.js:9:1)', ...frames]); })()), "Error: outer\n    at z (f.js:9:1)\n    at b (f.js:2:1)\n    ... 2 lines matching cause stack trace ...\n    at e (f.js:5:1) {\n  [cause]: Error: inner\n      at a (f.js:1:1)\n      at b (f.js:2:1)\n      at c (f.js:3:1)\n      at d (f.js:4:1)\n      at e (f.js:5:1)\n}");
assert.strictEqual(inspect(withStack(new AggregateError([withStack(new Error('a')), 'b'], 'agg'))), "AggregateError: agg\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  [errors]: [\n    Error: a\n        at f (/app/a.js:1:1)\n        at g (/app/a.js:2:1),\n    'b'\n  ]\n}");
assert.strictEqual(inspect({ a: { b: withStack(new Error('nested')) } }), "{\n  a: {\n    b: Error: nested\n        at f (/app/a.js:1:1)\n        at g (/app/a.js:2:1)\n  }\n}");
assert.strictEqual(inspect([withStack(new Error('in arr'))]), "[\n  Error: in arr\n      at f (/app/a.js:1:1)\n      at g (/app/a.js:2:1)\n]");
assert.strictEqual(inspect({ a: { b: { c: Object.assign(withStack(new Error('deep')), { x: 1 }) } } }), "{ a: { b: { c: [Error] } } }");
assert.strictEqual(inspect(Object.setPrototypeOf(withStack(new TypeError('np')), null)), "[TypeError: null prototype]: np\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect((() => { const e = new TypeError('np'); e.stack = ''; return Object.setPrototypeOf(e, null); })()), "[[Error: null prototype]: np]");
assert.strictEqual(inspect(withStack(new Error('line1\nline2'))), "Error: line1\nline2\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect((() => { const e = withStack(new Error('c')); e.self = e; return e; })()), "<ref *1> Error: c\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1) {\n  self: [Circular *1]\n}");
assert.strictEqual(inspect(withStack(new Error('o')), { colors: true }), "Error: o\n    at f (/app/a.js:1:1)\n    at g (/app/a.js:2:1)");
assert.strictEqual(inspect(withStack(new Error('o'), ['    at f (/app/node_modules/pkg/a.js:1:1)', '    at g (node:internal/timers:2:1)']), { colors: true }), "Error: o\n    at f (/app/node_modules/\u001b[4mpkg\u001b[24m/a.js:1:1)\n\u001b[90m    at g (node:internal/timers:2:1)\u001b[39m");
assert.strictEqual(inspect(Object.create(Error.prototype)), "[Error]");
assert.strictEqual(inspect(Error.prototype), "{}");
assert.strictEqual(inspect(TypeError.prototype), "[Error [TypeError]]");
assert.strictEqual(inspect((() => { const e = new Error('m'); e.stack = 'Something else\n    at foo (bar.js:1:1)'; return e; })()), "Something else\n    at foo (bar.js:1:1)");
