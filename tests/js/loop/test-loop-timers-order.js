'use strict';
// Timers with equal delays scheduled in one synchronous run fire in insertion
// order; a timer cleared by an earlier timer with the same deadline never runs.
const assert = require('assert');
const common = require('../common');

const log = [];
let victim = null;
setTimeout(common.mustCall(() => {
  log.push(1);
  clearTimeout(victim);
}), 10);
setTimeout(common.mustCall(() => log.push(2)), 10);
victim = setTimeout(common.mustNotCall('cleared by the first timer'), 10);
setTimeout(common.mustCall(() => log.push(4)), 10);
for (let i = 5; i <= 20; i++) setTimeout(() => log.push(i), 10);

// A longer delay always fires after shorter ones.
setTimeout(common.mustCall(() => log.push('late')), 30);

process.on('exit', () => {
  const expected = [1, 2, 4];
  for (let i = 5; i <= 20; i++) expected.push(i);
  expected.push('late');
  assert.deepStrictEqual(log, expected);
});
