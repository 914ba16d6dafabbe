'use strict';
// server.timeout / server.setTimeout: an idle socket emits the server's
// 'timeout' with the socket (and is left open when someone listens); with no
// listener anywhere the socket is destroyed. A response's 'timeout' comes
// before the server's.
const assert = require('assert');
const http = require('http');
const net = require('net');
const common = require('../common');

const events = [];
const server = http.createServer((req, res) => {
  events.push('request ' + req.url);
  if (req.url === '/res-timeout') {
    res.setTimeout(100, common.mustCall(() => {
      events.push('res timeout');
      res.end('late');
    }));
  }
});
let serverTimeouts = 0;
server.setTimeout(150, common.mustCallAtLeast((socket) => {
  assert.ok(socket instanceof net.Socket);
  events.push('server timeout');
  // Only the idle first connection is dropped here.
  if (++serverTimeouts === 1) socket.destroy();
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const c = net.connect(port, '127.0.0.1');
  c.on('close', common.mustCall(() => {
    // Second: a request whose response times out first.
    http.get({ port, host: '127.0.0.1', path: '/res-timeout', agent: false },
             common.mustCall((res) => {
               res.resume();
               res.on('end', common.mustCall(() => {
                 // All three listeners hear a socket's timeout, the response's first.
                 assert.deepStrictEqual(events, ['server timeout', 'request /res-timeout',
                                                 'res timeout', 'server timeout']);
                 server.close();
               }));
             }));
  }));
}));

// No listener: the socket is destroyed by the timeout.
const server2 = http.createServer(common.mustNotCall());
server2.timeout = 100;
server2.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server2.address().port, '127.0.0.1');
  c.on('data', common.mustNotCall());
  c.on('close', common.mustCall(() => server2.close()));
}));
