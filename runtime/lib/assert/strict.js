'use strict';
// assert/strict is assert in strict mode.
module.exports = require('assert').strict;
