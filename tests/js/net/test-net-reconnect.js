'use strict';
// A socket connects again after 'close'; counters restart per connection.
const common = require('../common');
const assert = require('assert');
const net = require('net');

let n = 0;
const server = net.createServer(common.mustCall((s) => s.end('hi' + (++n)), 2));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const c = new net.Socket();
  const seen = [];
  let round = 0;
  c.setEncoding('utf8');
  c.on('data', (d) => seen.push(d));
  c.on('connect', common.mustCall(() => {
    assert.strictEqual(c.remotePort, port);
    assert.strictEqual(c.bytesRead, 0);
    assert.strictEqual(c.bytesWritten, 0);
    assert.strictEqual(c.readyState, 'open');
  }, 2));
  c.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(c.readyState, 'closed');
    assert.strictEqual(c.bytesRead, 3);
    if (++round < 2) {
      c.connect(port, '127.0.0.1');
    } else {
      assert.deepStrictEqual(seen, ['hi1', 'hi2']);
      server.close();
    }
  }, 2));
  c.connect(port, '127.0.0.1');
}));
