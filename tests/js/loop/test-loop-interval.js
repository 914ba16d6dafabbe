'use strict';
// setInterval repeats until clearInterval is called from inside its callback;
// `this` in the callback is the Timeout object; extra arguments are passed.
const assert = require('assert');
const common = require('../common');

let count = 0;
const interval = setInterval(common.mustCall(function(a, b) {
  assert.strictEqual(this, interval);
  assert.strictEqual(a, 'x');
  assert.strictEqual(b, 42);
  count++;
  if (count === 3) clearInterval(interval);
}, 3), 1, 'x', 42);

// Clearing with the interval's primitive id works too.
const other = setInterval(common.mustCall(() => {
  clearInterval(+other);
}, 1), 1);

// clearInterval and clearTimeout are interchangeable.
const third = setInterval(common.mustNotCall(), 1);
clearTimeout(third);

// Clearing nothing or garbage is a no-op.
clearInterval(undefined);
clearInterval(null);
clearInterval({});
clearInterval('not a timer');

process.on('exit', () => assert.strictEqual(count, 3));
