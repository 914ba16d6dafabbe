'use strict';
// maxHeadersCount on the server and on a client request: headers keeps only
// the first N, rawHeaders keeps them all.
const assert = require('assert');
const http = require('http');
const common = require('../common');

const server = http.createServer(common.mustCall((req, res) => {
  assert.deepStrictEqual(req.headers, { host: 'h', a: '1' });
  assert.ok(req.rawHeaders.length > 4);
  res.setHeader('X-1', '1');
  res.setHeader('X-2', '2');
  res.setHeader('X-3', '3');
  res.end();
}));
server.maxHeadersCount = 2;
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const req = http.request({
    port: server.address().port, host: '127.0.0.1', agent: false,
    headers: { Host: 'h', A: '1', B: '2', C: '3' },
  }, common.mustCall((res) => {
    assert.deepStrictEqual(Object.keys(res.headers), ['x-1']);
    assert.strictEqual(res.rawHeaders[0], 'X-1');
    assert.ok(res.rawHeaders.length > 2);
    res.resume();
    res.on('end', common.mustCall(() => server.close()));
  }));
  req.maxHeadersCount = 1;
  req.end();
}));
