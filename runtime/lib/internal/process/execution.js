'use strict';
// The uncaught-exception path. C++ calls onUncaughtException with the error,
// whether it came from a promise, and its source context ("arrow"). Listeners
// of 'uncaughtException' may handle it; otherwise Node's order is: emit
// 'exit' with code 1, print the error, exit with process.exitCode.

const { setUncaughtExceptionHandler } = internalBinding('errors');

let captureCallback = null;

function setCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  require('internal/validators').validateFunction(fn, 'fn');
  if (captureCallback !== null) {
    const err = new Error('`process.setupUncaughtExceptionCapture()` was called while a ' +
      'capture callback was already active');
    err.code = 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET';
    throw err;
  }
  captureCallback = fn;
}

function hasCaptureCallback() {
  return captureCallback !== null;
}

function isNativeError(value) {
  return internalBinding('types').isNativeError(value) || value instanceof Error;
}

function formatError(error) {
  try {
    return require('internal/util/inspect').inspect(error);
  } catch {
    if (error !== null && typeof error === 'object' && typeof error.stack === 'string') {
      return error.stack;
    }
    return String(error);
  }
}

function printUncaught(error, arrow) {
  const { NODUS_VERSION } = require('internal/process/versions');
  let text;
  if (isNativeError(error)) {
    text = `${arrow ? `${arrow}\n` : ''}${formatError(error)}`;
  } else {
    // Like node: other thrown values start with a blank line, and only
    // primitives get the hint (objects show their own shape).
    const primitive = error === null || (typeof error !== 'object' && typeof error !== 'function');
    text = `\n${arrow || ''}${formatError(error)}` + (primitive ?
      '\n(Use `nodus --trace-uncaught ...` to show where the exception was thrown)' : '');
  }
  internalBinding('stdio').writeString(2, `${text}\n\nnodus v${NODUS_VERSION}\n`);
}

function onUncaughtException(error, fromPromise, arrow, printOnly) {
  if (printOnly) {
    printUncaught(error, arrow);
    return 7;
  }
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  if (captureCallback !== null) {
    captureCallback(error);
    return true;
  }
  process.emit('uncaughtExceptionMonitor', error, origin);
  if (process.emit('uncaughtException', error, origin)) return true;
  if (!process._exiting) {
    process._exiting = true;
    process.exitCode = 1;
    process.emit('exit', 1);
  }
  if (workerErrorHook !== null) {
    // A worker: the parent reports it (its 'error' event), nothing is printed here.
    workerErrorHook(error);
    return 1;
  }
  // An attached debugger sees the exception and leaves before it is printed.
  internalBinding('inspector').reportUncaughtException(error);
  printUncaught(error, arrow);
  const code = process.exitCode;
  return code === undefined || code === null || +code === 0 ? 1 : +code;
}

let workerErrorHook = null;
function setWorkerErrorHook(fn) {
  workerErrorHook = fn;
}

function setupUncaughtExceptionHandler() {
  setUncaughtExceptionHandler(onUncaughtException);
}

module.exports = {
  setupUncaughtExceptionHandler, setCaptureCallback, hasCaptureCallback, setWorkerErrorHook,
};
