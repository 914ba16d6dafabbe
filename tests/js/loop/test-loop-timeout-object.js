'use strict';
// The Timeout object returned by setTimeout/setInterval.
const assert = require('assert');
const common = require('../common');

const t = setTimeout(common.mustNotCall(), 1000);
assert.strictEqual(t.constructor.name, 'Timeout');
assert.strictEqual(typeof t.ref, 'function');
assert.strictEqual(t.hasRef(), true);
assert.strictEqual(t.unref(), t);
assert.strictEqual(t.hasRef(), false);
assert.strictEqual(t.ref(), t);
assert.strictEqual(t.hasRef(), true);
assert.strictEqual(t.refresh(), t);

// [Symbol.toPrimitive]() gives a positive integer id that clearTimeout accepts.
assert.strictEqual(typeof t[Symbol.toPrimitive], 'function');
const id = t[Symbol.toPrimitive]();
assert.strictEqual(typeof id, 'number');
assert.ok(Number.isInteger(id) && id > 0);
assert.strictEqual(+t, id);
assert.strictEqual(`${t}`, String(id));
clearTimeout(id);

// Ids are distinct per timer.
const a = setTimeout(() => {}, 1000);
const b = setTimeout(() => {}, 1000);
assert.notStrictEqual(+a, +b);
clearTimeout(+a);
clearTimeout(b);

// Clearing by id from another timer's callback prevents it from running.
// The clearing timer is set first: each setTimeout reads the clock afresh,
// so on a stalled machine (a sanitizer build) a 20 ms timer set before it
// could come due first.
let key;
setTimeout(common.mustCall(() => clearTimeout(key)), 1);
const byId = setTimeout(common.mustNotCall(), 20);
key = +byId;

// refresh() restarts the countdown from the time of the call. Without it the
// 30 ms timer would fire ~10 ms after the refresh at 20 ms; with it, ~30 ms
// after. The threshold sits between the two with slack for clock granularity.
// (Ordering against another timer would be flaky: a stalled loop can let a
// refreshed timer's list run before a later list.)
let refreshedAt = 0n;
const refreshed = setTimeout(common.mustCall(() => {
  const sinceRefresh = Number(process.hrtime.bigint() - refreshedAt) / 1e6;
  assert.ok(sinceRefresh >= 20, `fired ${sinceRefresh} ms after refresh()`);
}), 30);
setTimeout(common.mustCall(() => {
  refreshedAt = process.hrtime.bigint();
  assert.strictEqual(refreshed.refresh(), refreshed);
}), 20);

// The Immediate object has ref/unref/hasRef too.
const imm = setImmediate(common.mustNotCall());
assert.strictEqual(imm.constructor.name, 'Immediate');
assert.strictEqual(imm.hasRef(), true);
assert.strictEqual(imm.unref(), imm);
assert.strictEqual(imm.hasRef(), false);
assert.strictEqual(imm.ref(), imm);
clearImmediate(imm);
