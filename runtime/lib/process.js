'use strict';
// The process module is the process object itself.
module.exports = process;
