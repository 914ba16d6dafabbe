'use strict';
// Servers and sockets from existing handles and fds; AbortSignal on listen()
// and connect().
const common = require('../common');
const assert = require('assert');
const net = require('net');

// listen({ signal }): aborting closes the server.
{
  const controller = new AbortController();
  const server = net.createServer();
  server.on('close', common.mustCall());
  server.listen({ port: 0, host: '127.0.0.1', signal: controller.signal }, common.mustCall(() => {
    assert.strictEqual(server.listening, true);
    controller.abort();
    assert.strictEqual(server.listening, false);
  }));
}
assert.throws(() => net.createServer().listen({ port: 0, signal: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// connect({ signal }): aborting destroys the socket with an AbortError.
{
  const server = net.createServer((socket) => socket.resume());
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const controller = new AbortController();
    const client = net.connect({ port: server.address().port, host: '127.0.0.1',
                                 signal: controller.signal });
    client.on('connect', common.mustCall(() => controller.abort()));
    client.on('error', common.mustCall((err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.code, 'ABORT_ERR');
    }));
    client.on('close', common.mustCall(() => server.close()));
  }));
}

// A second server on the listening handle of the first (listen(handle)).
{
  const first = net.createServer();
  first.listen(0, '127.0.0.1', common.mustCall(() => {
    const { port } = first.address();
    const second = net.createServer(common.mustCall((socket) => {
      socket.end('from second');
    }));
    second.listen(first._handle, common.mustCall(() => {
      assert.strictEqual(second.address().port, port);
      const c = net.connect(port, '127.0.0.1');
      let got = '';
      c.setEncoding('utf8');
      c.on('data', (d) => { got += d; });
      c.on('end', common.mustCall(() => {
        assert.strictEqual(got, 'from second');
        second.close();
      }));
    }));
  }));
}
