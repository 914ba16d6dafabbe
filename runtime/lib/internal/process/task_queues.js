'use strict';
// process.nextTick and queueMicrotask. After every callback from the loop,
// C++ (Env::DrainTasks) calls processTicksAndRejections, which runs all
// ticks, then all microtasks, repeatedly, then reports unhandled rejections,
// exactly the order Node guarantees.

const {
  tickInfo, runMicrotasks, setTickCallback, enqueueMicrotask,
} = internalBinding('task_queue');
const { processPromiseRejections, setupPromiseRejectTracking, hasRejectionToWarn } =
  require('internal/process/promises');
const {
  getFrame, setFrame, newAsyncId, executionAsyncId, enterScope, exitScope,
} = require('internal/async_hooks');

const kHasTickScheduled = 0;

// A queue with O(1) shift: an array plus a head index, compacted now and then.
class TickQueue {
  constructor() {
    this.items = [];
    this.head = 0;
  }
  isEmpty() {
    return this.head === this.items.length;
  }
  push(item) {
    this.items.push(item);
  }
  shift() {
    if (this.head === this.items.length) return null;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

const queue = new TickQueue();

function hasTickScheduled() {
  return tickInfo[kHasTickScheduled] === 1;
}

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    require('internal/validators').validateFunction(callback, 'callback');
  }
  if (process._exiting) return;
  tickInfo[kHasTickScheduled] = 1;
  // Each tick runs in the async context current when it was scheduled.
  queue.push({
    callback,
    args: args.length === 0 ? undefined : args,
    frame: getFrame(),
    asyncId: newAsyncId(),
    triggerId: executionAsyncId(),
  });
}

// If a callback throws, the exception propagates to C++, which reports it
// and calls this function again: the queue stays consistent.
function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = queue.shift()) !== null) {
      const { callback, args } = tock;
      enterScope(tock.frame, tock.asyncId, tock.triggerId, tock);
      try {
        if (args === undefined) {
          callback();
        } else {
          switch (args.length) {
            case 1: callback(args[0]); break;
            case 2: callback(args[0], args[1]); break;
            case 3: callback(args[0], args[1], args[2]); break;
            default: callback(...args);
          }
        }
      } finally {
        exitScope();
      }
    }
    runMicrotasks();
  } while (!queue.isEmpty() || processPromiseRejections());
  tickInfo[kHasTickScheduled] = 0;
}

// Between two timers or two immediates, Node drains ticks and microtasks.
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks();
  if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    require('internal/validators').validateFunction(callback, 'callback');
  }
  const frame = getFrame();
  enqueueMicrotask(() => {
    const prior = setFrame(frame);
    try {
      callback();
    } catch (error) {
      internalBinding('errors').triggerUncaughtException(error, false);
    } finally {
      setFrame(prior);
    }
  });
}

function setupTaskQueue() {
  setupPromiseRejectTracking(tickInfo);
  setTickCallback(processTicksAndRejections);
}

module.exports = { nextTick, queueMicrotask, runNextTicks, setupTaskQueue, processTicksAndRejections };
