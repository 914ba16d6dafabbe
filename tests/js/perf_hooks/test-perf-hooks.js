'use strict';
// perf_hooks: histograms, observers of marks/measures, event loop delay and
// utilization, timerify.
const common = require('../common');
const assert = require('assert');
const perfHooks = require('perf_hooks');
const { createHistogram, monitorEventLoopDelay, performance, PerformanceObserver } = perfHooks;

assert.deepStrictEqual(Object.keys(perfHooks), ['Performance', 'PerformanceEntry',
  'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver', 'PerformanceObserverEntryList',
  'PerformanceResourceTiming', 'monitorEventLoopDelay', 'createHistogram', 'performance',
  'constants']);
assert.strictEqual(perfHooks.performance, globalThis.performance);

const h = createHistogram();
assert.strictEqual(h.min, 9223372036854776000);
assert.strictEqual(h.max, 0);
assert.ok(Number.isNaN(h.mean) && Number.isNaN(h.stddev));
assert.strictEqual(h.count, 0);
assert.deepStrictEqual([...h.percentiles], [[100, 0]]);
assert.strictEqual(h.percentile(50), 0);
for (const v of [1, 2, 3, 100]) h.record(v);
assert.strictEqual(h.min, 1);
assert.strictEqual(h.max, 100);
assert.strictEqual(h.mean, 26.5);
assert.strictEqual(h.stddev.toFixed(6), '42.441136');
assert.strictEqual(h.count, 4);
assert.deepStrictEqual([...h.percentiles], [[0, 1], [50, 2], [75, 3], [87.5, 100], [100, 100]]);
assert.strictEqual(h.percentile(50), 2);
assert.strictEqual(h.percentile(99), 100);
assert.strictEqual(h.minBigInt, 1n);
assert.throws(() => h.record(0), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "val" is out of range. It must be >= 1 && <= 9007199254740991. Received 0',
});
assert.throws(() => h.percentile(0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "percentile" is out of range. It must be > 0 && <= 100. Received 0',
});
h.reset();
assert.strictEqual(h.count, 0);

const elu = performance.eventLoopUtilization();
assert.deepStrictEqual(Object.keys(elu), ['idle', 'active', 'utilization']);

const histogram = monitorEventLoopDelay({ resolution: 10 });
assert.strictEqual(histogram.enable(), true);
assert.strictEqual(histogram.enable(), false);
setTimeout(common.mustCall(() => {
  assert.strictEqual(histogram.disable(), true);
  assert.strictEqual(histogram.disable(), false);
  assert.ok(histogram.count > 0);
  assert.ok(histogram.min > 1e6);
  assert.ok(histogram.max >= histogram.min);
  const later = performance.eventLoopUtilization(elu);
  assert.ok(later.idle >= 0 && later.active >= 0);
  assert.ok(later.utilization >= 0 && later.utilization <= 1);
}), 120);

const observer = new PerformanceObserver(common.mustCall((list, obs) => {
  assert.strictEqual(obs, observer);
  const names = list.getEntries().map((e) => `${e.entryType}:${e.name}`).sort();
  assert.deepStrictEqual(names, ['mark:a', 'mark:b', 'measure:a-b']);
  assert.strictEqual(list.getEntriesByType('mark').length, 2);
  assert.strictEqual(list.getEntriesByName('a-b')[0].entryType, 'measure');
  observer.disconnect();
}));
observer.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('a');
performance.mark('b');
performance.measure('a-b', 'a', 'b');
assert.ok(PerformanceObserver.supportedEntryTypes.includes('mark'));
assert.throws(() => new PerformanceObserver().observe(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new PerformanceObserver(() => {}).observe({}), { code: 'ERR_MISSING_ARGS' });

const fnObserver = new PerformanceObserver(common.mustCall((list) => {
  const [entry] = list.getEntries();
  assert.strictEqual(entry.entryType, 'function');
  assert.strictEqual(entry.name, 'square');
  fnObserver.disconnect();
}));
fnObserver.observe({ type: 'function' });
const timed = performance.timerify(function square(x) { return x * x; });
assert.strictEqual(timed.name, 'timerified square');
assert.strictEqual(timed(4), 16);
