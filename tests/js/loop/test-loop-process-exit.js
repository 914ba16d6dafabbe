'use strict';
// process.exit(code) stops at once: 'beforeExit' is not emitted, pending timers,
// immediates and nextTicks do not run, 'exit' gets the code, and an 'exit'
// listener can still change the final exit code.
const assert = require('assert');
const common = require('../common');

process.on('beforeExit', common.mustNotCall('beforeExit after process.exit'));
setTimeout(common.mustNotCall('timer after process.exit'), 1000);

let after = false;
process.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 3);
  assert.strictEqual(process.exitCode, 3);
  assert.strictEqual(after, false);
  process.exitCode = 0;
}));

assert.throws(() => process.exit('x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => { process.exitCode = 'abc'; }, { code: 'ERR_INVALID_ARG_TYPE' });

setTimeout(common.mustCall(() => {
  process.nextTick(common.mustNotCall('nextTick after process.exit'));
  Promise.resolve().then(common.mustNotCall('promise after process.exit'));
  setImmediate(common.mustNotCall('immediate after process.exit'));
  setTimeout(common.mustNotCall('timer after process.exit'), 0);
  process.exit(3);
  // Not reached.
  after = true;
}), 1);
