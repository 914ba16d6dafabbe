'use strict';
// kill(signal), signalCode/exitCode, timeout + killSignal, AbortSignal,
// ref/unref.
const assert = require('assert');
const common = require('../common');
const { spawn } = require('child_process');

{
  const child = spawn('sleep', ['10']);
  child.on('spawn', common.mustCall(() => {
    assert.strictEqual(child.kill(), true);
    assert.strictEqual(child.killed, true);
  }));
  const events = [];
  child.on('exit', common.mustCall((code, signal) => {
    events.push('exit');
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
    assert.strictEqual(child.exitCode, null);
    assert.strictEqual(child.signalCode, 'SIGTERM');
  }));
  child.on('close', common.mustCall((code, signal) => {
    events.push('close');
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
    assert.deepStrictEqual(events, ['exit', 'close']);
  }));
}

// Numeric signals and other names.
{
  const child = spawn('sleep', ['10']);
  assert.strictEqual(child.kill(9), true);
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGKILL');
  }));
}
{
  const child = spawn('sleep', ['10']);
  assert.strictEqual(child.kill('SIGINT'), true);
  child.on('exit', common.mustCall((code, signal) => assert.strictEqual(signal, 'SIGINT')));
}

// kill(0) only probes.
{
  const child = spawn('sleep', ['10']);
  assert.strictEqual(child.kill(0), true);
  assert.strictEqual(child.killed, true);
  child.kill('SIGKILL');
  child.on('exit', common.mustCall((code, signal) => assert.strictEqual(signal, 'SIGKILL')));
}

// A child that kills itself.
{
  const child = spawn('/bin/sh', ['-c', 'kill -USR1 $$']);
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGUSR1');
    assert.strictEqual(child.killed, false);
  }));
}

// timeout kills with killSignal.
{
  const child = spawn('sleep', ['10'], { timeout: 50, killSignal: 'SIGKILL' });
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGKILL');
    assert.strictEqual(child.killed, true);
  }));
}

// AbortSignal: 'error' (AbortError), then 'exit' with the kill signal.
{
  const controller = new AbortController();
  const child = spawn('sleep', ['10'], { signal: controller.signal });
  const events = [];
  child.on('error', common.mustCall((err) => {
    events.push('error');
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.message, 'The operation was aborted');
  }));
  child.on('exit', common.mustCall((code, signal) => {
    events.push('exit');
    assert.strictEqual(signal, 'SIGTERM');
  }));
  child.on('close', common.mustCall(() => assert.deepStrictEqual(events, ['error', 'exit'])));
  setTimeout(() => controller.abort(), 20);
}

// An already aborted signal; the reason is the error's cause.
{
  const reason = new Error('why');
  const child = spawn('sleep', ['10'], { signal: AbortSignal.abort(reason), killSignal: 'SIGKILL' });
  child.on('error', common.mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.cause, reason);
  }));
  child.on('exit', common.mustCall((code, signal) => assert.strictEqual(signal, 'SIGKILL')));
}

// unref: a detached, unreferenced child does not keep us alive; we kill it
// at exit so nothing is left behind.
{
  const child = spawn('sleep', ['10'], { stdio: 'ignore', detached: true });
  child.unref();
  child.on('exit', common.mustNotCall());
  process.on('exit', () => {
    assert.strictEqual(child.kill('SIGKILL'), true);
  });
  // ref() then unref() again is fine.
  child.ref();
  child.unref();
}
