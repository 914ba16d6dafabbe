'use strict';
// server.close() closes idle keep-alive connections (so its callback comes
// without waiting for the client), closeIdleConnections() leaves busy ones,
// closeAllConnections() destroys in-flight ones: the client hears ECONNRESET
// "socket hang up".
const assert = require('assert');
const http = require('http');
const common = require('../common');

// 1. close() with an idle keep-alive connection.
{
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => res.end('hi'));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    http.get({ port: server.address().port, host: '127.0.0.1', agent }, common.mustCall((res) => {
      assert.strictEqual(res.headers.connection, 'keep-alive');
      res.resume();
      res.on('end', common.mustCall(() => {
        setImmediate(() => {
          // The socket sits in the agent's free list.
          assert.strictEqual(Object.keys(agent.freeSockets).length, 1);
          const [freeSocket] = Object.values(agent.freeSockets)[0];
          freeSocket.on('close', common.mustCall());
          server.close(common.mustCall(() => agent.destroy()));
        });
      }));
    }));
  }));
}

// 2. closeIdleConnections() spares a connection with a request in flight;
//    closeAllConnections() then destroys it.
{
  let serverRes;
  const server = http.createServer(common.mustCall((req, res) => {
    serverRes = res;
    res.write('partial');
    server.closeIdleConnections();
    setTimeout(() => {
      assert.strictEqual(res.socket.destroyed, false);
      server.closeAllConnections();
    }, 50);
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false },
                         common.mustCall((res) => {
                           res.on('data', common.mustCall());
                           res.on('aborted', common.mustCall());
                           res.on('error', common.mustCall((err) => {
                             assert.strictEqual(err.code, 'ECONNRESET');
                             assert.strictEqual(err.message, 'aborted');
                           }));
                           res.on('close', common.mustCall(() => {
                             assert.strictEqual(res.aborted, true);
                             assert.strictEqual(serverRes.writableEnded, false);
                             server.close();
                           }));
                         }));
    req.on('error', common.mustNotCall());
  }));
}

// 3. closeAllConnections() before any response: the request fails.
{
  const server = http.createServer(common.mustCall(() => server.closeAllConnections()));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false },
                         common.mustNotCall());
    req.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message, 'socket hang up');
    }));
    req.on('close', common.mustCall(() => server.close()));
  }));
}
