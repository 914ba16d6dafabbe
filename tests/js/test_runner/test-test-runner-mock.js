'use strict';
// node:test's mocks, hooks order, timeouts, plan and uncaught errors, checked
// through the results (the report itself is captured and not compared).
const assert = require('assert');

const chunks = [];
const originalWrite = process.stdout.write;
process.stdout.write = function(chunk) {
  chunks.push(`${chunk}`);
  return true;
};
process.stdout.isTTY = false;

const test = require('node:test');
const { describe, it, beforeEach, afterEach, mock } = test;

const events = [];
test('mock.fn', (t) => {
  const fn = t.mock.fn((a, b) => a + b);
  assert.strictEqual(fn(1, 2), 3);
  assert.strictEqual(fn.mock.callCount(), 1);
  const [call] = fn.mock.calls;
  assert.deepStrictEqual(call.arguments, [1, 2]);
  assert.strictEqual(call.result, 3);
  assert.strictEqual(call.error, undefined);
  fn.mock.mockImplementation(() => 'x');
  assert.strictEqual(fn(), 'x');
  fn.mock.mockImplementationOnce(() => 'once');
  assert.strictEqual(fn(), 'once');
  assert.strictEqual(fn(), 'x');
  const thrower = t.mock.fn(() => { throw new Error('e'); });
  assert.throws(thrower, /e/);
  assert.strictEqual(thrower.mock.calls[0].error.message, 'e');
  fn.mock.resetCalls();
  assert.strictEqual(fn.mock.callCount(), 0);
  events.push('mock.fn');
});

const object = { value: 2, get(n) { return this.value * n; } };
test('mock.method', (t) => {
  const m = t.mock.method(object, 'get', function(n) { return this.value + n; });
  assert.strictEqual(object.get(3), 5);
  assert.strictEqual(m.mock.calls[0].this, object);
  m.mock.restore();
  assert.strictEqual(object.get(3), 6);
  t.mock.method(object, 'get');
  assert.strictEqual(object.get(2), 4);
  assert.strictEqual(object.get.mock.callCount(), 1);
  events.push('mock.method');
});
test('mocks are restored after the test', () => {
  assert.strictEqual(object.get.mock, undefined);
  assert.strictEqual(typeof mock.fn, 'function');
});

describe('hooks', () => {
  beforeEach(() => events.push('beforeEach'));
  afterEach(() => events.push('afterEach'));
  it('a', () => events.push('a'));
  it('b', async () => { await null; events.push('b'); });
});

test('timeout', { timeout: 5 }, () => new Promise((resolve) => setTimeout(resolve, 200)));
test('uncaught', () => new Promise((resolve) => {
  setTimeout(() => { throw new Error('async boom'); }, 1);
  setTimeout(resolve, 20);
}));
test('context', (t) => {
  assert.strictEqual(t.name, 'context');
  assert.strictEqual(t.fullName, 'context');
  return t.test('inner', (t2) => assert.strictEqual(t2.fullName, 'context > inner'));
});

process.on('exit', () => {
  process.stdout.write = originalWrite;
  const out = chunks.join('');
  assert.deepStrictEqual(events, ['mock.fn', 'mock.method', 'beforeEach', 'a', 'afterEach',
    'beforeEach', 'b', 'afterEach']);
  assert.match(out, /^ok 1 - mock\.fn$/m);
  assert.match(out, /^ok 2 - mock\.method$/m);
  assert.match(out, /^ok 3 - mocks are restored after the test$/m);
  assert.match(out, /^ok 4 - hooks$/m);
  assert.match(out, /^not ok 5 - timeout$/m);
  assert.match(out, /failureType: 'testTimeoutFailure'\n {2}error: 'test timed out after 5ms'/);
  assert.match(out, /^not ok 6 - uncaught$/m);
  assert.match(out, /failureType: 'uncaughtException'\n {2}error: 'async boom'/);
  assert.match(out, /^ok 7 - context$/m);
  assert.match(out, /^# tests 9$/m);
  assert.match(out, /^# suites 1$/m);
  assert.match(out, /^# pass 7$/m);
  // A timed-out test counts as cancelled, as in node.
  assert.match(out, /^# fail 1$/m);
  assert.match(out, /^# cancelled 1$/m);
  assert.strictEqual(process.exitCode, 1);
  process.exitCode = 0;
});
