'use strict';
// MessageChannel within a thread: queued until started, receiveMessageOnPort,
// 'close' on both ends, ArrayBuffer transfer (the original detached),
// DataCloneError for functions, messages to a closed port dropped.
const assert = require('assert');
const { MessageChannel, MessagePort, receiveMessageOnPort, Worker } =
  require('worker_threads');

const timeout = setTimeout(() => assert.fail('timed out'), 10000);

assert.throws(() => new MessagePort(), { name: 'TypeError' });
assert.throws(() => receiveMessageOnPort({}), { code: 'ERR_INVALID_ARG_TYPE' });

(async () => {
  const { port1, port2 } = new MessageChannel();
  assert.ok(port1 instanceof MessagePort);
  port1.postMessage({ a: 1 });
  port1.postMessage('second');
  assert.deepStrictEqual(receiveMessageOnPort(port2), { message: { a: 1 } });
  assert.deepStrictEqual(receiveMessageOnPort(port2), { message: 'second' });
  assert.strictEqual(receiveMessageOnPort(port2), undefined);

  // Transfer: the sender's buffer is detached, the receiver has the bytes.
  const buffer = new Uint8Array([1, 2, 3]).buffer;
  port1.postMessage({ buffer }, [buffer]);
  assert.strictEqual(buffer.byteLength, 0);
  const received = await new Promise((resolve) => port2.once('message', resolve));
  assert.deepStrictEqual([...new Uint8Array(received.buffer)], [1, 2, 3]);

  assert.throws(() => port1.postMessage(() => {}), { name: 'DataCloneError' });

  // Messages posted before a listener is added wait for it, in order.
  const { port1: a, port2: b } = new MessageChannel();
  a.postMessage(1);
  a.postMessage(2);
  const got = [];
  await new Promise((resolve) => {
    b.on('message', (m) => {
      got.push(m);
      if (got.length === 2) resolve();
    });
  });
  assert.deepStrictEqual(got, [1, 2]);

  // close() closes both ends.
  const closed = [];
  a.on('close', () => closed.push('a'));
  b.on('close', () => closed.push('b'));
  a.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepStrictEqual(closed.sort(), ['a', 'b']);
  a.postMessage('dropped');

  // A SharedArrayBuffer is shared with a worker.
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    'const { parentPort, workerData } = require("worker_threads");' +
    'Atomics.store(workerData, 0, 42); Atomics.notify(workerData, 0);' +
    'parentPort.postMessage("stored")', { eval: true, workerData: shared });
  await new Promise((resolve) => worker.once('message', resolve));
  assert.strictEqual(Atomics.load(shared, 0), 42);

  port1.close();
  clearTimeout(timeout);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
