'use strict';
// Error paths as node reports them: ECONNREFUSED, EADDRINUSE, closing a server
// that is not running, bad ports and arguments.
const common = require('../common');
const assert = require('assert');
const net = require('net');

// Find a port nobody listens on: bind one, close it, connect to it.
const probe = net.createServer().listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = probe.address();
  probe.close(common.mustCall(() => {
    const c = net.connect(port, '127.0.0.1');
    c.on('connect', common.mustNotCall());
    c.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.errno, -111);
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.address, '127.0.0.1');
      assert.strictEqual(err.port, port);
      assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
    }));
    c.on('close', common.mustCall((hadError) => assert.strictEqual(hadError, true)));
  }));
}));

// EADDRINUSE
const first = net.createServer();
first.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = first.address();
  const second = net.createServer();
  second.on('listening', common.mustNotCall());
  second.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.errno, -98);
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.address, '127.0.0.1');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message, `listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
    assert.deepStrictEqual(Object.keys(err), ['code', 'errno', 'syscall', 'address', 'port']);
    assert.strictEqual(second.listening, false);
    first.close();
  }));
  second.listen(port, '127.0.0.1');
}));

// close() on a server that never listened
net.createServer().close(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING');
  assert.strictEqual(err.message, 'Server is not running.');
}));

// listen() twice
const twice = net.createServer().listen(0, '127.0.0.1', common.mustCall(() => {
  assert.throws(() => twice.listen(0), {
    code: 'ERR_SERVER_ALREADY_LISTEN',
  });
  twice.close();
}));

// Arguments
assert.throws(() => net.connect({ port: 70000, host: '127.0.0.1' }), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
});
assert.throws(() => net.createServer().listen(-1), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => net.createServer().listen({ host: 'localhost' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => net.connect({ port: true }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new net.Socket({ objectMode: true }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => net.connect({ port: 80, localAddress: 'nope' }), {
  code: 'ERR_INVALID_IP_ADDRESS',
});

// An unresolvable host reaches 'lookup' and 'error'.
const bad = net.connect({ port: 80, host: 'nodus-test.invalid' });
bad.on('lookup', common.mustCall((err, address, family, host) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(host, 'nodus-test.invalid');
}));
bad.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
}));
