'use strict';
// inspector/promises: post() returns a promise (argument errors reject it);
// Profiler start/stop gives a profile with a user function;
// HeapProfiler.takeHeapSnapshot's chunks form one valid snapshot.
const common = require('../common');
const assert = require('assert');

// inspector/promises is node 19+: Debian 12's node 18 oracle skips the
// comparison (nodus always runs it).
if (process.release.nodus === undefined && Number(process.versions.node.split('.')[0]) < 19) {
  console.log('skipped: node < 19 has no inspector/promises');
  return;
}

const inspector = require('inspector');
const promises = require('inspector/promises');

assert.strictEqual(promises.open, inspector.open);
assert.strictEqual(promises.close, inspector.close);
assert.strictEqual(promises.url, inspector.url);
assert.strictEqual(promises.waitForDebugger, inspector.waitForDebugger);
assert.strictEqual(promises.console, inspector.console);
assert.ok(promises.Session.prototype instanceof inspector.Session);
assert.notStrictEqual(inspector.console, console);
assert.strictEqual(typeof inspector.console.log, 'function');

function profiledUserFunction() {
  let x = 0;
  const end = Date.now() + 50;
  while (Date.now() < end) x += Math.sqrt(x + 1);
  return x;
}

async function main() {
  const session = new promises.Session();
  await assert.rejects(session.post('Runtime.evaluate'), { code: 'ERR_INSPECTOR_NOT_CONNECTED' });
  const invalid = session.post(1);
  assert.ok(invalid instanceof Promise);
  await assert.rejects(invalid, { code: 'ERR_INVALID_ARG_TYPE' });
  session.connect();
  await assert.rejects(session.post('Runtime.evaluate', 1), { code: 'ERR_INVALID_ARG_TYPE' });

  assert.deepStrictEqual(await session.post('Runtime.evaluate', { expression: '2 ** 10' }),
                         { result: { type: 'number', value: 1024, description: '1024' } });
  const awaited = await session.post('Runtime.evaluate', {
    expression: 'new Promise((resolve) => setTimeout(() => resolve("later"), 5))',
    awaitPromise: true,
  });
  assert.strictEqual(awaited.result.value, 'later');
  await assert.rejects(session.post('Nope.method'), {
    code: 'ERR_INSPECTOR_COMMAND', message: "Inspector error -32601: 'Nope.method' wasn't found",
  });
  await assert.rejects(session.post('Runtime.evaluate', { expression: 5 }), (err) => {
    assert.strictEqual(err.code, 'ERR_INSPECTOR_COMMAND');
    assert.match(err.message, /^Inspector error -32602: /);
    return true;
  });

  // CPU profile.
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  profiledUserFunction();
  const { profile } = await session.post('Profiler.stop');
  assert.ok(profile.samples.length > 0);
  assert.strictEqual(profile.samples.length, profile.timeDeltas.length);
  assert.ok(profile.nodes.some((node) => node.callFrame.functionName === 'profiledUserFunction' &&
                                         node.callFrame.url.startsWith('file://')));
  await session.post('Profiler.disable');

  // Heap snapshot: chunks arrive as notifications before the response.
  const chunks = [];
  const onChunk = (message) => chunks.push(message.params.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  globalThis.markerForTheSnapshot = new (class SnapshotMarkerClass {})();
  const result = await session.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  assert.deepStrictEqual(result, {});
  assert.ok(chunks.length > 0);
  const snapshot = JSON.parse(chunks.join(''));
  assert.deepStrictEqual(Object.keys(snapshot).slice(0, 3), ['snapshot', 'nodes', 'edges']);
  assert.ok(snapshot.snapshot.node_count > 1000);
  assert.strictEqual(snapshot.nodes.length,
                     snapshot.snapshot.node_count * snapshot.snapshot.meta.node_fields.length);
  assert.ok(snapshot.strings.includes('SnapshotMarkerClass'));

  // Sampling heap profile.
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024 });
  const kept = [];
  for (let i = 0; i < 20000; i++) kept.push({ i });
  const sampled = await session.post('HeapProfiler.stopSampling');
  assert.strictEqual(sampled.profile.head.callFrame.functionName, '(root)');
  assert.ok(sampled.profile.samples.length > 0);
  assert.strictEqual(kept.length, 20000);

  session.disconnect();
  await assert.rejects(session.post('Runtime.evaluate'), { code: 'ERR_INSPECTOR_NOT_CONNECTED' });
}

main().then(common.mustCall());
