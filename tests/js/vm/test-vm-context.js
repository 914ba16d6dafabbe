'use strict';
// vm contexts: the sandbox's properties are the context's globals, in both
// directions; builtins are the new context's own.
require('../common');
const assert = require('assert');
const vm = require('vm');

const sandbox = { x: 1, list: [1, 2] };
assert.strictEqual(vm.createContext(sandbox), sandbox);
assert.strictEqual(vm.isContext(sandbox), true);
assert.strictEqual(vm.isContext({}), false);
assert.strictEqual(vm.createContext(sandbox), sandbox);

assert.strictEqual(vm.runInContext('x + 1', sandbox), 2);
vm.runInContext('x = 10; y = "new"; var z = 3; function f() { return 42; }', sandbox);
assert.strictEqual(sandbox.x, 10);
assert.strictEqual(sandbox.y, 'new');
assert.strictEqual(sandbox.z, 3);
assert.strictEqual(sandbox.f(), 42);
sandbox.fromOutside = 'hello';
assert.strictEqual(vm.runInContext('fromOutside', sandbox), 'hello');
assert.strictEqual(vm.runInContext('typeof notThere', sandbox), 'undefined');
assert.strictEqual(vm.runInContext('this.x', sandbox), 10);
assert.strictEqual(vm.runInContext('globalThis.y', sandbox), 'new');
vm.runInContext('this.viaThis = 5; globalThis[3] = "three"', sandbox);
assert.strictEqual(sandbox.viaThis, 5);
assert.strictEqual(sandbox[3], 'three');
vm.runInContext('Object.defineProperty(this, "defined", { value: 7, enumerable: true })', sandbox);
assert.strictEqual(sandbox.defined, 7);
vm.runInContext('delete x', sandbox);
assert.strictEqual('x' in sandbox, false);
assert.strictEqual(vm.runInContext('typeof x', sandbox), 'undefined');
assert.ok(vm.runInContext('Object.keys(this)', sandbox).includes('fromOutside'));

// The context's builtins are its own.
const contextArray = vm.runInContext('Array', sandbox);
assert.notStrictEqual(contextArray, Array);
assert.strictEqual(vm.runInContext('[] instanceof Array', sandbox), true);
assert.strictEqual(vm.runInContext('list instanceof Array', sandbox), false);
assert.strictEqual(Array.isArray(vm.runInContext('[1]', sandbox)), true);
assert.strictEqual(vm.runInContext('typeof require', sandbox), 'undefined');
assert.strictEqual(vm.runInContext('typeof process', sandbox), 'undefined');
assert.strictEqual(vm.runInContext('typeof Math.max', sandbox), 'function');
assert.strictEqual(vm.runInContext('this', sandbox) === sandbox, false);

// Strict mode: assigning an undeclared name still throws.
assert.throws(() => vm.runInContext('"use strict"; undeclared = 1', sandbox), (err) => {
  assert.strictEqual(err.name, 'ReferenceError');
  assert.strictEqual(err.message, 'undeclared is not defined');
  return true;
});
// Errors made in the context are of its classes.
try {
  vm.runInContext('null.x', sandbox);
  assert.fail('should throw');
} catch (err) {
  assert.strictEqual(err instanceof TypeError, false);
  assert.strictEqual(err.name, 'TypeError');
}
assert.throws(() => vm.runInNewContext('a.b'), { name: 'ReferenceError', message: 'a is not defined' });

// runInNewContext / runInThisContext.
assert.strictEqual(vm.runInNewContext('x = 1; y', { y: 2 }), 2);
const fresh = {};
vm.runInNewContext('var created = typeof globalThis', fresh);
assert.deepStrictEqual(fresh, { created: 'object' });
assert.strictEqual(vm.runInNewContext('1 + 1'), 2);
globalThis.sharedGlobal = 9;
assert.strictEqual(vm.runInThisContext('sharedGlobal * 2'), 18);
assert.strictEqual(vm.runInThisContext('typeof require'), 'undefined');
delete globalThis.sharedGlobal;

// Independent contexts.
const a = vm.createContext({});
const b = vm.createContext({});
vm.runInContext('Array.prototype.mark = 1', a);
assert.strictEqual(vm.runInContext('[].mark', a), 1);
assert.strictEqual(vm.runInContext('[].mark', b), undefined);
assert.strictEqual([].mark, undefined);

// Functions created in a context keep it.
const counter = vm.createContext({ n: 0 });
const inc = vm.runInContext('(function inc() { return ++n; })', counter);
inc();
inc();
assert.strictEqual(counter.n, 2);

// Many contexts can be made.
for (let i = 0; i < 50; i++) vm.runInNewContext('x', { x: i });

// Argument errors.
assert.throws(() => vm.createContext(5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "object" argument must be of type object. Received type number (5)',
});
assert.throws(() => vm.isContext(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => vm.runInContext('1', {}), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "contextifiedObject" argument must be an vm.Context. Received an instance of Object',
});
assert.throws(() => vm.createContext({}, { name: 5 }), {
  message: 'The "options.name" property must be of type string. Received type number (5)',
});
assert.throws(() => vm.createContext({}, { microtaskMode: 'x' }), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.microtaskMode' must be one of: 'afterEvaluate', undefined. " +
    "Received 'x'",
});
assert.throws(() => vm.createContext({}, 5), {
  message: 'The "options" argument must be of type object. Received type number (5)',
});
