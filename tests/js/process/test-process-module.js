'use strict';
const assert = require('assert');
assert.strictEqual(require('process'), process);
assert.strictEqual(require('node:process'), process);
