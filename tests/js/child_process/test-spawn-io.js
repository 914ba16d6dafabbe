'use strict';
// stdin -> cat -> stdout round trips, 1 MiB without loss, stdio 'ignore',
// 'inherit', fd numbers and streams with an fd, env, cwd, shell.
const assert = require('assert');
const common = require('../common');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

function collect(stream, cb) {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', common.mustCall(() => cb(Buffer.concat(chunks))));
}

// Round trip through cat.
{
  const child = spawn('cat');
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), 'hello\nworld\n'));
  child.stdin.write('hello\n');
  child.stdin.end('world\n');
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// 1 MiB in and out, byte for byte.
{
  const big = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 10)) & 0xff;
  const child = spawn('cat');
  collect(child.stdout, (buf) => {
    assert.strictEqual(buf.length, big.length);
    assert.ok(buf.equals(big));
  });
  child.stdin.end(big);
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// 1 MiB produced by the child (this runtime itself).
{
  const child = spawn(process.execPath, ['-e', "process.stdout.write('x'.repeat(1 << 20))"]);
  collect(child.stdout, (buf) => {
    assert.strictEqual(buf.length, 1 << 20);
    assert.strictEqual(buf.toString(), 'x'.repeat(1 << 20));
  });
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// 'ignore' leaves nulls in stdio.
{
  const child = spawn('/bin/sh', ['-c', 'echo ignored'], { stdio: 'ignore' });
  assert.strictEqual(child.stdin, null);
  assert.strictEqual(child.stdout, null);
  assert.strictEqual(child.stderr, null);
  assert.deepStrictEqual(child.stdio, [null, null, null]);
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// Mixed: stdin ignored, stdout piped, stderr to a file by fd number.
{
  const file = path.join(os.tmpdir(), `nodus-cp-${process.pid}-err.txt`);
  const fd = fs.openSync(file, 'w');
  const child = spawn('/bin/sh', ['-c', 'echo to-out; echo to-err >&2'],
                      { stdio: ['ignore', 'pipe', fd] });
  fs.closeSync(fd);
  assert.strictEqual(child.stdin, null);
  assert.strictEqual(child.stderr, null);
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), 'to-out\n'));
  child.on('close', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'to-err\n');
    fs.unlinkSync(file);
  }));
}

// A stream with an fd (here a file's fd wrapped in an object with `fd`).
{
  const file = path.join(os.tmpdir(), `nodus-cp-${process.pid}-out.txt`);
  const fd = fs.openSync(file, 'w');
  const child = spawn('echo', ['via-fd-object'], { stdio: ['ignore', { fd }, 'inherit'] });
  fs.closeSync(fd);
  child.on('close', common.mustCall(() => {
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'via-fd-object\n');
    fs.unlinkSync(file);
  }));
}

// Inherited stdio: the grandchild's output goes into our piped stdout.
{
  const code = "require('child_process').spawn('echo', ['inherited'], { stdio: 'inherit' })" +
    ".on('close', (c) => process.exit(c))";
  const child = spawn(process.execPath, ['-e', code]);
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), 'inherited\n'));
  child.on('close', common.mustCall((c) => assert.strictEqual(c, 0)));
}

// env replaces the environment; cwd sets the directory.
{
  const child = spawn('/bin/sh', ['-c', 'echo "$FOO|$HOME|$(pwd)"'],
                      { env: { FOO: 'bar', SKIPPED: undefined }, cwd: '/tmp' });
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), `bar||${fs.realpathSync('/tmp')}\n`));
}

// The default env is process.env.
{
  process.env.NODUS_CP_TEST_VAR = 'inherited-value';
  const child = spawn('/bin/sh', ['-c', 'echo $NODUS_CP_TEST_VAR']);
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), 'inherited-value\n'));
}

// shell: true runs /bin/sh -c with the arguments joined by spaces.
{
  const child = spawn('echo', ['$((1 + 2))', '|', 'tr', '3', 'Z'], { shell: true });
  assert.strictEqual(child.spawnfile, '/bin/sh');
  assert.deepStrictEqual(child.spawnargs, ['/bin/sh', '-c', 'echo $((1 + 2)) | tr 3 Z']);
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), 'Z\n'));
}

// shell as a string names the shell.
{
  const child = spawn('echo $0', { shell: '/bin/sh' });
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), '/bin/sh\n'));
}

// cwd as a URL.
{
  const { pathToFileURL } = require('url');
  const child = spawn('pwd', { cwd: pathToFileURL('/') });
  collect(child.stdout, (buf) => assert.strictEqual(buf.toString(), '/\n'));
}
