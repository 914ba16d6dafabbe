'use strict';
// MessagePorts move between threads in transferList: through workerData and
// through postMessage; the worker answers on the transferred port directly;
// messages queued on a port before its transfer go with it.
const assert = require('assert');
const { Worker, MessageChannel, MessagePort } = require('worker_threads');

const timeout = setTimeout(() => assert.fail('timed out'), 10000);

const code = `
const { parentPort, workerData, MessagePort } = require('worker_threads');
workerData.port.on('message', (m) => {
  workerData.port.postMessage({ fromWorkerData: m, isPort: workerData.port instanceof MessagePort });
});
parentPort.on('message', ({ port }) => {
  port.on('message', (m) => {
    port.postMessage('reply to ' + m);
    port.close();
    parentPort.close();
    workerData.port.close();
  });
});
`;

(async () => {
  const first = new MessageChannel();
  const second = new MessageChannel();
  // Queued on the port that is transferred: delivered in the worker.
  first.port1.postMessage('queued');
  const worker = new Worker(code, {
    eval: true, workerData: { port: first.port2 }, transferList: [first.port2],
  });
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  const fromWorkerData = await new Promise((resolve) => first.port1.once('message', resolve));
  assert.deepStrictEqual(fromWorkerData, { fromWorkerData: 'queued', isPort: true });

  assert.throws(() => worker.postMessage({ port: second.port2 }),
    { name: 'TypeError', code: 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST' });
  assert.throws(() => second.port1.postMessage(1, [second.port1]), { name: 'DataCloneError' });
  worker.postMessage({ port: second.port2 }, [second.port2]);
  second.port1.postMessage('hello');
  const reply = await new Promise((resolve) => second.port1.once('message', resolve));
  assert.strictEqual(reply, 'reply to hello');
  const closed = new Promise((resolve) => second.port1.once('close', resolve));
  assert.strictEqual(await exited, 0);
  await closed;
  assert.ok(first.port1 instanceof MessagePort);
  first.port1.close();
  clearTimeout(timeout);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
