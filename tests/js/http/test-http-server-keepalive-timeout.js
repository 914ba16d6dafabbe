'use strict';
// keepAliveTimeout: responses advertise "Keep-Alive: timeout=N" and an idle
// keep-alive socket is closed by the server; a new request on the socket
// before that keeps it open.
const assert = require('assert');
const http = require('http');
const net = require('net');
const common = require('../common');

const server = http.createServer({ keepAliveTimeout: 1000 }, common.mustCall((req, res) => {
  res.end(req.url);
}, 2));
assert.strictEqual(server.keepAliveTimeout, 1000);

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.setEncoding('latin1');
  let got = '';
  let sentSecond = false;
  c.on('data', (d) => {
    got += d;
    if (!sentSecond && got.endsWith('/a')) {
      sentSecond = true;
      c.write('GET /b HTTP/1.1\r\nHost: x\r\n\r\n');
    }
  });
  c.on('end', common.mustCall(() => {
    const responses = got.split('HTTP/1.1 200 OK\r\n').slice(1);
    assert.strictEqual(responses.length, 2);
    for (const r of responses) {
      assert.match(r, /\r\nConnection: keep-alive\r\n/);
      assert.match(r, /\r\nKeep-Alive: timeout=1\r\n/);
    }
    assert.ok(responses[0].endsWith('\r\n\r\n/a'));
    assert.ok(responses[1].endsWith('\r\n\r\n/b'));
    c.end();
    server.close();
  }));
  c.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\n');
}));

// keepAliveTimeout 0: no Keep-Alive header, the socket stays open.
const server2 = http.createServer({ keepAliveTimeout: 0 }, (req, res) => res.end('x'));
server2.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server2.address().port, '127.0.0.1');
  c.setEncoding('latin1');
  let got = '';
  c.on('data', common.mustCall((d) => {
    got += d;
    assert.match(got, /Connection: keep-alive\r\n/);
    assert.doesNotMatch(got, /Keep-Alive:/);
    c.end();
  }));
  c.on('close', common.mustCall(() => server2.close()));
  c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
}));
