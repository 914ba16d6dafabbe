'use strict';
// Entry point of a worker thread (Env::Bootstrap in a worker's Env): the
// worker_threads state, process.argv/env, the uncaught-exception report to
// the parent, then the worker's file or code.

const binding = internalBinding('worker');
const { createMessagePort } = require('internal/worker/io');
const state = require('internal/worker/state');

const parentHandle = new binding.MessagePort();
const info = binding.getWorkerInfo(parentHandle);
state.parentPort = createMessagePort(parentHandle);
state.workerData = info.workerData[0];
state.environmentData = info.workerData[1];

function defineValue(name, value) {
  Object.defineProperty(process, name, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

if (!info.shareEnv) {
  // A copy of the parent's environment (or options.env): values are strings.
  const env = info.env;
  defineValue('env', new Proxy(env, {
    set(target, key, value) {
      target[key] = `${value}`;
      return true;
    },
    defineProperty(target, key, descriptor) {
      target[key] = `${descriptor.value}`;
      return true;
    },
  }));
}
defineValue('argv', [process.execPath, info.eval ? '[worker eval]' : info.filename,
  ...info.argv]);
defineValue('execArgv', info.execArgv);
// The parent's stdin is not the worker's: a stream that never has data
// (Node's without the `stdin: true` option). stdout and stderr write to the
// process's descriptors directly.
Object.defineProperty(process, 'stdin', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    const { Readable } = require('stream');
    const stdin = new Readable({ read() {} });
    stdin.fd = 0;
    defineValue('stdin', stdin);
    return stdin;
  },
});
const { ERR_WORKER_UNSUPPORTED_OPERATION } = require('internal/errors').codes;
for (const name of ['chdir', 'abort', 'setuid', 'setgid', 'seteuid', 'setegid', 'setgroups',
  'initgroups']) {
  if (typeof process[name] === 'function') {
    defineValue(name, function unsupported() {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
    });
  }
}

// An uncaught exception ends the worker: the parent gets it as 'error'.
// V8 clones an Error's message and stack; its other own properties (`code`…)
// travel beside it. What cannot be cloned at all arrives as its inspection.
require('internal/process/execution').setWorkerErrorHook((error) => {
  let payload = error;
  if (error !== null && typeof error === 'object') {
    const props = {};
    for (const key of Object.keys(error)) {
      try {
        structuredClone(error[key]);
        props[key] = error[key];
      } catch {
        // Left out, as node leaves out what it cannot serialize.
      }
    }
    payload = { 'nodus:workerError': true, error, props };
  }
  let fallback;
  try {
    fallback = require('util').inspect(error);
  } catch {
    fallback = '[uninspectable error]';
  }
  binding.setError(payload, fallback);
});

if (info.eval) {
  require('internal/process/evaluate').evalScript('[worker eval]', info.filename, false);
} else {
  require('internal/modules/cjs/loader').Module.runMain(info.filename);
}
