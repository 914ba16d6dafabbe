'use strict';
// fs.watch (FSWatcher over uv_fs_event_t) and fs.watchFile/unwatchFile
// (StatWatcher over uv_fs_poll_t). The native handle is an object from
// binding.newHandle() whose `onchange` the binding calls.

const EventEmitter = require('events');
const {
  AbortError,
  notImplemented,
  uvException,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateObject,
} = require('internal/validators');
const {
  binding,
  encodeName,
  getOptions,
  getStatsFromBinding,
  getValidatedPath,
} = require('internal/fs/utils');

const kFsEvent = 0;
const kStatWatcher = 1;

class FSWatcher extends EventEmitter {
  #handle = null;

  constructor() {
    super();
  }

  // Starts watching; throws the libuv error (syscall 'watch').
  start(filename, persistent, encoding) {
    if (this.#handle !== null) return;
    const handle = binding.newHandle();
    handle.onchange = (status, eventType, name) => {
      if (status < 0) {
        this.emit('error', uvException({ errno: status, syscall: 'watch', path: filename }));
        this.close();
        return;
      }
      this.emit('change', eventType, name === null ? name : encodeName(name, encoding));
    };
    const err = binding.fsEventStart(handle, filename);
    if (err !== 0) {
      throw uvException({ errno: err, syscall: 'watch', path: filename });
    }
    this.#handle = handle;
    if (!persistent) binding.handleRef(handle, kFsEvent, false);
  }

  close() {
    if (this.#handle === null) return;
    binding.handleClose(this.#handle, kFsEvent);
    this.#handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this.#handle !== null) binding.handleRef(this.#handle, kFsEvent, true);
    return this;
  }

  unref() {
    if (this.#handle !== null) binding.handleRef(this.#handle, kFsEvent, false);
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = getOptions(options, {});
  options = { persistent: true, recursive: false, encoding: 'utf8', ...options };
  validateBoolean(options.persistent, 'options.persistent');
  validateBoolean(options.recursive, 'options.recursive');
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  if (options.recursive) throw notImplemented('fs.watch with recursive on Linux');
  const path = getValidatedPath(filename, 'filename');
  const watcher = new FSWatcher();
  watcher.start(path, options.persistent, options.encoding);
  if (listener) watcher.addListener('change', listener);
  const { signal } = options;
  if (signal) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// fsPromises.watch: an async iterator of { eventType, filename }.
function watchPromise(filename, options = {}) {
  validateObject(options, 'options');
  const { signal, ...rest } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  const path = getValidatedPath(filename, 'filename');
  const queue = [];
  const waiting = [];
  let done = false;
  let failure = null;
  const watcher = watch(path, rest);
  const push = (item) => {
    if (waiting.length > 0) waiting.shift().resolve({ value: item, done: false });
    else queue.push(item);
  };
  const finish = (err) => {
    if (done) return;
    done = true;
    failure = err;
    watcher.close();
    for (const w of waiting.splice(0)) {
      if (err) w.reject(err);
      else w.resolve({ value: undefined, done: true });
    }
  };
  watcher.on('change', (eventType, name) => push({ eventType, filename: name }));
  watcher.on('error', finish);
  if (signal) {
    const onAbort = () => finish(new AbortError(undefined, { cause: signal.reason }));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
      if (done) {
        if (failure) return Promise.reject(failure);
        return Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      finish(null);
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

class StatWatcher extends EventEmitter {
  #handle = null;
  #bigint;
  #oldStatus = -1;

  constructor(bigint) {
    super();
    this.#bigint = !!bigint;
  }

  start(filename, persistent, interval) {
    if (this.#handle !== null) return;
    const handle = binding.newHandle();
    handle.bigint = this.#bigint;
    handle.onchange = (status, current, previous) => {
      const newStatus = status < 0 ? -1 : 0;
      if (this.#oldStatus === -1 && newStatus === -1) return;
      this.#oldStatus = newStatus;
      this.emit('change', getStatsFromBinding(current), getStatsFromBinding(previous));
    };
    const err = binding.statWatcherStart(handle, filename, interval);
    if (err !== 0) throw uvException({ errno: err, syscall: 'watch', path: filename });
    this.#handle = handle;
    if (!persistent) binding.handleRef(handle, kStatWatcher, false);
  }

  stop() {
    if (this.#handle === null) return;
    binding.handleClose(this.#handle, kStatWatcher);
    this.#handle = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    if (this.#handle !== null) binding.handleRef(this.#handle, kStatWatcher, true);
    return this;
  }

  unref() {
    if (this.#handle !== null) binding.handleRef(this.#handle, kStatWatcher, false);
    return this;
  }
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename, 'filename');
  filename = require('path').resolve(filename);
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(filename);
  if (watcher === undefined) {
    watcher = new StatWatcher(options.bigint);
    watcher.start(filename, options.persistent, options.interval);
    statWatchers.set(filename, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename, 'filename');
  filename = require('path').resolve(filename);
  const watcher = statWatchers.get(filename);
  if (watcher === undefined) return;
  if (typeof listener === 'function') {
    watcher.removeListener('change', listener);
  } else {
    watcher.removeAllListeners('change');
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { FSWatcher, StatWatcher, unwatchFile, watch, watchFile, watchPromise };
