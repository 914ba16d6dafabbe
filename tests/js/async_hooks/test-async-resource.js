'use strict';
// AsyncResource, async ids, and the module's surface.
const common = require('../common');
const assert = require('assert');
const asyncHooks = require('async_hooks');
const { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId } = asyncHooks;

assert.deepStrictEqual(Object.keys(asyncHooks).sort(), [
  'AsyncLocalStorage', 'AsyncResource', 'asyncWrapProviders', 'createHook',
  'executionAsyncId', 'executionAsyncResource', 'triggerAsyncId',
]);
assert.strictEqual(Object.getPrototypeOf(asyncHooks.asyncWrapProviders), null);
assert.strictEqual(asyncHooks.asyncWrapProviders.PROMISE, 26);
assert.ok(Object.isFrozen(asyncHooks.asyncWrapProviders));

// The main module runs as id 1 triggered by 0.
assert.strictEqual(executionAsyncId(), 1);
assert.strictEqual(triggerAsyncId(), 0);
assert.strictEqual(typeof asyncHooks.executionAsyncResource(), 'object');

setTimeout(common.mustCall(() => {
  const id = executionAsyncId();
  assert.ok(id > 1);
  assert.strictEqual(triggerAsyncId(), 1);
  process.nextTick(common.mustCall(() => {
    assert.notStrictEqual(executionAsyncId(), id);
    assert.strictEqual(triggerAsyncId(), id);
  }));
}), 1);

const als = new AsyncLocalStorage();
const resource = als.run('r', () => new AsyncResource('MyResource'));
assert.strictEqual(resource.triggerAsyncId(), 1);
assert.ok(resource.asyncId() > 1);
const thisArg = {};
assert.strictEqual(resource.runInAsyncScope(function(a, b) {
  assert.strictEqual(this, thisArg);
  assert.strictEqual(executionAsyncId(), resource.asyncId());
  assert.strictEqual(triggerAsyncId(), 1);
  assert.strictEqual(asyncHooks.executionAsyncResource(), resource);
  return `${als.getStore()}${a}${b}`;
}, thisArg, 1, 2), 'r12');
assert.strictEqual(executionAsyncId(), 1);
assert.strictEqual(als.getStore(), undefined);
assert.strictEqual(resource.emitDestroy(), resource);

// Errors propagate and the scope is left.
assert.throws(() => resource.runInAsyncScope(() => { throw new Error('x'); }), /^Error: x$/);
assert.strictEqual(executionAsyncId(), 1);

// bind
function named(a, b, c) { return [this, als.getStore(), a, b, c]; }
const bound = resource.bind(named);
assert.strictEqual(bound.length, 3);
assert.strictEqual(bound.asyncResource, resource);
assert.deepStrictEqual(bound.call('t', 1), ['t', 'r', 1, undefined, undefined]);
const boundThis = resource.bind(named, 'fixed');
assert.deepStrictEqual(boundThis.call('ignored', 7), ['fixed', 'r', 7, undefined, undefined]);
const desc = Object.getOwnPropertyDescriptor(bound, 'asyncResource');
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(typeof desc.get, 'function');
const staticBound = AsyncResource.bind(named);
assert.strictEqual(staticBound.asyncResource.constructor, AsyncResource);

// Validation
assert.throws(() => new AsyncResource(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "type" argument must be of type string. Received type number (1)',
});
assert.throws(() => new AsyncResource('x', { triggerAsyncId: -5 }), {
  code: 'ERR_INVALID_ASYNC_ID',
  name: 'RangeError',
  message: 'Invalid triggerAsyncId value: -5',
});
assert.strictEqual(new AsyncResource('x', 42).triggerAsyncId(), 42);
assert.throws(() => resource.bind(1), { code: 'ERR_INVALID_ARG_TYPE' });

// Timers and immediates expose node's async id symbols.
const timer = setTimeout(() => {}, 1);
const symbols = Object.getOwnPropertySymbols(timer).map((s) => s.description);
assert.ok(symbols.includes('asyncId') && symbols.includes('triggerId'));
clearTimeout(timer);
