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
const byId = setTimeout(common.mustNotCall(), 20);
const key = +byId;
setTimeout(common.mustCall(() => clearTimeout(key)), 1);

// refresh() restarts the countdown: a 30 ms timer refreshed at 20 ms cannot run
// before ~50 ms, i.e. after a 35 ms timer started at the same time.
const log = [];
const refreshed = setTimeout(common.mustCall(() => log.push('refreshed')), 30);
setTimeout(common.mustCall(() => refreshed.refresh()), 20);
setTimeout(common.mustCall(() => log.push('35ms')), 35);

// The Immediate object has ref/unref/hasRef too.
const imm = setImmediate(common.mustNotCall());
assert.strictEqual(imm.constructor.name, 'Immediate');
assert.strictEqual(imm.hasRef(), true);
assert.strictEqual(imm.unref(), imm);
assert.strictEqual(imm.hasRef(), false);
assert.strictEqual(imm.ref(), imm);
clearImmediate(imm);

process.on('exit', () => assert.deepStrictEqual(log, ['35ms', 'refreshed']));
