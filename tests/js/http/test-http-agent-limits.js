'use strict';
// Agent pooling: maxSockets queues requests, keepAlive reuses a socket
// (reusedSocket), maxFreeSockets bounds the free list, maxTotalSockets bounds
// all origins together, agent.destroy() closes everything.
const assert = require('assert');
const http = require('http');
const common = require('../common');

let open = 0;
let maxOpen = 0;
let active = 0;
let maxActive = 0;
const server = http.createServer((req, res) => {
  active++;
  maxActive = Math.max(maxActive, active);
  res.on('finish', () => active--);
  setTimeout(() => res.end(req.url), 10);
});
server.on('connection', (socket) => {
  open++;
  maxOpen = Math.max(maxOpen, open);
  socket.on('close', () => open--);
});

function get(agent, path, port = server.address().port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, host, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ body, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

server.listen(0, '127.0.0.1', common.mustCall(async () => {
  const port = server.address().port;
  const name = `127.0.0.1:${port}:`;

  // maxSockets: 1 -> one connection, the rest queued.
  {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    assert.strictEqual(agent.maxSockets, 1);
    maxOpen = 0;
    const p = [get(agent, '/1'), get(agent, '/2'), get(agent, '/3')];
    assert.strictEqual(agent.requests[name].length, 2);
    const results = await Promise.all(p);
    assert.deepStrictEqual(results.map((r) => r.body), ['/1', '/2', '/3']);
    // A queued request handed a socket on 'free' is not marked reused (node).
    assert.deepStrictEqual(results.map((r) => r.reusedSocket), [false, false, false]);
    assert.strictEqual(maxOpen, 1);
    assert.strictEqual(agent.requests[name], undefined);
    await tick();
    assert.strictEqual(agent.freeSockets[name].length, 1);
    // keepAlive reuse for a later request.
    const again = await get(agent, '/4');
    assert.strictEqual(again.reusedSocket, true);
    agent.destroy();
  }

  // maxFreeSockets: 1 -> of three parallel sockets one is kept.
  {
    const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 1 });
    await Promise.all([get(agent, '/a'), get(agent, '/b'), get(agent, '/c')]);
    await tick();
    assert.strictEqual(agent.freeSockets[name].length, 1);
    agent.destroy();
  }

  // maxTotalSockets: 2 over two origins (127.0.0.1 and localhost).
  {
    const agent = new http.Agent({ keepAlive: true, maxTotalSockets: 2 });
    assert.strictEqual(agent.maxTotalSockets, 2);
    maxActive = 0;
    const results = await Promise.all([
      get(agent, '/x1'), get(agent, '/x2'), get(agent, '/y1', port, 'localhost'),
      get(agent, '/y2', port, 'localhost'),
    ]);
    assert.deepStrictEqual(results.map((r) => r.body), ['/x1', '/x2', '/y1', '/y2']);
    // (Connections are not counted: a free socket of one origin is closed to
    // make room for another, and the server sees that close late.)
    assert.ok(maxActive <= 2, `maxActive ${maxActive}`);
    assert.ok(agent.totalSocketCount <= 2);
    agent.destroy();
  }

  // Validation.
  assert.throws(() => new http.Agent({ maxTotalSockets: 0 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => new http.Agent({ maxTotalSockets: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new http.Agent({ scheduling: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });

  // agent.destroy() closes free sockets.
  {
    const agent = new http.Agent({ keepAlive: true });
    await get(agent, '/z');
    await tick();
    const [socket] = agent.freeSockets[name];
    const closed = new Promise((resolve) => socket.on('close', resolve));
    agent.destroy();
    await closed;
    assert.strictEqual(socket.destroyed, true);
  }

  // Wait for the server side of every connection to close.
  for (let i = 0; i < 100 && open > 0; i++) await new Promise((r) => setTimeout(r, 10));
  assert.strictEqual(open, 0);
  server.close();
}));
