'use strict';
// process.emitWarning emits 'warning' asynchronously with an Error-like object.
// (The default printing of warnings to stderr is checked by e2e tests, not here.)
const assert = require('assert');
const common = require('../common');

const seen = [];
process.on('warning', common.mustCall((w) => {
  assert.ok(w instanceof Error);
  seen.push({ name: w.name, message: w.message, code: w.code, detail: w.detail });
}, 5));

process.emitWarning('plain');
process.emitWarning('typed', 'CustomWarning', 'NODUS_CODE1');
process.emitWarning('with options', { type: 'OptWarning', code: 'NODUS_CODE2', detail: 'more' });
const err = new Error('error object');
process.emitWarning(err);
process.emitWarning('typed only', 'OtherWarning');
// Synchronously nothing has been emitted yet.
assert.deepStrictEqual(seen, []);

assert.throws(() => process.emitWarning(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => process.emitWarning(), { code: 'ERR_INVALID_ARG_TYPE' });

process.on('exit', () => {
  assert.deepStrictEqual(seen, [
    { name: 'Warning', message: 'plain', code: undefined, detail: undefined },
    { name: 'CustomWarning', message: 'typed', code: 'NODUS_CODE1', detail: undefined },
    { name: 'OptWarning', message: 'with options', code: 'NODUS_CODE2', detail: 'more' },
    { name: 'Error', message: 'error object', code: undefined, detail: undefined },
    { name: 'OtherWarning', message: 'typed only', code: undefined, detail: undefined },
  ]);
});
