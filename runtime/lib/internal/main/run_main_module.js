'use strict';
// Entry point for `nodus file.js [args]`.

const path = require('path');
const { Module } = require('internal/modules/cjs/loader');
const { prepareMainThreadExecution } = require('internal/process/pre_execution');

const options = internalBinding('options');
prepareMainThreadExecution(path.resolve(options.script));
Module.runMain(process.argv[1]);
