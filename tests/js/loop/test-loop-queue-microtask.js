'use strict';
// queueMicrotask shares V8's microtask queue with promise reactions (FIFO), runs
// after nextTicks, validates its argument, and reports exceptions as uncaught.
const assert = require('assert');
const common = require('../common');

const log = [];
queueMicrotask(() => log.push('m1'));
Promise.resolve().then(() => log.push('p1'));
queueMicrotask(common.mustCall(function() {
  // Called with no arguments and an undefined receiver.
  assert.strictEqual(arguments.length, 0);
  log.push('m2');
  queueMicrotask(() => log.push('m2.1'));
}));
process.nextTick(() => log.push('tick'));

assert.strictEqual(queueMicrotask(() => {}), undefined);

for (const bad of [undefined, null, 1, 'fn', {}, Symbol('s')]) {
  assert.throws(() => queueMicrotask(bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: /The "callback" argument must be of type function/,
  });
}

// An exception in a microtask goes to 'uncaughtException'; later microtasks
// still run.
const boom = new Error('from microtask');
process.on('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err, boom);
  log.push('caught');
}));
queueMicrotask(() => { throw boom; });
queueMicrotask(() => log.push('after throw'));

setTimeout(common.mustCall(() => {
  assert.deepStrictEqual(log, ['tick', 'm1', 'p1', 'm2', 'caught', 'after throw', 'm2.1']);
}), 1);
