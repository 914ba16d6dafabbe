'use strict';
// require('path/win32'): the Windows flavour of the path module.
module.exports = require('path').win32;
