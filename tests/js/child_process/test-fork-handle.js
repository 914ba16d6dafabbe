'use strict';
// send(message, handle): servers and sockets (TCP and Unix sockets) passed to
// a forked child and back, the keepOpen option, ordering behind a handle,
// and the handle types that cannot be sent.
const assert = require('assert');
const net = require('net');
const path = require('path');
const common = require('../common');
const {
  close, exited, fetch, listen, nextMessage, passServer, passSocket, receiveServer, start,
} = require('./fixtures/handle-common');

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(20000));
guard.unref();

async function main() {
  const child = start(process.execPath, ['serve']);

  // A TCP server, then connections handed over one by one.
  await passServer(child, child.pid);
  await passSocket(child, child.pid, 'one');
  await passSocket(child, child.pid, 'two');

  // A Unix socket server.
  const dir = common.tmpdir.refresh();
  const socketPath = path.join(dir, 'handle.sock');
  const pipeServer = net.createServer((socket) => socket.end('served by the parent'));
  await listen(pipeServer, socketPath);
  const answered = nextMessage(child);
  child.send({ kind: 'server' }, pipeServer);
  const { message } = await answered;
  assert.strictEqual(message.listening, true);
  assert.strictEqual(message.address, null); // a received pipe does not know its name
  // Closing a Unix socket server unlinks its path: a second name keeps the
  // socket reachable, and only the child accepts on it then.
  const alias = path.join(dir, 'alias.sock');
  require('fs').linkSync(socketPath, alias);
  await close(pipeServer);
  assert.strictEqual(await fetch(alias), `served by ${child.pid}`);

  // Messages sent behind a handle arrive after it, in order.
  const server = net.createServer();
  await listen(server, 0, '127.0.0.1');
  const got = [];
  const four = new Promise((resolve) => {
    child.on('message', function collect(m) {
      got.push(m);
      if (got.length === 4) {
        child.removeListener('message', collect);
        resolve();
      }
    });
  });
  child.send({ kind: 'server' }, server);
  for (let i = 0; i < 3; i++) child.send({ kind: 'plain', value: i });
  await four;
  assert.strictEqual(got[0].listening, true);
  assert.deepStrictEqual(got.slice(1), [0, 1, 2].map((value) => ({ plain: true, value })));
  await close(server);

  // keepOpen: the sender's socket stays open.
  const keepServer = net.createServer();
  await listen(keepServer, 0, '127.0.0.1');
  const kept = new Promise((resolve) => {
    keepServer.once('connection', (socket) => {
      child.send({ kind: 'socket', tag: 'kept' }, socket, { keepOpen: true }, (err) => {
        assert.ifError(err);
        child.once('message', () => {
          assert.strictEqual(socket.destroyed, false);
          socket.destroy();
          resolve();
        });
      });
    });
  });
  const client = net.connect(keepServer.address().port, '127.0.0.1');
  client.resume();
  const ended = new Promise((resolve) => client.on('end', resolve));
  await kept;
  await ended;
  client.end();
  await close(keepServer);

  // Not a handle.
  assert.throws(() => child.send('x', {}), {
    code: 'ERR_INVALID_HANDLE_TYPE', name: 'TypeError', message: 'This handle type cannot be sent',
  });

  const done = exited(child);
  child.send('exit');
  assert.deepStrictEqual(await done, { code: 0, signal: null });

  // A child hands its server to us.
  await receiveServer(process.execPath);
}

main().then(common.mustCall());
