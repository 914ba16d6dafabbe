'use strict';
// sys is the deprecated old name of util.
module.exports = require('util');
