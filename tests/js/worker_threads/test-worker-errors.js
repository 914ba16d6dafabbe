'use strict';
// What the parent's 'error' receives: the cloned error with its own
// properties (code), for a missing worker file and a missing module, an
// unhandled rejection, a thrown primitive, and the inspection of a thrown
// value that cannot be cloned. Each is followed by 'exit' 1.
const assert = require('assert');
const { Worker } = require('worker_threads');

const timeout = setTimeout(() => assert.fail('timed out'), 15000);

function run(filename, options) {
  return new Promise((resolve) => {
    const worker = new Worker(filename, options);
    const errors = [];
    worker.on('error', (e) => errors.push(e));
    worker.on('exit', (code) => resolve({ code, errors }));
  });
}

(async () => {
  let r = await run('/nonexistent/worker-file.js');
  assert.strictEqual(r.code, 1);
  assert.strictEqual(r.errors.length, 1);
  assert.ok(r.errors[0] instanceof Error);
  assert.strictEqual(r.errors[0].code, 'MODULE_NOT_FOUND');

  r = await run('require("/nonexistent/module.js")', { eval: true });
  assert.strictEqual(r.errors[0].code, 'MODULE_NOT_FOUND');
  assert.match(r.errors[0].message, /Cannot find module '\/nonexistent\/module.js'/);

  r = await run('const e = new Error("rejected"); e.code = "E_TEST"; e.extra = { n: 1 };' +
    'e.fn = () => {}; Promise.reject(e)', { eval: true });
  assert.strictEqual(r.code, 1);
  assert.strictEqual(r.errors[0].message, 'rejected');
  assert.strictEqual(r.errors[0].code, 'E_TEST');
  assert.deepStrictEqual(r.errors[0].extra, { n: 1 });
  assert.strictEqual(r.errors[0].fn, undefined);

  r = await run('throw 42', { eval: true });
  assert.deepStrictEqual(r.errors, [42]);

  r = await run('throw { fn() {} }', { eval: true });
  assert.strictEqual(typeof r.errors[0], 'string');
  assert.match(r.errors[0], /fn/);

  clearTimeout(timeout);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
