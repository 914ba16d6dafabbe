'use strict';
// node:test's runner for tests declared in the running file. Tests form a
// tree under one root; siblings run one after another. Each test's report
// is written when it ends (TAP 13 when stdout is not a TTY, a short spec
// format otherwise), and the summary is written when the loop has nothing
// left to run ('beforeExit'), or at 'exit' with unfinished tests cancelled.

const { AsyncLocalStorage } = require('async_hooks');
const { MockTracker } = require('internal/test_runner/mock');
const reporter = require('internal/test_runner/reporter');

const currentTest = new AsyncLocalStorage();
const { hrtime } = process;

function now() {
  return Number(hrtime.bigint()) / 1e6;
}

class TestContext {
  #test;

  constructor(test) {
    this.#test = test;
  }

  get signal() {
    return this.#test.controller.signal;
  }

  get name() {
    return this.#test.name;
  }

  get fullName() {
    const names = [];
    for (let test = this.#test; test.parent !== null; test = test.parent) names.unshift(test.name);
    return names.join(' > ');
  }

  get error() {
    return this.#test.error;
  }

  get passed() {
    return this.#test.passed;
  }

  get mock() {
    this.#test.mock ??= new MockTracker();
    return this.#test.mock;
  }

  diagnostic(message) {
    this.#test.diagnostics.push(`${message}`);
  }

  plan(count) {
    this.#test.plan = count;
  }

  runOnly() {}

  skip(message) {
    this.#test.skip = message === undefined ? true : `${message}`;
  }

  todo(message) {
    this.#test.todo = message === undefined ? true : `${message}`;
  }

  test(name, options, fn) {
    return this.#test.createSubtest(Test, name, options, fn).started;
  }

  before(fn) { this.#test.hooks.before.push(fn); }
  after(fn) { this.#test.hooks.after.push(fn); }
  beforeEach(fn) { this.#test.hooks.beforeEach.push(fn); }
  afterEach(fn) { this.#test.hooks.afterEach.push(fn); }
}

class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get name() {
    return this.#suite.name;
  }

  get signal() {
    return this.#suite.controller.signal;
  }
}

function parseArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    name = fn.name || '<anonymous>';
    options = {};
  } else if (typeof options === 'function') {
    fn = options;
    options = {};
  }
  if (typeof name === 'object' && name !== null) {
    options = name;
    name = fn?.name || '<anonymous>';
  }
  if (options === null || typeof options !== 'object') options = {};
  if (name === undefined) name = fn?.name || '<anonymous>';
  return { name: `${name}`, options, fn: typeof fn === 'function' ? fn : () => {} };
}

class Test {
  constructor(parent, name, options, fn) {
    this.parent = parent;
    this.name = name;
    this.fn = fn;
    this.nesting = parent === null ? -1 : parent.nesting + 1;
    this.skip = options.skip || (parent?.skipChildren ?? false);
    this.todo = options.todo || false;
    this.timeout = options.timeout ?? Infinity;
    this.subtests = [];
    this.diagnostics = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.error = null;
    this.failureType = undefined;
    this.passed = false;
    this.duration = 0;
    this.plan = undefined;
    this.mock = undefined;
    this.controller = new AbortController();
    this.chain = Promise.resolve();
    this.started = null;
    this.finished = false;
    this.cancelled = false;
    this.uncaughtSink = null;
    this.uncaughtError = undefined;
    this.isSuite = false;
    this.location = undefined;
  }

  get skipChildren() {
    return false;
  }

  createSubtest(Kind, name, options, fn) {
    const args = parseArgs(name, options, fn);
    const test = new Kind(this, args.name, args.options, args.fn);
    test.location = callerLocation();
    this.subtests.push(test);
    test.started = this.chain.then(() => test.run());
    this.chain = test.started;
    return test;
  }

  fail(error, failureType) {
    if (this.error !== null) return;
    this.error = error;
    this.failureType = failureType;
  }

  async runHook(hooks, failureType) {
    for (const hook of hooks) {
      try {
        await currentTest.run(this, () => hook.call(this.context, this.context));
      } catch (error) {
        this.fail(error, failureType);
      }
    }
  }

  async runBody() {
    const fn = this.fn;
    if (fn.length >= 2) {
      // A callback test: (t, done).
      await new Promise((resolve, reject) => {
        const done = (error) => (error ? reject(error) : resolve());
        const result = fn.call(this.context, this.context, done);
        if (result && typeof result.then === 'function') {
          reject(new Error('passed a callback but also returned a Promise'));
        }
      });
      return;
    }
    await fn.call(this.context, this.context);
  }

  async run() {
    this.context = new TestContext(this);
    const start = now();
    if (!this.skip) {
      const ancestorsEach = [];
      for (let test = this.parent; test !== null; test = test.parent) ancestorsEach.unshift(test);
      try {
        for (const test of ancestorsEach) await this.runHook(test.hooks.beforeEach, 'hookFailure');
        if (this.error === null) {
          // An uncaught exception while the test runs ends it at once.
          const uncaught = new Promise((resolve, reject) => { this.uncaughtSink = reject; });
          running.push(this);
          await currentTest.run(this, () => this.withTimeout(Promise.race([this.runBody(), uncaught])));
        }
      } catch (error) {
        if (error?.timeoutFailure) this.cancelled = true;
        this.fail(error, error?.timeoutFailure ? 'testTimeoutFailure' :
          (error === this.uncaughtError ? 'uncaughtException' : 'testCodeFailure'));
      }
      this.uncaughtSink = null;
      running.splice(running.lastIndexOf(this), 1);
      // Subtests created with t.test() and not awaited still finish first.
      await this.chain;
      await this.runHook(this.hooks.after, 'hookFailure');
      for (const test of ancestorsEach.reverse()) await this.runHook(test.hooks.afterEach, 'hookFailure');
      if (this.plan !== undefined && this.error === null) {
        const count = this.subtests.length;
        if (count !== this.plan) {
          this.fail(new Error(`plan expected ${this.plan} assertions but received ${count}`),
                    'testCodeFailure');
        }
      }
      if (this.subtests.some((test) => !test.passed && !test.skip && !test.todo) && this.error === null) {
        const failed = this.subtests.filter((test) => !test.passed && !test.skip && !test.todo).length;
        this.fail(new Error(`${failed} subtest${failed === 1 ? '' : 's'} failed`), 'subtestsFailed');
      }
    }
    this.mock?.reset();
    this.duration = now() - start;
    this.passed = this.error === null;
    this.finished = true;
    reporter.testDone(this);
  }

  withTimeout(promise) {
    if (this.timeout === Infinity) return promise;
    let timer;
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`test timed out after ${this.timeout}ms`);
        error.timeoutFailure = true;
        reject(error);
      }, this.timeout);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

class Suite extends Test {
  constructor(parent, name, options, fn) {
    super(parent, name, options, fn);
    this.isSuite = true;
    this.context = new SuiteContext(this);
    // The suite's function declares its tests now; they run later.
    this.chain = new Promise((resolve) => { this.release = resolve; });
    try {
      const result = currentTest.run(this, () => fn.call(this.context, this.context));
      if (result && typeof result.then === 'function') {
        result.then(undefined, (error) => this.fail(error, 'testCodeFailure'));
      }
    } catch (error) {
      this.fail(error, 'testCodeFailure');
    }
  }

  get skipChildren() {
    return this.skip;
  }

  async run() {
    const start = now();
    if (!this.skip && this.error === null) {
      await this.runHook(this.hooks.before, 'hookFailure');
      if (this.error !== null) {
        for (const test of this.subtests) test.skip = test.skip || false;
      }
    }
    this.release();
    await this.chain;
    if (!this.skip) {
      await this.runHook(this.hooks.after, 'hookFailure');
      const failed = this.subtests.filter((test) => !test.passed && !test.skip && !test.todo).length;
      if (failed > 0 && this.error === null) {
        this.fail(new Error(`${failed} subtest${failed === 1 ? '' : 's'} failed`), 'subtestsFailed');
      }
    }
    this.duration = now() - start;
    this.passed = this.error === null;
    this.finished = true;
    reporter.testDone(this);
  }
}

// The root: tests declared at the top level of the file.
const root = new Test(null, '<root>', {}, () => {});
root.context = new TestContext(root);
let started = false;
// Tests whose bodies are running, innermost last: where an uncaught exception
// goes when the async context does not name a test.
const running = [];
let summarized = false;

function callerLocation() {
  const holder = {};
  Error.captureStackTrace(holder, callerLocation);
  const lines = `${holder.stack}`.split('\n').slice(1);
  for (const line of lines) {
    if (line.includes('node:')) continue;
    const match = /\(?([^ ()]+:\d+:\d+)\)?$/.exec(line.trim());
    if (match) return match[1];
  }
  return undefined;
}

function summarize() {
  if (summarized) return;
  summarized = true;
  reporter.summary(root);
}

function start() {
  if (started) return;
  started = true;
  reporter.start();
  process.on('uncaughtException', (error) => {
    const test = currentTest.getStore() ?? running[running.length - 1];
    const target = test && test !== root && !test.finished ? test : undefined;
    if (target !== undefined) {
      if (target.uncaughtSink) {
        target.uncaughtError = error;
        target.uncaughtSink(error);
      } else {
        target.fail(error, 'uncaughtException');
      }
      return;
    }
    root.fail(error, 'uncaughtException');
    reporter.uncaught(error);
    process.exitCode = 1;
  });
  process.on('beforeExit', () => {
    root.chain.then(() => { if (allDone()) summarize(); });
  });
  process.on('exit', () => {
    for (const test of root.subtests) {
      if (!test.finished) {
        test.cancelled = true;
        test.fail(new Error('Promise resolution is still pending but the event loop has already resolved'),
                  'cancelledByParent');
        test.finished = true;
        reporter.testDone(test);
      }
    }
    summarize();
  });
}

function allDone() {
  return root.subtests.every((test) => test.finished);
}

function declare(Kind, name, options, fn) {
  start();
  const parent = currentTest.getStore() ?? root;
  const test = parent.createSubtest(Kind, name, options, fn);
  return Kind === Suite ? test.started.then(() => undefined) : test.started.then(() => undefined);
}

function hook(kind) {
  return (fn, options) => {
    const parent = currentTest.getStore() ?? root;
    parent.hooks[kind].push(fn);
  };
}

module.exports = { Test, Suite, declare, hook, root, currentTest };
