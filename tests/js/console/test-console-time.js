'use strict';
// time / timeLog / timeEnd output and the warnings for unknown labels.
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');
const common = require('../common');

const stream = new EventEmitter();
stream.data = '';
stream.write = (chunk) => { stream.data += chunk; return true; };
const c = new Console(stream);

const timeRe = /^\d+(\.\d+)?ms$|^\d+\.\d{3}s$/;

c.time();
c.timeLog(undefined, 'extra', { a: 1 });
c.timeEnd();
c.time('label');
c.timeEnd('label');
const lines = stream.data.trimEnd().split('\n');
assert.strictEqual(lines.length, 3);
let m = /^default: (\S+) extra \{ a: 1 \}$/.exec(lines[0]);
assert.ok(m, lines[0]);
assert.match(m[1], timeRe);
m = /^default: (\S+)$/.exec(lines[1]);
assert.ok(m, lines[1]);
assert.match(m[1], timeRe);
m = /^label: (\S+)$/.exec(lines[2]);
assert.ok(m, lines[2]);
assert.match(m[1], timeRe);

const warnings = [];
process.on('warning', (w) => {
  if (w.name === 'Warning') warnings.push(w.message);
});
c.timeEnd('nope');
c.timeLog('nope');
c.time('t');
c.time('t');
c.countReset('nope');

setTimeout(common.mustCall(() => {
  assert.deepStrictEqual(warnings, [
    "No such label 'nope' for console.timeEnd()",
    "No such label 'nope' for console.timeLog()",
    "Label 't' already exists for console.time()",
    "Count for 'nope' does not exist",
  ]);
}), 10);
