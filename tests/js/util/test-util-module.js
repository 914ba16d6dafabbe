'use strict';
// The util module besides inspect/format: inherits, promisify, callbackify,
// deprecate, debuglog, types, legacy is* helpers and string helpers.
const assert = require('assert');
const util = require('util');

// Exported names, in node 20's order.
assert.deepStrictEqual(Object.keys(util), [
  '_errnoException', '_exceptionWithHostPort', '_extend', 'callbackify', 'debug', 'debuglog',
  'deprecate', 'format', 'styleText', 'formatWithOptions', 'getSystemErrorMap',
  'getSystemErrorName', 'inherits', 'inspect', 'isArray', 'isBoolean', 'isBuffer',
  'isDeepStrictEqual', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol',
  'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive',
  'log', 'promisify', 'stripVTControlCharacters', 'toUSVString', 'transferableAbortSignal',
  'transferableAbortController', 'aborted', 'types', 'parseEnv', 'parseArgs', 'TextDecoder',
  'TextEncoder', 'MIMEType', 'MIMEParams',
]);

// inherits
function Base() {}
Base.prototype.hello = function() { return 'hi'; };
function Derived() { Base.call(this); }
util.inherits(Derived, Base);
assert.strictEqual(Derived.super_, Base);
assert.strictEqual(new Derived().hello(), 'hi');
assert.ok(new Derived() instanceof Base);
assert.throws(() => util.inherits(Derived, null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => util.inherits(null, Base), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => util.inherits(Derived, Object.create(null)), { code: 'ERR_INVALID_ARG_TYPE' });

// promisify
assert.strictEqual(util.promisify.custom, Symbol.for('nodejs.util.promisify.custom'));
assert.strictEqual(util.inspect.custom, Symbol.for('nodejs.util.inspect.custom'));
assert.throws(() => util.promisify(1), { code: 'ERR_INVALID_ARG_TYPE' });
function addLater(a, b, cb) { setTimeout(() => cb(null, a + b), 1); }
const addAsync = util.promisify(addLater);
assert.strictEqual(addAsync[util.promisify.custom], addAsync);
assert.strictEqual(util.promisify(addAsync), addAsync);
function custom() {}
const customImpl = () => Promise.resolve('custom');
custom[util.promisify.custom] = customImpl;
assert.strictEqual(util.promisify(custom), customImpl);
const failing = util.promisify((cb) => cb(new Error('nope')));
const results = [];
addAsync(1, 2).then((v) => results.push(['add', v]));
failing().catch((e) => results.push(['fail', e.message]));
const withThis = util.promisify(function(cb) { cb(null, this.v); });
withThis.call({ v: 7 }).then((v) => results.push(['this', v]));

// callbackify
assert.throws(() => util.callbackify('x'), { code: 'ERR_INVALID_ARG_TYPE' });
async function fetchValue(x) { return x * 2; }
const fetchValueCb = util.callbackify(fetchValue);
assert.strictEqual(fetchValueCb.name, 'fetchValueCallbackified');
assert.strictEqual(fetchValueCb.length, 2);
assert.throws(() => fetchValueCb(1), { code: 'ERR_INVALID_ARG_TYPE' });
fetchValueCb(21, (err, value) => results.push(['cb', err, value]));
util.callbackify(async () => { throw null; })((err) => {
  results.push(['falsy', err.code, err.message, err.reason]);
});
util.callbackify(async () => { throw new Error('real'); })((err) => results.push(['err', err.message]));

// deprecate: warns once per code, still calls through.
const warnings = [];
process.on('warning', (w) => {
  if (w.name === 'DeprecationWarning') warnings.push([w.name, w.code, w.message]);
});
const oldFn = util.deprecate((a) => a + 1, 'oldFn() is deprecated', 'DEP_NODUS_TEST');
assert.strictEqual(oldFn(1), 2);
assert.strictEqual(oldFn(2), 3);
util.deprecate(() => {}, 'same code again', 'DEP_NODUS_TEST')();
class OldClass { constructor(v) { this.v = v; } }
const DeprecatedClass = util.deprecate(OldClass, 'OldClass is deprecated');
assert.strictEqual(new DeprecatedClass(5).v, 5);
assert.ok(new DeprecatedClass(5) instanceof OldClass);

// debuglog: disabled unless NODE_DEBUG names the section.
if (!process.env.NODE_DEBUG) {
  const debug = util.debuglog('nodus_test_section');
  assert.strictEqual(debug.enabled, false);
  debug('not printed %s', 'x');
  let received;
  util.debuglog('nodus_other', (fn) => { received = fn; })('first call');
  assert.strictEqual(typeof received, 'function');
  assert.strictEqual(util.debug, util.debuglog);
}

// types
assert.strictEqual(util.types.isDate(new Date()), true);
assert.strictEqual(util.types.isPromise(Promise.resolve()), true);
assert.strictEqual(util.types.isRegExp(/x/), true);
assert.strictEqual(util.types.isUint8Array(new Uint8Array(1)), true);
assert.strictEqual(util.types.isUint8Array(new Int8Array(1)), false);
assert.strictEqual(util.types.isTypedArray(new Float64Array(1)), true);
assert.strictEqual(util.types.isTypedArray([]), false);
assert.strictEqual(util.types.isTypedArray(new DataView(new ArrayBuffer(1))), false);
assert.strictEqual(util.types.isArrayBufferView(new DataView(new ArrayBuffer(1))), true);
assert.strictEqual(util.types.isBigUint64Array(new BigUint64Array(1)), true);
assert.strictEqual(util.types.isTypedArray(Object.create(Uint8Array.prototype)), false);
assert.strictEqual(util.types.isProxy(new Proxy({}, {})), true);
assert.strictEqual(util.types.isMapIterator(new Map().keys()), true);
assert.strictEqual(util.types.isBoxedPrimitive(Object(1n)), true);
assert.strictEqual(util.types.isNativeError(new TypeError()), true);
assert.strictEqual(util.types.isAsyncFunction(async () => {}), true);
assert.strictEqual(util.types.isGeneratorFunction(function* () {}), true);

// Legacy helpers
assert.strictEqual(util.isArray([]), true);
assert.strictEqual(util.isBoolean(false), true);
assert.strictEqual(util.isNull(null), true);
assert.strictEqual(util.isNullOrUndefined(undefined), true);
assert.strictEqual(util.isNumber(NaN), true);
assert.strictEqual(util.isString(''), true);
assert.strictEqual(util.isSymbol(Symbol()), true);
assert.strictEqual(util.isUndefined(undefined), true);
assert.strictEqual(util.isRegExp(/x/), true);
assert.strictEqual(util.isObject(null), false);
assert.strictEqual(util.isObject([]), true);
assert.strictEqual(util.isDate(new Date()), true);
assert.strictEqual(util.isError(new Error()), true);
assert.strictEqual(util.isError({}), false);
assert.strictEqual(util.isFunction(() => {}), true);
assert.strictEqual(util.isPrimitive('x'), true);
assert.strictEqual(util.isPrimitive({}), false);
assert.deepStrictEqual(util._extend({ a: 1 }, { b: 2 }), { a: 1, b: 2 });

// String helpers
assert.strictEqual(util.toUSVString('a\ud800b\udc00c\ud83d\ude00'), 'a\ufffdb\ufffdc\ud83d\ude00');
assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m plain \u001b[1mbold\u001b[22m'),
                   'red plain bold');
assert.throws(() => util.stripVTControlCharacters(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(util.styleText('red', 'x', { validateStream: false }), '\u001b[31mx\u001b[39m');
assert.strictEqual(util.styleText(['bold', 'red'], 'x', { validateStream: false }),
                   '\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
assert.throws(() => util.styleText('nope', 'x'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => util.styleText('red', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
assert.strictEqual(util.getSystemErrorName(-13), 'EACCES');
assert.throws(() => util.getSystemErrorName(2), { code: 'ERR_OUT_OF_RANGE' });
assert.strictEqual(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), true);
assert.strictEqual(util.isDeepStrictEqual({ a: 1 }, { a: '1' }), false);

process.on('exit', () => {
  results.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  assert.deepStrictEqual(results, [
    ['add', 3],
    ['cb', null, 42],
    ['err', 'real'],
    ['fail', 'nope'],
    ['falsy', 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value', null],
    ['this', 7],
  ]);
  assert.deepStrictEqual(warnings, [
    ['DeprecationWarning', 'DEP_NODUS_TEST', 'oldFn() is deprecated'],
    ['DeprecationWarning', undefined, 'OldClass is deprecated'],
  ]);
});
