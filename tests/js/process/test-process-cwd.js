'use strict';
// process.cwd() and process.chdir().
const assert = require('assert');
const path = require('path');

const start = process.cwd();
assert.ok(path.isAbsolute(start));
process.chdir(__dirname);
assert.strictEqual(process.cwd(), __dirname);

const target = path.join(__dirname, 'fixtures', 'chdir-target');
assert.strictEqual(process.chdir(target), undefined);
assert.strictEqual(process.cwd(), target);
// Relative paths are relative to the current directory.
process.chdir('inner');
assert.strictEqual(process.cwd(), path.join(target, 'inner'));
process.chdir('../..');
assert.strictEqual(process.cwd(), path.join(__dirname, 'fixtures'));
// require() of relative paths is relative to the module, not the cwd.
process.chdir(target);
assert.strictEqual(require('./fixtures/value'), 'value');
process.chdir('..');

// Errors name the syscall and both directories.
const missing = path.join(__dirname, 'fixtures', 'no-such-dir');
assert.throws(() => process.chdir(missing), (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'chdir');
  assert.strictEqual(err.path, process.cwd());
  assert.strictEqual(err.dest, missing);
  assert.strictEqual(typeof err.errno, 'number');
  assert.strictEqual(err.message,
                     `ENOENT: no such file or directory, chdir '${process.cwd()}' -> '${missing}'`);
  return true;
});
assert.throws(() => process.chdir(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => process.chdir(), { code: 'ERR_INVALID_ARG_TYPE' });

process.chdir(start);
assert.strictEqual(process.cwd(), start);
