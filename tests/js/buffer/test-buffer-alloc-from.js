'use strict';
// Creating buffers: alloc/allocUnsafe/allocUnsafeSlow/from/of/concat/copyBytesFrom,
// the deprecated constructor, SlowBuffer, and their argument errors.
const assert = require('assert');
const buffer = require('buffer');
const { Buffer, SlowBuffer } = buffer;

assert.strictEqual(globalThis.Buffer, Buffer);
const desc = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
assert.strictEqual(desc.enumerable, false);
assert.strictEqual(desc.configurable, true);
assert.strictEqual(typeof desc.get, 'function');

const b = Buffer.from('hi');
assert(b instanceof Uint8Array);
assert(b instanceof Buffer);
assert(Buffer.isBuffer(b));
assert(!Buffer.isBuffer(new Uint8Array(2)));
assert.strictEqual(Object.getPrototypeOf(Buffer), Uint8Array);
assert.strictEqual(b.constructor, Buffer);
assert(b.subarray(1) instanceof Buffer);
assert(b.slice(1) instanceof Buffer);
assert(b.map((x) => x) instanceof Buffer);

// alloc
assert.deepStrictEqual([...Buffer.alloc(3)], [0, 0, 0]);
assert.deepStrictEqual([...Buffer.alloc(5, 'ab')], [97, 98, 97, 98, 97]);
assert.deepStrictEqual([...Buffer.alloc(4, 'YQ==', 'base64')], [97, 97, 97, 97]);
assert.deepStrictEqual([...Buffer.alloc(3, 257)], [1, 1, 1]);
assert.deepStrictEqual([...Buffer.alloc(3, Buffer.from([1, 2]))], [1, 2, 1]);
assert.strictEqual(Buffer.allocUnsafe(10).length, 10);
assert.strictEqual(Buffer.allocUnsafeSlow(10).length, 10);
assert.strictEqual(Buffer.allocUnsafe(0).length, 0);
// Small unsafe buffers share a pool.
assert.strictEqual(Buffer.allocUnsafe(10).buffer.byteLength, Buffer.poolSize);
assert.strictEqual(Buffer.allocUnsafeSlow(10).buffer.byteLength, 10);
assert.throws(() => Buffer.alloc(-1), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received -1',
});
assert.throws(() => Buffer.alloc('1'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "size" argument must be of type number. Received type string (\'1\')',
});
assert.throws(() => Buffer.allocUnsafe(NaN), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => Buffer.alloc(2, 'zz', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE', message: 'The argument \'value\' is invalid. Received \'zz\'',
});

// from
assert.deepStrictEqual([...Buffer.from([1, 256, -1, 'x', 3.7])], [1, 0, 255, 0, 3]);
assert.deepStrictEqual([...Buffer.from({ length: 2, 0: 300, 1: 'x' })], [44, 0]);
assert.deepStrictEqual([...Buffer.from({ length: 'x' })], []);
assert.deepStrictEqual([...Buffer.from(new Uint16Array([1, 258]))], [1, 2]);
assert.deepStrictEqual([...Buffer.from({ type: 'Buffer', data: [1, 2] })], [1, 2]);
assert.deepStrictEqual([...Buffer.from(new String('ab'))], [97, 98]);
assert.deepStrictEqual([...Buffer.from({ valueOf() { return 'ab'; } })], [97, 98]);
assert.deepStrictEqual([...Buffer.from({ [Symbol.toPrimitive]() { return 'ab'; } })], [97, 98]);
{
  const copy = Buffer.from(b);
  assert.notStrictEqual(copy, b);
  copy[0] = 0;
  assert.strictEqual(b[0], 0x68);
}
{
  const ab = new ArrayBuffer(8);
  const shared = Buffer.from(ab, 2, 3);
  assert.strictEqual(shared.buffer, ab);
  assert.strictEqual(shared.byteOffset, 2);
  assert.strictEqual(shared.length, 3);
  new Uint8Array(ab)[2] = 9;
  assert.strictEqual(shared[0], 9);
  assert.strictEqual(Buffer.from(ab, 6).length, 2);
  assert.strictEqual(Buffer.from(ab, 'x').length, 8);
  assert.strictEqual(Buffer.from(ab, 1, -5).length, 0);
  assert.throws(() => Buffer.from(ab, 9), {
    name: 'RangeError', code: 'ERR_BUFFER_OUT_OF_BOUNDS', message: '"offset" is outside of buffer bounds',
  });
  assert.throws(() => Buffer.from(ab, 4, 5), {
    code: 'ERR_BUFFER_OUT_OF_BOUNDS', message: '"length" is outside of buffer bounds',
  });
}
for (const bad of [5, null, undefined, true, Symbol('s'), {}]) {
  assert.throws(() => Buffer.from(bad), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
}
assert.throws(() => Buffer.from(5), {
  message: 'The first argument must be of type string or an instance of Buffer, ArrayBuffer, ' +
    'or Array or an Array-like Object. Received type number (5)',
});
assert.deepStrictEqual([...Buffer.of(1, 2, 300)], [1, 2, 44]);
assert.deepStrictEqual([...Buffer.copyBytesFrom(new Uint16Array([1, 2]), 1)], [2, 0]);

// concat
assert.strictEqual(Buffer.concat([Buffer.from('ab'), new Uint8Array([99])]).toString(), 'abc');
assert.strictEqual(Buffer.concat([]).length, 0);
assert.strictEqual(Buffer.concat([Buffer.from('abc')], 2).toString(), 'ab');
assert.deepStrictEqual([...Buffer.concat([Buffer.from('a')], 3)], [97, 0, 0]);
assert.throws(() => Buffer.concat([Buffer.from('a'), 'b']), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "list[1]" argument must be an instance of Buffer or Uint8Array. ' +
    'Received type string (\'b\')',
});
assert.throws(() => Buffer.concat('ab'), { code: 'ERR_INVALID_ARG_TYPE' });

// byteLength of non-strings
assert.strictEqual(Buffer.byteLength(new ArrayBuffer(7)), 7);
assert.strictEqual(Buffer.byteLength(new Uint16Array(3)), 6);
assert.throws(() => Buffer.byteLength(5), {
  message: 'The "string" argument must be of type string or an instance of Buffer or ' +
    'ArrayBuffer. Received type number (5)',
});

// SlowBuffer and constants
assert.strictEqual(SlowBuffer(4).length, 4);
assert.strictEqual(buffer.kMaxLength, 4294967296);
assert.strictEqual(buffer.kStringMaxLength, 536870888);
assert.deepStrictEqual(buffer.constants, { MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 });
assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
assert.strictEqual(buffer.atob('YQ=='), 'a');
assert.strictEqual(buffer.btoa('a'), 'YQ==');
