'use strict';
// The shape of net's exports and prototypes matches node's.
const assert = require('assert');
const net = require('net');

assert.deepStrictEqual(Object.keys(net).sort(), [
  'BlockList', 'Server', 'Socket', 'SocketAddress', 'Stream', '_createServerHandle',
  '_normalizeArgs', '_setSimultaneousAccepts', 'connect', 'createConnection', 'createServer',
  'getDefaultAutoSelectFamily', 'getDefaultAutoSelectFamilyAttemptTimeout', 'isIP', 'isIPv4',
  'isIPv6', 'setDefaultAutoSelectFamily', 'setDefaultAutoSelectFamilyAttemptTimeout',
]);
const socket = new net.Socket();
assert.deepStrictEqual(Object.keys(socket).filter((k) => !k.startsWith('_')).sort(),
                       ['allowHalfOpen', 'connecting', 'server']);
for (const name of ['_bytesDispatched', 'address', 'bufferSize', 'bytesRead', 'bytesWritten',
  'connect', 'destroySoon', 'end', 'localAddress', 'localFamily', 'localPort', 'pause', 'pending',
  'read', 'readyState', 'ref', 'remoteAddress', 'remoteFamily', 'remotePort', 'resetAndDestroy',
  'resume', 'setKeepAlive', 'setNoDelay', 'setTimeout', 'unref']) {
  assert.ok(Object.getOwnPropertyNames(net.Socket.prototype).includes(name), name);
}
for (const name of ['address', 'close', 'getConnections', 'listen', 'listening', 'ref', 'unref']) {
  assert.ok(Object.getOwnPropertyNames(net.Server.prototype).includes(name), name);
}
const server = net.createServer();
assert.deepStrictEqual(Object.keys(server).filter((k) => !k.startsWith('_')).sort(),
                       ['allowHalfOpen', 'highWaterMark', 'keepAlive', 'keepAliveInitialDelay',
                        'noDelay', 'pauseOnConnect']);
assert.strictEqual(server.listening, false);
assert.strictEqual(server.address(), null);
assert.strictEqual(socket.bytesRead, 0);
assert.strictEqual(socket._bytesDispatched, 0);
assert.strictEqual(socket.timeout, undefined);
socket.destroy();
