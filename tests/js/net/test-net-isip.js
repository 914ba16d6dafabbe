'use strict';
const assert = require('assert');
const net = require('net');

const cases = [
  ['127.0.0.1', 4], ['0.0.0.0', 4], ['255.255.255.255', 4], ['256.0.0.1', 0], ['1.2.3', 0],
  ['01.2.3.4', 0], ['1.2.3.4 ', 0], ['::1', 6], ['::', 6], ['fe80::1%eth0', 6],
  ['2001:db8::ff00:42:8329', 6], ['::ffff:127.0.0.1', 6], ['1:2:3:4:5:6:7:8', 6],
  ['1:2:3:4:5:6:7:8:9', 0], ['1::2::3', 0], ['gggg::1', 0], ['', 0], ['localhost', 0],
  ['[::1]', 0], [undefined, 0], [null, 0], [123, 0], [{}, 0],
];
for (const [input, family] of cases) {
  assert.strictEqual(net.isIP(input), family, String(input));
  assert.strictEqual(net.isIPv4(input), family === 4, String(input));
  assert.strictEqual(net.isIPv6(input), family === 6, String(input));
}
assert.strictEqual(net.Stream, net.Socket);
assert.strictEqual(net.createConnection, net.connect);
assert.strictEqual(typeof net.getDefaultAutoSelectFamily(), 'boolean');
assert.strictEqual(typeof net.Server, 'function');
assert.ok(net.createServer() instanceof net.Server);
assert.ok(net.Server() instanceof net.Server);
assert.ok(new net.Socket() instanceof require('stream').Duplex);
const s = new net.Socket();
assert.strictEqual(s.readyState, 'open');
assert.strictEqual(s.pending, true);
assert.strictEqual(s.remoteAddress, undefined);
assert.strictEqual(s.localPort, undefined);
assert.deepStrictEqual(s.address(), {});
assert.strictEqual(s.bytesWritten, 0);
assert.strictEqual(s.bytesRead, 0);
assert.strictEqual(s.bufferSize, undefined);
assert.strictEqual(s.allowHalfOpen, false);
s.destroy();
