'use strict';
// setEnvironmentData/getEnvironmentData: a Worker starts with a copy of its
// parent's environment data (later changes are not seen), and passes its own
// on to the workers it starts.
const assert = require('assert');
const { Worker, getEnvironmentData, setEnvironmentData } = require('worker_threads');

const timeout = setTimeout(() => assert.fail('timed out'), 10000);

setEnvironmentData('config', { level: 1 });
setEnvironmentData('gone', 1);
setEnvironmentData('gone', undefined);
assert.deepStrictEqual(getEnvironmentData('config'), { level: 1 });
assert.strictEqual(getEnvironmentData('gone'), undefined);

const worker = new Worker(`
const { Worker, parentPort, getEnvironmentData, setEnvironmentData } =
  require('worker_threads');
const seen = [getEnvironmentData('config'), getEnvironmentData('gone')];
setEnvironmentData('nested', 'yes');
const inner = new Worker(
  'const w = require("worker_threads");' +
  'w.parentPort.postMessage([w.getEnvironmentData("config"), w.getEnvironmentData("nested")])',
  { eval: true });
inner.on('message', (m) => parentPort.postMessage({ seen, inner: m }));
`, { eval: true });
setEnvironmentData('config', { level: 2 });
worker.on('message', (m) => {
  assert.deepStrictEqual(m, { seen: [{ level: 1 }, undefined], inner: [{ level: 1 }, 'yes'] });
  clearTimeout(timeout);
});
worker.on('error', (err) => assert.fail(err));
