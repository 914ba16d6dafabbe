'use strict';
// spawn: exit codes, stdout/stderr, event order ('spawn', 'exit', 'close'),
// pid, spawnfile/spawnargs, stdio array.
const assert = require('assert');
const common = require('../common');
const { spawn, ChildProcess } = require('child_process');

{
  const child = spawn('/bin/sh', ['-c', 'echo out; echo err >&2; exit 3']);
  assert.ok(child instanceof ChildProcess);
  assert.strictEqual(typeof child.pid, 'number');
  assert.ok(child.pid > 0);
  assert.strictEqual(child.spawnfile, '/bin/sh');
  assert.deepStrictEqual(child.spawnargs, ['/bin/sh', '-c', 'echo out; echo err >&2; exit 3']);
  assert.strictEqual(child.exitCode, null);
  assert.strictEqual(child.signalCode, null);
  assert.strictEqual(child.killed, false);
  assert.strictEqual(child.connected, false);
  assert.strictEqual(child.stdio.length, 3);
  assert.strictEqual(child.stdio[0], child.stdin);
  assert.strictEqual(child.stdio[1], child.stdout);
  assert.strictEqual(child.stdio[2], child.stderr);
  const events = [];
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  child.on('spawn', common.mustCall(() => events.push('spawn')));
  child.on('exit', common.mustCall((code, signal) => {
    events.push('exit');
    assert.strictEqual(code, 3);
    assert.strictEqual(signal, null);
    assert.strictEqual(child.exitCode, 3);
  }));
  child.on('close', common.mustCall((code, signal) => {
    events.push('close');
    assert.strictEqual(code, 3);
    assert.strictEqual(signal, null);
    assert.deepStrictEqual(events, ['spawn', 'exit', 'close']);
    assert.strictEqual(out, 'out\n');
    assert.strictEqual(err, 'err\n');
  }));
}

// 'spawn' is emitted on a later tick, not synchronously.
{
  const child = spawn('true');
  let sync = true;
  child.on('spawn', common.mustCall(() => assert.strictEqual(sync, false)));
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
  sync = false;
}

// process.execPath runs this runtime itself.
{
  const child = spawn(process.execPath, ['-e', 'console.log(6 * 7); process.exit(5)']);
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', common.mustCall((code, signal) => {
    assert.strictEqual(code, 5);
    assert.strictEqual(signal, null);
    assert.strictEqual(out, '42\n');
  }));
}

// An unread stdout does not keep 'close' from coming.
{
  const child = spawn('echo', ['unread']);
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// argv0 is what the child sees as its argv[0].
{
  const child = spawn('/bin/sh', ['-c', 'echo $0'], { argv0: 'custom-name' });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  assert.deepStrictEqual(child.spawnargs, ['custom-name', '-c', 'echo $0']);
  child.on('close', common.mustCall(() => assert.strictEqual(out, 'custom-name\n')));
}
