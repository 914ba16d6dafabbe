'use strict';
// An unref'd timer or interval does not keep the process alive: the process
// exits without running it. A ref'd timer does keep it alive.
const assert = require('assert');
const common = require('../common');

setTimeout(common.mustNotCall('unref timeout'), 60 * 60 * 1000).unref();
setInterval(common.mustNotCall('unref interval'), 60 * 60 * 1000).unref();

// unref then ref again: keeps the process alive and runs.
const t = setTimeout(common.mustCall(), 1);
t.unref();
t.ref();

// An unref'd timer that expires while a ref'd one keeps the loop alive does run.
const u = setTimeout(common.mustCall(), 1);
u.unref();
setTimeout(common.mustCall(), 20);

const started = Date.now();
process.on('exit', () => {
  // Well under an hour: the unref'd timers did not hold the process.
  assert.ok(Date.now() - started < 60 * 1000);
});
