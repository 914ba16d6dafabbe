'use strict';
// AsyncLocalStorage follows the async context into ticks, timers, immediates,
// queueMicrotask, promise reactions and await, and never leaks out of run().
const common = require('../common');
const assert = require('assert');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();
const log = [];

assert.strictEqual(als.getStore(), undefined);
als.run(1, () => {
  assert.strictEqual(als.getStore(), 1);
  process.nextTick(() => log.push(['tick', als.getStore()]));
  setTimeout(() => log.push(['timeout', als.getStore()]), 1);
  setImmediate(() => log.push(['immediate', als.getStore()]));
  queueMicrotask(() => log.push(['microtask', als.getStore()]));
  Promise.resolve().then(() => log.push(['then', als.getStore()]));
  (async () => {
    await null;
    log.push(['await', als.getStore()]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(['await-timer', als.getStore()]);
  })();
});
als.run(2, async () => {
  await 1;
  log.push(['async', als.getStore()]);
});
log.push(['outside', als.getStore()]);

// A reaction runs in the context current when then() was called.
let pending;
als.run(3, () => {
  pending = new Promise((resolve) => setTimeout(resolve, 2));
});
als.run(4, () => pending.then(() => log.push(['late-then', als.getStore()])));

// Nested runs restore the outer store, also when the callback throws.
als.run('outer', () => {
  assert.throws(() => als.run('inner', () => {
    assert.strictEqual(als.getStore(), 'inner');
    throw new Error('boom');
  }), /boom/);
  assert.strictEqual(als.getStore(), 'outer');
  assert.strictEqual(als.exit(() => als.getStore()), undefined);
  assert.strictEqual(als.getStore(), 'outer');
  assert.strictEqual(als.run('x', (a, b) => a + b, 2, 3), 5);
});

// Two storages are independent.
const other = new AsyncLocalStorage();
other.run('o', () => als.run('a', () => {
  setTimeout(common.mustCall(() => {
    assert.strictEqual(other.getStore(), 'o');
    assert.strictEqual(als.getStore(), 'a');
  }), 1);
}));

// Timers scheduled from a timer callback inherit its context.
als.run('chain', () => {
  setTimeout(common.mustCall(() => {
    setImmediate(common.mustCall(() => {
      process.nextTick(common.mustCall(() => assert.strictEqual(als.getStore(), 'chain')));
    }));
  }), 1);
});

setTimeout(common.mustCall(() => {
  // Only the stores are checked: the order of timers against immediates
  // depends on the loop's timing.
  assert.deepStrictEqual(Object.fromEntries(log), {
    outside: undefined,
    tick: 1,
    microtask: 1,
    then: 1,
    await: 1,
    async: 2,
    timeout: 1,
    'late-then': 4,
    immediate: 1,
    'await-timer': 1,
  });
  assert.strictEqual(log.length, 10);
  // Ticks and microtasks run before the loop continues.
  assert.deepStrictEqual(log.slice(0, 4).map((entry) => entry[0]),
                         ['outside', 'tick', 'microtask', 'then']);
  assert.strictEqual(als.getStore(), undefined);
}), 30);
