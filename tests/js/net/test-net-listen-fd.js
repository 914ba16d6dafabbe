'use strict';
// listen({ fd }): the descriptor of a socket this process already listens on
// cannot be opened again (EEXIST, reported as node reports it).
const common = require('../common');
const assert = require('assert');
const net = require('net');

const first = net.createServer(common.mustNotCall());
first.listen(0, '127.0.0.1', common.mustCall(() => {
  const fd = first._handle.fd;
  assert.ok(Number.isInteger(fd) && fd > 2);
  const second = net.createServer(common.mustNotCall());
  second.on('listening', common.mustNotCall());
  second.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EEXIST');
    assert.strictEqual(err.errno, -17);
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.address, null);
    assert.strictEqual('port' in err, false);
    assert.strictEqual(err.message, 'listen EEXIST: file already exists');
    first.close();
  }));
  second.listen({ fd });
}));

assert.throws(() => net.createServer().listen({ fd: -1 }), { code: 'ERR_INVALID_ARG_VALUE' });
