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
  setupChildProcessIpcChannel();
  const { Module } = require('internal/modules/cjs/loader');
  Module._preloadModules(options.requires);
}

// A child forked with an IPC channel learns its descriptor from the
// environment (as node's children do, so node and nodus interoperate).
function setupChildProcessIpcChannel() {
  const value = process.env.NODE_CHANNEL_FD;
  if (!value) return;
  const fd = Number.parseInt(value, 10);
  delete process.env.NODE_CHANNEL_FD;
  const serializationMode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  require('child_process')._forkChild(fd, serializationMode);
}

module.exports = { prepareMainThreadExecution };
