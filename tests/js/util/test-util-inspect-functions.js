'use strict';
// util.inspect of functions and classes.
// Expected strings are node 20's output.
const assert = require('assert');
const util = require('util');
const { inspect } = util;
class A {}

assert.strictEqual(inspect(function f() {}), "[Function: f]");
assert.strictEqual(inspect((() => function () {})()), "[Function (anonymous)]");
assert.strictEqual(inspect((() => { const a = () => {}; return a; })()), "[Function: a]");
assert.strictEqual(inspect(async function x() {}), "[AsyncFunction: x]");
assert.strictEqual(inspect(function* g() {}), "[GeneratorFunction: g]");
assert.strictEqual(inspect(async function* ag() {}), "[AsyncGeneratorFunction: ag]");
assert.strictEqual(inspect(class A {}), "[class A]");
assert.strictEqual(inspect(class B extends A {}), "[class B extends A]");
assert.strictEqual(inspect((() => class {})()), "[class (anonymous)]");
assert.strictEqual(inspect(class N extends null {}), "[class N]");
assert.strictEqual(inspect(class S { static x = 1; }), "[class S] { x: 1 }");
assert.strictEqual(inspect(Object.assign(function withProps() {}, { a: 1, b: 'x' })), "[Function: withProps] { a: 1, b: 'x' }");
assert.strictEqual(inspect(Object.setPrototypeOf(function np() {}, null)), "[Function (null prototype): np]");
assert.strictEqual(inspect(Object.defineProperty(function orig() {}, 'name', { value: 'renamed' })), "[Function: renamed]");
assert.strictEqual(inspect(Object.defineProperty(function orig() {}, 'name', { value: '' })), "[Function (anonymous)]");
assert.strictEqual(inspect(function b() {}.bind(null)), "[Function: bound b]");
assert.strictEqual(inspect(Math.max), "[Function: max]");
assert.strictEqual(inspect({ f() {}, g: () => {}, h: class {}, async am() {}, *gm() {} }), "{\n  f: [Function: f],\n  g: [Function: g],\n  h: [class h],\n  am: [AsyncFunction: am],\n  gm: [GeneratorFunction: gm]\n}");
assert.strictEqual(inspect(class /* c */ C /* { */ extends (function () {}) {}), "[class C]");
assert.strictEqual(inspect(function f(a, b) {}, { showHidden: true }), "<ref *1> [Function: f] {\n  [length]: 2,\n  [name]: 'f',\n  [prototype]: { [constructor]: [Circular *1] }\n}");
assert.strictEqual(inspect((() => { const f = function f() {}; f.self = f; return f; })()), "<ref *1> [Function: f] { self: [Circular *1] }");
assert.strictEqual(inspect({ a: { b: { c: function deep() {} } } }), "{ a: { b: { c: [Function: deep] } } }");
