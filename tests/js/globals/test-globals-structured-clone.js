'use strict';
// structuredClone: deep copies of the structured-clone types, cycles, and
// DataCloneError for values that cannot be cloned.
const assert = require('assert');

const date = new Date(1700000000000);
const map = new Map([['k', { v: 1 }], [2, [3]]]);
const set = new Set([1, 'two', { three: 3 }]);
const source = {
  num: 1, str: 's', bool: true, nul: null, undef: undefined, big: 10n,
  neg0: -0, nan: NaN, inf: -Infinity,
  arr: [1, , 3], // eslint-disable-line no-sparse-arrays
  date, map, set,
  re: /a+b/gi,
  bytes: new Uint8Array([1, 2, 3]),
  err: new RangeError('bad range'),
  boxed: new String('boxed'),
  nested: { deep: { deeper: [{ x: 1 }] } },
};
const copy = structuredClone(source);

assert.notStrictEqual(copy, source);
assert.deepStrictEqual(Object.keys(copy), Object.keys(source));
assert.strictEqual(copy.num, 1);
assert.strictEqual(copy.str, 's');
assert.strictEqual(copy.bool, true);
assert.strictEqual(copy.nul, null);
assert.ok('undef' in copy);
assert.strictEqual(copy.undef, undefined);
assert.strictEqual(copy.big, 10n);
assert.ok(Object.is(copy.neg0, -0));
assert.ok(Number.isNaN(copy.nan));
assert.strictEqual(copy.inf, -Infinity);
assert.strictEqual(copy.arr.length, 3);
assert.strictEqual(1 in copy.arr, false);

assert.ok(copy.date instanceof Date);
assert.notStrictEqual(copy.date, date);
assert.strictEqual(copy.date.getTime(), date.getTime());

assert.ok(copy.map instanceof Map);
assert.notStrictEqual(copy.map, map);
assert.deepStrictEqual([...copy.map.keys()], ['k', 2]);
assert.deepStrictEqual(copy.map.get('k'), { v: 1 });
assert.notStrictEqual(copy.map.get('k'), map.get('k'));

assert.ok(copy.set instanceof Set);
assert.strictEqual(copy.set.size, 3);
assert.ok(copy.set.has('two'));

assert.ok(copy.re instanceof RegExp);
assert.strictEqual(copy.re.source, 'a+b');
assert.strictEqual(copy.re.flags, 'gi');

assert.ok(copy.bytes instanceof Uint8Array);
assert.notStrictEqual(copy.bytes.buffer, source.bytes.buffer);
assert.deepStrictEqual([...copy.bytes], [1, 2, 3]);

assert.ok(copy.err instanceof RangeError);
assert.strictEqual(copy.err.message, 'bad range');
assert.strictEqual(copy.err.name, 'RangeError');

assert.strictEqual(typeof copy.boxed, 'object');
assert.strictEqual(copy.boxed.valueOf(), 'boxed');
assert.deepStrictEqual(copy.nested, source.nested);
assert.notStrictEqual(copy.nested.deep, source.nested.deep);

// Primitives come back as themselves.
assert.strictEqual(structuredClone(5), 5);
assert.strictEqual(structuredClone('x'), 'x');
assert.strictEqual(structuredClone(null), null);
assert.strictEqual(structuredClone(undefined), undefined);

// Cycles and shared references are preserved.
const cyclic = { name: 'root', list: [] };
cyclic.self = cyclic;
cyclic.list.push(cyclic, cyclic.list);
const shared = { s: 1 };
cyclic.a = shared;
cyclic.b = shared;
const cc = structuredClone(cyclic);
assert.notStrictEqual(cc, cyclic);
assert.strictEqual(cc.self, cc);
assert.strictEqual(cc.list[0], cc);
assert.strictEqual(cc.list[1], cc.list);
assert.strictEqual(cc.a, cc.b);
assert.notStrictEqual(cc.a, shared);

// Prototypes, getters and symbol keys are not kept: the result is a plain object.
class Point {
  constructor() { this.x = 1; }
  get y() { return 2; }
}
const p = structuredClone(new Point());
assert.strictEqual(Object.getPrototypeOf(p), Object.prototype);
assert.deepStrictEqual(p, { x: 1 });
const sym = Symbol('s');
assert.deepStrictEqual(Object.getOwnPropertySymbols(structuredClone({ [sym]: 1 })), []);

// Functions and symbols cannot be cloned: DataCloneError, a DOMException.
for (const bad of [() => {}, { fn() {} }, Symbol('x'), [function named() {}]]) {
  assert.throws(() => structuredClone(bad), (err) => {
    assert.strictEqual(err.name, 'DataCloneError');
    assert.strictEqual(err.code, 25);
    assert.ok(err instanceof DOMException);
    assert.ok(err instanceof Error);
    return true;
  });
}

// transfer moves an ArrayBuffer: the original is detached.
const buf = new ArrayBuffer(8);
const moved = structuredClone(buf, { transfer: [buf] });
assert.strictEqual(moved.byteLength, 8);
assert.strictEqual(buf.byteLength, 0);

assert.throws(() => structuredClone(), { name: 'TypeError' });
