'use strict';
// Unhandled-rejection tracking. V8 reports rejections without a handler (and
// handlers added later); after the microtask queue drains, what is still
// unhandled is reported according to --unhandled-rejections (Node 20's
// default: 'throw', which raises it as an uncaught exception).

const {
  setPromiseRejectCallback,
  promiseRejectEvents: {
    kPromiseRejectWithNoHandler,
    kPromiseHandlerAddedAfterReject,
  },
} = internalBinding('task_queue');
const { triggerUncaughtException } = internalBinding('errors');

const kHasRejectionToWarn = 1;
let tickInfo = null;

const maybeUnhandledPromises = new WeakMap();
const pendingUnhandledRejections = [];
const asyncHandledRejections = [];
let lastPromiseId = 0;

function setHasRejectionToWarn(value) {
  tickInfo[kHasRejectionToWarn] = value ? 1 : 0;
}

function hasRejectionToWarn() {
  return tickInfo[kHasRejectionToWarn] === 1;
}

function unhandledRejection(promise, reason) {
  maybeUnhandledPromises.set(promise, { reason, uid: ++lastPromiseId, warned: false });
  pendingUnhandledRejections.push(promise);
  setHasRejectionToWarn(true);
}

function handledRejection(promise) {
  const info = maybeUnhandledPromises.get(promise);
  if (info === undefined) return;
  maybeUnhandledPromises.delete(promise);
  if (info.warned) {
    const warning = new Error(
      `Promise rejection was handled asynchronously (rejection id: ${info.uid})`);
    warning.name = 'PromiseRejectionHandledWarning';
    warning.id = info.uid;
    asyncHandledRejections.push({ promise, warning });
    setHasRejectionToWarn(true);
  }
}

function promiseRejectHandler(type, promise, reason) {
  if (type === kPromiseRejectWithNoHandler) {
    unhandledRejection(promise, reason);
  } else if (type === kPromiseHandlerAddedAfterReject) {
    handledRejection(promise);
  }
}

function isErrorLike(value) {
  return typeof value === 'object' && value !== null &&
    Object.prototype.hasOwnProperty.call(value, 'stack');
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    let shown;
    try {
      shown = require('internal/util/inspect').inspect(reason);
    } catch {
      shown = String(reason);
    }
    super('This error originated either by throwing inside of an async function without a ' +
      'catch block, or by rejecting a promise which was not handled with .catch(). The ' +
      `promise rejected with the reason "${shown}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  __proto__: null, value: 'UnhandledPromiseRejection', writable: true, configurable: true,
});

function unhandledRejectionsMode() {
  return internalBinding('options').unhandledRejections || 'throw';
}

let warnedAboutUnhandled = false;
function emitUnhandledRejectionWarning(uid, reason) {
  let text;
  try {
    text = isErrorLike(reason) ? reason.stack : require('internal/util/inspect').inspect(reason);
  } catch {
    text = String(reason);
  }
  const warning = new Error(text);
  warning.name = 'UnhandledPromiseRejectionWarning';
  process.emitWarning(warning);
  if (!warnedAboutUnhandled) {
    warnedAboutUnhandled = true;
    process.emitWarning('Unhandled promise rejection. This error originated either by ' +
      'throwing inside of an async function without a catch block, or by rejecting a ' +
      'promise which was not handled with .catch(). To terminate the node process on ' +
      'unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
      'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
      `(rejection id: ${uid})`, 'UnhandledPromiseRejectionWarning');
  }
}

function reportRejection(promise, reason, uid) {
  const errorOrWrapper = () => (isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reason));
  switch (unhandledRejectionsMode()) {
    case 'strict': {
      triggerUncaughtException(errorOrWrapper(), true);
      process.emit('unhandledRejection', reason, promise);
      break;
    }
    case 'warn':
      process.emit('unhandledRejection', reason, promise);
      emitUnhandledRejectionWarning(uid, reason);
      break;
    case 'none':
      process.emit('unhandledRejection', reason, promise);
      break;
    case 'warn-with-error-code':
      if (!process.emit('unhandledRejection', reason, promise)) {
        emitUnhandledRejectionWarning(uid, reason);
        process.exitCode = 1;
      }
      break;
    default: // 'throw'
      if (!process.emit('unhandledRejection', reason, promise)) {
        triggerUncaughtException(errorOrWrapper(), true);
      }
  }
}

// Returns true if it may have scheduled more ticks or microtasks.
function processPromiseRejections() {
  let maybeScheduled = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const { promise, warning } = asyncHandledRejections.shift();
    if (!process.emit('rejectionHandled', promise)) process.emitWarning(warning);
  }
  let count = pendingUnhandledRejections.length;
  while (count--) {
    const promise = pendingUnhandledRejections.shift();
    const info = maybeUnhandledPromises.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    reportRejection(promise, info.reason, info.uid);
    maybeScheduled = true;
  }
  setHasRejectionToWarn(asyncHandledRejections.length > 0 ||
    pendingUnhandledRejections.length > 0);
  return maybeScheduled || pendingUnhandledRejections.length !== 0;
}

function setupPromiseRejectTracking(sharedTickInfo) {
  tickInfo = sharedTickInfo;
  setPromiseRejectCallback(promiseRejectHandler);
}

module.exports = { processPromiseRejections, setupPromiseRejectTracking, hasRejectionToWarn };
