'use strict';
// Console output to fake streams: log/info/debug/warn/error, format, groups,
// count, assert, dir, trace, table.
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

function fakeStream() {
  const stream = new EventEmitter();
  stream.data = '';
  stream.write = (chunk) => { stream.data += chunk; return true; };
  return stream;
}

const out = fakeStream();
const err = fakeStream();
const c = new Console(out, err);

c.log('a %s %d', 'x', 5, { b: 1 });
c.info('i');
c.debug('d');
c.dirxml({ a: 1 }, 2);
c.warn('w');
c.error('e');
assert.strictEqual(out.data, 'a x 5 { b: 1 }\ni\nd\n{ a: 1 } 2\n');
assert.strictEqual(err.data, 'w\ne\n');

// Groups indent every line, on both streams.
out.data = err.data = '';
c.group('G');
c.log('in\nner');
c.group();
c.log('deep');
c.error('deeperr');
c.groupEnd();
c.groupEnd();
c.groupEnd(); // extra groupEnd is harmless
c.log('out');
c.groupCollapsed('GC', 1);
c.log('x');
c.groupEnd();
assert.strictEqual(out.data, 'G\n  in\n  ner\n    deep\nout\nGC 1\n  x\n');
assert.strictEqual(err.data, '    deeperr\n');

// count / countReset.
out.data = '';
c.count();
c.count();
c.count('x');
c.countReset();
c.count();
c.count(undefined);
assert.strictEqual(out.data, 'default: 1\ndefault: 2\nx: 1\ndefault: 1\ndefault: 2\n');

// assert writes to stderr only when the expression is falsy.
err.data = '';
c.assert(true, 'no');
c.assert(false);
c.assert(false, 'msg %s', 'a');
c.assert(false, { a: 1 });
assert.strictEqual(err.data,
                   'Assertion failed\nAssertion failed: msg a\nAssertion failed: [object Object]\n');

// dir with options, and strings quoted.
out.data = '';
c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
c.dir('str');
assert.strictEqual(out.data, "{ a: [Object] }\n'str'\n");

// trace: "Trace: message" then the stack, on stderr.
err.data = '';
c.trace('here %d', 1);
const traceLines = err.data.split('\n');
assert.strictEqual(traceLines[0], 'Trace: here 1');
assert.match(traceLines[1], /^ {4}at /);
assert.match(traceLines[1], /test-console-output\.js/);

// Empty and special values.
out.data = '';
c.log();
c.log('');
c.log(null, undefined, 1n, Symbol('s'));
assert.strictEqual(out.data, '\n\nnull undefined 1n Symbol(s)\n');

// Methods are bound: they can be detached.
out.data = '';
const { log } = c;
log('detached');
assert.strictEqual(out.data, 'detached\n');

// One stream for both outputs; the options form; groupIndentation.
const both = fakeStream();
const c2 = new Console({ stdout: both, groupIndentation: 4 });
c2.group();
c2.log('o');
c2.error('e');
assert.strictEqual(both.data, '    o\n    e\n');

// Calling without `new` works.
const c3 = Console(fakeStream());
assert.ok(c3 instanceof Console);
