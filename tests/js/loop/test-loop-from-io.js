'use strict';
// Inside an I/O callback (poll phase), setImmediate (check phase) always runs
// before setTimeout(0) (next timers phase); ticks and microtasks run first.
const assert = require('assert');
const fs = require('fs');
const common = require('../common');

let rounds = 0;
function round() {
  fs.stat(__filename, common.mustCall((err) => {
    assert.ifError(err);
    const order = [];
    setTimeout(() => order.push('timeout'), 0);
    setImmediate(() => order.push('immediate'));
    Promise.resolve().then(() => order.push('promise'));
    process.nextTick(() => order.push('tick'));
    queueMicrotask(() => order.push('microtask'));
    setTimeout(common.mustCall(() => {
      assert.deepStrictEqual(order, ['tick', 'promise', 'microtask', 'immediate', 'timeout']);
      if (++rounds < 20) round();
    }), 5);
  }));
}
round();

// From a readFile callback, an immediate scheduled there runs before the
// next I/O callback of a later read.
fs.readFile(__filename, common.mustCall(() => {
  const seen = [];
  setImmediate(() => seen.push('immediate'));
  fs.readFile(__filename, common.mustCall(() => {
    seen.push('io');
    assert.deepStrictEqual(seen, ['immediate', 'io']);
  }));
}));
