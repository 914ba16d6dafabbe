'use strict';
// worker_threads: Worker, MessageChannel/MessagePort, parentPort and
// workerData (internal/worker/*). Members not built yet throw
// ERR_NOT_IMPLEMENTED when used.

const binding = internalBinding('worker');
const { MessagePort, MessageChannel, receiveMessageOnPort, notImplemented } =
  require('internal/worker/io');
const { Worker, SHARE_ENV } = require('internal/worker/worker');
const state = require('internal/worker/state');

function getEnvironmentData(key) {
  return state.environmentData.get(key);
}

function setEnvironmentData(key, value) {
  if (value === undefined) {
    state.environmentData.delete(key);
  } else {
    state.environmentData.set(key, value);
  }
}

module.exports = {
  getEnvironmentData,
  isMainThread: binding.isMainThread,
  MessagePort,
  MessageChannel,
  parentPort: state.parentPort,
  receiveMessageOnPort,
  resourceLimits: {},
  setEnvironmentData,
  SHARE_ENV,
  threadId: binding.threadId,
  Worker,
  workerData: state.workerData,
};

for (const name of ['BroadcastChannel', 'markAsUntransferable', 'moveMessagePortToContext']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { throw notImplemented(`worker_threads.${name}`); },
  });
}
