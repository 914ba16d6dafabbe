'use strict';
// Less common process APIs that packages and tools probe.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

assert.strictEqual(process.getBuiltinModule('fs'), require('fs'));
assert.strictEqual(process.getBuiltinModule('node:path'), require('path'));
assert.strictEqual(process.getBuiltinModule('no-such-module'), undefined);
assert.throws(() => process.getBuiltinModule(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.ok(process.allowedNodeEnvironmentFlags instanceof Set);
assert.ok(process.allowedNodeEnvironmentFlags.has('--no-warnings'));
assert.ok(Array.isArray(process._getActiveHandles()));
assert.ok(Array.isArray(process.getActiveResourcesInfo()));
assert.strictEqual(typeof process.availableMemory(), 'number');
assert.strictEqual(process.sourceMapsEnabled, false);
assert.strictEqual(typeof process.report.getReport, 'function');

const file = path.join(os.tmpdir(), `nodus-env-${process.pid}`);
fs.writeFileSync(file, 'NODUS_T_A=1\n# comment\nexport NODUS_T_B="two\\nlines"\n' +
  'NODUS_T_C = spaced # trailing\nNODUS_T_D=\'single\'\n');
try {
  process.env.NODUS_T_A = 'kept';
  process.loadEnvFile(file);
  assert.strictEqual(process.env.NODUS_T_A, 'kept');  // existing values win
  assert.strictEqual(process.env.NODUS_T_B, 'two\nlines');
  assert.strictEqual(process.env.NODUS_T_C, 'spaced');
  assert.strictEqual(process.env.NODUS_T_D, 'single');
} finally {
  fs.unlinkSync(file);
}
assert.throws(() => process.loadEnvFile(`${file}-missing`), { code: 'ENOENT' });

const Module = require('module');
assert.strictEqual(Module._findPath('./index.js', [path.join(__dirname, '..', 'common')]),
  path.join(__dirname, '..', 'common', 'index.js'));
assert.strictEqual(Module._findPath('./nope.js', [__dirname]), false);
assert.strictEqual(Object.getOwnPropertyDescriptor(Module, 'wrap').enumerable, false);
assert.ok(Module.wrap('x').includes('x'));
