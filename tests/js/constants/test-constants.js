'use strict';
// node:constants merges os, fs and crypto constants into one frozen object.
const assert = require('assert');

let constants;
try {
  constants = require('constants');
} catch (error) {
  // nodus before its fs or crypto module exists: the error names what is missing.
  assert.strictEqual(error.code, 'ERR_NOT_IMPLEMENTED');
  assert.match(error.message, /'(fs|crypto)' module is not implemented/);
  return;
}
assert.ok(Object.isFrozen(constants));
assert.strictEqual(Object.getPrototypeOf(constants), Object.prototype);
const os = require('os').constants;
for (const group of [os.dlopen, os.errno, os.priority, os.signals,
  require('fs').constants, require('crypto').constants]) {
  for (const [key, value] of Object.entries(group)) {
    if (typeof value !== 'number' || (key in os.signals && group !== os.signals)) continue;
    assert.strictEqual(constants[key], value, key);
  }
}
assert.strictEqual(constants.SIGINT, 2);
assert.strictEqual(constants.ENOENT, 2);
assert.strictEqual(constants.O_RDONLY, 0);
assert.strictEqual(constants.RTLD_LAZY, 1);
assert.strictEqual(typeof constants.PRIORITY_LOW, 'number');
assert.strictEqual(require('node:constants'), constants);
