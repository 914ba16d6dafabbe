'use strict';
// deepEqual / deepStrictEqual semantics, assert.strict and util.isDeepStrictEqual.
const assert = require('assert');

const pass = (a, b) => assert.deepStrictEqual(a, b);
const fail = (a, b) => assert.throws(() => assert.deepStrictEqual(a, b), assert.AssertionError);
const loosePass = (a, b) => assert.deepEqual(a, b);
const looseFail = (a, b) => assert.throws(() => assert.deepEqual(a, b), assert.AssertionError);

pass({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
pass({ a: 1, b: 2 }, { b: 2, a: 1 });
fail({ a: 1 }, { a: '1' });
loosePass({ a: 1 }, { a: '1' });
fail(0, -0);
loosePass(0, -0);
pass(NaN, NaN);
loosePass(NaN, NaN);
fail([1, , 3], [1, undefined, 3]); // eslint-disable-line no-sparse-arrays
looseFail([1, , 3], [1, undefined, 3]); // eslint-disable-line no-sparse-arrays
pass(new Date(5), new Date(5));
fail(new Date(5), new Date(6));
pass(/a/g, /a/g);
fail(/a/g, /a/i);
pass(new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1]));
fail(new Set([1]), new Set(['1']));
loosePass(new Set([1]), new Set(['1']));
pass(new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']]));
fail(new Map([[1, 'a']]), new Map([[1, 'b']]));
pass(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
fail(new Uint8Array([1, 2]), new Int8Array([1, 2]));
pass(new Error('x'), new Error('x'));
fail(new Error('x'), new Error('y'));
fail(new Error('x'), new TypeError('x'));
fail(Object.create(null), {});
loosePass(Object.create(null), {});
fail(new Number(1), new Number(2));
pass(new String('a'), new String('a'));
const s = Symbol('s');
fail({ [s]: 1 }, { [s]: 2 });
loosePass({ [s]: 1 }, { [s]: 2 });
const c1 = { a: 1 };
c1.self = c1;
const c2 = { a: 1 };
c2.self = c2;
pass(c1, c2);
looseFail({ a: 1 }, { a: 2 });
looseFail([1], { 0: 1 });

assert.notDeepStrictEqual({ a: 1 }, { a: '1' });
assert.notDeepEqual({ a: 1 }, { a: 2 });

// assert.strict: loose names map to strict versions.
const strict = assert.strict;
assert.strictEqual(strict.strict, strict);
assert.strictEqual(strict.equal, assert.strictEqual);
assert.strictEqual(strict.deepEqual, assert.deepStrictEqual);
assert.strictEqual(strict.notEqual, assert.notStrictEqual);
assert.strictEqual(strict.notDeepEqual, assert.notDeepStrictEqual);
assert.throws(() => strict.equal(1, '1'), { operator: 'strictEqual' });
assert.throws(() => strict(false), { operator: '==' });
assert.strictEqual(require('assert/strict'), strict);

// assert.equal is loose.
assert.equal(1, '1');
assert.equal(NaN, NaN);
assert.notEqual(1, 2);
