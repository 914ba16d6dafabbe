'use strict';
// Nested nextTicks all run before promise reactions; a nextTick scheduled from a
// promise reaction runs after the current microtask queue drains; a promise
// scheduled from a nextTick runs after the whole nextTick queue drains.
const assert = require('assert');

const log = [];
process.nextTick(() => {
  log.push('t1');
  process.nextTick(() => {
    log.push('t1.1');
    process.nextTick(() => log.push('t1.1.1'));
  });
  Promise.resolve().then(() => log.push('p-from-t1'));
});
process.nextTick(() => log.push('t2'));
Promise.resolve().then(() => {
  log.push('p1');
  process.nextTick(() => log.push('t-from-p1'));
  Promise.resolve().then(() => log.push('p1.1'));
});
Promise.resolve().then(() => log.push('p2'));

setTimeout(() => {
  assert.deepStrictEqual(log, [
    't1', 't2', 't1.1', 't1.1.1',
    'p1', 'p2', 'p-from-t1', 'p1.1',
    't-from-p1',
  ]);
  log.push('checked');
}, 1);
process.on('exit', () => assert.strictEqual(log[log.length - 1], 'checked'));
