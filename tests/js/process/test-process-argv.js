'use strict';
// process.argv, argv0, execPath and execArgv for a script run as
// `<runtime> test-process-argv.js` (how ctest runs it).
const assert = require('assert');
const path = require('path');

assert.ok(Array.isArray(process.argv));
assert.ok(process.argv.length >= 2);
for (const arg of process.argv) assert.strictEqual(typeof arg, 'string');
// argv[0] is the absolute path of the executable, argv[1] the absolute script path.
assert.ok(path.isAbsolute(process.argv[0]), process.argv[0]);
assert.strictEqual(process.argv[0], process.execPath);
assert.strictEqual(process.argv[1], __filename);
assert.ok(path.isAbsolute(process.execPath));
// argv0 keeps what the process was started as ('node' or 'nodus' when run from PATH).
assert.strictEqual(typeof process.argv0, 'string');
assert.ok(process.argv0.length > 0);
// Options given to the runtime itself are not in argv; none were given here.
assert.ok(Array.isArray(process.execArgv));
assert.deepStrictEqual(process.execArgv, []);
// argv is an ordinary, writable array.
process.argv.push('extra');
assert.strictEqual(process.argv[process.argv.length - 1], 'extra');
