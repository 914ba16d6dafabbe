'use strict';
// EventTarget, Event, CustomEvent, AbortController and AbortSignal globals.
const assert = require('assert');
const common = require('../common');

// Event basics.
const ev = new Event('foo', { cancelable: true });
assert.strictEqual(ev.type, 'foo');
assert.strictEqual(ev.cancelable, true);
assert.strictEqual(ev.bubbles, false);
assert.strictEqual(ev.defaultPrevented, false);
assert.strictEqual(ev.isTrusted, false);
assert.strictEqual(ev.eventPhase, Event.NONE);
assert.strictEqual(ev.target, null);
assert.strictEqual(typeof ev.timeStamp, 'number');
assert.deepStrictEqual(Object.keys(ev), []);
assert.deepStrictEqual([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE],
                       [0, 1, 2, 3]);
assert.throws(() => new Event(), {
  name: 'TypeError',
  code: 'ERR_MISSING_ARGS',
  message: 'The "type" argument must be specified',
});
assert.throws(() => Event.prototype.preventDefault.call({}), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type Event',
});
ev.preventDefault();
assert.strictEqual(ev.defaultPrevented, true);
const notCancelable = new Event('x');
notCancelable.preventDefault();
assert.strictEqual(notCancelable.defaultPrevented, false);

const ce = new CustomEvent('c', { detail: { a: 1 } });
assert.ok(ce instanceof Event);
assert.deepStrictEqual(ce.detail, { a: 1 });
assert.strictEqual(new CustomEvent('d').detail, null);

// Dispatch.
const et = new EventTarget();
const order = [];
function fn(e) {
  order.push('fn');
  assert.strictEqual(this, et);
  assert.strictEqual(e.target, et);
  assert.strictEqual(e.currentTarget, et);
  assert.strictEqual(e.eventPhase, Event.AT_TARGET);
  assert.deepStrictEqual(e.composedPath(), [et]);
  e.preventDefault();
}
const obj = { handleEvent(e) { order.push('obj'); assert.strictEqual(this, obj); } };
et.addEventListener('x', fn);
et.addEventListener('x', fn); // duplicates are ignored
et.addEventListener('x', obj);
et.addEventListener('x', () => order.push('once'), { once: true });
const e1 = new Event('x', { cancelable: true });
assert.strictEqual(et.dispatchEvent(e1), false);
assert.strictEqual(e1.eventPhase, Event.NONE);
assert.strictEqual(e1.currentTarget, null);
assert.strictEqual(e1.target, et);
et.dispatchEvent(new Event('x'));
assert.deepStrictEqual(order, ['fn', 'obj', 'once', 'fn', 'obj']);

// removeEventListener and stopImmediatePropagation.
order.length = 0;
et.removeEventListener('x', obj);
et.addEventListener('x', (e) => { order.push('stop'); e.stopImmediatePropagation(); });
et.addEventListener('x', () => order.push('never'));
assert.strictEqual(et.dispatchEvent(new Event('x')), true);
assert.deepStrictEqual(order, ['fn', 'stop']);

// node 20 lets passive listeners prevent default (unlike the DOM spec).
const pt = new EventTarget();
pt.addEventListener('p', (e) => e.preventDefault(), { passive: true });
assert.strictEqual(pt.dispatchEvent(new Event('p', { cancelable: true })), false);

// Argument errors.
assert.throws(() => et.dispatchEvent({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "event" argument must be an instance of Event. Received an instance of Object',
});
assert.throws(() => et.addEventListener('x', 1), {
  message: 'The "listener" argument must be an instance of EventListener. ' +
    'Received type number (1)',
});
assert.throws(() => et.addEventListener('x'), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "type" and "listener" arguments must be specified',
});
assert.throws(() => EventTarget.prototype.addEventListener.call({}, 'x', fn), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type EventTarget',
});

// A listener that throws is reported as an uncaught exception on the next
// tick, and the other listeners still run.
const thrower = new EventTarget();
const boom = new Error('boom');
thrower.addEventListener('t', () => { throw boom; });
thrower.addEventListener('t', common.mustCall());
process.once('uncaughtException', common.mustCall((err) => assert.strictEqual(err, boom)));
thrower.dispatchEvent(new Event('t'));

// AbortController / AbortSignal.
const ac = new AbortController();
assert.strictEqual(ac.signal.aborted, false);
assert.strictEqual(ac.signal.reason, undefined);
ac.signal.throwIfAborted();
ac.signal.onabort = common.mustCall((e) => {
  assert.strictEqual(e.type, 'abort');
  assert.strictEqual(e.isTrusted, true);
});
ac.signal.addEventListener('abort', common.mustCall());
ac.abort();
ac.abort(); // second abort is a no-op
assert.strictEqual(ac.signal.aborted, true);
assert.strictEqual(ac.signal.reason.name, 'AbortError');
assert.strictEqual(ac.signal.reason.message, 'This operation was aborted');
assert.strictEqual(ac.signal.reason.code, 20);
assert.throws(() => ac.signal.throwIfAborted(), (err) => err === ac.signal.reason);

const ac2 = new AbortController();
ac2.abort('why');
assert.strictEqual(ac2.signal.reason, 'why');
assert.strictEqual(AbortSignal.abort(5).reason, 5);
assert.strictEqual(AbortSignal.abort().aborted, true);
assert.throws(() => new AbortSignal(), {
  name: 'TypeError',
  code: 'ERR_ILLEGAL_CONSTRUCTOR',
  message: 'Illegal constructor',
});
assert.throws(() => AbortSignal.timeout(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received -1',
});

// A signal's listener added with { signal } goes away when that signal aborts.
const remover = new AbortController();
const target = new EventTarget();
target.addEventListener('z', common.mustNotCall(), { signal: remover.signal });
remover.abort();
target.dispatchEvent(new Event('z'));

// AbortSignal.any follows the first signal to abort.
const a1 = new AbortController();
const a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
assert.strictEqual(any.aborted, false);
a2.abort('second');
assert.strictEqual(any.aborted, true);
assert.strictEqual(any.reason, 'second');
assert.throws(() => AbortSignal.any([1]), {
  message: 'The "signals[0]" argument must be an instance of AbortSignal. ' +
    'Received type number (1)',
});

// AbortSignal.timeout aborts with a TimeoutError and does not keep the loop alive.
const ts = AbortSignal.timeout(1);
ts.addEventListener('abort', common.mustCall(() => {
  assert.strictEqual(ts.reason.name, 'TimeoutError');
  assert.strictEqual(ts.reason.message, 'The operation was aborted due to timeout');
  assert.strictEqual(ts.reason.code, 23);
}));
setTimeout(() => {}, 50);
