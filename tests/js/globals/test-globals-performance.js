'use strict';
// performance.now() and performance.timeOrigin; global === globalThis.
const assert = require('assert');

assert.strictEqual(global, globalThis);
assert.strictEqual(typeof performance, 'object');
assert.strictEqual(typeof performance.now, 'function');

const t0 = performance.now();
assert.strictEqual(typeof t0, 'number');
// Milliseconds since the process started: positive and not huge.
assert.ok(t0 > 0 && t0 < 60 * 60 * 1000, String(t0));
let prev = t0;
for (let i = 0; i < 1000; i++) {
  const now = performance.now();
  assert.ok(now >= prev);
  prev = now;
}

// timeOrigin + now() is close to the wall clock.
assert.strictEqual(typeof performance.timeOrigin, 'number');
const skew = Math.abs(performance.timeOrigin + performance.now() - Date.now());
assert.ok(skew < 1000, String(skew));

// now() advances with timers. Measured from inside a timer callback, where the
// loop's cached clock is fresh (from the main script it may be stale, and a
// timer may then fire "early" relative to a clock read in the script), and
// with generous slack for that clock's rounding and for scheduling delays.
setTimeout(() => {
  const before = performance.now();
  setTimeout(() => {
    assert.ok(performance.now() - before >= 10, String(performance.now() - before));
  }, 20);
}, 1);

// toJSON includes timeOrigin.
assert.strictEqual(typeof performance.toJSON, 'function');
assert.strictEqual(performance.toJSON().timeOrigin, performance.timeOrigin);
