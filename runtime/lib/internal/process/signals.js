'use strict';
// process.on('SIGINT' | 'SIGTERM' | ...): the first listener starts a libuv
// signal handle (replacing the default action), removing the last one
// restores it.

const binding = internalBinding('signal');
const { signals } = internalBinding('process_methods');

const names = { __proto__: null };
for (const name of Object.keys(signals)) names[signals[name]] = name;

function isSignal(type) {
  return typeof type === 'string' && type.startsWith('SIG') && signals[type] !== undefined;
}

function startListening(type) {
  if (!isSignal(type)) return;
  const err = binding.start(signals[type]);
  if (err < 0) {
    const { errnoException } = require('internal/errors');
    throw errnoException(err, 'uv_signal_start');
  }
}

function stopListening(type) {
  if (isSignal(type) && process.listenerCount(type) === 0) binding.stop(signals[type]);
}

function setupSignalHandlers() {
  binding.setSignalCallback((signum) => {
    const name = names[signum];
    process.emit(name, name, signum);
  });
  process.on('newListener', startListening);
  process.on('removeListener', stopListening);
}

module.exports = { setupSignalHandlers };
