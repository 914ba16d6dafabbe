'use strict';
// Inside a timer callback the order is deterministic: after the callback, the
// nextTick queue, then microtasks; then the check phase (setImmediate) runs
// before the next timers phase (setTimeout 0).
const assert = require('assert');
const common = require('../common');

const log = [];
setTimeout(common.mustCall(() => {
  setTimeout(() => log.push('timeout'), 0);
  setImmediate(() => log.push('immediate'));
  Promise.resolve().then(() => log.push('promise'));
  process.nextTick(() => log.push('tick'));
  log.push('sync');
}), 1);

process.on('exit', () => {
  assert.deepStrictEqual(log, ['sync', 'tick', 'promise', 'immediate', 'timeout']);
});
