'use strict';
// 'beforeExit' fires when the loop runs out of work; scheduling more work from
// it keeps the process alive and 'beforeExit' fires again once that work is done.
// Its argument is process.exitCode (0 by default). 'exit' fires once, last.
const assert = require('assert');

const log = [];
let rounds = 0;
process.on('beforeExit', (code) => {
  assert.strictEqual(typeof code, 'number');
  assert.strictEqual(code, rounds === 2 ? 7 : 0);
  rounds++;
  log.push(`beforeExit ${rounds}`);
  if (rounds === 1) {
    setTimeout(() => log.push('timer from beforeExit'), 1);
  } else if (rounds === 2) {
    setImmediate(() => log.push('immediate from beforeExit'));
    process.exitCode = 7;
  } else if (rounds === 3) {
    // Only microtasks: they run but do not keep the loop alive, so there is
    // no fourth 'beforeExit'.
    Promise.resolve().then(() => log.push('promise from beforeExit'));
    process.nextTick(() => log.push('tick from beforeExit'));
  }
});

process.on('exit', (code) => {
  assert.strictEqual(code, 7);
  assert.deepStrictEqual(log, [
    'main',
    'beforeExit 1', 'timer from beforeExit',
    'beforeExit 2', 'immediate from beforeExit',
    'beforeExit 3', 'tick from beforeExit', 'promise from beforeExit',
  ]);
  process.exitCode = 0;
});
log.push('main');
