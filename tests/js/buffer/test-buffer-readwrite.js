'use strict';
// The numeric accessors: (U)Int8/16/32, (U)IntLE/BE with byteLength,
// BigInt64, Float and Double, their lower-case aliases and their errors.
const assert = require('assert');

const b = Buffer.from([0x01, 0x02, 0x03, 0x04, 0xf5, 0xf6, 0xf7, 0xf8, 0x80]);
assert.strictEqual(b.readUInt8(0), 1);
assert.strictEqual(b.readInt8(4), -11);
assert.strictEqual(b.readUInt16LE(0), 0x0201);
assert.strictEqual(b.readUInt16BE(0), 0x0102);
assert.strictEqual(b.readInt16LE(4), -2315);
assert.strictEqual(b.readInt16BE(4), -2570);
assert.strictEqual(b.readUInt32LE(0), 0x04030201);
assert.strictEqual(b.readUInt32BE(4), 0xf5f6f7f8);
assert.strictEqual(b.readInt32LE(4), -117967115);
assert.strictEqual(b.readInt32BE(4), -168364040);
assert.strictEqual(b.readUIntLE(0, 3), 0x030201);
assert.strictEqual(b.readUIntBE(3, 6), 0x04f5f6f7f880);
assert.strictEqual(b.readIntLE(3, 6), -139668176308988);
assert.strictEqual(b.readIntBE(4, 5), -43101194112);
assert.strictEqual(b.readIntBE(8, 1), -128);
assert.strictEqual(b.readBigUInt64LE(0), 0xf8f7f6f504030201n);
assert.strictEqual(b.readBigUInt64BE(1), 0x020304f5f6f7f880n);
assert.strictEqual(b.readBigInt64LE(0), -506664900861165055n);
assert.strictEqual(b.readBigInt64BE(1), 144965067462932608n);
assert.strictEqual(b.readUint8, b.readUInt8);
assert.strictEqual(b.readBigUint64LE, b.readBigUInt64LE);
assert.strictEqual(b.writeUint32BE, b.writeUInt32BE);
assert.strictEqual(b.readUInt8.name, 'readUInt8');

const f = Buffer.alloc(8);
assert.strictEqual(f.writeFloatLE(1.5), 4);
assert.deepStrictEqual([...f.subarray(0, 4)], [0, 0, 0xc0, 0x3f]);
assert.strictEqual(f.readFloatLE(0), 1.5);
assert.strictEqual(f.writeFloatBE(-0.1, 4), 8);
assert.strictEqual(f.readFloatBE(4), -0.10000000149011612);
assert.strictEqual(f.writeDoubleLE(Math.PI), 8);
assert.strictEqual(f.readDoubleLE(), Math.PI);
f.writeDoubleBE(-Infinity);
assert.deepStrictEqual([...f], [0xff, 0xf0, 0, 0, 0, 0, 0, 0]);
assert.strictEqual(f.readDoubleBE(0), -Infinity);
f.writeDoubleBE(NaN);
assert(Number.isNaN(f.readDoubleBE(0)));

const w = Buffer.alloc(8);
assert.strictEqual(w.writeUInt8(255, 0), 1);
assert.strictEqual(w.writeInt8(-1, 1), 2);
assert.strictEqual(w.writeUInt16BE(0xabcd, 2), 4);
assert.strictEqual(w.writeInt16LE(-2, 4), 6);
assert.strictEqual(w.toString('hex'), 'ffffabcdfeff0000');
assert.strictEqual(w.writeUInt32LE(0xdeadbeef, 0), 4);
assert.strictEqual(w.writeInt32BE(-2, 4), 8);
assert.strictEqual(w.toString('hex'), 'efbeaddefffffffe');
assert.strictEqual(w.writeUIntBE(0x123456789abc, 0, 6), 6);
assert.strictEqual(w.toString('hex'), '123456789abcfffe');
assert.strictEqual(w.writeIntLE(-0x123456789a, 1, 5), 6);
assert.strictEqual(w.toString('hex'), '126687a9cbedfffe');
assert.strictEqual(w.writeBigInt64LE(-2n), 8);
assert.strictEqual(w.toString('hex'), 'feffffffffffffff');
assert.strictEqual(w.writeBigUInt64BE(0x0102030405060708n), 8);
assert.strictEqual(w.toString('hex'), '0102030405060708');
assert.strictEqual(w.writeUInt16LE(1.9), 2);
assert.strictEqual(w.readUInt16LE(), 1);

// Errors, with node's messages.
const small = Buffer.alloc(4);
assert.throws(() => small.readUInt32LE(1), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 and <= 0. Received 1',
});
assert.throws(() => small.readUInt8(1.5), {
  message: 'The value of "offset" is out of range. It must be an integer. Received 1.5',
});
assert.throws(() => small.readUInt8('1'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "offset" argument must be of type number. Received type string (\'1\')',
});
assert.throws(() => small.readBigInt64LE(0), { code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: 'Attempt to access memory outside buffer bounds' });
assert.throws(() => small.writeUInt32LE(-1), {
  message: 'The value of "value" is out of range. It must be >= 0 and <= 4294967295. Received -1',
});
assert.throws(() => small.writeInt8(128), {
  message: 'The value of "value" is out of range. It must be >= -128 and <= 127. Received 128',
});
assert.throws(() => Buffer.alloc(8).writeUIntLE(2 ** 48, 0, 6), {
  message: 'The value of "value" is out of range. It must be >= 0 and < 2 ** 48. ' +
    'Received 281_474_976_710_656',
});
assert.throws(() => Buffer.alloc(8).writeIntBE(2 ** 39, 0, 5), {
  message: 'The value of "value" is out of range. It must be >= -(2 ** 39) and < 2 ** 39. ' +
    'Received 549_755_813_888',
});
assert.throws(() => Buffer.alloc(8).writeBigInt64LE(2n ** 63n), {
  message: 'The value of "value" is out of range. It must be >= -(2n ** 63n) and < 2n ** 63n. ' +
    'Received 9_223_372_036_854_775_808n',
});
assert.throws(() => Buffer.alloc(8).writeBigUInt64LE(-1n), {
  message: 'The value of "value" is out of range. It must be >= 0n and < 2n ** 64n. Received -1n',
});
assert.throws(() => Buffer.alloc(8).writeBigInt64LE(1), { name: 'TypeError' });
assert.throws(() => Buffer.alloc(8).readIntLE(0, 7), {
  message: 'The value of "byteLength" is out of range. It must be >= 1 and <= 6. Received 7',
});
assert.throws(() => Buffer.alloc(8).readUIntBE(undefined, 2), {
  message: 'The "offset" argument must be of type number. Received undefined',
});
assert.throws(() => Buffer.alloc(2).writeFloatLE(1), { code: 'ERR_BUFFER_OUT_OF_BOUNDS' });
assert.throws(() => Buffer.alloc(8).writeDoubleLE(1, 1), {
  message: 'The value of "offset" is out of range. It must be >= 0 and <= 0. Received 1',
});
