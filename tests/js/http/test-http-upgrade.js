'use strict';
// HTTP upgrade on both sides: the server's 'upgrade' gets the socket and the
// bytes after the headers; the client's 'upgrade' fires instead of 'response'.
const assert = require('assert');
const http = require('http');
const common = require('../common');

const server = http.createServer(common.mustNotCall());
server.on('upgrade', common.mustCall((req, socket, head) => {
  assert.strictEqual(req.headers.upgrade, 'foo');
  assert.strictEqual(head.length, 0);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: foo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', common.mustCall((data) => {
    assert.strictEqual(String(data), 'hello');
    socket.end('bye');
  }));
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const req = http.request({
    port: server.address().port, host: '127.0.0.1',
    headers: { Connection: 'Upgrade', Upgrade: 'foo' },
  });
  req.on('response', common.mustNotCall());
  req.on('upgrade', common.mustCall((res, socket, head) => {
    assert.strictEqual(res.statusCode, 101);
    assert.strictEqual(res.headers.upgrade, 'foo');
    assert.strictEqual(head.length, 0);
    let got = '';
    socket.on('data', (d) => { got += d; });
    socket.on('end', common.mustCall(() => {
      assert.strictEqual(got, 'bye');
      server.close();
    }));
    socket.write('hello');
  }));
  req.end();
}));
