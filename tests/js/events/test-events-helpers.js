'use strict';
// getEventListeners, setMaxListeners, getMaxListeners and addAbortListener.
const assert = require('assert');
const events = require('events');
const { EventEmitter, getEventListeners, setMaxListeners, getMaxListeners } = events;
const common = require('../common');

const e = new EventEmitter();
function f() {}
e.on('x', f);
assert.deepStrictEqual(getEventListeners(e, 'x'), [f]);

const et = new EventTarget();
et.addEventListener('x', f);
assert.deepStrictEqual(getEventListeners(et, 'x'), [f]);
assert.deepStrictEqual(getEventListeners(et, 'y'), []);
assert.throws(() => getEventListeners({}, 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "emitter" argument must be an instance of EventEmitter or EventTarget. ' +
    'Received an instance of Object',
});

setMaxListeners(5, e, et);
assert.strictEqual(e.getMaxListeners(), 5);
assert.strictEqual(getMaxListeners(et), 5);
assert.throws(() => setMaxListeners(1, {}), {
  message: 'The "eventTargets" argument must be an instance of EventEmitter or EventTarget. ' +
    'Received an instance of Object',
});
assert.throws(() => setMaxListeners(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1',
});
const before = EventEmitter.defaultMaxListeners;
setMaxListeners(20);
assert.strictEqual(EventEmitter.defaultMaxListeners, 20);
assert.strictEqual(new EventEmitter().getMaxListeners(), 20);
setMaxListeners(before);

if (typeof events.addAbortListener === 'function') {
  const ac = new AbortController();
  events.addAbortListener(ac.signal, common.mustCall());
  const ac2 = new AbortController();
  const disposable = events.addAbortListener(ac2.signal, common.mustNotCall());
  const dispose = disposable[Symbol.dispose] ||
    disposable[Object.getOwnPropertySymbols(disposable)[0]];
  dispose.call(disposable);
  ac.abort();
  ac2.abort();
  assert.throws(() => events.addAbortListener(undefined, f), {
    message: 'The "signal" argument must be an instance of AbortSignal. Received undefined',
  });
}
