'use strict';
// 'beforeExit' and 'exit' as the loop ends (process.exit() emits 'exit'
// itself, in internal/process/per_thread).

const { setExitCallbacks } = internalBinding('process_methods');

function exitCode() {
  const code = process.exitCode;
  return code === undefined || code === null ? 0 : +code | 0;
}

function emitBeforeExit() {
  if (process._exiting) return;
  process.emit('beforeExit', exitCode());
}

function emitExit() {
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', exitCode());
  }
  return exitCode();
}

function setupExitCallbacks() {
  setExitCallbacks(emitBeforeExit, emitExit);
}

module.exports = { setupExitCallbacks };
