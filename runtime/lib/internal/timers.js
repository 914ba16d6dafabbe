'use strict';
// Timers and immediates. All timeouts share one libuv timer (C++ Env), armed
// for the earliest expiry in a binary heap ordered by (expiry, creation
// order), so equal deadlines run in insertion order. Immediates run in the
// check phase, in order, with ticks and microtasks drained between callbacks
// as Node does.

const binding = internalBinding('timers');
const { runNextTicks } = require('internal/process/task_queues');
const {
  getFrame, newAsyncId, executionAsyncId, enterScope, exitScope,
} = require('internal/async_hooks');

const { immediateInfo, toggleImmediateRef, toggleTimerRef, scheduleTimer, getLibuvNow } = binding;
const kCount = 0;
const kRefCount = 1;
const kHasOutstanding = 2;

const TIMEOUT_MAX = 2 ** 31 - 1;

const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kTimerId = Symbol('asyncId');
const kTriggerId = Symbol('triggerId');
// The async context frame current when the timer or immediate was created
// (set only when there is one, as Node adds its store symbol only then).
const kAsyncContext = Symbol('kAsyncContext');

// Timers whose numeric id escaped through Symbol.toPrimitive, for clearTimeout(id).
const knownTimersById = { __proto__: null };

// --- The heap ----------------------------------------------------------------

const heap = [];

function before(a, b) {
  return a._expiry < b._expiry || (a._expiry === b._expiry && a[kTimerId] < b[kTimerId]);
}

function siftUp(index) {
  const item = heap[index];
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[index] = heap[parent];
    heap[index]._heapIndex = index;
    index = parent;
  }
  heap[index] = item;
  item._heapIndex = index;
}

function siftDown(index) {
  const item = heap[index];
  const length = heap.length;
  for (;;) {
    let child = 2 * index + 1;
    if (child >= length) break;
    if (child + 1 < length && before(heap[child + 1], heap[child])) child++;
    if (!before(heap[child], item)) break;
    heap[index] = heap[child];
    heap[index]._heapIndex = index;
    index = child;
  }
  heap[index] = item;
  item._heapIndex = index;
}

function heapRemove(item) {
  const index = item._heapIndex;
  if (index === -1) return;
  item._heapIndex = -1;
  const last = heap.pop();
  if (index < heap.length) {
    heap[index] = last;
    last._heapIndex = index;
    siftUp(index);
    siftDown(last._heapIndex);
  }
}

let refCount = 0;
let nextExpiry = Infinity;

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

function insert(timer, msecs, start = getLibuvNow()) {
  timer._idleStart = start;
  timer._expiry = start + msecs;
  heapRemove(timer);
  heap.push(timer);
  siftUp(heap.length - 1);
  if (timer._expiry < nextExpiry) {
    nextExpiry = timer._expiry;
    scheduleTimer(msecs);
  }
}

// Arms (or re-arms) a timer and keeps the reference count right.
function insertGuarded(timer, refed, start) {
  const msecs = timer._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(timer, msecs, start);
  if (timer._destroyed) {
    timer._destroyed = false;
    if (refed) incRefCount();
  } else if (refed !== timer[kRefed]) {
    if (refed) incRefCount();
    else decRefCount();
  }
  timer[kRefed] = refed;
}

function unenroll(timer) {
  if (timer._destroyed) return;
  timer._destroyed = true;
  if (timer[kHasPrimitive]) delete knownTimersById[timer[kTimerId]];
  if (timer[kRefed]) decRefCount();
  heapRemove(timer);
  timer._idleTimeout = -1;
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this._expiry = 0;
    this._heapIndex = -1;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kTimerId] = newAsyncId();
    this[kTriggerId] = executionAsyncId();
    const frame = getFrame();
    if (frame !== undefined) this[kAsyncContext] = frame;
    if (isRefed) incRefCount();
    insert(this, after);
  }

  refresh() {
    if (this._idleTimeout >= 0) insertGuarded(this, this[kRefed]);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this[kTimerId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }
}

// Called by C++ when the libuv timer fires. Returns the next expiry: 0 for
// none, positive if a referenced timer is pending, negative otherwise.
function processTimers(now) {
  nextExpiry = Infinity;
  let ranAtLeastOne = false;
  while (heap.length > 0) {
    const timer = heap[0];
    // `now` is the loop time of this timers phase: a timer created by a
    // callback in this phase waits for the next one, as in Node.
    if (timer._expiry > now) {
      nextExpiry = timer._expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOne) runNextTicks();
    else ranAtLeastOne = true;
    heapRemove(timer);
    // A tick may have cancelled it.
    if (timer._destroyed) continue;
    let start;
    if (timer._repeat) start = getLibuvNow();
    enterScope(timer[kAsyncContext], timer[kTimerId], timer[kTriggerId], timer);
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else timer._onTimeout(...args);
    } finally {
      exitScope();
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insertGuarded(timer, timer[kRefed], start);
      } else if (timer._heapIndex === -1 && !timer._destroyed) {
        // Not re-armed by refresh() during its callback: it is done.
        timer._destroyed = true;
        if (timer[kHasPrimitive]) delete knownTimersById[timer[kTimerId]];
        if (timer[kRefed]) decRefCount();
      }
    }
  }
  return 0;
}

// --- Immediates ----------------------------------------------------------------

let immediateQueue = [];
let outstanding = null;
let outstandingIndex = 0;

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this[kTimerId] = newAsyncId();
    this[kTriggerId] = executionAsyncId();
    const frame = getFrame();
    if (frame !== undefined) this[kAsyncContext] = frame;
    this.ref();
    immediateInfo[kCount]++;
    immediateQueue.push(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

// Runs the immediates queued before this check phase; ones queued while
// running wait for the next iteration. After an exception C++ calls again
// and the rest of the batch continues.
function processImmediate() {
  if (outstanding === null) {
    outstanding = immediateQueue;
    immediateQueue = [];
    outstandingIndex = 0;
    immediateInfo[kHasOutstanding] = 1;
  }
  let ranAtLeastOne = false;
  while (outstandingIndex < outstanding.length) {
    const immediate = outstanding[outstandingIndex];
    if (ranAtLeastOne) runNextTicks();
    else ranAtLeastOne = true;
    outstandingIndex++;
    if (immediate._destroyed) continue;
    immediate._destroyed = true;
    immediateInfo[kCount]--;
    if (immediate[kRefed]) immediateInfo[kRefCount]--;
    immediate[kRefed] = null;
    const callback = immediate._onImmediate;
    immediate._onImmediate = null;
    const args = immediate._argv;
    enterScope(immediate[kAsyncContext], immediate[kTimerId], immediate[kTriggerId], immediate);
    try {
      if (args === undefined) callback.call(immediate);
      else callback.apply(immediate, args);
    } finally {
      exitScope();
    }
  }
  outstanding = null;
  immediateInfo[kHasOutstanding] = 0;
}

function clearImmediateInternal(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateInfo[kCount]--;
  immediate._destroyed = true;
  if (immediate[kRefed] && --immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
  immediate._onImmediate = null;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const instance = knownTimersById[timer];
    if (instance !== undefined) {
      instance._idleTimeout = -1;
      unenroll(instance);
    }
  }
}

binding.setupTimers(processImmediate, processTimers);

module.exports = {
  Timeout, Immediate, clearTimeout, clearImmediateInternal, insertGuarded, unenroll,
  TIMEOUT_MAX, kRefed,
};
