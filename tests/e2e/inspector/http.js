'use strict';
// The inspector's HTTP endpoints, Host-header checks, stderr lines, port in
// use and a client leaving mid-pause; plain HTTP and raw sockets plus the
// fixture's `ws` client.
//   node http.js CASE RUNTIME FIXTURE_DIR
const net = require('net');
const L = require('./lib.js');
const { check, eq } = L;

// Sends a raw request and resolves with what came back within ms (the
// connection is then closed).
function raw(port, request, ms = 1500) {
  return new Promise((resolve) => {
    let data = '';
    const s = net.connect(port, '127.0.0.1', () => s.write(request));
    const done = () => {
      clearTimeout(timer);
      s.destroy();
      resolve(data);
    };
    const timer = setTimeout(done, ms);
    s.setEncoding('latin1');
    s.on('data', (d) => {
      data += d;
      // A 101 keeps the socket open: stop once the head is complete.
      if (/\r\n\r\n/.test(data)) done();
    });
    s.on('close', done);
    s.on('error', done);
  });
}

function upgradeRequest(path, host) {
  return (
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
  );
}

// A `ws` client on the target; resolves once open.
function wsConnect(t, url) {
  const WebSocket = L.fixtureRequire(t.fixture, 'ws');
  const ws = new WebSocket(url);
  let nextId = 1;
  const pending = new Map();
  const events = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    } else events.push(msg);
  });
  ws.call = (method, params = {}) =>
    L.within(
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
      L.WAIT_MS,
      `the answer to ${method}`,
    );
  ws.events = events;
  ws.waitEvent = (method) =>
    L.within(
      new Promise((resolve) => {
        const poll = () => {
          const e = events.find((m) => m.method === method);
          if (e) resolve(e);
          else setTimeout(poll, 10);
        };
        poll();
      }),
      L.WAIT_MS,
      () => `${method}; events: ${events.map((e) => e.method).join(', ')}`,
    );
  return L.within(
    new Promise((resolve, reject) => {
      ws.on('open', () => resolve(ws));
      ws.on('error', reject);
    }),
    L.WAIT_MS,
    `a WebSocket to ${url}`,
  );
}

const cases = {
  // /json and /json/list describe the target; /json/version; /json/protocol
  // holds V8's domains and NodeRuntime; any other path is a 400.
  async endpoints(t) {
    const p = await L.startInspected(t.runtime, '--inspect-brk', 'basic.js');
    const hostPort = `127.0.0.1:${p.port}`;
    const json = await L.httpGet(p.port, '/json');
    const list = await L.httpGet(p.port, '/json/list');
    eq(json.status, 200, '/json status');
    check(/^application\/json/.test(json.headers['content-type']), '/json content-type', json.headers);
    eq(JSON.parse(list.body), JSON.parse(json.body), '/json/list equals /json');
    const targets = JSON.parse(json.body);
    eq(targets.length, 1, 'one target');
    const tg = targets[0];
    eq(tg.id, p.id, 'id');
    eq(tg.type, 'node', 'type');
    eq(tg.url, L.fileUrl(t.app('basic.js')), 'url');
    eq(tg.webSocketDebuggerUrl, p.wsUrl, 'webSocketDebuggerUrl');
    check(typeof tg.title === 'string' && tg.title.length > 0, 'title', tg);
    check(typeof tg.description === 'string' && typeof tg.faviconUrl === 'string', 'description, faviconUrl', tg);
    check(tg.devtoolsFrontendUrl.startsWith('devtools://devtools/bundled/') && tg.devtoolsFrontendUrl.endsWith(`ws=${hostPort}/${p.id}`), 'devtoolsFrontendUrl', tg.devtoolsFrontendUrl);
    check(tg.devtoolsFrontendUrlCompat.startsWith('devtools://devtools/bundled/') && tg.devtoolsFrontendUrlCompat.endsWith(`ws=${hostPort}/${p.id}`), 'devtoolsFrontendUrlCompat', tg.devtoolsFrontendUrlCompat);
    // host:port comes from the request's Host header.
    const viaLocalhost = JSON.parse((await L.httpGet(p.port, '/json/list', `localhost:${p.port}`)).body)[0];
    eq(viaLocalhost.webSocketDebuggerUrl, `ws://localhost:${p.port}/${p.id}`, 'webSocketDebuggerUrl via Host: localhost');
    const version = await L.httpGet(p.port, '/json/version');
    eq(version.status, 200, '/json/version status');
    const v = JSON.parse(version.body);
    check(typeof v.Browser === 'string' && v.Browser.length > 0, 'Browser', v);
    eq(v['Protocol-Version'], '1.1', 'Protocol-Version');
    const proto = await L.httpGet(p.port, '/json/protocol');
    eq(proto.status, 200, '/json/protocol status');
    const domains = JSON.parse(proto.body).domains.map((d) => d.domain);
    for (const d of ['Runtime', 'Debugger', 'Profiler', 'HeapProfiler', 'NodeRuntime']) check(domains.includes(d), `/json/protocol has ${d}`, domains);
    for (const path of ['/', '/json/nope', '/foo']) eq((await L.httpGet(p.port, path)).status, 400, `GET ${path}`);
    p.child.kill('SIGKILL');
  },

  // DNS rebinding: a Host that is a DNS name other than localhost is refused
  // on HTTP and on the WebSocket upgrade; localhost and IP addresses work.
  async 'host-header'(t) {
    const p = await L.startInspected(t.runtime, '--inspect-brk', 'basic.js');
    for (const host of ['evil.com', `evil.com:${p.port}`, `localhost.evil.com:${p.port}`]) {
      const r = await L.httpGet(p.port, '/json', host);
      eq(r.status, 400, `GET /json with Host: ${host}`);
      check(!r.body.includes(p.id), `the target id leaked to Host: ${host}`, r.body);
      const u = await raw(p.port, upgradeRequest(`/${p.id}`, host));
      check(/^HTTP\/1\.[01] 400 /.test(u), `upgrade with Host: ${host} refused`, u);
    }
    for (const host of [`localhost:${p.port}`, 'localhost', `127.0.0.1:${p.port}`, `[::1]:${p.port}`]) {
      eq((await L.httpGet(p.port, '/json', host)).status, 200, `GET /json with Host: ${host}`);
    }
    const ok = await raw(p.port, upgradeRequest(`/${p.id}`, `localhost:${p.port}`));
    check(/^HTTP\/1\.1 101 /.test(ok) && /Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=\r\n/i.test(ok), 'upgrade with Host: localhost', ok);
    const bad = await raw(p.port, upgradeRequest('/not-the-target-id', `127.0.0.1:${p.port}`));
    check(/^HTTP\/1\.[01] 400 /.test(bad), 'upgrade to an unknown id refused', bad);
    p.child.kill('SIGKILL');
  },

  // The stderr lines tools match, in order, and the wait at exit.
  async 'stderr-lines'(t) {
    const p = await L.startInspected(t.runtime, '--inspect-brk', 'basic.js');
    const ws = await wsConnect(t, p.wsUrl);
    await p.stderr.wait(/Debugger attached\.\n/);
    await ws.call('Runtime.runIfWaitingForDebugger');
    await p.stdout.wait(/result outer-value5\n/);
    await p.stderr.wait(/Waiting for the debugger to disconnect\.\.\.\n/);
    await L.sleep(200);
    check(p.child.exitCode === null, 'exited while a client was attached');
    ws.close();
    eq(await p.waitExit(), { code: 0, signal: null }, 'exit status');
    const expected =
      `Debugger listening on ${p.wsUrl}\n` +
      'For help, see: https://nodejs.org/en/docs/inspector\n' +
      'Debugger attached.\n' +
      'Waiting for the debugger to disconnect...\n';
    eq(p.stderr.text, expected, 'stderr');
  },

  // A second runtime on a busy port says so and still runs its program.
  async 'port-in-use'(t) {
    const first = await L.startInspected(t.runtime, '--inspect', 'linger.js');
    const second = L.start(t.runtime, [`--inspect=127.0.0.1:${first.port}`, 'basic.js']);
    eq(await second.waitExit(), { code: 0, signal: null }, 'the second exit status');
    eq(second.stderr.text, `Starting inspector on 127.0.0.1:${first.port} failed: address already in use\n`, 'the second stderr');
    eq(second.stdout.text, 'result outer-value5\n', 'the second stdout');
    first.child.kill('SIGKILL');
  },

  // The last client leaving a running program: "Debugger ending on" and the
  // help line; the program keeps running and a new client can attach.
  async 'debugger-ending'(t) {
    const p = await L.startInspected(t.runtime, '--inspect', 'linger.js');
    await p.stdout.wait(/lingering\n/);
    const ws = await wsConnect(t, p.wsUrl);
    await p.stderr.wait(/Debugger attached\.\n/);
    eq((await ws.call('Runtime.evaluate', { expression: '6 * 7' })).result.result.value, 42, 'evaluate');
    ws.close();
    await p.stderr.wait(/Debugger ending on [^\n]*\nFor help, see: https:\/\/nodejs\.org\/en\/docs\/inspector\n$/);
    const again = await wsConnect(t, p.wsUrl);
    eq((await again.call('Runtime.evaluate', { expression: '1 + 1' })).result.result.value, 2, 'evaluate in a second connection');
    again.terminate();
    check(p.child.exitCode === null, 'the program stopped', p.stderr.text);
    const expected =
      `Debugger listening on ${p.wsUrl}\n` +
      'For help, see: https://nodejs.org/en/docs/inspector\n' +
      'Debugger attached.\n' +
      `Debugger ending on ${p.wsUrl}\n` +
      'For help, see: https://nodejs.org/en/docs/inspector\n';
    eq(p.stderr.text.slice(0, expected.length), expected, 'stderr');
    p.child.kill('SIGKILL');
  },

  // A client that disconnects while the program is paused lets it go on.
  async 'disconnect-mid-pause'(t) {
    const p = await L.startInspected(t.runtime, '--inspect-brk', 'debugger_stmt.js');
    const ws = await wsConnect(t, p.wsUrl);
    await ws.call('Debugger.enable');
    await ws.call('Runtime.runIfWaitingForDebugger');
    const first = await ws.waitEvent('Debugger.paused');
    eq(first.params.reason, 'Break on start', 'the first pause');
    ws.events.length = 0;
    await ws.call('Debugger.resume');
    const second = await ws.waitEvent('Debugger.paused');
    eq(second.params.callFrames[0].location.lineNumber, 3, 'paused at debugger;');
    ws.terminate();
    eq(await p.waitExit(), { code: 0, signal: null }, 'exit status');
    eq(p.stdout.text, 'x is 42\n', 'stdout');
  },

  // SIGUSR1 opens the inspector in a running program, on --inspect-port,
  // even while JavaScript is stuck in a loop; a client can then evaluate.
  async sigusr1(t) {
    const port = await freePort();
    const p = L.start(t.runtime, [`--inspect-port=127.0.0.1:${port}`, 'busy.js']);
    await p.stdout.wait(/spinning\n/);
    p.child.kill('SIGUSR1');
    const m = await p.stderr.wait(/Debugger listening on (ws:\/\/127\.0\.0\.1:(\d+)\/[0-9a-f-]+)\n/);
    eq(Number(m[2]), port, 'the --inspect-port port');
    const ws = await wsConnect(t, m[1]);
    eq((await ws.call('Runtime.evaluate', { expression: '6 * 7' })).result.result.value, 42, 'evaluate in the busy program');
    ws.terminate();
    p.child.kill('SIGKILL');
  },

  // --inspect-publish-uid: http alone prints no stderr line but lists the
  // target; stderr alone prints the line and /json/list is not served.
  async 'publish-uid'(t) {
    const port = await freePort();
    const httpOnly = L.start(t.runtime, [`--inspect=127.0.0.1:${port}`, '--inspect-publish-uid=http', 'linger.js']);
    await httpOnly.stdout.wait(/lingering\n/);
    const list = JSON.parse((await L.httpGet(port, '/json/list')).body);
    eq(list.length, 1, 'one target over http');
    check(list[0].webSocketDebuggerUrl.startsWith(`ws://127.0.0.1:${port}/`), 'webSocketDebuggerUrl', list[0]);
    eq(httpOnly.stderr.text, '', 'no stderr line with publish-uid=http');
    httpOnly.child.kill('SIGKILL');
    await httpOnly.waitExit();
    const stderrOnly = await L.startInspected(t.runtime, '--inspect', 'linger.js', { args: ['--inspect-publish-uid=stderr'] });
    const hidden = await L.httpGet(stderrOnly.port, '/json/list');
    check(hidden.status !== 200 || JSON.parse(hidden.body).length === 0, 'no target listed over http', hidden);
    stderrOnly.child.kill('SIGKILL');
  },
};

// A port that was free a moment ago (the tests need to know it in advance).
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

L.run(cases);
