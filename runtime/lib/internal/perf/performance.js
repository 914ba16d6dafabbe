'use strict';
// performance.now() and timeOrigin; marks and measures (a subset of the
// User Timing API that common code uses).

const { now: monotonicNow } = internalBinding('process_methods');

const startMonotonic = monotonicNow();
const timeOrigin = Date.now() - 0;
const entries = [];
// perf_hooks' PerformanceObserver registers here to see new entries.
let entryListener = null;
function setEntryListener(fn) {
  entryListener = fn;
}
function notify(entry) {
  if (entryListener !== null) entryListener(entry);
}

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    this.name = name;
    this.entryType = entryType;
    this.startTime = startTime;
    this.duration = duration;
    this.detail = detail === undefined ? null : detail;
  }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime,
      duration: this.duration, detail: this.detail };
  }
}

class Performance {
  now() {
    return monotonicNow() - startMonotonic;
  }

  get timeOrigin() {
    return timeOrigin;
  }

  mark(name, options = {}) {
    const startTime = options.startTime !== undefined ? options.startTime : this.now();
    const entry = new PerformanceEntry(`${name}`, 'mark', startTime, 0, options.detail);
    entries.push(entry);
    notify(entry);
    return entry;
  }

  measure(name, startOrOptions, endMark) {
    const find = (mark) => {
      if (typeof mark === 'number') return mark;
      for (let i = entries.length - 1; i >= 0; i--) {
        if (entries[i].entryType === 'mark' && entries[i].name === mark) return entries[i].startTime;
      }
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException(`The "${mark}" performance mark has not been set`, 'SyntaxError');
    };
    let start = 0;
    let end = this.now();
    let detail;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      if (startOrOptions.start !== undefined) start = find(startOrOptions.start);
      if (startOrOptions.end !== undefined) end = find(startOrOptions.end);
      if (startOrOptions.duration !== undefined) end = start + startOrOptions.duration;
      detail = startOrOptions.detail;
    } else {
      if (startOrOptions !== undefined) start = find(startOrOptions);
      if (endMark !== undefined) end = find(endMark);
    }
    const entry = new PerformanceEntry(`${name}`, 'measure', start, end - start, detail);
    entries.push(entry);
    notify(entry);
    return entry;
  }

  clearMarks(name) {
    this._clear('mark', name);
  }

  clearMeasures(name) {
    this._clear('measure', name);
  }

  _clear(type, name) {
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) {
        entries.splice(i, 1);
      }
    }
  }

  getEntries() {
    return entries.slice();
  }

  getEntriesByName(name, type) {
    return entries.filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }

  getEntriesByType(type) {
    return entries.filter((e) => e.entryType === type);
  }

  toJSON() {
    return { timeOrigin };
  }

  eventLoopUtilization(util1, util2) {
    return require('perf_hooks').eventLoopUtilization(util1, util2);
  }

  timerify(fn, options) {
    return require('perf_hooks').timerify(fn, options);
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Performance', configurable: true,
});

const performance = new Performance();

module.exports = { performance, Performance, PerformanceEntry, setEntryListener };
