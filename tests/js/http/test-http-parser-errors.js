'use strict';
// Malformed heads: the 'clientError' code and reason as node reports them.
// (nodus parses with libhttp-parser; where it cannot tell what llhttp
// rejects, namely obsolete line folding and bare-LF line ends, nodus accepts
// the request: those cases are checked per runtime at the end.)
const assert = require('assert');
const http = require('http');
const net = require('net');
const common = require('../common');

const cases = [
  ['GARBAGE\r\n\r\n', 'HPE_INVALID_METHOD', 'Invalid method encountered'],
  ['get / HTTP/1.1\r\nHost: x\r\n\r\n', 'HPE_INVALID_METHOD', 'Invalid method encountered'],
  ['GET /\x01 HTTP/1.1\r\n\r\n', 'HPE_INVALID_URL', 'Invalid char in url path'],
  ['GET / HTTP/1.2\r\nHost: x\r\n\r\n', 'HPE_INVALID_VERSION', 'Invalid HTTP version'],
  ['GET / HTTP/3.0\r\nHost: x\r\n\r\n', 'HPE_INVALID_VERSION', 'Invalid HTTP version'],
  ['GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN',
   'Invalid header token'],
  ['GET / HTTP/1.1\r\nHost: x\r\nX : a\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN', 'Invalid header token'],
  ['GET / HTTP/1.1\r\nHost: x\r\nX: a\x01b\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN',
   'Invalid header value char'],
  ['GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n', 'HPE_LF_EXPECTED',
   'Missing expected LF after header value'],
  ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
   'HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length"],
  ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
   'HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length'],
  ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH',
   'Invalid character in Content-Length'],
  ['GET / HTTP/1.1\r\nHost: x\r\nX: ' + 'a'.repeat(20000) + '\r\n\r\n', 'HPE_HEADER_OVERFLOW',
   'Header overflow'],
];
const isNodus = common.runtimeName() === 'nodus';
const accepted = [
  'GET /fold HTTP/1.1\r\nHost: x\r\nX: a\r\n\tfold\r\n\r\n',
  'GET /lf HTTP/1.1\nHost: x\n\n',
];

const server = http.createServer((req, res) => res.end('ok'));
let current = null;
server.on('clientError', (err, socket) => {
  current.errors.push([err.code, err.reason, err.message]);
  socket.destroy();
});

function send(text) {
  return new Promise((resolve) => {
    current = { errors: [] };
    const c = net.connect(server.address().port, '127.0.0.1', () => c.write(text));
    let got = '';
    c.setEncoding('latin1');
    c.on('data', (d) => {
      got += d;
      c.end();
    });
    c.on('error', () => {});
    c.on('close', () => resolve({ got, errors: current.errors }));
  });
}

server.listen(0, '127.0.0.1', common.mustCall(async () => {
  for (const [text, code, reason] of cases) {
    const { got, errors } = await send(text);
    assert.strictEqual(got, '', JSON.stringify(text));
    assert.deepStrictEqual(errors[0], [code, reason, `Parse Error: ${reason}`],
                           JSON.stringify(text));
  }
  for (const text of accepted) {
    const { got, errors } = await send(text);
    if (isNodus) {
      assert.match(got, /^HTTP\/1\.1 200 OK/);
      assert.strictEqual(errors.length, 0);
    } else {
      assert.strictEqual(got, '');
      assert.strictEqual(errors.length, 1);
    }
  }
  server.close();
}));
