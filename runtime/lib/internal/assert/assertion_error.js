'use strict';
// AssertionError and the generated messages of the assert module:
// "1 !== 2" for short primitives, a "+ actual - expected" line diff of the
// inspected values otherwise.

let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

const kMaxShortLength = 12;
const kMaxLongLength = 80;

// One property per line, sorted keys: makes line diffs meaningful.
function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function isObjectLike(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// Longest common subsequence of two line arrays, comparing lines without a
// trailing comma (the last property of an object has none).
function diffLines(actual, expected) {
  const norm = (line) => (line.endsWith(',') ? line.slice(0, -1) : line);
  const n = actual.length;
  const m = expected.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = norm(actual[i]) === norm(expected[j]) ?
        table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  // Entries: [kind, text] with kind ' ', '+' (actual only) or '-' (expected only).
  const out = [];
  let i = 0;
  let j = 0;
  let plus = [];
  let minus = [];
  const flush = () => {
    for (const l of plus) out.push(['+', l]);
    for (const l of minus) out.push(['-', l]);
    plus = [];
    minus = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && norm(actual[i]) === norm(expected[j])) {
      flush();
      out.push([' ', expected[j]]);
      i++;
      j++;
    } else if (j >= m || (i < n && table[i + 1][j] >= table[i][j + 1])) {
      plus.push(actual[i++]);
    } else {
      minus.push(expected[j++]);
    }
  }
  flush();
  return out;
}

// Renders the diff, folding long runs of unchanged lines into "...".
function renderDiff(entries) {
  const lines = [];
  let skipped = false;
  let k = 0;
  while (k < entries.length) {
    if (entries[k][0] !== ' ') {
      lines.push(`${entries[k][0]} ${entries[k][1]}`);
      k++;
      continue;
    }
    let end = k;
    while (end < entries.length && entries[end][0] === ' ') end++;
    const run = entries.slice(k, end);
    const keepHead = k === 0 ? 2 : 1;
    const keepTail = end === entries.length ? 3 : 2;
    if (run.length > keepHead + keepTail + 1) {
      for (const [, text] of run.slice(0, keepHead)) lines.push(`  ${text}`);
      lines.push('...');
      for (const [, text] of run.slice(run.length - keepTail)) lines.push(`  ${text}`);
      skipped = true;
    } else {
      for (const [, text] of run) lines.push(`  ${text}`);
    }
    k = end;
  }
  return { text: lines.join('\n'), skipped };
}

function createErrDiff(actual, expected, operator) {
  const actualInspected = inspectValue(actual);
  const expectedInspected = inspectValue(expected);
  if (actualInspected === expectedInspected) {
    return `${kReadableOperator.notIdentical}\n\n${actualInspected}\n`;
  }
  const actualLines = actualInspected.split('\n');
  const expectedLines = expectedInspected.split('\n');
  let indicator = '';

  if (operator === 'strictEqual' && (isObjectLike(actual) || isObjectLike(expected))) {
    operator = 'strictEqualObject';
  }

  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const inputLength = actualLines[0].length + expectedLines[0].length;
    if (inputLength <= kMaxShortLength) {
      if (!isObjectLike(actual) && !isObjectLike(expected) &&
          (actual !== 0 || expected !== 0)) {
        return `${kReadableOperator[operator]}\n\n` +
          `${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject' && inputLength < kMaxLongLength) {
      // Point at the first differing character.
      let i = 0;
      while (actualLines[0][i] === expectedLines[0][i]) i++;
      if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
    }
  }

  const { text, skipped } = renderDiff(diffLines(actualLines, expectedLines));
  const header = `${kReadableOperator[operator]}\n+ actual - expected` +
    `${skipped ? ' ... Lines skipped' : ''}`;
  return `${header}\n\n${text}${indicator}`;
}

// Single-value messages: "...: 1" or "...:\n\n{\n  a: 1\n}\n".
function singleValueMessage(header, value) {
  const res = inspectValue(value);
  let lines = res.split('\n');
  if (lines.length > 50) {
    lines = lines.slice(0, 46);
    lines.push('...');
  }
  if (lines.length === 1) return `${header}${res.length > 5 ? '\n\n' : ' '}${res}`;
  return `${header}\n\n${lines.join('\n')}\n`;
}

function truncate(str, max = 512) {
  return str.length > max ? `${str.slice(0, max - 3)}...` : str;
}

function generateMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return createErrDiff(actual, expected, operator);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let op = operator;
    if (operator === 'notStrictEqual' && isObjectLike(actual)) op = 'notStrictEqualObject';
    return singleValueMessage(kReadableOperator[op], actual);
  }
  const a = truncate(inspectValue(actual));
  const b = truncate(inspectValue(expected));
  if (operator === 'deepEqual') {
    return `${kReadableOperator.deepEqual}\n\n${a}\n\nshould loosely deep-equal\n\n${b}`;
  }
  if (operator === 'notDeepEqual') {
    if (a === b) return singleValueMessage(kReadableOperator.notDeepEqual, actual);
    return `${kReadableOperator.notDeepEqualUnequal}\n\n${a}\n\n` +
      `should not loosely deep-equal\n\n${b}`;
  }
  return `${a} ${operator} ${b}`;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;

    const limit = Error.stackTraceLimit;
    if (isStackTraceLimitWritable()) Error.stackTraceLimit = 0;
    if (message != null) {
      super(customMessage(String(message), actual, expected, operator));
    } else if (details !== undefined) {
      super(details.map((d) => d.message).join('\n'));
    } else {
      super(generateMessage(actual, expected, operator));
    }
    if (isStackTraceLimitWritable()) Error.stackTraceLimit = limit;

    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      details.forEach((d, i) => {
        this[`message ${i}`] = d.message;
        this[`actual ${i}`] = d.actual;
        this[`expected ${i}`] = d.expected;
        this[`operator ${i}`] = d.operator;
        this[`stack trace ${i}`] = d.stack;
      });
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn || AssertionError);
    this.stack; // eslint-disable-line no-unused-expressions -- format with the code
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

function isStackTraceLimitWritable() {
  return require('internal/errors').isErrorStackTraceLimitWritable();
}

// node 20 keeps the generated comparison under a custom message for the
// strict equality operators ("my msg\n\n1 !== 2\n").
function customMessage(message, actual, expected, operator) {
  if (operator !== 'strictEqual' && operator !== 'deepStrictEqual') return message;
  const generated = generateMessage(actual, expected, operator);
  if (generated.startsWith(kReadableOperator.notIdentical)) return generated;
  const firstBreak = generated.indexOf('\n');
  return firstBreak === -1 ? message : `${message}${generated.slice(firstBreak)}`;
}

module.exports = AssertionError;
