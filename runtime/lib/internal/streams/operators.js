'use strict';
// Readable.prototype.map/filter/flatMap/drop/take/asIndexedPairs (returning
// streams) and reduce/toArray/some/every/find/forEach (returning promises).

const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

function v() {
  return require('internal/validators');
}
function codes() {
  return require('internal/errors').codes;
}
function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, signal ? { cause: signal.reason } : undefined);
}

function validateOptions(options) {
  if (options != null) v().validateObject(options, 'options');
  if (options && options.signal != null) v().validateAbortSignal(options.signal, 'options.signal');
}

function linkedController(outer) {
  const ac = new AbortController();
  if (outer) {
    if (outer.aborted) ac.abort(outer.reason);
    else outer.addEventListener('abort', () => ac.abort(outer.reason), { once: true });
  }
  return ac;
}

function map(fn, options) {
  v().validateFunction(fn, 'fn');
  validateOptions(options);
  let concurrency = 1;
  if (options && options.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options && options.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  v().validateInteger(concurrency, 'options.concurrency', 1);
  v().validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;

  return async function* map() {
    const outer = options && options.signal;
    const ac = linkedController(outer);
    const signal = ac.signal;
    const signalOpt = { signal };
    const stream = this;
    const queue = [];
    let running = 0;
    let done = false;
    let next;
    let resume;

    function wakeConsumer() {
      if (next) {
        const fn2 = next;
        next = null;
        fn2();
      }
    }
    function wakeProducer() {
      if (resume && running < concurrency && queue.length < highWaterMark) {
        const fn2 = resume;
        resume = null;
        fn2();
      }
    }
    function onSettled() {
      running--;
      wakeProducer();
    }

    async function pump() {
      try {
        for await (let val of stream) {
          if (done) return;
          if (signal.aborted) throw abortError(outer);
          try {
            val = fn(val, signalOpt);
            if (val === kEmpty) {
              continue;
            }
            val = Promise.resolve(val);
          } catch (err) {
            val = Promise.reject(err);
          }
          running++;
          val.then(onSettled, onSettled);
          val.catch(() => {});
          queue.push(val);
          wakeConsumer();
          if (running >= concurrency || queue.length >= highWaterMark) {
            await new Promise((resolve) => {
              resume = resolve;
              wakeProducer();
            });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const val = Promise.reject(err);
        val.catch(() => {});
        queue.push(val);
      } finally {
        done = true;
        wakeConsumer();
      }
    }

    pump();
    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];
          if (val === kEof) return;
          if (signal.aborted) throw abortError(outer);
          if (val !== kEmpty) yield val;
          queue.shift();
          wakeProducer();
        }
        await new Promise((resolve) => {
          next = resolve;
        });
      }
    } finally {
      done = true;
      ac.abort();
      if (resume) {
        const r = resume;
        resume = null;
        r();
      }
    }
  }.call(this);
}

let warnedIndexedPairs = false;
function asIndexedPairs(options = undefined) {
  if (!warnedIndexedPairs) {
    warnedIndexedPairs = true;
    process.emitWarning('readable.asIndexedPairs will be removed in a future version.',
                        'DeprecationWarning');
  }
  validateOptions(options);
  return async function* asIndexedPairs() {
    let index = 0;
    for await (const val of this) {
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      yield [index++, val];
    }
  }.call(this);
}

async function some(fn, options = undefined) {
  for await (const unused of filter.call(this, fn, options)) { // eslint-disable-line no-unused-vars
    return true;
  }
  return false;
}

async function every(fn, options = undefined) {
  v().validateFunction(fn, 'fn');
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function forEach(fn, options) {
  v().validateFunction(fn, 'fn');
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  for await (const unused of map.call(this, forEachFn, options)); // eslint-disable-line no-unused-vars
}

function filter(fn, options) {
  v().validateFunction(fn, 'fn');
  async function filterFn(value, opts) {
    if (await fn(value, opts)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

class ReduceAwareErrMissingArgs extends TypeError {
  constructor() {
    super('Reduce of an empty stream requires an initial value');
    this.code = 'ERR_MISSING_ARGS';
    // The stack header reads "TypeError [ERR_MISSING_ARGS]: ...", as Node's.
    this.name = 'TypeError [ERR_MISSING_ARGS]';
    this.stack; // eslint-disable-line no-unused-expressions
    delete this.name;
  }
}

async function reduce(reducer, initialValue, options) {
  v().validateFunction(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;
  if (options && options.signal && options.signal.aborted) {
    const err = abortError(options.signal);
    this.once('error', () => {});
    await require('internal/streams/end-of-stream').finished(this.destroy(err));
    throw err;
  }
  const ac = linkedController(options && options.signal);
  const signal = ac.signal;
  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) throw new ReduceAwareErrMissingArgs();
  } finally {
    ac.abort();
  }
  return initialValue;
}

async function toArray(options) {
  validateOptions(options);
  const result = [];
  for await (const val of this) {
    if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
    result.push(val);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return async function* flatMap() {
    for await (const val of values) yield* val;
  }.call(this);
}

function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new (codes().ERR_OUT_OF_RANGE)('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* drop() {
    if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
    for await (const val of this) {
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      if (number-- <= 0) yield val;
    }
  }.call(this);
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* take() {
    if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
    for await (const val of this) {
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      if (number-- > 0) yield val;
      if (number <= 0) return;
    }
  }.call(this);
}

module.exports.streamReturningOperators = { asIndexedPairs, drop, filter, flatMap, map, take };
module.exports.promiseReturningOperators = { every, forEach, reduce, toArray, some, find };
