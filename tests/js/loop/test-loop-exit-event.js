'use strict';
// The 'exit' event: called with the exit code and `this === process`; work
// scheduled from it never runs; its listeners may change process.exitCode,
// which then becomes the exit code.
const assert = require('assert');
const common = require('../common');

process.exitCode = 4;
assert.strictEqual(process.exitCode, 4);

let calls = 0;
process.on('exit', function(code) {
  calls++;
  assert.strictEqual(this, process);
  assert.strictEqual(arguments.length, 1);
  assert.strictEqual(code, 4);
  assert.strictEqual(process.exitCode, 4);
  setTimeout(common.mustNotCall('timer scheduled from exit'), 0);
  setImmediate(common.mustNotCall('immediate scheduled from exit'));
});
process.on('exit', (code) => {
  // Listeners run in registration order, each once.
  assert.strictEqual(calls, 1);
  assert.strictEqual(code, 4);
  // Setting exitCode here decides the final status: 0 means the test passed.
  process.exitCode = 0;
});
