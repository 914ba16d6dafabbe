'use strict';
// Inside setImmediate callbacks: nextTicks and microtasks run right after each
// immediate callback (node >= 11), and an immediate queued during the check
// phase runs in the next loop iteration, after the ones already queued.
const assert = require('assert');
const common = require('../common');

const log = [];
setImmediate(common.mustCall(() => {
  log.push('imm1');
  setImmediate(common.mustCall(() => log.push('imm3 (next iteration)')));
  process.nextTick(() => log.push('imm1 tick'));
  Promise.resolve().then(() => log.push('imm1 promise'));
}));
setImmediate(common.mustCall(() => {
  log.push('imm2');
  process.nextTick(() => log.push('imm2 tick'));
  Promise.resolve().then(() => log.push('imm2 promise'));
}));

process.on('exit', () => {
  assert.deepStrictEqual(log, [
    'imm1', 'imm1 tick', 'imm1 promise',
    'imm2', 'imm2 tick', 'imm2 promise',
    'imm3 (next iteration)',
  ]);
});
