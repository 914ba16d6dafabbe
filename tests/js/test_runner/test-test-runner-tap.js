'use strict';
// node:test's TAP report: the exact TAP 13 shape node writes when stdout is
// not a TTY (durations and stack frames are not compared).
const assert = require('assert');

const chunks = [];
const originalWrite = process.stdout.write;
process.stdout.write = function(chunk) {
  chunks.push(`${chunk}`);
  return true;
};
process.stdout.isTTY = false;

const test = require('node:test');
const { describe, it, before, after } = test;

const order = [];
test('top ok', () => { order.push('top ok'); });
test('top fail', () => { throw new Error('nope'); });
test('async', async (t) => {
  t.diagnostic('hello');
  await t.test('sub 1', () => { order.push('sub 1'); });
  await t.test('sub skip', { skip: 'why' }, () => { order.push('never'); });
});
test('todo', { todo: true }, () => {});
test.skip('skipped');
describe('suite', () => {
  before(() => order.push('before'));
  after(() => order.push('after'));
  it('one', () => { order.push('one'); });
  it('two', (t) => { t.skip('later'); });
  it.todo('three');
});
test('failing todo', { todo: 'not yet' }, () => { throw new Error('todo fails'); });
test('callback', (t, done) => { setTimeout(done, 1); });

const expected = `TAP version 13
# Subtest: top ok
ok 1 - top ok
  ---
  duration_ms: D
  ...
# Subtest: top fail
not ok 2 - top fail
  ---
  duration_ms: D
  location: 'F:19:1'
  failureType: 'testCodeFailure'
  error: 'nope'
  code: 'ERR_TEST_FAILURE'
  stack: |-
    S
  ...
# Subtest: async
    # Subtest: sub 1
    ok 1 - sub 1
      ---
      duration_ms: D
      ...
    # Subtest: sub skip
    ok 2 - sub skip # SKIP why
      ---
      duration_ms: D
      ...
    1..2
ok 3 - async
  ---
  duration_ms: D
  ...
# hello
# Subtest: todo
ok 4 - todo # TODO
  ---
  duration_ms: D
  ...
# Subtest: skipped
ok 5 - skipped # SKIP
  ---
  duration_ms: D
  ...
# Subtest: suite
    # Subtest: one
    ok 1 - one
      ---
      duration_ms: D
      ...
    # Subtest: two
    ok 2 - two # SKIP later
      ---
      duration_ms: D
      ...
    # Subtest: three
    ok 3 - three # TODO
      ---
      duration_ms: D
      ...
    1..3
ok 6 - suite
  ---
  duration_ms: D
  type: 'suite'
  ...
# Subtest: failing todo
not ok 7 - failing todo # TODO not yet
  ---
  duration_ms: D
  location: 'F:34:1'
  failureType: 'testCodeFailure'
  error: 'todo fails'
  code: 'ERR_TEST_FAILURE'
  stack: |-
    S
  ...
# Subtest: callback
ok 8 - callback
  ---
  duration_ms: D
  ...
1..8
# tests 12
# suites 1
# pass 5
# fail 1
# cancelled 0
# skipped 3
# todo 3
# duration_ms D
`;

function normalize(text) {
  const lines = [];
  let inStack = false;
  for (const line of text.split('\n')) {
    if (inStack) {
      if (/^ *\.\.\.$/.test(line)) {
        inStack = false;
      } else {
        continue;
      }
    }
    if (/stack: \|-$/.test(line)) {
      inStack = true;
      lines.push(line, line.replace(/stack: \|-$/, '  S'));
      continue;
    }
    lines.push(line
      .replace(/duration_ms: [0-9.]+/, 'duration_ms: D')
      .replace(/duration_ms [0-9.]+/, 'duration_ms D')
      .replace(__filename, 'F'));
  }
  return lines.join('\n');
}

process.on('exit', () => {
  process.stdout.write = originalWrite;
  const actual = normalize(chunks.join(''));
  assert.strictEqual(actual, expected);
  assert.deepStrictEqual(order, ['top ok', 'sub 1', 'before', 'one', 'after']);
  assert.strictEqual(process.exitCode, 1);
  process.exitCode = 0;
});
