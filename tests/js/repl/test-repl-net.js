'use strict';
// A program serves a REPL over TCP: each connection gets its own REPLServer
// on the socket; .exit ends it, and the server keeps running meanwhile.
const assert = require('assert');
const net = require('net');
const repl = require('repl');
const common = require('../common');

const server = net.createServer((socket) => {
  const r = repl.start({ input: socket, output: socket, prompt: 'remote> ', terminal: false });
  r.context.served = 'yes';
  r.on('exit', common.mustCall(() => socket.end()));
});

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let text = '';
  const steps = ['6 * 7', 'served', '.exit'];
  client.setEncoding('utf8');
  client.on('data', (d) => {
    text += d;
    if (text.endsWith('remote> ') && steps.length > 0) client.write(`${steps.shift()}\n`);
  });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(text, "remote> 42\nremote> 'yes'\nremote> ");
    server.close();
  }));
}));
setTimeout(() => { throw new Error('timed out'); }, 10000).unref();
