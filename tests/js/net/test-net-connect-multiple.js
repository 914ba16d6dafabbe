'use strict';
// A host with several addresses: each is tried in turn (autoSelectFamily),
// with 'connectionAttempt'/'connectionAttemptFailed' events as node emits them.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const server = net.createServer(common.mustCall((socket) => socket.end('ok'), 2));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();

  // The first address refuses, the second accepts.
  const events = [];
  const client = net.connect({
    port,
    host: 'multi.test',
    lookup: common.mustCall((host, options, cb) => {
      assert.strictEqual(host, 'multi.test');
      assert.strictEqual(options.all, true);
      assert.strictEqual(options.family, undefined);
      assert.strictEqual(options.hints, require('dns').ADDRCONFIG);
      process.nextTick(cb, null,
                       [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.1', family: 4 }]);
    }),
  });
  const lookups = [];
  client.on('lookup', (err, address, family, host) => lookups.push([err, address, family, host]));
  client.on('connectionAttempt', (ip, p, family) => events.push(['attempt', ip, p, family]));
  client.on('connectionAttemptFailed', (ip, p, family, err) => {
    events.push(['failed', ip, p, family, err.code]);
  });
  client.on('connect', common.mustCall(() => {
    assert.deepStrictEqual(events, [
      ['attempt', '127.0.0.2', port, 4],
      ['failed', '127.0.0.2', port, 4, 'ECONNREFUSED'],
      ['attempt', '127.0.0.1', port, 4],
    ]);
    assert.deepStrictEqual(lookups, [
      [null, '127.0.0.2', 4, 'multi.test'],
      [null, '127.0.0.1', 4, 'multi.test'],
    ]);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
  }));
  client.resume();
  client.on('end', common.mustCall(() => {
    // A literal address: one attempt, reported by the same events.
    const attempts = [];
    const direct = net.connect(port, '127.0.0.1');
    direct.on('connectionAttempt', (...args) => attempts.push(args));
    direct.on('connect', common.mustCall(() => {
      assert.deepStrictEqual(attempts, [['127.0.0.1', port, 4]]);
    }));
    direct.resume();
    direct.on('end', common.mustCall(() => server.close()));
  }));
}));

// Every address refuses: node reports an AggregateError carrying the code.
const probe = net.createServer().listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = probe.address();
  probe.close(common.mustCall(() => {
    const failures = [];
    const c = net.connect({
      port,
      host: 'none.test',
      lookup: (host, options, cb) => {
        process.nextTick(cb, null,
                         [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.1', family: 4 }]);
      },
    });
    c.on('connectionAttemptFailed', (ip) => failures.push(ip));
    c.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.ok(err instanceof AggregateError);
      assert.strictEqual(err.errors.length, 2);
      assert.strictEqual(err.errors[0].message, `connect ECONNREFUSED 127.0.0.2:${port}`);
      assert.strictEqual(err.errors[1].message, `connect ECONNREFUSED 127.0.0.1:${port}`);
      assert.deepStrictEqual(failures, ['127.0.0.2', '127.0.0.1']);
    }));
  }));
}));
