'use strict';
// A worker runs a file on its own thread: workerData (structured clone),
// argv, require() relative to the file, messages both ways, 'online',
// process.exit(n) ending only the worker, messages sent before exit
// delivered before 'exit'.
const assert = require('assert');
const path = require('path');
const { Worker, isMainThread, threadId, parentPort, workerData } = require('worker_threads');

assert.strictEqual(isMainThread, true);
assert.strictEqual(threadId, 0);
assert.strictEqual(parentPort, null);
assert.strictEqual(workerData, null);

const timeout = setTimeout(() => assert.fail('timed out'), 10000);
const data = { n: 1, list: [1, 'two'], map: new Map([[1, 2]]), bytes: new Uint8Array([7, 8]) };
const worker = new Worker(path.join(__dirname, 'fixtures', 'echo.js'), {
  workerData: data, argv: ['x', 2],
});
assert.strictEqual(typeof worker.threadId, 'number');
assert.ok(worker.threadId > 0);
const id = worker.threadId;

const events = [];
worker.on('online', () => events.push('online'));
worker.on('message', (message) => {
  events.push(message);
  if (events.length === 2) {
    worker.postMessage({ deep: [1, { x: new Date(0) }] });
  } else if (events.length === 3) {
    worker.postMessage('exit');
  }
});
worker.on('error', (err) => assert.fail(err));
worker.on('exit', (code) => {
  clearTimeout(timeout);
  assert.strictEqual(code, 3);
  assert.strictEqual(events[0], 'online');
  const hello = events[1];
  assert.strictEqual(hello.isMainThread, false);
  assert.strictEqual(hello.threadId, id);
  assert.deepStrictEqual(hello.workerData, data);
  assert.deepStrictEqual(hello.argv, ['x', '2']);
  assert.strictEqual(hello.helper, 'helper');
  assert.deepStrictEqual(events[2], { echo: { deep: [1, { x: new Date(0) }] } });
  assert.strictEqual(events[3], 'last');
  assert.strictEqual(worker.threadId, -1);
  // The main thread keeps running after the worker's process.exit().
  setImmediate(() => { process.exitCode = 0; });
});
