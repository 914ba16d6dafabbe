'use strict';
// Unix domain sockets: listen on a path, connect by path, address() is the path.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-net-pipe-'));
const sock = path.join(dir, 'server.sock');
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const server = net.createServer(common.mustCall((socket) => {
  socket.setEncoding('utf8');
  let got = '';
  socket.on('data', (d) => { got += d; });
  socket.on('end', common.mustCall(() => socket.end(got.toUpperCase())));
}));
server.listen(sock, common.mustCall(() => {
  assert.strictEqual(server.address(), sock);
  assert.ok(fs.statSync(sock).isSocket());
  const client = net.connect(sock, common.mustCall(() => {
    assert.strictEqual(client.remoteAddress, undefined);
    client.end('over a pipe');
  }));
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { reply += d; });
  client.on('end', common.mustCall(() => assert.strictEqual(reply, 'OVER A PIPE')));
  client.on('close', common.mustCall(() => {
    // A second server on the same path: EADDRINUSE with the path as address.
    const again = net.createServer();
    again.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'EADDRINUSE');
      assert.strictEqual(err.syscall, 'listen');
      assert.strictEqual(err.address, sock);
      assert.strictEqual(err.message, `listen EADDRINUSE: address already in use ${sock}`);
      server.close(common.mustCall(() => {
        // Connecting to a path nobody listens on.
        const missing = net.connect({ path: path.join(dir, 'missing.sock') });
        missing.on('error', common.mustCall((e) => {
          assert.strictEqual(e.code, 'ENOENT');
          assert.strictEqual(e.syscall, 'connect');
          assert.strictEqual(e.address, path.join(dir, 'missing.sock'));
          assert.strictEqual(e.message, `connect ENOENT ${path.join(dir, 'missing.sock')}`);
        }));
      }));
    }));
    again.listen(sock);
  }));
}));

// readableAll/writableAll open the socket file to everyone; close() unlinks it.
const shared = path.join(dir, 'shared.sock');
const open = net.createServer().listen({ path: shared, readableAll: true, writableAll: true },
                                       common.mustCall(() => {
                                         assert.strictEqual(fs.statSync(shared).mode & 0o777, 0o777);
                                         open.close(common.mustCall(() => {
                                           assert.strictEqual(fs.existsSync(shared), false);
                                         }));
                                       }));
