'use strict';
// From the main module: all nextTicks run before all promise reactions, and
// both run before any timer or immediate. Timeout-vs-immediate order from the
// main module is not deterministic in node, so only each queue's own order and
// the "microtasks first" rule are checked.
const assert = require('assert');
const common = require('../common');

const log = [];
setTimeout(common.mustCall(() => log.push('timeout')), 0);
setImmediate(common.mustCall(() => log.push('immediate')));
Promise.resolve().then(() => log.push('promise1'));
process.nextTick(() => log.push('tick1'));
queueMicrotask(() => log.push('microtask'));
Promise.resolve().then(() => log.push('promise2'));
process.nextTick(() => log.push('tick2'));
log.push('sync');

process.on('exit', () => {
  assert.deepStrictEqual(log.slice(0, 6), [
    'sync', 'tick1', 'tick2', 'promise1', 'microtask', 'promise2',
  ]);
  assert.deepStrictEqual(log.slice(6).sort(), ['immediate', 'timeout']);
});
