'use strict';
// inspector.open/url/close/waitForDebugger: argument checks, the disposable
// open() returns, ALREADY_ACTIVATED, the ws:// url served by /json/list;
// a child shows that neither an open transport nor an in-process session
// holds the process, and that in-process sessions print nothing.
const common = require('../common');
const assert = require('assert');
const http = require('http');
const { spawnSync } = require('child_process');
const inspector = require('inspector');

assert.strictEqual(inspector.url(), undefined);
assert.throws(() => inspector.waitForDebugger(), {
  code: 'ERR_INSPECTOR_NOT_ACTIVE', name: 'Error', message: 'Inspector is not active',
});
assert.throws(() => inspector.open(70000), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "port" is out of range. It must be >= 0 && <= 65535. Received 70000',
});
assert.strictEqual(inspector.url(), undefined);
inspector.close(); // Closing an inactive inspector is fine.

// node < 20 (Debian 12's node 18 as the oracle) returns nothing from open().
const oldNode = process.release.nodus === undefined && Number(process.versions.node.split('.')[0]) < 20;
let disposable = inspector.open(0, '127.0.0.1');
let disposeKey = 'close';
if (oldNode && disposable === undefined) {
  disposable = { close: inspector.close };
} else {
  assert.strictEqual(Object.getPrototypeOf(disposable), null);
  disposeKey = Object.getOwnPropertySymbols(disposable)[0];
  assert.strictEqual(typeof disposable[disposeKey], 'function');
  if (typeof Symbol.dispose === 'symbol') assert.strictEqual(disposeKey, Symbol.dispose);
  else assert.strictEqual(disposeKey.description, 'nodejs.dispose');
}

const wsUrl = inspector.url();
const match = /^ws:\/\/127\.0\.0\.1:(\d+)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
  .exec(wsUrl);
assert.ok(match, wsUrl);
const port = Number(match[1]);
assert.ok(port > 0 && port !== 9229);
assert.throws(() => inspector.open(0), {
  code: 'ERR_INSPECTOR_ALREADY_ACTIVATED',
  message: 'Inspector is already activated. ' +
    'Close it with inspector.close() before activating it again.',
});

const timeout = setTimeout(() => assert.fail('/json/list did not answer'),
                           common.platformTimeout(10000));
http.get({ host: '127.0.0.1', port, path: '/json/list' }, common.mustCall((res) => {
  assert.strictEqual(res.statusCode, 200);
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => { body += chunk; });
  res.on('end', common.mustCall(() => {
    clearTimeout(timeout);
    const targets = JSON.parse(body);
    assert.strictEqual(targets.length, 1);
    assert.strictEqual(targets[0].webSocketDebuggerUrl, wsUrl);
    // The disposable closes the transport.
    disposable[disposeKey]();
    assert.strictEqual(inspector.url(), undefined);
    assert.throws(() => inspector.waitForDebugger(), { code: 'ERR_INSPECTOR_NOT_ACTIVE' });
    inspector.close();
    // Open again after a close: a new url.
    inspector.open(0);
    assert.notStrictEqual(inspector.url(), wsUrl);
    inspector.close();
    checkChild();
    checkPortInUse();
  }));
})).on('error', assert.fail);

function checkChild() {
  const program = `
    const inspector = require('inspector');
    const session = new inspector.Session();
    session.connect();
    session.post('Debugger.enable');
    session.post('Runtime.enable');
    session.post('Runtime.evaluate', { expression: '1 + 1' }, (err, r) => {
      process.stdout.write('evaluated ' + r.result.value + '\\n');
    });
    setTimeout(() => process.stdout.write('timer\\n'), 10);
  `;
  const child = spawnSync(process.execPath, ['-e', program],
    { encoding: 'utf8', timeout: common.platformTimeout(10000) });
  assert.strictEqual(child.status, 0, child.stderr);
  assert.strictEqual(child.stdout, 'evaluated 2\ntimer\n');
  assert.strictEqual(child.stderr, '');

  const opened = spawnSync(process.execPath,
    ['-e', 'require("inspector").open(0, "127.0.0.1"); console.log("ran")'],
    { encoding: 'utf8', timeout: common.platformTimeout(10000) });
  assert.strictEqual(opened.status, 0, opened.stderr);
  assert.strictEqual(opened.stdout, 'ran\n');
  assert.match(opened.stderr,
    /^Debugger listening on ws:\/\/127\.0\.0\.1:\d+\/[-0-9a-f]{36}\nFor help, see: https:\/\/nodejs\.org\/en\/docs\/inspector\n$/);
}

// A port in use: node's failure line, the inspector stays inactive, and a
// later open() on a free port works.
function checkPortInUse() {
  const server = require('net').createServer();
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const busy = server.address().port;
    const child = spawnSync(process.execPath, ['-e', `
      const inspector = require('inspector');
      inspector.open(${busy}, '127.0.0.1');
      console.log(String(inspector.url()));
      try { inspector.waitForDebugger(); } catch (e) { console.log(e.code); }
      inspector.open(0, '127.0.0.1');
      console.log(/^ws:/.test(inspector.url()));
      inspector.close();
    `], { encoding: 'utf8', timeout: common.platformTimeout(10000) });
    server.close();
    assert.strictEqual(child.status, 0, child.stderr);
    assert.strictEqual(child.stdout, 'undefined\nERR_INSPECTOR_NOT_ACTIVE\ntrue\n');
    assert.ok(child.stderr.startsWith(
      `Starting inspector on 127.0.0.1:${busy} failed: address already in use\n` +
      'Debugger listening on ws://127.0.0.1:'), child.stderr);
  }));
}
