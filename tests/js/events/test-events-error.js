'use strict';
// 'error' semantics, errorMonitor, and the max-listeners warning.
const assert = require('assert');
const EventEmitter = require('events');

const e = new EventEmitter();
const err = new Error('boom');
assert.throws(() => e.emit('error', err), (thrown) => thrown === err);

assert.throws(() => e.emit('error', 'x'), {
  name: 'Error',
  code: 'ERR_UNHANDLED_ERROR',
  message: "Unhandled error. ('x')",
  context: 'x',
});
assert.throws(() => e.emit('error'), {
  code: 'ERR_UNHANDLED_ERROR',
  message: 'Unhandled error. (undefined)',
});
assert.throws(() => e.emit('error', { a: 1 }), {
  message: 'Unhandled error. ({ a: 1 })',
});

// errorMonitor sees the error first and does not count as handling it.
const seen = [];
e.on(EventEmitter.errorMonitor, (er) => seen.push(['monitor', er.message]));
assert.throws(() => e.emit('error', err), /boom/);
assert.deepStrictEqual(seen, [['monitor', 'boom']]);
e.on('error', (er) => seen.push(['handler', er.message]));
assert.strictEqual(e.emit('error', err), true);
assert.deepStrictEqual(seen.slice(1), [['monitor', 'boom'], ['handler', 'boom']]);

// MaxListenersExceededWarning, once per event name.
const warnings = [];
process.on('warning', (w) => {
  if (w.name === 'MaxListenersExceededWarning') warnings.push(w);
});
class Emitter extends EventEmitter {}
const m = new Emitter();
for (let i = 0; i < 12; i++) m.on('foo', () => {});
const sym = Symbol('sym');
for (let i = 0; i < 11; i++) m.on(sym, () => {});
m.setMaxListeners(0); // 0 means unlimited
for (let i = 0; i < 20; i++) m.on('bar', () => {});

process.on('exit', () => {
  assert.strictEqual(warnings.length, 2);
  const [w, w2] = warnings;
  assert.strictEqual(w.name, 'MaxListenersExceededWarning');
  assert.strictEqual(w.message,
                     'Possible EventEmitter memory leak detected. 11 foo listeners added to ' +
                     '[Emitter]. MaxListeners is 10. Use emitter.setMaxListeners() to ' +
                     'increase limit');
  assert.strictEqual(w.emitter, m);
  assert.strictEqual(w.type, 'foo');
  assert.strictEqual(w.count, 11);
  assert.match(w2.message, /^Possible EventEmitter memory leak detected\. 11 Symbol\(sym\) listeners/);
});
