'use strict';
// Sessions: 'session' events carry tickets a later connection resumes with
// (isSessionReused), getSession() returns a serialized session, and an
// https.Agent caches sessions per host.
const common = require('../common');
const assert = require('assert');
const tls = require('tls');
const https = require('https');
const certs = require('./fixtures/certs');

const { key, cert } = certs.get('self');
const server = tls.createServer({ key, cert }, (s) => {
  s.resume();
  s.end('x');
});

server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  let saved = null;
  const first = tls.connect({ port, host: 'localhost', ca: cert }, common.mustCall(() => {
    assert.strictEqual(first.isSessionReused(), false);
    assert.ok(Buffer.isBuffer(first.getSession()));
  }));
  first.on('session', common.mustCallAtLeast((session) => {
    assert.ok(Buffer.isBuffer(session));
    assert.ok(session.length > 0);
    saved = session;
  }, 1));
  first.resume();
  first.on('close', common.mustCall(() => {
    assert.ok(saved);
    const second = tls.connect({ port, host: 'localhost', ca: cert, session: saved },
                               common.mustCall(() => {
      assert.strictEqual(second.isSessionReused(), true);
      assert.strictEqual(second.authorized, true);
      // No certificate was exchanged.
      assert.deepStrictEqual(second.getPeerCertificate(), {});
    }));
    second.resume();
    second.on('close', common.mustCall(() => server.close(agentSessions)));
  }));
}));

function agentSessions() {
  const hs = https.createServer({ key, cert }, (req, res) => {
    res.end(String(req.socket.isSessionReused()));
  });
  hs.listen(0, common.mustCall(() => {
    const agent = new https.Agent({ keepAlive: false, ca: cert });
    const get = () => new Promise((resolve, reject) => {
      https.get({ port: hs.address().port, agent, path: '/' }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
    get().then((a) => {
      assert.strictEqual(a, 'false');
      const name = agent.getName({ host: 'localhost', port: hs.address().port });
      assert.ok(Buffer.isBuffer(agent._getSession(`${name}`)) ||
                Object.keys(agent._sessionCache.map).length === 1);
      // The session arrives after the response; give it a moment.
      return new Promise((r) => setTimeout(r, 50)).then(get);
    }).then(common.mustCall((b) => {
      assert.strictEqual(b, 'true');
      hs.close();
    }));
  }));
}
