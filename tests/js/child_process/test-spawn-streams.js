'use strict';
// Streams as stdio (a net.Socket, process.stdout), EPIPE on a stdin nobody
// reads, writes after exit, detached process groups, ChildProcess used
// directly.
const assert = require('assert');
const common = require('../common');
const net = require('net');
const cp = require('child_process');

// A connected net.Socket as the child's stdout: the bytes arrive at the peer.
{
  const server = net.createServer(common.mustCall((s) => {
    let got = '';
    s.setEncoding('utf8');
    s.on('data', (d) => { got += d; });
    s.on('end', common.mustCall(() => {
      assert.strictEqual(got, 'over socket\n');
      server.close();
    }));
  })).listen(0, '127.0.0.1', common.mustCall(() => {
    const sock = net.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
      const child = cp.spawn('echo', ['over socket'], { stdio: ['ignore', sock, 'inherit'] });
      assert.strictEqual(child.stdout, null);
      assert.deepStrictEqual(child.stdio, [null, null, null]);
      child.on('close', common.mustCall((code) => {
        assert.strictEqual(code, 0);
        sock.end();
      }));
    }));
  }));
}

// process.stdout/stderr as stdio entries (they have an fd).
{
  const code = "require('child_process').spawn('echo', ['via stdout'], " +
    '{ stdio: [process.stdin, process.stdout, process.stderr] })';
  const r = cp.spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.strictEqual(r.stdout, 'via stdout\n');
  assert.strictEqual(r.status, 0);
}

// Writing to a child that closed its stdin: EPIPE on child.stdin.
{
  const child = cp.spawn('/bin/sh', ['-c', 'exec 0<&-; sleep 0.3']);
  child.stdin.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EPIPE');
    assert.strictEqual(err.syscall, 'write');
  }));
  setTimeout(() => child.stdin.write(Buffer.alloc(1 << 20)), 50);
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// After exit, stdin is destroyed.
{
  const child = cp.spawn('true');
  child.on('exit', common.mustCall(() => {
    assert.strictEqual(child.stdin.destroyed, true);
    child.stdin.write('late', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
    }));
  }));
}

// detached: the child leads its own process group.
{
  const child = cp.spawn('/bin/sh', ['-c', 'ps -o pgid= -p $$'], { detached: true });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(Number(out.trim()), child.pid);
  }));
}

// new ChildProcess() and spawn(options) directly.
{
  const child = new cp.ChildProcess();
  assert.strictEqual(child.pid, undefined);
  assert.strictEqual(child.exitCode, null);
  child.spawn({ file: 'echo', args: ['echo', 'direct'], stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out, 'direct\n');
  }));
  assert.throws(() => new cp.ChildProcess().spawn({ file: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
}

// More than three stdio entries: an extra pipe on fd 3.
{
  const child = cp.spawn('/bin/sh', ['-c', 'echo three >&3'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  assert.strictEqual(child.stdio.length, 4);
  let out = '';
  child.stdio[3].on('data', (d) => { out += d; });
  child.on('close', common.mustCall(() => assert.strictEqual(out, 'three\n')));
}
