'use strict';
// QUERY is in node 20's http.METHODS. nodus parses HTTP with libhttp-parser
// 2.9.4, which does not know QUERY: a nodus server answers such a request
// with a clean 400 (clientError HPE_INVALID_METHOD) and keeps serving; node
// accepts it. Clients of both runtimes can send it.
const assert = require('assert');
const http = require('http');
const common = require('../common');

assert.ok(http.METHODS.includes('QUERY'));
const isNodus = common.runtimeName() === 'nodus';

const server = http.createServer((req, res) => res.end(req.method));
server.on('clientError', common.mustCall((err, socket) => {
  assert.strictEqual(err.code, 'HPE_INVALID_METHOD');
  socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
}, isNodus ? 1 : 0));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const req = http.request({ port, host: '127.0.0.1', method: 'QUERY', agent: false },
                           common.mustCall((res) => {
                             assert.strictEqual(res.statusCode, isNodus ? 400 : 200);
                             res.resume();
                             res.on('end', common.mustCall(() => {
                               // The server still answers other methods.
                               http.get({ port, host: '127.0.0.1', agent: false },
                                        common.mustCall((res2) => {
                                          assert.strictEqual(res2.statusCode, 200);
                                          res2.resume();
                                          res2.on('end', () => server.close());
                                        }));
                             }));
                           }));
  req.end();
}));
