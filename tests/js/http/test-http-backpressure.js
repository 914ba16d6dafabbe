'use strict';
// Backpressure both ways.
// 1. A client that stops reading: res.write() returns false, the response
//    buffers no more than a bounded amount, and 'drain' fires once the
//    client reads again.
// 2. A handler that does not consume the request body: the server stops
//    reading the socket, so the sender's writes back up; once the handler
//    reads, every byte arrives.
const assert = require('assert');
const http = require('http');
const net = require('net');
const common = require('../common');

const CHUNK = Buffer.alloc(64 * 1024, 'a');

// 1.
{
  let clientSocket;
  const server = http.createServer(common.mustCall((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    let written = 0;
    let writes = 0;
    // Write until the socket pushes back (bounded).
    while (writes < 4096) {
      writes++;
      written += CHUNK.length;
      if (!res.write(CHUNK)) break;
    }
    assert.ok(writes < 4096, 'write() never returned false');
    assert.strictEqual(res.writableNeedDrain, true);
    // What is buffered in user space stays near the high-water mark.
    assert.ok(res.writableLength <= 2 * CHUNK.length + res.writableHighWaterMark,
              `writableLength ${res.writableLength}`);
    res.once('drain', common.mustCall(() => {
      assert.strictEqual(res.writableNeedDrain, false);
      res.end();
    }));
    // The client starts reading only now.
    setTimeout(() => clientSocket.resume(), 100);
    res.on('finish', common.mustCall(() => {
      res.socket?.on('close', () => {});
    }));
    server.expected = written;
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    clientSocket = net.connect(server.address().port, '127.0.0.1', () => {
      clientSocket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    clientSocket.pause();
    let total = 0;
    clientSocket.on('data', (d) => { total += d.length; });
    clientSocket.on('end', common.mustCall(() => {
      assert.ok(total > server.expected, `${total} <= ${server.expected}`);
      server.close();
    }));
  }));
}

// 2.
{
  const TOTAL = 64 * 1024 * 1024;
  const server = http.createServer(common.mustCall((req, res) => {
    // Not reading for a while: the socket must stop being read.
    setTimeout(() => {
      const early = req.socket.bytesRead;
      setTimeout(() => {
        // Nothing (or next to nothing) was read while nobody consumed.
        assert.ok(req.socket.bytesRead - early < 1024 * 1024,
                  `read ${req.socket.bytesRead - early} bytes while paused`);
        assert.ok(req.socket.bytesRead < TOTAL / 2, `bytesRead ${req.socket.bytesRead}`);
        let got = 0;
        req.on('data', (d) => { got += d.length; });
        req.on('end', common.mustCall(() => {
          assert.strictEqual(got, TOTAL);
          res.end('got ' + got);
        }));
      }, 100);
    }, 100);
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const req = http.request({
      port: server.address().port, host: '127.0.0.1', method: 'POST', agent: false,
      headers: { 'Content-Length': TOTAL },
    }, common.mustCall((res) => {
      res.setEncoding('utf8');
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', common.mustCall(() => {
        assert.strictEqual(body, 'got ' + TOTAL);
        assert.ok(sawBackpressure);
        server.close();
      }));
    }));
    let sent = 0;
    let sawBackpressure = false;
    (function pump() {
      while (sent < TOTAL) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          sawBackpressure = true;
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    })();
  }));
}
