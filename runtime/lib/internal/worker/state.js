'use strict';
// What worker_threads exports for this thread: set by internal/worker/entry
// before user code runs in a worker; the defaults are the main thread's.

module.exports = {
  parentPort: null,
  workerData: null,
  // setEnvironmentData(): copied into every Worker this thread starts.
  environmentData: new Map(),
};
