'use strict';
// EventEmitter core: on/once/prepend/off/removeAll/listeners/eventNames/emit.
const assert = require('assert');
const EventEmitter = require('events');

assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
assert.strictEqual(EventEmitter.usingDomains, false);
assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
assert.strictEqual(EventEmitter.captureRejectionSymbol, Symbol.for('nodejs.rejection'));
assert.strictEqual(typeof EventEmitter.errorMonitor, 'symbol');
assert.strictEqual(EventEmitter.errorMonitor.toString(), 'Symbol(events.errorMonitor)');

const e = new EventEmitter();
assert.deepStrictEqual(Object.keys(e), ['_events', '_eventsCount', '_maxListeners']);
assert.strictEqual(Object.getPrototypeOf(e._events), null);
assert.strictEqual(e.getMaxListeners(), 10);
assert.strictEqual(e.emit('nothing'), false);

// Order of calls, arguments and `this`.
const calls = [];
function a(...args) { calls.push(['a', this === e, ...args]); }
function b(...args) { calls.push(['b', ...args]); }
function c() { calls.push(['c']); }
assert.strictEqual(e.on('x', a), e);
e.addListener('x', b);
e.prependListener('x', c);
assert.strictEqual(e.emit('x', 1, 2), true);
assert.deepStrictEqual(calls, [['c'], ['a', true, 1, 2], ['b', 1, 2]]);
assert.deepStrictEqual(e.listeners('x'), [c, a, b]);
assert.strictEqual(e.listenerCount('x'), 3);
assert.strictEqual(e.listenerCount('x', a), 1);
assert.strictEqual(EventEmitter.listenerCount(e, 'x'), 3);

// once: called one time, listeners() shows the original, rawListeners the wrapper.
let onceCount = 0;
function o() { onceCount++; }
e.once('y', o);
e.prependOnceListener('y', c);
assert.deepStrictEqual(e.listeners('y'), [c, o]);
const raw = e.rawListeners('y');
assert.notStrictEqual(raw[1], o);
assert.strictEqual(raw[1].listener, o);
e.emit('y');
e.emit('y');
assert.strictEqual(onceCount, 1);
assert.deepStrictEqual(e.listeners('y'), []);
// Calling a raw once wrapper directly removes it.
e.once('z', o);
e.rawListeners('z')[0]();
assert.strictEqual(onceCount, 2);
assert.strictEqual(e.listenerCount('z'), 0);

// removeListener removes the most recently added match; off is an alias.
assert.strictEqual(e.off, e.removeListener);
e.on('dup', a);
e.on('dup', b);
e.on('dup', a);
e.removeListener('dup', a);
assert.deepStrictEqual(e.listeners('dup'), [a, b]);
e.once('dup', o);
e.removeListener('dup', o);
assert.deepStrictEqual(e.listeners('dup'), [a, b]);
e.removeListener('dup', c); // not registered: no-op
assert.deepStrictEqual(e.eventNames(), ['x', 'dup']);

// Listeners removed during emit still run for that emit (copy semantics).
const seen = [];
const em = new EventEmitter();
function first() { seen.push(1); em.removeListener('k', second); }
function second() { seen.push(2); }
em.on('k', first);
em.on('k', second);
em.emit('k');
em.emit('k');
assert.deepStrictEqual(seen, [1, 2, 1]);

// newListener / removeListener events.
const log = [];
const n = new EventEmitter();
n.on('newListener', (ev, fn) => log.push(['new', ev, fn.name]));
n.on('removeListener', (ev, fn) => log.push(['remove', ev, fn.name]));
n.on('q', a);
n.once('q', b);
n.emit('q');
n.removeListener('q', a);
assert.deepStrictEqual(log, [
  ['new', 'removeListener', ''], ['new', 'q', 'a'], ['new', 'q', 'b'],
  ['remove', 'q', 'bound onceWrapper'], ['remove', 'q', 'a'],
]);

// removeAllListeners, with and without a type; removeListener fires per listener.
log.length = 0;
n.on('r', a);
n.on('r', b);
n.on('s', c);
n.removeAllListeners('r');
assert.deepStrictEqual(log.slice(-2), [['remove', 'r', 'b'], ['remove', 'r', 'a']]);
n.removeAllListeners();
assert.deepStrictEqual(n.eventNames(), []);
assert.strictEqual(n._eventsCount, 0);

// Symbols as event names.
const sym = Symbol('s');
const se = new EventEmitter();
se.on(sym, a);
assert.deepStrictEqual(se.eventNames(), [sym]);

// Listener must be a function.
assert.throws(() => e.on('x', 1), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "listener" argument must be of type function. Received type number (1)',
});
assert.throws(() => e.removeListener('x', null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "listener" argument must be of type function. Received null',
});

// setMaxListeners validation.
assert.throws(() => e.setMaxListeners(-1), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1',
});
assert.throws(() => e.setMaxListeners('a'), {
  name: 'TypeError',
  message: 'The "setMaxListeners" argument must be of type number. Received type string (\'a\')',
});
assert.throws(() => { EventEmitter.defaultMaxListeners = -1; }, {
  message: 'The value of "defaultMaxListeners" is out of range. It must be >= 0. Received -1',
});
assert.strictEqual(e.setMaxListeners(3), e);
assert.strictEqual(e.getMaxListeners(), 3);
assert.strictEqual(EventEmitter.getMaxListeners(e), 3);

// Subclassing and calling the constructor as a function on an object (old style).
class My extends EventEmitter {}
const my = new My();
assert.ok(my instanceof EventEmitter);
function Old() { EventEmitter.call(this); }
Object.setPrototypeOf(Old.prototype, EventEmitter.prototype);
const old = new Old();
old.on('x', c);
assert.strictEqual(old.emit('x'), true);
