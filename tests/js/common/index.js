'use strict';
// Helpers for tests/js. Plain CommonJS that runs unchanged under nodus and node.
//
//   const common = require('../common');
//   setTimeout(common.mustCall(() => {}), 1);
//
// Only `assert`-free code runs at load time, and other builtins (fs, os, path)
// are required lazily, so a test that uses mustCall alone does not depend on
// them being implemented.
//
// Failures found at process 'exit' are printed to stderr and turn the exit code
// into 1 (setting process.exitCode works even after process.exit(0); throwing
// from an 'exit' listener during process.exit(0) would keep exit code 0).

const pending = [];
let exitHookInstalled = false;

function fail(message) {
  process.stderr.write(`common: ${message}\n`);
  process.exitCode = 1;
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', function exitHook() {
    // A mustCall-wrapped 'exit' listener registered after this hook has not
    // run yet but will run in this same emit: count those calls as made.
    const listeners = process.listeners('exit');
    const later = listeners.slice(listeners.indexOf(exitHook) + 1);
    for (const ctx of pending) {
      const upcoming = later.filter((l) => l === ctx.wrapper).length;
      if (ctx.check(ctx.actual + upcoming)) continue;
      fail(`${ctx.describe(ctx.actual + upcoming)}\n${ctx.stack}`);
    }
  });
}

// The stack line of the test code that called a helper; `depth` is the number
// of helper frames between callSite and that test code.
function callSite(depth) {
  const lines = String(new Error().stack).split('\n');
  // [0] "Error", [1] callSite, [2 .. depth+1] helpers, then the test's line.
  return lines.slice(depth + 2, depth + 3).join('\n');
}

function trackCalls(fn, name, check, describe) {
  if (typeof fn !== 'function') throw new TypeError(`${name}: fn must be a function`);
  installExitHook();
  const ctx = { actual: 0, check, describe, stack: callSite(2), wrapper: null };
  pending.push(ctx);
  ctx.wrapper = function mustCallWrapper(...args) {
    ctx.actual++;
    return fn.apply(this, args);
  };
  return ctx.wrapper;
}

function noop() {}

// Returns a wrapper of fn that must be called exactly `times` times before exit.
function mustCall(fn, times) {
  if (typeof fn === 'number') {
    times = fn;
    fn = noop;
  }
  if (fn === undefined) fn = noop;
  if (times === undefined) times = 1;
  return trackCalls(
    fn,
    'mustCall',
    (n) => n === times,
    (n) => `mustCall: expected ${times} call(s), got ${n}`,
  );
}

// Returns a wrapper of fn that must be called at least `min` times before exit.
function mustCallAtLeast(fn, min) {
  if (typeof fn === 'number') {
    min = fn;
    fn = noop;
  }
  if (fn === undefined) fn = noop;
  if (min === undefined) min = 1;
  return trackCalls(
    fn,
    'mustCallAtLeast',
    (n) => n >= min,
    (n) => `mustCallAtLeast: expected at least ${min} call(s), got ${n}`,
  );
}

// Returns a function that fails the test (synchronously, by throwing) if called.
function mustNotCall(msg) {
  const site = callSite(1);
  return function mustNotCall(...args) {
    const text = `mustNotCall: ${msg || 'function should not have been called'}` +
      ` (called with ${args.length} argument(s))\n${site}`;
    fail(text);
    throw new Error(text);
  };
}

// Multiplies a timeout by NODUS_TEST_TIMEOUT_MULTIPLIER (default 1) for slow builds.
function platformTimeout(ms) {
  const m = Number(process.env.NODUS_TEST_TIMEOUT_MULTIPLIER);
  return Number.isFinite(m) && m > 0 ? ms * m : ms;
}

// The name of the executable running the test: 'nodus' or 'node'.
// Reads process.execPath without requiring 'path'.
function runtimeName() {
  const p = String(process.execPath);
  return p.slice(p.lastIndexOf('/') + 1);
}

// A per-process scratch directory under os.tmpdir(): refresh() empties or
// creates it and returns its path, and adds an 'exit' listener that removes it
// (so check files before 'exit', or in listeners added before refresh()).
// Requires fs/os/path lazily (they may not exist yet in an early nodus).
const tmpdir = {
  get path() {
    const os = require('os');
    const path = require('path');
    return path.join(os.tmpdir(), `nodus-test-${process.pid}`);
  },
  refresh() {
    const fs = require('fs');
    const dir = this.path;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    process.on('exit', () => {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // Best effort.
      }
    });
    return dir;
  },
};

module.exports = {
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  platformTimeout,
  runtimeName,
  tmpdir,
};
