'use strict';
// 'unhandledRejection' gets (reason, promise); with a listener the process
// does not crash. A rejection handled later emits 'rejectionHandled'.
const assert = require('assert');
const common = require('../common');

const reasons = [];
const promises = [];
process.on('unhandledRejection', common.mustCall((reason, promise) => {
  assert.ok(promise instanceof Promise);
  reasons.push(reason instanceof Error ? reason.message : reason);
  promises.push(promise);
}, 3));

const e1 = new Error('first');
const p1 = Promise.reject(e1);
Promise.reject(42);
// Handled in the same tick: never reported.
Promise.reject(new Error('handled at once')).catch(() => {});
// Rejected from an async function.
(async () => { throw new Error('async'); })();

const handledLater = p1;
process.on('rejectionHandled', common.mustCall((promise) => {
  assert.strictEqual(promise, handledLater);
}));
setTimeout(common.mustCall(() => {
  assert.deepStrictEqual(reasons, ['first', 42, 'async']);
  assert.strictEqual(promises[0], p1);
  handledLater.catch(() => {});
}), 10);

process.on('exit', (code) => assert.strictEqual(code, 0));
