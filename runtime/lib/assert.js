'use strict';
// The assert module (https://nodejs.org/api/assert.html).

const AssertionError = require('internal/assert/assertion_error');
const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { isDeepEqual, isDeepStrictEqual } = require('internal/util/comparisons');

let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

const NO_EXCEPTION_SENTINEL = {};
let warnedFailArgs = false;

function isRegExp(value) {
  return value instanceof RegExp;
}

function isError(value) {
  return value instanceof Error ||
    Object.prototype.toString.call(value) === '[object Error]';
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

// ---- ok() and the source of the failing expression ---------------------------

// Returns { file, line, column } (0-based line/column) of the call to `fn`.
function callSiteOf(fn) {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_, frames) => frames;
    const holder = {};
    Error.captureStackTrace(holder, fn);
    const stack = holder.stack;
    if (Array.isArray(stack) && stack.length > 0) {
      const frame = stack[0];
      return {
        file: frame.getFileName(),
        line: frame.getLineNumber() - 1,
        column: frame.getColumnNumber() - 1,
      };
    }
    // The runtime formatted the stack itself: parse "file:line:column".
    const match = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/.exec(String(stack).split('\n')[1] || '');
    if (match) return { file: match[1], line: match[2] - 1, column: match[3] - 1 };
  } catch {
    // Fall through: no call site.
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
  return undefined;
}

// Extracts "assert.ok(x)" from the source, starting at the call's column.
function extractCall(source, line, column) {
  const lines = source.split('\n');
  let start = 0;
  for (let i = 0; i < line; i++) start += lines[i].length + 1;
  start += column;
  // V8 points at the called name; walk back over `a.b.` member chains.
  while (start > 0 && /[\w$.]/.test(source[start - 1])) start--;
  let depth = 0;
  let quote = null;
  for (let i = source.indexOf('(', start); i !== -1 && i < source.length; i++) {
    const ch = source[i];
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return source.slice(start, i + 1);
    }
  }
  return undefined;
}

function getErrMessage(value, fn) {
  const site = callSiteOf(fn);
  if (site !== undefined && site.file) {
    try {
      let file = site.file;
      if (file.startsWith('file://')) file = decodeURIComponent(file.slice(7));
      const source = internalBinding('fs').readFileUtf8(file);
      const code = extractCall(source, site.line, site.column);
      if (code !== undefined) {
        // Re-indent a multi-line call relative to its first line.
        const firstLine = source.split('\n')[site.line];
        const indent = firstLine.length - firstLine.trimStart().length;
        const indented = code.split('\n').map((l, i) => {
          if (i === 0) return l;
          const own = l.length - l.trimStart().length;
          return `  ${l.slice(Math.min(own, indent))}`;
        }).join('\n');
        return `The expression evaluated to a falsy value:\n\n  ${indented}\n`;
      }
    } catch {
      // No readable source (eval, REPL, missing fs): use the fallback below.
    }
  }
  return `The expression evaluated to a falsy value:\n\n  ${inspect(value)} == true\n`;
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    message = getErrMessage(value, fn);
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({
    actual: value, expected: true, message, operator: '==', stackStartFn: fn,
  });
  err.generatedMessage = generatedMessage;
  throw err;
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}
const assert = module.exports = ok;
assert.AssertionError = AssertionError;
assert.ok = ok;

// ---- fail --------------------------------------------------------------------

assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (argsLen === 0) {
    internalMessage = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedFailArgs && typeof process.emitWarning === 'function') {
      warnedFailArgs = true;
      process.emitWarning(
        'assert.fail() with more than one argument is deprecated. ' +
        'Please use assert.strictEqual() instead or only pass a message.',
        'DeprecationWarning', 'DEP0094');
    }
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;

  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message: message !== undefined ? message : internalMessage || undefined,
  });
  if (internalMessage) err.generatedMessage = true;
  throw err;
};

// ---- equality ----------------------------------------------------------------

function requireTwo(args) {
  if (args.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

assert.equal = function equal(actual, expected, message) {
  requireTwo(arguments);
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};

assert.notEqual = function notEqual(actual, expected, message) {
  requireTwo(arguments);
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};

assert.deepEqual = function deepEqual(actual, expected, message) {
  requireTwo(arguments);
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
};

assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  requireTwo(arguments);
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
};

assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  requireTwo(arguments);
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual,
    });
  }
};

assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  requireTwo(arguments);
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'notDeepStrictEqual',
      stackStartFn: notDeepStrictEqual,
    });
  }
};

assert.strictEqual = function strictEqual(actual, expected, message) {
  requireTwo(arguments);
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
};

assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  requireTwo(arguments);
  if (Object.is(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual,
    });
  }
};

// ---- throws / rejects ---------------------------------------------------------

// Mirrors the expected object, keeping only the compared keys, for the diff.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' &&
            isRegExp(obj[key]) && obj[key].test(actual[key])) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({
        actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn,
      });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }
}

function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;
  let throwError = false;

  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (expected.test(str)) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({
        actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn,
      });
      err.operator = fn.name;
      throw err;
    } else {
      // Validate each own key of the expected object.
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            expected[key].test(actual[key])) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Error.isPrototypeOf(expected)) {
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = actual.constructor?.name || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    // A validation function.
    const res = Reflect.apply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return` +
          ` "true". Received ${inspect(res)}`;
        if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
      }
      throwError = true;
    }
  }

  if (throwError) {
    const err = new AssertionError({
      actual, expected, message, operator: fn.name, stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function getActual(fn) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function checkIsPromise(obj) {
  return obj instanceof Promise ||
    (obj !== null && typeof obj === 'object' &&
     typeof obj.then === 'function' && typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT(
          'error/message', `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT(
        'error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }

  if (actual === NO_EXCEPTION_SENTINEL) {
    let details = '';
    if (error?.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`,
      stackStartFn,
    });
  }
  if (!error) return;
  expectedException(actual, error, message, stackStartFn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return expected.test(String(actual));
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Error.isPrototypeOf(expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION_SENTINEL) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\nActual message: "${actual?.message}"`,
      stackStartFn,
    });
  }
  throw actual;
}

assert.throws = function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
};

assert.rejects = async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
};

assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
};

assert.doesNotReject = async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
};

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) message += err.constructor.name;
    else message += err.message;
  } else {
    message += inspect(err);
  }
  const newErr = new AssertionError({
    actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError,
  });
  // Show where ifError was called, then where the original error came from:
  // our frames up to the first one the two stacks share, then all of theirs.
  const origStack = err.stack;
  if (typeof origStack === 'string') {
    const origFrames = origStack.split('\n').slice(1);
    let ours = newErr.stack.split('\n');
    for (const frame of origFrames) {
      const pos = ours.indexOf(frame);
      if (pos !== -1) {
        ours = ours.slice(0, pos);
        break;
      }
    }
    newErr.stack = `${ours.join('\n')}\n${origFrames.join('\n')}`;
  }
  throw newErr;
};

// ---- match ---------------------------------------------------------------------

function internalMatch(string, regexp, message, fn) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const match = fn === assert.match;
  if (typeof string !== 'string' || regexp.test(string) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})` :
      (match ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({
      actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

assert.match = function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
};

// Deprecated in node 20 and not built in nodus.
assert.CallTracker = class CallTracker {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('assert.CallTracker');
  }
};

// ---- strict mode ---------------------------------------------------------------

function strict(...args) {
  innerOk(strict, args.length, ...args);
}
assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
