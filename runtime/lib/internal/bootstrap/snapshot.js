'use strict';
// The builtins every program loads, evaluated once at build time into the
// startup snapshot (runtime/src/snapshot.cc; docs/ARCHITECTURE.md "Start-up").
// Only modules whose top-level code is the same in every process belong
// here: the build refuses bindings with per-process state (options, handles,
// workers, vm), and code that needs argv, env or execPath registers with
// onProcessReady (internal/bootstrap/realm) instead of running at load.
// `process` is not set up yet when this runs: internal/bootstrap/node does
// that in every process.

for (const id of [
  // What internal/bootstrap/node requires.
  'events',
  'internal/process/versions',
  'internal/process/per_thread',
  'internal/process/task_queues',
  'internal/process/execution',
  'internal/process/exit',
  'internal/process/signals',
  'internal/process/warning',
  'internal/process/stdio',
  'internal/bootstrap/globals',
  // What setupGlobals and every entry point load.
  'timers',
  'internal/structured_clone',
  'console',
  'internal/event_target',
  'internal/url',
  'internal/process/pre_execution',
  'internal/process/evaluate',
  'internal/modules/cjs/loader',
  // What the first console.log and most programs load.
  'buffer',
  'internal/util/inspect',
  'internal/errors',
  'internal/validators',
  'internal/streams/writable',
  'internal/streams/readable',
  'internal/streams/duplex',
  'path',
]) {
  require(id);
}
