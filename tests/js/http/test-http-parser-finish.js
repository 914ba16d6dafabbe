'use strict';
// A request that ends inside its body: the parser's end-of-stream error is
// plain "Parse Error" with bytesParsed 0 (no byte was given), its reason in
// .reason, as in node (found by tests/fuzz/fuzz_http_parser.cc).
const assert = require('assert');
const http = require('http');
const net = require('net');

// The request starts (its head is whole); its body never completes.
const server = http.createServer((req) => req.resume());
server.on('clientError', (error, socket) => {
  assert.strictEqual(error.code, 'HPE_INVALID_EOF_STATE');
  assert.strictEqual(error.message, 'Parse Error');
  assert.strictEqual(error.reason, 'Invalid EOF state');
  assert.strictEqual(error.bytesParsed, 0);
  socket.destroy();
  server.close();
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    client.end('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nshort');
  });
  client.on('error', () => {});
});
