'use strict';
// System errors built from libuv failures: code, errno, syscall, path, dest
// and the "ENOENT: no such file or directory, open '/x'" message.
const assert = require('assert');
const fs = require('fs');
const util = require('util');

const missing = '/nonexistent-nodus-test-dir/file';
let err;
try {
  fs.readFileSync(missing);
} catch (e) {
  err = e;
}
assert.ok(err instanceof Error);
assert.strictEqual(err.message, `ENOENT: no such file or directory, open '${missing}'`);
assert.strictEqual(err.code, 'ENOENT');
assert.strictEqual(err.errno, -2);
assert.strictEqual(err.syscall, 'open');
assert.strictEqual(err.path, missing);
assert.deepStrictEqual(Object.keys(err), ['errno', 'code', 'syscall', 'path']);
assert.strictEqual(err.stack.split('\n')[0], `Error: ${err.message}`);
assert.strictEqual(util.inspect(err).split('\n').pop(), '}');

try {
  fs.renameSync(missing, `${missing}2`);
} catch (e) {
  err = e;
}
assert.strictEqual(err.message,
                   `ENOENT: no such file or directory, rename '${missing}' -> '${missing}2'`);
assert.deepStrictEqual(Object.keys(err), ['errno', 'code', 'syscall', 'path', 'dest']);
assert.strictEqual(err.dest, `${missing}2`);
