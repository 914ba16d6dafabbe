'use strict';
// The server dies in the middle of a body: the client's response emits
// 'aborted', then 'error' (ECONNRESET "aborted") only because someone
// listens, then 'close'; the request itself gets no 'error'. Without an
// 'error' listener on the response nothing throws.
const assert = require('assert');
const http = require('http');
const common = require('../common');

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Length': 1000 });
  res.write('x'.repeat(100), () => setTimeout(() => res.socket.destroy(), 20));
});

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const req = http.get({ port, host: '127.0.0.1', agent: false }, common.mustCall((res) => {
    const events = [];
    let got = 0;
    res.on('data', (d) => { got += d.length; });
    res.on('aborted', common.mustCall(() => {
      events.push('aborted');
      assert.strictEqual(res.aborted, true);
      assert.strictEqual(res.complete, false);
    }));
    res.on('error', common.mustCall((err) => {
      events.push('error');
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message, 'aborted');
    }));
    res.on('end', common.mustNotCall());
    res.on('close', common.mustCall(() => {
      assert.strictEqual(got, 100);
      assert.deepStrictEqual(events, ['aborted', 'error']);
      second();
    }));
  }));
  req.on('error', common.mustNotCall());

  function second() {
    // No 'error' listener on the response: no crash.
    http.get({ port, host: '127.0.0.1', agent: false }, common.mustCall((res) => {
      res.resume();
      res.on('aborted', common.mustCall());
      res.on('close', common.mustCall(() => server.close()));
    }));
  }
}));
