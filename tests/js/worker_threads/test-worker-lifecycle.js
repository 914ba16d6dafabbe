'use strict';
// 'error' with the cloned uncaught exception then 'exit' 1; eval workers;
// terminate() of an idle and of a busy worker resolves with 1; terminate()
// after exit resolves undefined; env copies and SHARE_ENV; an unref()ed
// worker does not keep the process alive.
const assert = require('assert');
const { Worker, SHARE_ENV } = require('worker_threads');

const timeout = setTimeout(() => assert.fail('timed out'), 15000);

function run(code, options) {
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, ...options });
    const result = { messages: [], errors: [], worker };
    worker.on('message', (m) => result.messages.push(m));
    worker.on('error', (e) => result.errors.push(e));
    worker.on('exit', (code) => {
      result.code = code;
      resolve(result);
    });
  });
}

(async () => {
  // An uncaught exception.
  let r = await run('class E extends Error {}; throw new RangeError("boom")');
  assert.strictEqual(r.code, 1);
  assert.strictEqual(r.errors.length, 1);
  assert.ok(r.errors[0] instanceof RangeError);
  assert.strictEqual(r.errors[0].message, 'boom');
  assert.match(r.errors[0].stack, /RangeError: boom/);

  // process.exitCode and a normal end.
  r = await run('process.exitCode = 5; require("worker_threads").parentPort.postMessage(1)');
  assert.strictEqual(r.code, 5);
  assert.deepStrictEqual(r.messages, [1]);

  // An uncaughtException listener in the worker handles it.
  r = await run('process.on("uncaughtException", (e) => ' +
    'require("worker_threads").parentPort.postMessage(e.message)); throw new Error("caught")');
  assert.strictEqual(r.code, 0);
  assert.deepStrictEqual(r.messages, ['caught']);

  // env: a copy by default, an object, or SHARE_ENV.
  process.env.NODUS_WORKER_TEST = 'parent';
  const envCode = 'const { parentPort } = require("worker_threads");' +
    'parentPort.postMessage(process.env.NODUS_WORKER_TEST);' +
    'process.env.NODUS_WORKER_TEST = "child"; process.env.NUM = 1;' +
    'parentPort.postMessage(typeof process.env.NUM)';
  r = await run(envCode);
  assert.deepStrictEqual(r.messages, ['parent', 'string']);
  assert.strictEqual(process.env.NODUS_WORKER_TEST, 'parent');
  r = await run(envCode, { env: { NODUS_WORKER_TEST: 'given' } });
  assert.deepStrictEqual(r.messages, ['given', 'string']);
  r = await run(envCode, { env: SHARE_ENV });
  assert.deepStrictEqual(r.messages, ['parent', 'string']);
  assert.strictEqual(process.env.NODUS_WORKER_TEST, 'child');

  // terminate(): idle, then busy in a loop.
  const idle = new Worker('setInterval(() => {}, 1000)', { eval: true });
  await new Promise((resolve) => idle.once('online', resolve));
  assert.strictEqual(await idle.terminate(), 1);
  assert.strictEqual(await idle.terminate(), undefined);
  const busy = new Worker('require("worker_threads").parentPort.postMessage("go"); for (;;) {}',
    { eval: true });
  await new Promise((resolve) => busy.once('message', resolve));
  const exits = [];
  busy.on('exit', (code) => exits.push(code));
  assert.strictEqual(await busy.terminate(), 1);
  assert.deepStrictEqual(exits, [1]);

  // Bad arguments.
  assert.throws(() => new Worker('relative.js'), { code: 'ERR_WORKER_PATH', name: 'TypeError' });
  assert.throws(() => new Worker(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new Worker('/nonexistent.js', { env: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });

  clearTimeout(timeout);
  // Last: an unref()ed worker that would run forever does not hold the process.
  const forever = new Worker('setInterval(() => {}, 1000)', { eval: true });
  forever.unref();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
