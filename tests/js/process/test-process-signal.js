'use strict';
// Signal listeners: a listener replaces the default action, receives the
// signal's name and number, and does not keep the process alive by itself.
const assert = require('assert');
const common = require('../common');

// Keep the loop alive long enough for the signal to arrive.
const keepAlive = setTimeout(() => assert.fail('the signal never arrived'), 5000);

process.on('SIGUSR2', common.mustCall((name, number) => {
  assert.strictEqual(name, 'SIGUSR2');
  assert.strictEqual(typeof number, 'number');
  process.removeAllListeners('SIGUSR2');
  assert.strictEqual(process.listenerCount('SIGUSR2'), 0);
  clearTimeout(keepAlive);
}));
process.kill(process.pid, 'SIGUSR2');

assert.throws(() => process.on('SIGKILL', () => {}),
  { code: 'EINVAL', syscall: 'uv_signal_start' });
assert.throws(() => process.kill(process.pid, 'SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });
