'use strict';
// process.nextTick passes extra arguments, runs FIFO, validates its callback.
const assert = require('assert');
const common = require('../common');

const log = [];
process.nextTick(common.mustCall((a, b, c) => {
  assert.strictEqual(a, 1);
  assert.strictEqual(b, 'two');
  assert.deepStrictEqual(c, [3]);
  log.push('args');
}), 1, 'two', [3]);
process.nextTick(common.mustCall(function() {
  assert.strictEqual(arguments.length, 0);
  log.push('none');
}));
process.nextTick(common.mustCall((...args) => {
  assert.deepStrictEqual(args, [1, 2, 3, 4, 5, 6]);
  log.push('many');
}), 1, 2, 3, 4, 5, 6);
assert.strictEqual(process.nextTick(() => {}), undefined);

for (const bad of [undefined, null, 1, 'x', {}]) {
  assert.throws(() => process.nextTick(bad), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}

// A throw in a nextTick callback goes to 'uncaughtException'; the rest of the
// queue still runs.
const boom = new Error('tick');
process.on('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err, boom);
  log.push('caught');
}));
process.nextTick(() => { throw boom; });
process.nextTick(() => log.push('after throw'));

process.on('exit', () => {
  assert.deepStrictEqual(log, ['args', 'none', 'many', 'caught', 'after throw']);
});
