'use strict';
// TLSSocket as a stream: 4 MiB each way with backpressure (pause/resume),
// wrapping an already connected net.Socket (tls.connect({ socket }) and
// new TLSSocket(socket, { isServer })), allowHalfOpen, destroy mid-stream,
// setTimeout, bytesWritten/bytesRead of the cleartext.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const tls = require('tls');
const certs = require('./fixtures/certs');

const { key, cert } = certs.get('self');
const kSize = 4 * 1024 * 1024;
const payload = Buffer.alloc(kSize, 'x');

const steps = [
  function bulk(next) {
    const server = tls.createServer({ key, cert }, (s) => {
      let got = 0;
      s.pause();
      // Resume late: the client must see backpressure meanwhile.
      setTimeout(() => {
        s.on('data', (d) => { got += d.length; });
        s.resume();
      }, 50);
      s.on('end', common.mustCall(() => {
        assert.strictEqual(got, kSize);
        assert.strictEqual(s.bytesRead, kSize);
        s.end(payload);
      }));
    });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, host: 'localhost', ca: cert },
                            common.mustCall(() => {
        let ok = true;
        let offset = 0;
        const chunk = 64 * 1024;
        function write() {
          while (offset < kSize && ok) {
            ok = c.write(payload.subarray(offset, offset + chunk));
            offset += chunk;
          }
          if (offset < kSize) {
            c.once('drain', common.mustCallAtLeast(() => { ok = true; write(); }, 1));
          } else {
            c.end();
          }
        }
        write();
      }));
      let got = 0;
      c.on('data', (d) => { got += d.length; });
      c.on('end', common.mustCall(() => {
        assert.strictEqual(got, kSize);
        assert.strictEqual(c.bytesWritten, kSize);
      }));
      c.on('close', common.mustCall(() => server.close(next)));
    }));
  },
  function wrapSockets(next) {
    const server = net.createServer(common.mustCall((raw) => {
      const s = new tls.TLSSocket(raw, { isServer: true,
                                         secureContext: tls.createSecureContext({ key, cert }) });
      s.on('secure', common.mustCall(() => {
        assert.strictEqual(s.encrypted, true);
        assert.strictEqual(s._parent, raw);
      }));
      s.setEncoding('utf8');
      s.on('data', common.mustCall((d) => {
        assert.strictEqual(d, 'over a wrapped socket');
        s.end('bye');
      }));
    }));
    server.listen(0, common.mustCall(() => {
      const raw = net.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
        const c = tls.connect({ socket: raw, servername: 'localhost', ca: cert },
                              common.mustCall(() => {
          assert.strictEqual(c.authorized, true);
          c.write('over a wrapped socket');
        }));
        let body = '';
        c.setEncoding('utf8');
        c.on('data', (d) => { body += d; });
        c.on('end', common.mustCall(() => assert.strictEqual(body, 'bye')));
        c.on('close', common.mustCall(() => server.close(next)));
      }));
    }));
  },
  function halfOpen(next) {
    const server = tls.createServer({ key, cert, allowHalfOpen: true }, (s) => {
      s.resume();
      s.on('end', common.mustCall(() => {
        // The client ended; this side can still write.
        setTimeout(() => s.end('late'), 20);
      }));
    });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, host: 'localhost', ca: cert,
                              allowHalfOpen: true }, common.mustCall(() => c.end()));
      let body = '';
      c.on('data', (d) => { body += d; });
      c.on('end', common.mustCall(() => assert.strictEqual(body, 'late')));
      c.on('close', common.mustCall(() => server.close(next)));
    }));
  },
  function destroyMidStream(next) {
    const server = tls.createServer({ key, cert }, (s) => {
      s.on('error', () => {});
      s.on('data', common.mustCallAtLeast(() => {}, 1));
      s.on('close', common.mustCall(() => server.close(next)));
    });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, host: 'localhost', ca: cert },
                            common.mustCall(() => {
        c.write('some');
        setTimeout(() => c.destroy(), 20);
      }));
      c.on('close', common.mustCall((hadError) => assert.strictEqual(hadError, false)));
    }));
  },
  function timeout(next) {
    const server = tls.createServer({ key, cert }, (s) => {
      s.resume();
      s.on('error', () => {});
    });
    server.listen(0, common.mustCall(() => {
      const c = tls.connect({ port: server.address().port, host: 'localhost', ca: cert });
      c.setTimeout(50, common.mustCall(() => {
        c.destroy();
        server.close(next);
      }));
    }));
  },
];

function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
}
run(0);
