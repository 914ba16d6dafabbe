'use strict';
// req.destroy()/abort() at each stage, with node's events.
const assert = require('assert');
const http = require('http');
const common = require('../common');

const server = http.createServer((req, res) => {
  if (req.url === '/partial') {
    res.writeHead(200, { 'Content-Length': 100 });
    res.write('x'.repeat(10));
    return;
  }
  if (req.url === '/hang') return;
  res.end('done');
});

function track(req, events) {
  for (const name of ['socket', 'response', 'abort', 'error', 'close']) {
    req.on(name, (arg) => {
      events.push(name === 'error' ? `error ${arg.code} ${arg.message}` : name);
    });
  }
}

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const opts = (path) => ({ port, host: '127.0.0.1', path, agent: false });
  const tests = [];
  const run = () => {
    const t = tests.shift();
    if (t) t();
    else {
      server.closeAllConnections();
      server.close();
    }
  };

  // destroy() before the socket is assigned.
  tests.push(() => {
    const events = [];
    const req = http.get(opts('/hang'));
    track(req, events);
    req.destroy();
    assert.strictEqual(req.destroyed, true);
    req.on('close', common.mustCall(() => {
      setImmediate(() => {
        assert.deepStrictEqual(events, ['error ECONNRESET socket hang up', 'close']);
        run();
      });
    }));
  });

  // destroy(err) before the socket: that error.
  tests.push(() => {
    const events = [];
    const req = http.get(opts('/hang'));
    track(req, events);
    req.destroy(new Error('mine'));
    req.on('close', common.mustCall(() => {
      setImmediate(() => {
        assert.deepStrictEqual(events, ['error undefined mine', 'close']);
        run();
      });
    }));
  });

  // abort() before the socket: 'close' then 'abort' (node's order), no 'error'.
  tests.push(() => {
    const events = [];
    const req = http.get(opts('/hang'));
    track(req, events);
    req.abort();
    assert.strictEqual(req.aborted, true);
    req.on('close', common.mustCall(() => {
      setImmediate(() => {
        assert.deepStrictEqual(events, ['close', 'abort']);
        run();
      });
    }));
  });

  // destroy() once connected, before the response.
  tests.push(() => {
    const events = [];
    const req = http.get(opts('/hang'));
    track(req, events);
    req.on('socket', (socket) => {
      socket.on('connect', () => setTimeout(() => req.destroy(), 20));
    });
    req.on('close', common.mustCall(() => {
      setImmediate(() => {
        assert.deepStrictEqual(events, ['socket', 'error ECONNRESET socket hang up', 'close']);
        run();
      });
    }));
  });

  // destroy() after a partial response: the response is aborted.
  tests.push(() => {
    const events = [];
    const req = http.get(opts('/partial'));
    track(req, events);
    req.on('response', (res) => {
      res.on('aborted', () => events.push('res aborted'));
      res.on('error', (err) => events.push(`res error ${err.code} ${err.message}`));
      res.on('close', () => events.push('res close'));
      res.once('data', () => req.destroy());
    });
    req.on('close', common.mustCall(() => {
      setImmediate(() => {
        assert.deepStrictEqual(events, ['socket', 'response', 'res aborted', 'close',
                                        'res error ECONNRESET aborted', 'res close']);
        run();
      });
    }));
  });

  // abort() after a complete response: no error.
  tests.push(() => {
    const events = [];
    const req = http.get(opts('/'));
    track(req, events);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        req.abort();
        setTimeout(() => {
          assert.strictEqual(events.includes('error'), false);
          assert.strictEqual(events[0], 'socket');
          assert.strictEqual(events[1], 'response');
          run();
        }, 20);
      });
    });
  });

  run();
}));
