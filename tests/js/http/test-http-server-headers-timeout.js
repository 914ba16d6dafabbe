'use strict';
// headersTimeout: a client that never finishes its head gets 408 and is
// dropped (checked every connectionsCheckingInterval); requestTimeout: a body
// that never completes gets 408 too; a complete request on another connection
// is not disturbed.
const assert = require('assert');
const http = require('http');
const net = require('net');
const common = require('../common');

const server = http.createServer({
  headersTimeout: 200, requestTimeout: 400, connectionsCheckingInterval: 50,
}, common.mustCall((req, res) => {
  if (req.url === '/slow-body') return; // never answers, never completes
  res.end('ok');
}, 2));
assert.strictEqual(server.headersTimeout, 200);
assert.strictEqual(server.requestTimeout, 400);
assert.strictEqual(server.connectionsCheckingInterval, 50);

const expected408 = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

function rawRequest(port, text, cb) {
  const c = net.connect(port, '127.0.0.1', () => c.write(text));
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { got += d; });
  c.on('error', () => {});
  c.on('close', () => cb(got));
}

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  let pending = 3;
  const done = () => { if (--pending === 0) server.close(); };
  // A head that never ends.
  rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n', common.mustCall((got) => {
    assert.strictEqual(got, expected408);
    done();
  }));
  // A body that never ends.
  rawRequest(port, 'POST /slow-body HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab',
             common.mustCall((got) => {
               assert.strictEqual(got, expected408);
               done();
             }));
  // A good request meanwhile.
  http.get({ port, host: '127.0.0.1', path: '/good', agent: false }, common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 200);
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, 'ok');
      done();
    }));
  }));
}));
