'use strict';
// Server bookkeeping: getConnections, maxConnections, 'close' waiting for
// connections, listen() signatures, ref/unref, pauseOnConnect, noDelay/keepAlive.
const common = require('../common');
const assert = require('assert');
const net = require('net');

// getConnections and close waiting for the last connection.
{
  const sockets = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    if (sockets.length === 2) {
      server.getConnections(common.mustCall((err, count) => {
        assert.strictEqual(err, null);
        assert.strictEqual(count, 2);
        assert.strictEqual(server.connections, undefined === server.connections ? undefined : 2);
        let closed = false;
        server.close(common.mustCall(() => {
          closed = true;
        }));
        assert.strictEqual(server.listening, false);
        sockets[0].end();
        setTimeout(() => {
          assert.strictEqual(closed, false); // one connection still open
          sockets[1].end();
        }, 20);
      }));
    }
  });
  server.on('close', common.mustCall());
  server.listen({ port: 0, host: '127.0.0.1', backlog: 10 }, common.mustCall(() => {
    for (let i = 0; i < 2; i++) {
      const c = net.connect(server.address().port, '127.0.0.1');
      c.resume();
      c.on('end', () => c.end());
    }
  }));
}

// maxConnections: extra connections are closed at once.
{
  const server = net.createServer(common.mustCall((socket) => {
    socket.resume();
  }, 1));
  server.maxConnections = 1;
  server.on('drop', common.mustCall((data) => {
    assert.deepStrictEqual(Object.keys(data), ['localAddress', 'localPort', 'localFamily',
                                               'remoteAddress', 'remotePort', 'remoteFamily']);
    assert.strictEqual(data.localAddress, '127.0.0.1');
    assert.strictEqual(data.localPort, server.address().port);
    assert.strictEqual(data.localFamily, 'IPv4');
    assert.strictEqual(data.remoteAddress, '127.0.0.1');
    assert.strictEqual(typeof data.remotePort, 'number');
    assert.strictEqual(data.remoteFamily, 'IPv4');
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const port = server.address().port;
    const a = net.connect(port, '127.0.0.1', common.mustCall(() => {
      const b = net.connect(port, '127.0.0.1');
      b.on('error', () => {});
      b.resume();
      b.on('close', common.mustCall(() => {
        a.destroy();
        server.close();
      }));
    }));
  }));
}

// pauseOnConnect: no data flows until resume().
{
  const server = net.createServer({ pauseOnConnect: true }, common.mustCall((socket) => {
    let got = '';
    socket.on('data', (d) => { got += d; });
    setTimeout(() => {
      assert.strictEqual(got, '');
      socket.resume();
    }, 30);
    socket.on('end', common.mustCall(() => {
      assert.strictEqual(got, 'paused data');
      server.close();
    }));
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    net.connect(server.address().port, '127.0.0.1').end('paused data');
  }));
}

// noDelay/keepAlive options and setters return the socket.
{
  const server = net.createServer({ noDelay: true, keepAlive: true, keepAliveInitialDelay: 1000 },
                                  common.mustCall((socket) => {
                                    assert.strictEqual(socket.setNoDelay(false), socket);
                                    assert.strictEqual(socket.setKeepAlive(false), socket);
                                    socket.end();
                                  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1', noDelay: true,
                            keepAlive: true });
    assert.strictEqual(c.setNoDelay(), c);
    assert.strictEqual(c.setKeepAlive(true, 500), c);
    c.resume();
    c.on('close', common.mustCall(() => server.close()));
  }));
}

// An unref'd server does not keep the process alive; ref() returns the server.
{
  const server = net.createServer();
  assert.strictEqual(server.unref(), server);
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    assert.strictEqual(server.ref(), server);
    server.unref();
  }));
}

// listen(port, callback) with no host, options.port as a string.
{
  const server = net.createServer();
  server.listen({ port: '0' }, common.mustCall(() => {
    assert.strictEqual(typeof server.address().port, 'number');
    server.close(common.mustCall());
  }));
}
