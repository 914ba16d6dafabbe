'use strict';
// Sets up `process` and the global object the way Node 20 presents them.
// Runs once in every process, before the entry point (internal/main/*): also
// when the builtins it requires were evaluated at build time in the startup
// snapshot (internal/bootstrap/snapshot), so everything that differs between
// processes (argv, env, pid, options, handlers) is set up here.

const EventEmitter = require('events');
const processMethods = internalBinding('process_methods');
const { NODE_COMPAT_VERSION, NODUS_VERSION } = require('internal/process/versions');

// process is an EventEmitter: process -> process.prototype -> EventEmitter.prototype.
const processPrototype = Object.getPrototypeOf(process);
Object.setPrototypeOf(processPrototype, EventEmitter.prototype);
Object.defineProperty(processPrototype, Symbol.toStringTag, {
  __proto__: null, value: 'process', writable: false, enumerable: false, configurable: true,
});
EventEmitter.call(process);

function defineValue(name, value, enumerable = true) {
  Object.defineProperty(process, name, {
    __proto__: null, value, writable: true, enumerable, configurable: true,
  });
}

// --- Identity --------------------------------------------------------------
defineValue('version', `v${NODE_COMPAT_VERSION}`);
defineValue('versions', require('internal/process/versions').versions());
defineValue('arch', require('internal/process/versions').arch());
defineValue('platform', 'linux');
defineValue('release', { name: 'node', lts: 'Iron', nodus: NODUS_VERSION });
// What this build has (tls: OpenSSL with ALPN and SNI, no OCSP stapling;
// builtins from embedded code caches; the inspector).
defineValue('features', {
  inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true,
  tls_ocsp: false, tls: true, cached_builtins: true, require_module: false,
});
defineValue('config', { target_defaults: {}, variables: { node_shared: false } });
const realm = require('internal/bootstrap/realm');
defineValue('moduleLoadList', realm.moduleLoadList);
defineValue('_exiting', false);
defineValue('domain', null);

// --- Per-process methods (internal/process/per_thread) --------------------
const perThread = require('internal/process/per_thread');
perThread.install(process);

// --- Environment, argv, ids ----------------------------------------------
const options = internalBinding('options');
defineValue('env', processMethods.createEnvObject());
defineValue('execPath', processMethods.execPath());
defineValue('argv0', processMethods.argv()[0]);
defineValue('argv', [processMethods.execPath()]);
defineValue('execArgv', options.execArgv);
const ids = processMethods.getIds();
defineValue('pid', ids[0]);
Object.defineProperty(process, 'ppid', {
  __proto__: null, get: processMethods.getPpid, enumerable: true, configurable: true,
});
Object.defineProperty(process, 'title', {
  __proto__: null,
  get: processMethods.getTitle,
  set(value) { processMethods.setTitle(String(value)); },
  enumerable: true,
  configurable: true,
});
if (options.title) process.title = options.title;
// The inspector's port (--inspect-port); the agent stores the bound one when it starts.
defineValue('debugPort', options.inspectPort);

// --- Tasks, timers, errors ------------------------------------------------
const { nextTick, setupTaskQueue, queueMicrotask } = require('internal/process/task_queues');
defineValue('nextTick', nextTick);
setupTaskQueue();
require('internal/process/execution').setupUncaughtExceptionHandler();
require('internal/process/exit').setupExitCallbacks();
// Signals are the main thread's: a worker never installs signal handlers.
if (internalBinding('worker').isMainThread) {
  require('internal/process/signals').setupSignalHandlers();
}
const { emitWarning } = require('internal/process/warning');
defineValue('emitWarning', emitWarning);

// --- Standard streams (lazy, like Node) -----------------------------------
const stdio = require('internal/process/stdio');
for (const name of ['stdout', 'stderr', 'stdin']) {
  Object.defineProperty(process, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const stream = stdio.getStdio(name);
      Object.defineProperty(process, name, {
        __proto__: null, value: stream, writable: true, enumerable: true, configurable: true,
      });
      return stream;
    },
  });
}

// --- Globals ---------------------------------------------------------------
require('internal/bootstrap/globals').setupGlobals(queueMicrotask);

// --- --cpu-prof / --heap-prof: profilers start before the entry point --------
if (options.cpuProf || options.heapProf) require('internal/inspector/profiler').start(options);

// Module code waiting for the process to be set up runs now.
realm.setProcessReady();
