'use strict';
// node >= 11: the nextTick queue and microtasks are drained after every single
// timer callback, not after the whole batch of expired timers.
const assert = require('assert');
const common = require('../common');

const log = [];
for (const name of ['a', 'b', 'c']) {
  setTimeout(common.mustCall(() => {
    log.push(name);
    process.nextTick(() => log.push(`${name} tick`));
    Promise.resolve().then(() => log.push(`${name} promise`));
  }), 5);
}

process.on('exit', () => {
  assert.deepStrictEqual(log, [
    'a', 'a tick', 'a promise',
    'b', 'b tick', 'b promise',
    'c', 'c tick', 'c promise',
  ]);
});
