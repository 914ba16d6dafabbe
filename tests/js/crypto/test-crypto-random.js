'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

// randomBytes.
const bytes = crypto.randomBytes(32);
assert.ok(bytes instanceof Uint8Array);
assert.strictEqual(bytes.length, 32);
assert.notDeepStrictEqual(Array.from(bytes), Array.from(crypto.randomBytes(32)));
assert.strictEqual(crypto.randomBytes(0).length, 0);
crypto.randomBytes(16, common.mustCall(function(err, buf) {
  assert.strictEqual(err, null);
  assert.strictEqual(buf.length, 16);
}));
assert.throws(() => crypto.randomBytes(-1), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received -1',
});
assert.throws(() => crypto.randomBytes('1'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "size" argument must be of type number. Received type string (\'1\')',
});
assert.throws(() => crypto.randomBytes(4, 5), {
  message: 'The "callback" argument must be of type function. Received type number (5)',
});

// randomFillSync fills in place, offsets count elements.
const target = new Uint8Array(64);
assert.strictEqual(crypto.randomFillSync(target), target);
assert.ok(target.some((b) => b !== 0));
const partial = new Uint8Array(64);
crypto.randomFillSync(partial, 60);
assert.ok(partial.subarray(0, 60).every((b) => b === 0));
const middle = new Uint8Array(64);
crypto.randomFillSync(middle, 8, 8);
assert.ok(middle.subarray(0, 8).every((b) => b === 0));
assert.ok(middle.subarray(16).every((b) => b === 0));
assert.ok(middle.subarray(8, 16).some((b) => b !== 0));
const words = new Uint32Array(8);
crypto.randomFillSync(words, 2, 2);
assert.deepStrictEqual([words[0], words[1], words[4], words[7]], [0, 0, 0, 0]);
const sub = new Uint8Array(32).subarray(16);
crypto.randomFillSync(sub);
assert.ok(new Uint8Array(sub.buffer, 0, 16).every((b) => b === 0));
const ab = new ArrayBuffer(16);
crypto.randomFillSync(ab, 4, 4);
assert.ok(new Uint8Array(ab, 8).every((b) => b === 0));
assert.throws(() => crypto.randomFillSync(5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf" argument must be an instance of ArrayBuffer or ArrayBufferView. ' +
    'Received type number (5)',
});
assert.throws(() => crypto.randomFillSync(new Uint8Array(4), 5), {
  message: 'The value of "offset" is out of range. It must be >= 0 && <= 4. Received 5',
});
assert.throws(() => crypto.randomFillSync(new Uint8Array(4), 1, 4), {
  name: 'RangeError',
  message: 'The value of "size + offset" is out of range. It must be <= 4. Received 5',
});
assert.throws(() => crypto.randomFillSync(new Uint8Array(4), '1'), {
  message: 'The "offset" argument must be of type number. Received type string (\'1\')',
});

const filled = new Uint8Array(32);
crypto.randomFill(filled, common.mustCall((err, buf) => {
  assert.strictEqual(err, null);
  assert.strictEqual(buf, filled);
  assert.ok(buf.some((b) => b !== 0));
}));
const filledTail = new Uint8Array(32);
crypto.randomFill(filledTail, 16, common.mustCall((err, buf) => {
  assert.ok(buf.subarray(0, 16).every((b) => b === 0));
}));
crypto.randomFill(new Uint8Array(8), 8, common.mustCall((err, buf) => {
  assert.strictEqual(buf.length, 8);
}));
assert.throws(() => crypto.randomFill(new Uint8Array(4)), {
  message: 'The "callback" argument must be of type function. Received undefined',
});

// randomInt.
for (let i = 0; i < 200; i++) {
  const n = crypto.randomInt(3, 7);
  assert.ok(Number.isInteger(n) && n >= 3 && n < 7);
  const m = crypto.randomInt(5);
  assert.ok(m >= 0 && m < 5);
}
const seen = new Set();
for (let i = 0; i < 500; i++) seen.add(crypto.randomInt(-2, 2));
assert.deepStrictEqual([...seen].sort(), [-1, -2, 0, 1]);
crypto.randomInt(10, common.mustCall((err, n) => {
  assert.strictEqual(err, undefined);
  assert.ok(n >= 0 && n < 10);
}));
crypto.randomInt(1, 2, common.mustCall((err, n) => assert.strictEqual(n, 1)));
assert.strictEqual(crypto.randomInt(-(2 ** 53) + 1, -(2 ** 53) + 2), -(2 ** 53) + 1);
assert.throws(() => crypto.randomInt(5, 5), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "max" is out of range. It must be greater than the value of "min" (5). ' +
    'Received 5',
});
assert.throws(() => crypto.randomInt(0, 2 ** 48 + 1), {
  message: 'The value of "max - min" is out of range. It must be <= 281474976710655. ' +
    'Received 281_474_976_710_657',
});
assert.throws(() => crypto.randomInt(2 ** 48 + 1), {
  message: 'The value of "max" is out of range. It must be <= 281474976710655. ' +
    'Received 281_474_976_710_657',
});
assert.throws(() => crypto.randomInt(1.5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "max" argument must be a safe integer. Received type number (1.5)',
});
assert.throws(() => crypto.randomInt(-(2 ** 53), 0), {
  message: 'The "min" argument must be a safe integer. Received type number (-9007199254740992)',
});
assert.throws(() => crypto.randomInt(1, 5, 5), {
  message: 'The "callback" argument must be of type function. Received type number (5)',
});

// randomUUID.
const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const uuids = new Set();
for (let i = 0; i < 300; i++) {
  const uuid = crypto.randomUUID();
  assert.match(uuid, uuidRe);
  uuids.add(uuid);
}
assert.strictEqual(uuids.size, 300);
assert.match(crypto.randomUUID({ disableEntropyCache: true }), uuidRe);
assert.throws(() => crypto.randomUUID(5), {
  message: 'The "options" argument must be of type object. Received type number (5)',
});
assert.throws(() => crypto.randomUUID({ disableEntropyCache: 1 }), {
  message: 'The "options.disableEntropyCache" property must be of type boolean. ' +
    'Received type number (1)',
});

// getRandomValues (node:crypto and the global).
for (const get of [crypto.getRandomValues, (a) => globalThis.crypto.getRandomValues(a)]) {
  const u8 = new Uint8Array(16);
  assert.strictEqual(get(u8), u8);
  const big = new BigInt64Array(2);
  assert.strictEqual(get(big).length, 2);
  assert.strictEqual(get(new Uint8Array(65536)).length, 65536);
  for (const bad of [new Float32Array(2), new Float64Array(1),
    new DataView(new ArrayBuffer(4)), 5]) {
    assert.throws(() => get(bad), {
      name: 'TypeMismatchError', code: 17,
      message: 'The data argument must be an integer-type TypedArray',
    });
  }
  assert.throws(() => get(new Uint8Array(65537)), {
    name: 'QuotaExceededError', code: 22,
    message: 'The requested length exceeds 65,536 bytes',
  });
}
