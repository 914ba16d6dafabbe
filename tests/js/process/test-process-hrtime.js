'use strict';
// process.hrtime(), its diff form, and process.hrtime.bigint().
const assert = require('assert');

const t = process.hrtime();
assert.ok(Array.isArray(t));
assert.strictEqual(t.length, 2);
for (const part of t) assert.ok(Number.isInteger(part) && part >= 0);
assert.ok(t[1] < 1e9);

// The diff form returns [seconds, nanoseconds] since t, never negative.
const diff = process.hrtime(t);
assert.strictEqual(diff.length, 2);
assert.ok(diff[0] >= 0 && diff[1] >= 0 && diff[1] < 1e9);
assert.ok(diff[0] < 60);

// Monotonic over many reads.
let prev = process.hrtime.bigint();
assert.strictEqual(typeof prev, 'bigint');
for (let i = 0; i < 1000; i++) {
  const now = process.hrtime.bigint();
  assert.ok(now >= prev);
  prev = now;
}
let prevPair = process.hrtime();
for (let i = 0; i < 1000; i++) {
  const now = process.hrtime();
  assert.ok(now[0] > prevPair[0] || (now[0] === prevPair[0] && now[1] >= prevPair[1]));
  prevPair = now;
}

// bigint and the pair agree on the same clock (within a generous second).
const pair = process.hrtime();
const big = process.hrtime.bigint();
const pairNs = BigInt(pair[0]) * 1000000000n + BigInt(pair[1]);
assert.ok(big >= pairNs && big - pairNs < 1000000000n);

// Time passes: a 20 ms timer sees about 20 ms elapsed. Measured from inside a
// timer callback, where the loop's cached clock is fresh, with slack for its
// rounding and for scheduling delays.
setTimeout(() => {
  const before = process.hrtime.bigint();
  const beforePair = process.hrtime();
  setTimeout(() => {
    const elapsedMs = Number(process.hrtime.bigint() - before) / 1e6;
    assert.ok(elapsedMs >= 10, String(elapsedMs));
    const [s, ns] = process.hrtime(beforePair);
    assert.ok(s * 1e3 + ns / 1e6 >= 10);
  }, 20);
}, 1);

assert.throws(() => process.hrtime(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => process.hrtime([1]), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => process.hrtime([1, 2, 3]), { code: 'ERR_OUT_OF_RANGE' });
