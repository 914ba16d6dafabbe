'use strict';
// spawnSync / execSync / execFileSync: status, signal, output, input, stdio,
// timeout, maxBuffer and the thrown errors' messages.
const assert = require('assert');
const { spawnSync, execSync, execFileSync } = require('child_process');

{
  const r = spawnSync('/bin/sh', ['-c', 'echo hi; echo err >&2; exit 3']);
  assert.deepStrictEqual(Object.keys(r), ['status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
  assert.strictEqual(r.status, 3);
  assert.strictEqual(r.signal, null);
  assert.ok(r.pid > 0);
  assert.strictEqual(r.output[0], null);
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.strictEqual(r.stdout.toString(), 'hi\n');
  assert.strictEqual(r.stderr.toString(), 'err\n');
  assert.strictEqual(r.output[1], r.stdout);
  assert.strictEqual(r.output[2], r.stderr);
}

// Signals.
{
  const r = spawnSync('/bin/sh', ['-c', 'kill $$']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.strictEqual(r.stdout.length, 0);
}

// ENOENT.
{
  const r = spawnSync('nope-missing', ['a']);
  assert.deepStrictEqual(Object.keys(r),
                         ['error', 'status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
  assert.strictEqual(r.error.message, 'spawnSync nope-missing ENOENT');
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.errno, -2);
  assert.strictEqual(r.error.syscall, 'spawnSync nope-missing');
  assert.strictEqual(r.error.path, 'nope-missing');
  assert.deepStrictEqual(r.error.spawnargs, ['a']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.output, null);
  assert.strictEqual(r.pid, 0);
  assert.strictEqual(r.stdout, null);
}

// input and encoding.
{
  const r = spawnSync('cat', { input: 'abc', encoding: 'utf8' });
  assert.strictEqual(r.status, 0);
  assert.deepStrictEqual(r.output, [null, 'abc', '']);
  const big = Buffer.alloc(1 << 20, 'q');
  const r2 = spawnSync('cat', [], { input: big });
  assert.ok(r2.stdout.equals(big));
  const r3 = spawnSync('cat', [], { input: new Uint16Array([0x4241]) });
  assert.strictEqual(r3.stdout.toString('latin1'), 'AB');
  // No input: stdin is at EOF at once.
  assert.strictEqual(spawnSync('cat').stdout.length, 0);
}

// timeout: ETIMEDOUT and the kill signal.
{
  const r = spawnSync('sleep', ['10'], { timeout: 50 });
  assert.strictEqual(r.error.code, 'ETIMEDOUT');
  assert.strictEqual(r.error.message, 'spawnSync sleep ETIMEDOUT');
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGTERM');
  const r2 = spawnSync('sleep', ['10'], { timeout: 50, killSignal: 'SIGKILL' });
  assert.strictEqual(r2.signal, 'SIGKILL');
}

// maxBuffer: ENOBUFS.
{
  const r = spawnSync('/bin/sh', ['-c', 'yes | head -c 1000000'], { maxBuffer: 10 });
  assert.strictEqual(r.error.code, 'ENOBUFS');
  assert.strictEqual(r.error.message, 'spawnSync /bin/sh ENOBUFS');
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.ok(r.stdout.length > 10);
}

// stdio: ignore, inherit (the grandchild writes into our captured stdout).
{
  const r = spawnSync('echo', ['x'], { stdio: 'ignore' });
  assert.strictEqual(r.status, 0);
  assert.deepStrictEqual(r.output, [null, null, null]);
  assert.strictEqual(r.stdout, null);
  const code = "require('child_process').spawnSync('echo', ['through'], { stdio: 'inherit' })";
  const r2 = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.strictEqual(r2.stdout, 'through\n');
  assert.strictEqual(r2.status, 0);
}

// env, cwd, shell.
{
  const r = spawnSync('echo $V; pwd', { shell: true, env: { V: 'vv' }, cwd: '/', encoding: 'utf8' });
  assert.strictEqual(r.stdout, 'vv\n/\n');
}

// execSync.
assert.strictEqual(execSync('echo $((6 * 7))').toString(), '42\n');
assert.strictEqual(execSync('cat', { input: 'in', encoding: 'utf8' }), 'in');
assert.throws(() => execSync('echo oops >&2; exit 2', { stdio: 'pipe' }), (err) => {
  assert.strictEqual(err.message, 'Command failed: echo oops >&2; exit 2\noops\n');
  assert.strictEqual(err.status, 2);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.stderr.toString(), 'oops\n');
  assert.strictEqual(err.stdout.length, 0);
  assert.ok(err.pid > 0);
  assert.deepStrictEqual(Object.keys(err), ['status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
  return true;
});
assert.throws(() => execSync('exit 1', { stdio: 'ignore' }), {
  message: 'Command failed: exit 1',
  status: 1,
});
assert.throws(() => execSync('sleep 10', { timeout: 50 }), {
  code: 'ETIMEDOUT',
  message: 'spawnSync /bin/sh ETIMEDOUT',
  signal: 'SIGTERM',
});

// execFileSync.
assert.strictEqual(execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }), 'a b\n');
assert.strictEqual(execFileSync(process.execPath, ['-p', '1 + 1']).toString(), '2\n');
assert.throws(() => execFileSync('/bin/sh', ['-c', 'exit 7'], { stdio: 'pipe' }), {
  message: 'Command failed: /bin/sh -c exit 7',
  status: 7,
});
assert.throws(() => execFileSync('nope-missing', ['q']), {
  code: 'ENOENT',
  message: 'spawnSync nope-missing ENOENT',
  path: 'nope-missing',
  spawnargs: ['q'],
});
// Without stdio, the child's stderr is passed on to ours: check through a child.
{
  const code = "try { require('child_process').execFileSync('/bin/sh', ['-c', 'echo E >&2; exit 1']) }" +
    " catch (e) { console.log('caught', e.status) }";
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.strictEqual(r.stdout, 'caught 1\n');
  assert.strictEqual(r.stderr, 'E\n');
}
