'use strict';
// vm.Script, runInThisContext, compileFunction: options, locations, errors.
require('../common');
const assert = require('assert');
const vm = require('vm');

assert.deepStrictEqual(Object.keys(vm).sort(), ['Script', 'compileFunction', 'constants',
  'createContext', 'createScript', 'isContext', 'measureMemory', 'runInContext',
  'runInNewContext', 'runInThisContext']);
assert.deepStrictEqual(Object.getOwnPropertyNames(vm.Script.prototype),
                       ['constructor', 'runInThisContext', 'runInContext', 'runInNewContext']);
assert.strictEqual(typeof vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, 'symbol');

const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1');
const context = vm.createContext({});
script.runInContext(context);
script.runInContext(context);
assert.strictEqual(context.count, 2);
assert.strictEqual(script.runInNewContext({ count: 10 }), 11);
assert.strictEqual(new vm.Script('1 + 2', 'myfile.js').runInThisContext(), 3);
assert.strictEqual(vm.createScript('"s"').runInThisContext(), 's');
assert.strictEqual(new vm.Script('1', { cachedData: new Uint8Array(3) }).cachedDataRejected, true);

// Locations: filename, lineOffset and columnOffset reach stack traces.
function stackOf(fn) {
  try {
    fn();
  } catch (err) {
    return err.stack;
  }
  assert.fail('did not throw');
}
assert.match(stackOf(() => new vm.Script('\nthrow new Error("x")', { filename: 'a.js' })
  .runInThisContext()), /at a\.js:2:7/);
assert.match(stackOf(() => new vm.Script('throw new Error("x")', {
  filename: 'b.js', lineOffset: 10, columnOffset: 5,
}).runInThisContext()), /at b\.js:11:12/);
assert.match(stackOf(() => vm.runInThisContext('throw new Error("x")')),
             /at evalmachine\.<anonymous>:1:7/);
assert.match(stackOf(() => vm.runInNewContext('throw new Error("y")', {}, 'c.js')), /c\.js:1:7/);

// Syntax errors are thrown by the constructor.
assert.throws(() => new vm.Script('('), { name: 'SyntaxError', message: 'Unexpected end of input' });
assert.throws(() => vm.runInThisContext('let let = 1'), { name: 'SyntaxError' });
assert.throws(() => vm.runInNewContext('throw new TypeError("boom")', {}), (err) => {
  assert.strictEqual(err instanceof TypeError, false);
  assert.strictEqual(err.message, 'boom');
  return true;
});
assert.throws(() => vm.runInThisContext('throw 5'), (err) => err === 5);

// Option errors.
assert.throws(() => new vm.Script('1', { filename: 5 }), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.filename" property must be of type string. Received type number (5)',
});
assert.throws(() => new vm.Script('1', { lineOffset: 'x' }), {
  message: 'The "options.lineOffset" property must be of type number. Received type string (\'x\')',
});
assert.throws(() => vm.runInThisContext('1', { timeout: -1 }), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.timeout" is out of range. It must be >= 1 && <= 4294967295. ' +
    'Received -1',
});
assert.throws(() => new vm.Script('1').runInContext(5), {
  message: 'The "object" argument must be of type object. Received type number (5)',
});

// compileFunction.
const add = vm.compileFunction('return a + b', ['a', 'b']);
assert.strictEqual(add(2, 3), 5);
assert.strictEqual(add.length, 2);
assert.strictEqual(vm.compileFunction('return a + b', ['a'], {
  contextExtensions: [{ b: 2 }],
})(1), 3);
const parsingContext = vm.createContext({ secret: 'inside' });
const reader = vm.compileFunction('return typeof secret === "string" ? secret : "none"', [], {
  parsingContext,
});
assert.strictEqual(reader(), 'inside');
assert.strictEqual(vm.compileFunction('return this')(), globalThis);
assert.strictEqual(vm.compileFunction('return [] instanceof Array', [], { parsingContext })(), true);
assert.match(stackOf(() => vm.compileFunction('throw new Error("z")', [], {
  filename: 'fn.js', lineOffset: 3,
})()), /fn\.js:4/);
assert.throws(() => vm.compileFunction('return (', []), { name: 'SyntaxError' });
assert.throws(() => vm.compileFunction(5), {
  message: 'The "code" argument must be of type string. Received type number (5)',
});
assert.throws(() => vm.compileFunction('return a', [5]), {
  message: 'The "params[0]" argument must be of type string. Received type number (5)',
});
assert.throws(() => vm.compileFunction('return a', 'a'), {
  message: 'The "params" argument must be an instance of Array. Received type string (\'a\')',
});
assert.throws(() => vm.compileFunction('return a', ['a'], { parsingContext: {} }), {
  message: 'The "options.parsingContext" property must be an instance of Context. ' +
    'Received an instance of Object',
});
assert.throws(() => vm.compileFunction('return a', ['a'], { contextExtensions: [5] }), {
  message: 'The "options.contextExtensions[0]" property must be of type object. ' +
    'Received type number (5)',
});
