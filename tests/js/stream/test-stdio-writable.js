'use strict';
// process.stdout/stderr are stream.Writables that write synchronously.
const assert = require('assert');
const common = require('../common');
const { Writable } = require('stream');

for (const s of [process.stdout, process.stderr]) {
  assert.ok(s instanceof Writable);
  assert.strictEqual(s._isStdio, true);
  assert.strictEqual(s.writableHighWaterMark, 16384);
  assert.strictEqual(s.writable, true);
}
assert.strictEqual(process.stdout.fd, 1);
assert.strictEqual(process.stderr.fd, 2);

const order = [];
// Synchronous: the data is written and the length drops back to 0 at once.
assert.strictEqual(process.stdout.write('one\n', common.mustCall((err) => {
  assert.strictEqual(err, null);
  order.push('cb');
})), true);
assert.strictEqual(process.stdout.writableLength, 0);
order.push('after write');
process.stdout.write(Buffer.from('two\n'));
process.stdout.write('74687265650a', 'hex');
process.stdout.write(new Uint8Array([0x66, 0x6f, 0x75, 0x72, 0x0a]));

// destroy() reports close but the stream keeps working (as in Node).
process.stdout.once('close', common.mustCall(() => {
  process.stdout.write('five\n');
}));
process.stdout.destroy();
assert.strictEqual(process.stdout.destroyed, false);

assert.throws(() => process.stdout.write(42), { code: 'ERR_INVALID_ARG_TYPE' });
process.on('exit', () => assert.deepStrictEqual(order, ['after write', 'cb']));
