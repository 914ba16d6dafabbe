'use strict';
// node:test for tests declared in the running file (see
// internal/test_runner/harness). `run()` (the runner that finds and spawns
// test files) and `node --test` are not built and throw ERR_NOT_IMPLEMENTED.

const { Test, Suite, declare, hook } = require('internal/test_runner/harness');
const { MockTracker } = require('internal/test_runner/mock');

function withVariants(Kind) {
  const fn = (name, options, body) => declare(Kind, name, options, body);
  const variant = (extra) => (name, options, body) => {
    if (typeof name === 'function') return declare(Kind, undefined, { ...extra }, name);
    if (typeof options === 'function' || options === undefined || options === null) {
      return declare(Kind, name, { ...extra }, options);
    }
    return declare(Kind, name, { ...options, ...extra }, body);
  };
  fn.skip = variant({ skip: true });
  fn.todo = variant({ todo: true });
  fn.only = variant({ only: true });
  return fn;
}

const test = withVariants(Test);
const describe = withVariants(Suite);
const it = withVariants(Test);

function run() {
  throw require('internal/errors').notImplemented('node:test run()');
}

let mock;
Object.assign(test, {
  after: hook('after'),
  afterEach: hook('afterEach'),
  before: hook('before'),
  beforeEach: hook('beforeEach'),
  describe,
  it,
  run,
  suite: describe,
  test,
});
Object.defineProperty(test, 'mock', {
  __proto__: null,
  get() {
    mock ??= new MockTracker();
    return mock;
  },
  enumerable: true,
  configurable: true,
});

module.exports = test;
