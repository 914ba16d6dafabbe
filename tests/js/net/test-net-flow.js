'use strict';
// Backpressure (write() returning false and 'drain', a paused reader stops
// the handle), setTimeout, ref/unref on sockets, setEncoding.
const common = require('../common');
const assert = require('assert');
const net = require('net');

// A client writes until write() returns false while the server is paused,
// then the server resumes and everything arrives.
{
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let written = 0;
  let serverSocket;
  const server = net.createServer(common.mustCall((socket) => {
    serverSocket = socket;
    socket.pause();
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const client = net.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
      let guard = 0;
      while (client.write(chunk)) {
        written += chunk.length;
        assert.ok(++guard < 10000, 'write() never returned false');
      }
      written += chunk.length;
      assert.ok(client.writableLength > 0);
      client.once('drain', common.mustCall(() => {
        client.end();
      }));
      setTimeout(() => {
        let received = 0;
        serverSocket.on('data', (d) => { received += d.length; });
        serverSocket.on('end', common.mustCall(() => {
          assert.strictEqual(received, written);
          assert.strictEqual(serverSocket.bytesRead, written);
          serverSocket.end();
          server.close();
        }));
        serverSocket.resume();
      }, 50);
    }));
    client.resume();
  }));
}

// setTimeout: 'timeout' after inactivity; the socket stays open until destroyed.
{
  const server = net.createServer(common.mustCall((socket) => {
    socket.resume();
    socket.on('close', common.mustCall(() => server.close()));
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const client = net.connect({ port: server.address().port, host: '127.0.0.1' });
    assert.strictEqual(client.setTimeout(50, common.mustCall(() => {
      assert.strictEqual(client.destroyed, false);
      client.setTimeout(0);
      client.destroy();
    })), client);
    assert.throws(() => client.setTimeout(-1), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => client.setTimeout(10, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  }));
}

// timeout option of connect.
{
  const server = net.createServer((socket) => socket.resume());
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const client = net.connect({ port: server.address().port, host: '127.0.0.1', timeout: 30 });
    client.on('timeout', common.mustCall(() => {
      client.destroy();
      server.close();
    }));
  }));
}

// An unref'd connected socket lets the process exit; setEncoding gives strings.
{
  let accepted;
  const server = net.createServer(common.mustCall((socket) => {
    accepted = socket;
    socket.write('héllo');
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const client = net.connect(server.address().port, '127.0.0.1');
    client.setEncoding('utf8');
    client.on('data', common.mustCall((d) => {
      assert.strictEqual(d, 'héllo');
      client.unref();
      accepted.unref();
      server.unref();
    }));
  }));
}
