'use strict';
// Faults surface as 'error' events, never as crashes:
// 1. the server resets the connection before answering: the request gets
//    'error' ECONNRESET;
// 2. the client resets while the server writes a large response: the
//    server's 'clientError' hears ECONNRESET/EPIPE and the response 'close's;
// 3. the server closes while the client still sends its body: the request
//    gets 'error' (EPIPE or ECONNRESET) or a response, never a throw;
// 4. without any listener on the server nothing throws either.
const assert = require('assert');
const http = require('http');
const net = require('net');
const common = require('../common');

const resetCodes = ['ECONNRESET', 'EPIPE'];

function step1(next) {
  const server = http.createServer(common.mustCall((req, res) => {
    req.socket.resetAndDestroy();
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false },
                         common.mustNotCall());
    req.on('error', common.mustCall((err) => {
      assert.ok(resetCodes.includes(err.code), err.code);
    }));
    req.on('close', common.mustCall(() => server.close(next)));
  }));
}

function step2(next) {
  const big = Buffer.alloc(1024 * 1024, 'b');
  let client;
  const server = http.createServer(common.mustCall((req, res) => {
    res.on('close', common.mustCall(() => {
      assert.strictEqual(res.writableFinished, false);
    }));
    (function pump() {
      for (let i = 0; i < 64; i++) {
        if (res.destroyed || res.socket === null) return;
        if (!res.write(big)) {
          res.once('drain', pump);
          // Once the pipe is full the client resets.
          client.resetAndDestroy();
          return;
        }
      }
    })();
  }));
  server.on('clientError', common.mustCall((err, socket) => {
    assert.ok(resetCodes.includes(err.code), err.code);
    socket.destroy();
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    client = net.connect(server.address().port, '127.0.0.1', () => {
      client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    client.pause();
    client.on('error', () => {});
    client.on('close', () => setTimeout(() => server.close(next), 50));
  }));
}

function step3(next) {
  const server = http.createServer(common.mustCall((req, res) => {
    res.end('no thanks');
    req.socket.destroy();
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const req = http.request({
      port: server.address().port, host: '127.0.0.1', method: 'POST', agent: false,
    });
    let outcome = null;
    req.on('response', (res) => {
      outcome ??= 'response';
      res.resume();
      res.on('error', () => {});
    });
    req.on('error', (err) => {
      outcome ??= 'error';
      assert.ok(resetCodes.includes(err.code), err.code);
    });
    req.on('close', common.mustCall(() => {
      assert.ok(outcome !== null);
      server.close(next);
    }));
    const chunk = Buffer.alloc(64 * 1024, 'c');
    let n = 0;
    (function pump() {
      while (n++ < 1024) {
        if (req.destroyed) return;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    })();
  }));
}

function step4(next) {
  // No clientError listener, the handler ignores errors entirely.
  let client;
  const server = http.createServer(common.mustCall((req, res) => {
    res.write(Buffer.alloc(8 * 1024 * 1024, 'd'));
    client.resetAndDestroy();
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    client = net.connect(server.address().port, '127.0.0.1', () => {
      client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    client.pause();
    client.on('error', () => {});
    client.on('close', () => setTimeout(() => server.close(next), 50));
  }));
}

step1(common.mustCall(() => step2(common.mustCall(() => step3(common.mustCall(() => {
  step4(common.mustCall());
}))))));
