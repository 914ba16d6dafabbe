'use strict';
// The client's timeout option and req.setTimeout: 'timeout' fires on an idle
// socket and nothing more happens until the user acts; destroying then gives
// 'error' ECONNRESET "socket hang up" and 'close'.
const assert = require('assert');
const http = require('http');
const common = require('../common');

const server = http.createServer((req, res) => {
  if (req.url === '/fast') res.end('fast');
  // Otherwise never answers.
});

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  let left = 3;
  const done = () => {
    if (--left === 0) {
      server.closeAllConnections();
      server.close();
    }
  };

  // 1. options.timeout.
  {
    const events = [];
    const req = http.get({ port, host: '127.0.0.1', path: '/a', timeout: 100, agent: false },
                         common.mustNotCall());
    assert.strictEqual(req.timeout, 100);
    req.on('timeout', common.mustCall(() => {
      events.push('timeout');
      req.destroy();
    }));
    req.on('error', common.mustCall((err) => {
      events.push('error');
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message, 'socket hang up');
    }));
    req.on('close', common.mustCall(() => {
      assert.deepStrictEqual(events, ['timeout', 'error']);
      done();
    }));
  }

  // 2. req.setTimeout with a callback, before the socket exists.
  {
    const req = http.get({ port, host: '127.0.0.1', path: '/b', agent: false },
                         common.mustNotCall());
    assert.strictEqual(req.setTimeout(100, common.mustCall(() => {
      req.destroy(new Error('gave up'));
    })), req);
    req.on('error', common.mustCall((err) => assert.strictEqual(err.message, 'gave up')));
    req.on('close', common.mustCall(done));
  }

  // 3. A timeout that never fires: the response comes first; the socket's
  //    timeout is cleared with the response.
  {
    const req = http.get({ port, host: '127.0.0.1', path: '/fast', timeout: 2000, agent: false },
                         common.mustCall((res) => {
                           res.resume();
                           res.on('end', common.mustCall(done));
                         }));
    req.on('timeout', common.mustNotCall());
  }
}));
