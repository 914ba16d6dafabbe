'use strict';
// exec/execFile: buffering, encodings, maxBuffer, timeout, the error object,
// util.promisify forms.
const assert = require('assert');
const common = require('../common');
const util = require('util');
const { exec, execFile } = require('child_process');

exec('echo out; echo err >&2', common.mustCall((err, stdout, stderr) => {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'out\n');
  assert.strictEqual(stderr, 'err\n');
}));

exec('echo out; echo err >&2; exit 3', common.mustCall((err, stdout, stderr) => {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.message, 'Command failed: echo out; echo err >&2; exit 3\nerr\n');
  assert.strictEqual(err.code, 3);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.cmd, 'echo out; echo err >&2; exit 3');
  assert.strictEqual(stdout, 'out\n');
  assert.strictEqual(stderr, 'err\n');
  assert.deepStrictEqual(Object.keys(err), ['code', 'killed', 'signal', 'cmd']);
}));

execFile('echo', ['a', 'b'], common.mustCall((err, stdout) => {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'a b\n');
}));

// encoding 'buffer' (and an unknown encoding) gives Buffers.
execFile('echo', ['bytes'], { encoding: 'buffer' }, common.mustCall((err, stdout, stderr) => {
  assert.ok(Buffer.isBuffer(stdout));
  assert.ok(Buffer.isBuffer(stderr));
  assert.strictEqual(stdout.toString(), 'bytes\n');
}));
execFile('echo', ['hex'], { encoding: 'hex' }, common.mustCall((err, stdout) => {
  assert.strictEqual(stdout, Buffer.from('hex\n').toString('hex'));
}));

// execFile with options only, and callback only.
execFile('pwd', { cwd: '/' }, common.mustCall((err, stdout) => assert.strictEqual(stdout, '/\n')));
execFile('true', common.mustCall((err, stdout, stderr) => {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, '');
  assert.strictEqual(stderr, '');
}));

// A missing program: the spawn error, with cmd.
execFile('nope-missing', ['x'], common.mustCall((err, stdout, stderr) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.message, 'spawn nope-missing ENOENT');
  assert.strictEqual(err.cmd, 'nope-missing x');
  assert.strictEqual(stdout, '');
  assert.strictEqual(stderr, '');
}));

// maxBuffer: the output is cut at maxBuffer and the child killed.
exec('yes | head -c 100000', { maxBuffer: 1000 }, common.mustCall((err, stdout) => {
  assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  assert.strictEqual(err.name, 'RangeError');
  assert.strictEqual(err.message, 'stdout maxBuffer length exceeded');
  assert.strictEqual(err.cmd, 'yes | head -c 100000');
  assert.strictEqual(stdout.length, 1000);
}));
execFile('/bin/sh', ['-c', 'printf 0123456789 >&2'], { maxBuffer: 4, encoding: 'buffer' },
         common.mustCall((err, stdout, stderr) => {
           assert.strictEqual(err.message, 'stderr maxBuffer length exceeded');
           assert.strictEqual(stderr.toString(), '0123');
         }));

// timeout: killed with killSignal.
exec('sleep 10', { timeout: 50 }, common.mustCall((err) => {
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.signal, 'SIGTERM');
  assert.strictEqual(err.code, null);
  assert.strictEqual(err.message, 'Command failed: sleep 10\n');
}));
execFile('sleep', ['10'], { timeout: 50, killSignal: 'SIGKILL' }, common.mustCall((err) => {
  assert.strictEqual(err.signal, 'SIGKILL');
  assert.strictEqual(err.cmd, 'sleep 10');
}));

// A child killed from outside is not marked killed by us.
exec('kill -9 $$', common.mustCall((err) => {
  assert.strictEqual(err.killed, false);
  assert.strictEqual(err.signal, 'SIGKILL');
}));

// The ChildProcess is returned.
{
  const child = exec('cat', common.mustCall((err, stdout) => assert.strictEqual(stdout, 'typed')));
  child.stdin.end('typed');
}

// util.promisify forms.
(async () => {
  const execP = util.promisify(exec);
  const execFileP = util.promisify(execFile);
  assert.strictEqual(execP, exec[util.promisify.custom]);
  const p = execP('echo promised; echo e >&2');
  assert.ok(p.child);
  assert.strictEqual(typeof p.child.pid, 'number');
  assert.deepStrictEqual(await p, { stdout: 'promised\n', stderr: 'e\n' });
  assert.deepStrictEqual(await execFileP('echo', ['x']), { stdout: 'x\n', stderr: '' });
  await assert.rejects(execP('echo o; exit 4'), (err) => {
    assert.strictEqual(err.code, 4);
    assert.strictEqual(err.stdout, 'o\n');
    assert.strictEqual(err.stderr, '');
    return true;
  });
  await assert.rejects(execFileP('nope-missing'), { code: 'ENOENT' });
})().then(common.mustCall());

// Validation.
assert.throws(() => exec(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => execFile('true', [], {}, 'cb'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => execFile('true', { maxBuffer: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => execFile('true', { timeout: 1.5 }), { code: 'ERR_OUT_OF_RANGE' });
