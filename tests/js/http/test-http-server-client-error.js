'use strict';
// 'clientError': without a listener a malformed request gets node's default
// 400 and the connection closes; with a listener the handler decides and
// gets the parse error (code, bytesParsed, rawPacket). A keep-alive
// connection in the middle of its requests is not disturbed by either.
const assert = require('assert');
const http = require('http');
const net = require('net');
const common = require('../common');

function raw(port, text, cb) {
  const c = net.connect(port, '127.0.0.1', () => c.write(text));
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { got += d; });
  c.on('error', () => {});
  c.on('close', () => cb(got));
  return c;
}

const badRequests = [
  ['GARBAGE\r\n\r\n', 'HPE_INVALID_METHOD'],
  ['GET /\x01 HTTP/1.1\r\n\r\n', 'HPE_INVALID_URL'],
  ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
   'HPE_UNEXPECTED_CONTENT_LENGTH'],
  ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
  ['GET / HTTP/1.1\r\nHost: x\r\nX: a\x01b\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
  ['GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n', 'HPE_LF_EXPECTED'],
  ['POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
   'HPE_INVALID_CHUNK_SIZE'],
];

// Default handling.
const s1 = http.createServer((req, res) => res.end('fine ' + req.url));
s1.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = s1.address().port;
  // A keep-alive connection that sends its second request after the bad ones.
  const keep = net.connect(port, '127.0.0.1');
  keep.setEncoding('latin1');
  let keepGot = '';
  keep.on('data', (d) => { keepGot += d; });
  keep.write('GET /one HTTP/1.1\r\nHost: x\r\n\r\n');
  let left = badRequests.length;
  for (const [text] of badRequests) {
    raw(port, text, common.mustCall((got) => {
      if (text.includes('zz')) {
        // The head was fine: the handler answered before the body broke.
        assert.match(got, /^HTTP\/1\.1 200 OK\r\n/);
      } else {
        assert.strictEqual(got, 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      }
      if (--left === 0) {
        keep.write('GET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      }
    }));
  }
  keep.on('end', common.mustCall(() => {
    assert.match(keepGot, /\r\n\r\nfine \/one/);
    assert.match(keepGot, /\r\n\r\nfine \/two$/);
    s1.close();
  }));
}));

// A listener.
const s2 = http.createServer(common.mustNotCall());
const codes = [];
s2.on('clientError', common.mustCall((err, socket) => {
  assert.ok(err instanceof Error);
  assert.strictEqual(typeof err.code, 'string');
  assert.match(err.message, /^Parse Error: /);
  assert.strictEqual(typeof err.bytesParsed, 'number');
  assert.ok(Buffer.isBuffer(err.rawPacket));
  assert.ok(socket instanceof net.Socket);
  assert.strictEqual(socket.writable, true);
  codes.push(err.code);
  socket.end('HTTP/1.1 400 Bad Request\r\nX-Custom: 1\r\nConnection: close\r\n\r\n');
}, badRequests.length - 1));
s2.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = s2.address().port;
  const list = badRequests.filter(([t]) => !t.includes('zz'));
  let i = 0;
  (function next() {
    if (i === list.length) {
      assert.deepStrictEqual(codes, list.map((x) => x[1]));
      s2.close();
      return;
    }
    raw(port, list[i++][0], common.mustCall((got) => {
      assert.strictEqual(got, 'HTTP/1.1 400 Bad Request\r\nX-Custom: 1\r\nConnection: close\r\n\r\n');
      next();
    }));
  })();
}));

// A malformed request after a complete response on a keep-alive connection
// still gets the 400 (no response of its own is on the wire yet).
const s3 = http.createServer(common.mustCall((req, res) => res.end('ok')));
s3.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(s3.address().port, '127.0.0.1');
  c.setEncoding('latin1');
  let got = '';
  c.on('data', (d) => {
    got += d;
    if (got.endsWith('\r\n\r\nok')) c.write('BAD\r\n\r\n');
  });
  c.on('close', common.mustCall(() => {
    assert.match(got, /^HTTP\/1\.1 200 OK\r\n/);
    assert.ok(got.endsWith('okHTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'));
    s3.close();
  }));
  c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
}));
