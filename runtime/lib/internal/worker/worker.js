'use strict';
// The Worker class (parent side): a thread with its own isolate, context,
// Env and loop, started by internalBinding('worker').Worker.

const EventEmitter = require('events');
const path = require('path');
const binding = internalBinding('worker');
const { createMessagePort, postThrough, drainPort, notImplemented } =
  require('internal/worker/io');

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kExitCode = Symbol('kExitCode');
const kOnline = Symbol('kOnline');
const kEmitOnline = Symbol('kEmitOnline');
const kOnExit = Symbol('kOnExit');

function lazyErrors() {
  return require('internal/errors');
}

function resolveFilename(filename, isEval) {
  const { codes } = lazyErrors();
  if (isEval) {
    if (typeof filename !== 'string') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.eval', filename,
        'must be false when \'filename\' is not a string');
    }
    return filename;
  }
  if (filename instanceof URL || (filename !== null && typeof filename === 'object' &&
      typeof filename.href === 'string' && typeof filename.protocol === 'string')) {
    if (filename.protocol === 'data:') throw notImplemented('Worker from a data: URL');
    return require('internal/url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (filename.startsWith('file:')) return require('internal/url').fileURLToPath(filename);
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
    throw new codes.ERR_WORKER_PATH(filename);
  }
  return path.resolve(filename);
}

function envPairs(env) {
  const pairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value === undefined) continue;
    pairs.push(key, `${value}`);
  }
  return pairs;
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    const { codes } = lazyErrors();
    if (options === null || typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const isEval = !!options.eval;
    const file = resolveFilename(filename, isEval);
    let argv = [];
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) {
        throw new codes.ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
      }
      argv = options.argv.map(String);
    }
    let execArgv = process.execArgv;
    if (options.execArgv !== undefined) {
      if (!Array.isArray(options.execArgv)) {
        throw new codes.ERR_INVALID_ARG_TYPE('options.execArgv', 'Array', options.execArgv);
      }
      execArgv = options.execArgv.map(String);
    }
    let shareEnv = false;
    let env;
    if (options.env === SHARE_ENV) {
      shareEnv = true;
    } else if (options.env === undefined || options.env === null) {
      env = envPairs(process.env);
    } else if (typeof options.env === 'object') {
      env = envPairs(options.env);
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined', 'null'],
        options.env);
    }
    for (const name of ['stdin', 'stdout', 'stderr']) {
      if (options[name]) throw notImplemented(`Worker option '${name}: true'`);
    }
    if (options.resourceLimits !== undefined &&
        (options.resourceLimits === null || typeof options.resourceLimits !== 'object')) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.resourceLimits', 'Object',
        options.resourceLimits);
    }
    this[kExitCode] = undefined;

    // The parent's end of the channel: started at once, never keeping the
    // loop alive (the worker itself does, until it exits or is unref()ed).
    const port = createMessagePort();
    this[kPort] = port;
    port.on('message', (value) => {
      this[kEmitOnline]();
      this.emit('message', value);
    });
    port.on('messageerror', (error) => {
      this[kEmitOnline]();
      this.emit('messageerror', error);
    });
    port.unref();

    const transfer = options.transferList === undefined ? undefined :
      Array.from(options.transferList);
    const handle = new binding.Worker({
      filename: file, eval: isEval, argv, execArgv, shareEnv, env,
      // The worker's workerData and a copy of this thread's environment data.
      workerData: [options.workerData, require('internal/worker/state').environmentData],
      transferList: transfer,
    }, port);
    this[kHandle] = handle;
    this.threadId = handle.threadId;
    this[kOnline] = false;
    handle.ononline = () => this[kEmitOnline]();
    handle.onexit = (code, error) => this[kOnExit](code, error);
    handle.start();
  }

  // 'online' comes first even when a message from the worker is handled
  // before the wake-up that reports it.
  [kEmitOnline]() {
    if (this[kOnline]) return;
    this[kOnline] = true;
    this.emit('online');
  }

  [kOnExit](code, error) {
    const port = this[kPort];
    // Messages sent before the worker ended are delivered before 'exit'.
    drainPort(port);
    port.close();
    this[kHandle] = null;
    this[kExitCode] = code;
    this.threadId = -1;
    if (error !== null && typeof error === 'object' && error['nodus:workerError'] === true) {
      const { error: original, props } = error;
      error = original;
      if (error !== null && typeof error === 'object') Object.assign(error, props);
    }
    if (error !== undefined) this.emit('error', error);
    this.emit('exit', code);
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
  }

  postMessage(value, transfer) {
    if (arguments.length === 0) {
      throw new (lazyErrors().codes.ERR_MISSING_ARGS)('message');
    }
    if (this[kHandle] === null) return;
    postThrough(this[kPort], value, transfer);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning(
        'Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      if (this[kHandle] === null) return Promise.resolve();
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kHandle] === null) return Promise.resolve();
    const promise = new Promise((resolve) => this.once('exit', resolve));
    this[kHandle].terminate();
    return promise;
  }

  ref() {
    if (this[kHandle] !== null) this[kHandle].ref();
  }

  unref() {
    if (this[kHandle] !== null) this[kHandle].unref();
  }

  get resourceLimits() {
    return this[kHandle] === null ? {} : {
      maxYoungGenerationSizeMb: 0, maxOldGenerationSizeMb: 0, codeRangeSizeMb: 0,
      stackSizeMb: 4,
    };
  }

  get stdin() { return null; }
  get stdout() { throw notImplemented('worker.stdout'); }
  get stderr() { throw notImplemented('worker.stderr'); }
  get performance() { throw notImplemented('worker.performance'); }
  getHeapSnapshot() { throw notImplemented('worker.getHeapSnapshot'); }
}

module.exports = { Worker, SHARE_ENV };
