'use strict';
// throws / doesNotThrow / rejects / doesNotReject.
const assert = require('assert');

class MyError extends Error {}
assert.throws(() => { throw new MyError('x'); }, MyError);
assert.throws(() => { throw new MyError('x'); }, Error);
assert.throws(() => { throw new Error('abc'); }, /abc/);
assert.throws(() => { throw new Error('abc'); }, { message: 'abc', name: 'Error' });
assert.throws(() => { throw new Error('abc'); }, { message: /b/ });
assert.throws(() => { throw new Error('abc'); }, (err) => err.message === 'abc');
assert.throws(() => { throw new Error('abc'); });
const err = new TypeError('t');
err.code = 'C';
assert.throws(() => { throw err; }, { code: 'C', message: 't' });

function messageOf(fn) {
  try {
    fn();
  } catch (e) {
    return e.message;
  }
  throw new Error('did not throw');
}

assert.strictEqual(messageOf(() => assert.throws(() => {})), 'Missing expected exception.');
assert.strictEqual(messageOf(() => assert.throws(() => {}, 'msg')),
                   'Missing expected exception: msg');
assert.strictEqual(messageOf(() => assert.throws(() => {}, TypeError)),
                   'Missing expected exception (TypeError).');
assert.strictEqual(
  messageOf(() => assert.throws(() => { throw new Error('x'); }, TypeError)),
  'The error is expected to be an instance of "TypeError". Received "Error"\n\n' +
  'Error message:\n\nx');
assert.strictEqual(
  messageOf(() => assert.throws(() => { throw new Error('x'); }, /y/)),
  "The input did not match the regular expression /y/. Input:\n\n'Error: x'\n");
assert.strictEqual(
  messageOf(() => assert.throws(() => { throw new Error('x'); }, { message: 'y' })),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  "  Comparison {\n+   message: 'x'\n-   message: 'y'\n  }");
assert.strictEqual(
  messageOf(() => assert.throws(() => { throw new Error('x'); }, { message: 'x', code: 'A' })),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  "  Comparison {\n-   code: 'A',\n    message: 'x'\n  }");
assert.strictEqual(
  messageOf(() => assert.throws(() => { throw new Error('x'); }, () => false)),
  'The validation function is expected to return "true". Received false\n\n' +
  'Caught error:\n\nError: x');
assert.strictEqual(
  messageOf(() => assert.doesNotThrow(() => { throw new Error('x'); })),
  'Got unwanted exception.\nActual message: "x"');
assert.strictEqual(
  messageOf(() => assert.doesNotThrow(() => { throw new Error('x'); }, 'hmm')),
  'Got unwanted exception: hmm\nActual message: "x"');
// A non-matching error passes through doesNotThrow unchanged.
const passthrough = new RangeError('r');
assert.throws(() => assert.doesNotThrow(() => { throw passthrough; }, TypeError),
              (e) => e === passthrough);

assert.throws(() => assert.throws(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "fn" argument must be of type function. Received type number (1)',
});
assert.throws(() => assert.throws(() => { throw new Error('x'); }, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => assert.throws(() => { throw new Error('x'); }, {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'error' may not be an empty object. Received {}",
});
assert.throws(() => assert.throws(() => { throw new Error('x'); }, 'x'), {
  code: 'ERR_AMBIGUOUS_ARGUMENT',
});

// The operator of a failed throws() is 'throws'.
try {
  assert.throws(() => {});
} catch (e) {
  assert.strictEqual(e.operator, 'throws');
  assert.strictEqual(e.generatedMessage, false);
}

let finished = false;
(async () => {
  await assert.rejects(Promise.reject(new Error('no')), /no/);
  await assert.rejects(async () => { throw new TypeError('t'); }, TypeError);
  await assert.rejects(assert.rejects(Promise.resolve(1)), {
    message: 'Missing expected rejection.',
  });
  await assert.rejects(assert.rejects(() => 1), {
    code: 'ERR_INVALID_RETURN_VALUE',
    message: 'Expected instance of Promise to be returned from the "promiseFn" function but ' +
      'got type number (1).',
  });
  await assert.rejects(assert.rejects(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "promiseFn" argument must be of type function or an instance of Promise. ' +
      'Received type number (1)',
  });
  await assert.doesNotReject(Promise.resolve(1));
  await assert.rejects(assert.doesNotReject(Promise.reject(new Error('q'))), {
    message: 'Got unwanted rejection.\nActual message: "q"',
  });
  finished = true;
})().catch((e) => { console.error(e); process.exit(1); });
process.on('exit', () => assert.ok(finished));
