'use strict';
// https.createServer and https.request/get: requests over TLS, keep-alive
// reuse through an https.Agent, agent: false, URL strings, SNI from the
// host, verification errors, the wrong protocol, the module surface.
const common = require('../common');
const assert = require('assert');
const https = require('https');
const http = require('http');
const tls = require('tls');
const certs = require('../tls/fixtures/certs');

const { key, cert } = certs.get('self');

assert.deepStrictEqual(Object.keys(https).sort(),
                       ['Agent', 'Server', 'createServer', 'get', 'globalAgent', 'request']);
assert.ok(https.globalAgent instanceof https.Agent);
assert.ok(https.globalAgent instanceof http.Agent);
assert.strictEqual(https.globalAgent.defaultPort, 443);
assert.strictEqual(https.globalAgent.protocol, 'https:');
assert.strictEqual(https.globalAgent.keepAlive, true);
assert.strictEqual(https.globalAgent.maxCachedSessions, 100);
assert.throws(() => https.request('http://localhost/'), {
  code: 'ERR_INVALID_PROTOCOL',
  message: 'Protocol "http:" not supported. Expected "https:"',
});

const agent = new https.Agent({ keepAlive: true, ca: cert });
assert.strictEqual(agent.getName({ host: 'localhost', port: 443 }),
                   'localhost:443:::::::::::::::::::::');
assert.strictEqual(
  agent.getName({ host: 'h', port: 1, ca: 'CA', servername: 's', rejectUnauthorized: false,
                  minVersion: 'TLSv1.2' }),
  'h:1::CA::::::false:s:TLSv1.2:::::::::::');
assert.strictEqual(agent.getName({ host: 'h', servername: 'h' }), 'h::::::::::::::::::::::');

const seen = [];
const server = https.createServer({ key, cert }, (req, res) => {
  seen.push([req.url, req.socket.servername, req.socket.encrypted, req.socket.alpnProtocol]);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('x-method', req.method);
    res.end(`${req.url}:${body}`);
  });
});
assert.ok(server instanceof tls.Server);
assert.strictEqual(server.allowHalfOpen, false);
assert.strictEqual(server.keepAliveTimeout, 5000);
assert.strictEqual(server.listenerCount('tlsClientError'), 1);
assert.deepStrictEqual(server.ALPNProtocols, Buffer.from('\x08http/1.1'));

function fetch(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve({ res, data, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(0, common.mustCall(async () => {
  const port = server.address().port;
  {
    const first = await fetch({ port, path: '/a', agent, method: 'POST' }, 'one');
    assert.strictEqual(first.res.statusCode, 200);
    assert.strictEqual(first.data, '/a:one');
    assert.strictEqual(first.res.headers['x-method'], 'POST');
    assert.strictEqual(first.reused, false);
    const second = await fetch({ port, path: '/b', agent });
    assert.strictEqual(second.data, '/b:');
    assert.strictEqual(second.reused, true);
    assert.strictEqual(Object.keys(agent.freeSockets).length, 1);

    const third = await fetch({ port, path: '/c', agent: false, ca: cert });
    assert.strictEqual(third.data, '/c:');

    // A URL object through the global agent, which does not trust the cert.
    await assert.rejects(fetch(new URL(`https://localhost:${port}/d?q=1`)), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      message: 'self-signed certificate',
    });
  }

  // URL strings with options.
  await new Promise((resolve) => {
    https.get(`https://localhost:${port}/e`, { ca: cert }, common.mustCall((res) => {
      res.resume();
      res.on('end', resolve);
    }));
  });

  // Not trusted.
  await new Promise((resolve) => {
    https.get({ port, path: '/f', agent: false }, common.mustNotCall())
      .on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
        resolve();
      }));
  });
  // Trusted but a different name.
  await new Promise((resolve) => {
    https.get({ host: '127.0.0.1', port, path: '/g', agent: false, ca: cert,
                servername: 'other.test',
                checkServerIdentity: (host) => new Error(`refused ${host}`) }, common.mustNotCall())
      .on('error', common.mustCall((err) => {
        assert.strictEqual(err.message, 'refused other.test');
        resolve();
      }));
  });
  // rejectUnauthorized: false
  await new Promise((resolve) => {
    https.get({ port, path: '/h', agent: false, rejectUnauthorized: false }, common.mustCall((res) => {
      assert.strictEqual(res.socket.authorized, false);
      assert.strictEqual(res.socket.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      res.resume();
      res.on('end', resolve);
    }));
  });

  assert.deepStrictEqual(seen.map((s) => s[0]), ['/a', '/b', '/c', '/e', '/h']);
  for (const [, servername, encrypted, alpn] of seen) {
    assert.strictEqual(servername, 'localhost');
    assert.strictEqual(encrypted, true);
    assert.strictEqual(alpn, false);
  }
  agent.destroy();
  server.close(common.mustCall());
}));
