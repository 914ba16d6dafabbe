'use strict';
// What every entry point does before user code runs: process.argv, the
// module loader's global paths, and -r/--require preloads.

function prepareMainThreadExecution(mainEntry) {
  const options = internalBinding('options');
  process.argv.length = 1;
  if (mainEntry !== undefined) process.argv.push(mainEntry);
  for (const arg of options.scriptArgv) process.argv.push(arg);
  if (options.noDeprecation) process.noDeprecation = true;
  if (options.throwDeprecation) process.throwDeprecation = true;
  if (options.traceDeprecation) process.traceDeprecation = true;
  const { Module } = require('internal/modules/cjs/loader');
  Module._preloadModules(options.requires);
}

module.exports = { prepareMainThreadExecution };
