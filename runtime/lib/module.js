'use strict';
// The `module` builtin is the Module class itself, as in Node.
module.exports = require('internal/modules/cjs/loader').Module;
