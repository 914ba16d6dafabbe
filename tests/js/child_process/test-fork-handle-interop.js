'use strict';
// Handle passing between runtimes (node's wire protocol: NODE_HANDLE with the
// descriptor, then NODE_HANDLE_ACK): this runtime passes servers and sockets
// to the other one (node under nodus, NODE_BINARY overrides; under node both
// are node), receives a server from it, and goes through it to a grandchild
// of this runtime (so both directions are exercised on each side).
const assert = require('assert');
const { spawnSync } = require('child_process');
const common = require('../common');
const {
  exited, nextMessage, passServer, passSocket, receiveServer, start,
} = require('./fixtures/handle-common');

const guard = setTimeout(() => { throw new Error('test timed out'); }, common.platformTimeout(25000));
guard.unref();

const other = common.runtimeName() === 'nodus' ? (process.env.NODE_BINARY || 'node') :
  process.execPath;
if (spawnSync(other, ['-e', '0']).status !== 0) {
  console.log(`skipped: ${other} cannot run`);
  return;
}

async function main() {
  // This runtime -> the other.
  const child = start(other, ['serve']);
  await passServer(child, child.pid);
  await passSocket(child, child.pid, 'direct');
  let done = exited(child);
  child.send('exit');
  assert.deepStrictEqual(await done, { code: 0, signal: null });

  // The other -> this runtime.
  await receiveServer(other);

  // This runtime -> the other -> this runtime.
  const relay = start(other, ['relay', process.execPath]);
  // The grandchild (neither us nor the relay) answers the socket.
  const answer = nextMessage(relay);
  relay.send({ kind: 'plain', value: 'who' });
  const grandchild = (await answer).message;
  assert.strictEqual(grandchild.relay, relay.pid);
  assert.deepStrictEqual(grandchild.relayed, { plain: true, value: 'who' });
  const ack = nextMessage(relay);
  const pid = await new Promise((resolve) => {
    // Sockets first: (node's relay then loses the answer of a socket passed
    // after a server, with or without nodus in the chain.)
    const net = require('net');
    const server = net.createServer((socket) => relay.send({ kind: 'socket', tag: 'r' }, socket));
    server.listen(0, '127.0.0.1', () => {
      const client = net.connect(server.address().port, '127.0.0.1');
      let text = '';
      client.setEncoding('utf8');
      client.on('data', (chunk) => { text += chunk; });
      client.on('end', () => {
        server.close();
        resolve(Number(/answered by (\d+)/.exec(text)[1]));
      });
    });
  });
  assert.deepStrictEqual((await ack).message.relayed, { socket: true, tag: 'r' });
  assert.notStrictEqual(pid, relay.pid);
  assert.notStrictEqual(pid, process.pid);
  await passSocket(relay, pid, 'relayed', relay.pid);
  await passServer(relay, pid, relay.pid);
  done = exited(relay);
  relay.send('exit');
  assert.deepStrictEqual(await done, { code: 0, signal: null });
}

main().then(common.mustCall());
