'use strict';
// node:perf_hooks — performance (the global), PerformanceObserver for mark,
// measure and function entries, histograms (exact values, HdrHistogram's
// percentile walk), monitorEventLoopDelay over an unreferenced timer,
// eventLoopUtilization from libuv's idle-time metrics, timerify.
// Not built: resource timing entries, gc/http/net/dns entry producers.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
} = require('internal/validators');
const {
  performance,
  Performance,
  PerformanceEntry,
  setEntryListener,
} = require('internal/perf/performance');

const { loopIdleTime } = internalBinding('v8_heap');

// ---------------------------------------------------------------------------
// PerformanceObserver.

const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark',
  'measure', 'net', 'resource']);
const observers = new Set();
const pending = new Set();
let dispatchScheduled = false;

function enqueue(entry) {
  for (const observer of observers) {
    if (observer._types.has(entry.entryType)) {
      observer._buffer.push(entry);
      pending.add(observer);
    }
  }
  if (pending.size > 0 && !dispatchScheduled) {
    dispatchScheduled = true;
    setImmediate(() => {
      dispatchScheduled = false;
      const list = [...pending];
      pending.clear();
      for (const observer of list) observer._dispatch();
    });
  }
}
setEntryListener(enqueue);

class PerformanceObserverEntryList {
  constructor(entries) {
    this._entries = entries.slice().sort((a, b) => a.startTime - b.startTime);
  }
  getEntries() {
    return this._entries.slice();
  }
  getEntriesByType(type) {
    return this._entries.filter((e) => e.entryType === `${type}`);
  }
  getEntriesByName(name, type) {
    return this._entries.filter((e) => e.name === `${name}` &&
      (type === undefined || e.entryType === `${type}`));
  }
}

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this._callback = callback;
    this._types = new Set();
    this._buffer = [];
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes !== undefined && type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                      'options.entryTypes can not set with options.type together');
    }
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes)) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      this._types.clear();
      for (const t of entryTypes) if (supportedEntryTypes.includes(t)) this._types.add(t);
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      this._types.add(type);
      if (buffered) {
        const existing = performance.getEntriesByType(type);
        if (existing.length > 0) {
          for (const entry of existing) this._buffer.push(entry);
          pending.add(this);
          enqueue({ entryType: '\0none' });
        }
      }
    }
    if (this._types.size > 0) observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    observers.delete(this);
    pending.delete(this);
    this._buffer = [];
    this._types.clear();
  }

  takeRecords() {
    const list = this._buffer;
    this._buffer = [];
    return list;
  }

  _dispatch() {
    if (this._buffer.length === 0) return;
    const list = new PerformanceObserverEntryList(this.takeRecords());
    this._callback.call(this, list, this);
  }
}

class PerformanceMark extends PerformanceEntry {}
class PerformanceMeasure extends PerformanceEntry {}
class PerformanceResourceTiming extends PerformanceEntry {}

// ---------------------------------------------------------------------------
// Histograms.

const kMaxValue = Number.MAX_SAFE_INTEGER;

class Histogram {
  constructor() {
    this._values = new Map();
    this._sorted = null;
    this.reset();
  }

  reset() {
    this._values.clear();
    this._sorted = null;
    this._count = 0;
    this._sum = 0;
    this._sumSquares = 0;
    this._min = 9223372036854776000;
    this._max = 0;
    this._exceeds = 0;
  }

  _record(value) {
    this._values.set(value, (this._values.get(value) || 0) + 1);
    this._sorted = null;
    this._count++;
    this._sum += value;
    this._sumSquares += value * value;
    if (value < this._min) this._min = value;
    if (value > this._max) this._max = value;
  }

  get count() { return this._count; }
  get countBigInt() { return BigInt(this._count); }
  get min() { return this._min; }
  get minBigInt() { return BigInt(this._min); }
  get max() { return this._max; }
  get maxBigInt() { return BigInt(this._max); }
  get exceeds() { return this._exceeds; }
  get exceedsBigInt() { return BigInt(this._exceeds); }

  get mean() {
    return this._count === 0 ? NaN : this._sum / this._count;
  }

  get stddev() {
    if (this._count === 0) return NaN;
    const mean = this._sum / this._count;
    return Math.sqrt(Math.max(0, this._sumSquares / this._count - mean * mean));
  }

  _valueAt(percentile) {
    if (this._count === 0) return 0;
    this._sorted ??= [...this._values.keys()].sort((a, b) => a - b);
    const wanted = Math.max(1, Math.floor((percentile / 100) * this._count + 0.5));
    let seen = 0;
    for (const value of this._sorted) {
      seen += this._values.get(value);
      if (seen >= wanted) return value;
    }
    return this._max;
  }

  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (Number.isNaN(percentile) || percentile <= 0 || percentile > 100) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    return this._valueAt(percentile);
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  // HdrHistogram's walk: 0, 50, 75, 87.5, ... until the maximum, then 100.
  get percentiles() {
    const map = new Map();
    if (this._count === 0) {
      map.set(100, 0);
      return map;
    }
    let p = 0;
    for (;;) {
      const value = this._valueAt(p);
      map.set(p, value);
      if (value >= this._max || p >= 100) break;
      p = 100 - (100 - p) / 2;
    }
    map.set(100, this._max);
    return map;
  }

  get percentilesBigInt() {
    const map = new Map();
    for (const [k, v] of this.percentiles) map.set(k, BigInt(v));
    return map;
  }

  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean,
      exceeds: this.exceeds, stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

class RecordableHistogram extends Histogram {
  record(val) {
    if (typeof val === 'bigint') val = Number(val);
    validateInteger(val, 'val', 1);
    this._record(val);
  }

  recordDelta() {
    const now = process.hrtime.bigint();
    if (this._prev !== undefined) this._record(Math.max(1, Number(now - this._prev)));
    this._prev = now;
  }

  add(other) {
    if (!(other instanceof Histogram)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    for (const [value, n] of other._values) {
      for (let i = 0; i < n; i++) this._record(value);
    }
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  return new RecordableHistogram();
}

// Records the time between ticks of an unreferenced timer, in nanoseconds.
class IntervalHistogram extends Histogram {
  constructor(resolution) {
    super();
    this._resolution = resolution;
    this._timer = null;
  }

  enable() {
    if (this._timer !== null) return false;
    let prev = process.hrtime.bigint();
    this._timer = setInterval(() => {
      const now = process.hrtime.bigint();
      this._record(Math.max(1, Number(now - prev)));
      prev = now;
    }, this._resolution);
    this._timer.unref();
    return true;
  }

  disable() {
    if (this._timer === null) return false;
    clearInterval(this._timer);
    this._timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(resolution);
}

// ---------------------------------------------------------------------------
// eventLoopUtilization: libuv's idle time, counted from when this module
// first asked for it.

loopIdleTime();
const loopStart = performance.now();

function eventLoopUtilization(util1, util2) {
  const idle = loopIdleTime();
  const active = Math.max(0, performance.now() - loopStart - idle);
  if (!util1) return { idle, active, utilization: active / (idle + active) || 0 };
  if (util2) {
    const idleDelta = util1.idle - util2.idle;
    const activeDelta = util1.active - util2.active;
    return { idle: idleDelta, active: activeDelta,
      utilization: activeDelta / (idleDelta + activeDelta) };
  }
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta,
    utilization: activeDelta / (idleDelta + activeDelta) };
}

// timerify: 'function' entries for each call.
function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  function timerified(...args) {
    const start = performance.now();
    const result = new.target ? Reflect.construct(fn, args, fn) : fn.apply(this, args);
    const duration = performance.now() - start;
    if (histogram !== undefined) histogram.record(Math.max(1, Math.round(duration * 1e6)));
    enqueue(new PerformanceEntry(fn.name, 'function', start, duration, args));
    return result;
  }
  Object.defineProperties(timerified, {
    length: { configurable: true, value: fn.length },
    name: { configurable: true, value: `timerified ${fn.name}` },
  });
  return timerified;
}

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants,
  eventLoopUtilization,
  timerify,
};
// Node's module has exactly the names above but eventLoopUtilization and
// timerify, which live on performance.
Object.defineProperty(module.exports, 'eventLoopUtilization', { enumerable: false });
Object.defineProperty(module.exports, 'timerify', { enumerable: false });
