'use strict';
// 'uncaughtException' catches a throw from a timer; the process keeps running
// and exits 0 when the listener handled it.
const assert = require('assert');
const common = require('../common');

const thrown = new Error('from timer');
const log = [];
process.on('uncaughtException', common.mustCall((err, origin) => {
  log.push('caught');
  if (err === thrown) {
    assert.strictEqual(origin, 'uncaughtException');
  } else {
    assert.strictEqual(err, 'a string from an immediate');
  }
}, 2));

setTimeout(common.mustCall(() => {
  log.push('timer');
  throw thrown;
}), 1);
// Other timers with the same deadline still run after the throwing one.
setTimeout(common.mustCall(() => {
  log.push('next timer');
  setImmediate(() => {
    throw 'a string from an immediate'; // eslint-disable-line no-throw-literal
  });
  setTimeout(common.mustCall(() => log.push('still running')), 1);
}), 1);

process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(log, ['timer', 'caught', 'next timer', 'caught', 'still running']);
});
