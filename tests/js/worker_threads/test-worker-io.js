'use strict';
// Workers use the runtime's I/O on their own loops while the main thread
// does too: fs (async, Dir), a TCP server and client, zlib, crypto, timers;
// several workers at once, each streaming messages.
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const { Worker } = require('worker_threads');

const timeout = setTimeout(() => assert.fail('timed out'), 20000);

const code = `
const fs = require('fs');
const net = require('net');
const zlib = require('zlib');
const crypto = require('crypto');
const { parentPort, workerData } = require('worker_threads');
const dir = fs.opendirSync(__dirname === '.' ? '.' : '.');
dir.closeSync();
const packed = zlib.gzipSync('worker ' + workerData);
const hash = crypto.createHash('sha256').update('x').digest('hex');
fs.readFile(${JSON.stringify(__filename)}, 'utf8', (err, text) => {
  if (err) throw err;
  const server = net.createServer((socket) => {
    socket.end(zlib.gunzipSync(packed));
    server.close();
  }).listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1');
    let got = '';
    client.on('data', (chunk) => { got += chunk; });
    client.on('end', () => {
      for (let i = 0; i < 100; i++) parentPort.postMessage(i);
      setTimeout(() => parentPort.postMessage({ got, hash, length: text.length }), 5);
    });
  });
});
`;

const expectedHash = require('crypto').createHash('sha256').update('x').digest('hex');
const length = fs.readFileSync(__filename, 'utf8').length;
const count = 4;
let done = 0;
for (let n = 0; n < count; n++) {
  const worker = new Worker(code, { eval: true, workerData: n });
  let next = 0;
  worker.on('message', (message) => {
    if (typeof message === 'number') {
      assert.strictEqual(message, next++);
      return;
    }
    assert.strictEqual(next, 100);
    assert.deepStrictEqual(message, { got: `worker ${n}`, hash: expectedHash, length });
  });
  worker.on('error', (err) => assert.fail(err));
  worker.on('exit', (code) => {
    assert.strictEqual(code, 0);
    if (++done === count) clearTimeout(timeout);
  });
}

// The main thread's own I/O at the same time.
const server = net.createServer((socket) => {
  socket.end('main');
  server.close();
}).listen(0, '127.0.0.1', () => {
  net.connect(server.address().port, '127.0.0.1').on('data', (data) => {
    assert.strictEqual(String(data), 'main');
  });
});
fs.opendirSync('.').closeSync();
