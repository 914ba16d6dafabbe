'use strict';
// enterWith, disable, bind, snapshot and EventEmitter listeners.
const common = require('../common');
const assert = require('assert');
const { EventEmitter } = require('events');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');

const als = new AsyncLocalStorage();

// enterWith lasts for the rest of the synchronous execution.
setTimeout(common.mustCall(() => {
  als.enterWith('entered');
  assert.strictEqual(als.getStore(), 'entered');
  setTimeout(common.mustCall(() => assert.strictEqual(als.getStore(), 'entered')), 1);
}), 1);
setTimeout(common.mustCall(() => assert.strictEqual(als.getStore(), undefined)), 5);

// disable() hides the store until run() or enterWith() is called again.
als.run('d', () => {
  als.disable();
  assert.strictEqual(als.getStore(), undefined);
  als.run('again', () => assert.strictEqual(als.getStore(), 'again'));
});

// bind and snapshot capture the context of their creation.
const bound = als.run('bound', () => AsyncLocalStorage.bind(() => als.getStore()));
assert.strictEqual(bound(), 'bound');
assert.strictEqual(typeof bound.asyncResource, 'object');
assert.ok(bound.asyncResource instanceof AsyncResource);
const snapshot = als.run('snap', () => AsyncLocalStorage.snapshot());
assert.strictEqual(snapshot((a) => `${als.getStore()}:${a}`, 1), 'snap:1');
assert.strictEqual(als.getStore(), undefined);
assert.strictEqual(snapshot.name, 'bound');

// Listeners run in the context of whoever calls emit().
const emitter = new EventEmitter();
const seen = [];
als.run('listener', () => emitter.on('x', () => seen.push(als.getStore())));
als.run('emitter', () => emitter.emit('x'));
emitter.emit('x');
assert.deepStrictEqual(seen, ['emitter', undefined]);

// The store object itself is shared, not copied.
const store = { n: 0 };
als.run(store, () => {
  setImmediate(common.mustCall(() => {
    als.getStore().n++;
    assert.strictEqual(store.n, 1);
  }));
});

assert.strictEqual(typeof AsyncLocalStorage.bind, 'function');
assert.strictEqual(typeof AsyncLocalStorage.snapshot, 'function');
assert.throws(() => AsyncLocalStorage.bind(1), { code: 'ERR_INVALID_ARG_TYPE' });
