'use strict';
// setImmediate passes extra arguments; clearImmediate cancels; immediates run
// in insertion order; argument validation throws ERR_INVALID_ARG_TYPE.
const assert = require('assert');
const common = require('../common');

const log = [];
setImmediate(common.mustCall((a, b, c, d) => {
  assert.strictEqual(a, 1);
  assert.strictEqual(b, 'two');
  assert.deepStrictEqual(c, { three: 3 });
  assert.strictEqual(d, undefined);
  log.push('args');
}), 1, 'two', { three: 3 });
setImmediate(common.mustCall(function() {
  assert.strictEqual(arguments.length, 0);
  log.push('none');
}));
const cancelled = setImmediate(common.mustNotCall());
setImmediate(common.mustCall(() => log.push('last')));
clearImmediate(cancelled);
clearImmediate(undefined);
clearImmediate(null);

// Many arguments.
setImmediate(common.mustCall((...args) => {
  assert.deepStrictEqual(args, [1, 2, 3, 4, 5, 6, 7, 8]);
}), 1, 2, 3, 4, 5, 6, 7, 8);

for (const bad of [undefined, null, 1, 'str', {}]) {
  assert.throws(() => setImmediate(bad), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  assert.throws(() => setTimeout(bad, 1), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  assert.throws(() => setInterval(bad, 1), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}

// setTimeout with extra arguments.
setTimeout(common.mustCall((x, y) => {
  assert.strictEqual(x, 'x');
  assert.strictEqual(y, undefined);
}), 1, 'x');

process.on('exit', () => assert.deepStrictEqual(log, ['args', 'none', 'last']));
