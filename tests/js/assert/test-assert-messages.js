'use strict';
// Exact generated messages of assert's comparison functions (node 20).
const assert = require('assert');

function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.name, 'AssertionError');
    assert.strictEqual(err.code, 'ERR_ASSERTION');
    return err.message;
  }
  throw new Error('did not throw');
}

const cases = [
  [() => assert.strictEqual(1, 2), 'Expected values to be strictly equal:\n\n1 !== 2\n'],
  [() => assert.strictEqual('a', 'b'), "Expected values to be strictly equal:\n\n'a' !== 'b'\n"],
  [() => assert.strictEqual(1, '1'), "Expected values to be strictly equal:\n\n1 !== '1'\n"],
  [() => assert.strictEqual({ a: 1 }, { a: 1 }),
   'Values have same structure but are not reference-equal:\n\n{\n  a: 1\n}\n'],
  [() => assert.strictEqual({ a: 1 }, { a: 2 }),
   'Expected "actual" to be reference-equal to "expected":\n+ actual - expected\n\n' +
   '  {\n+   a: 1\n-   a: 2\n  }'],
  [() => assert.strictEqual(undefined, null),
   'Expected values to be strictly equal:\n+ actual - expected\n\n+ undefined\n- null'],
  [() => assert.strictEqual(-0, 0),
   'Expected values to be strictly equal:\n+ actual - expected\n\n+ -0\n- 0'],
  [() => assert.strictEqual('hello world', 'hello there'),
   "Expected values to be strictly equal:\n+ actual - expected\n\n+ 'hello world'\n" +
   "- 'hello there'\n         ^"],
  [() => assert.notStrictEqual(1, 1), 'Expected "actual" to be strictly unequal to: 1'],
  [() => assert.notStrictEqual('aaaaaaaaaa', 'aaaaaaaaaa'),
   "Expected \"actual\" to be strictly unequal to:\n\n'aaaaaaaaaa'"],
  [() => { const o = { a: 1 }; assert.notStrictEqual(o, o); },
   'Expected "actual" not to be reference-equal to "expected":\n\n{\n  a: 1\n}\n'],
  [() => assert.equal(1, 2), '1 == 2'],
  [() => assert.notEqual(1, '1'), "1 != '1'"],
  [() => assert.deepEqual({ a: 1 }, { a: 2 }),
   'Expected values to be loosely deep-equal:\n\n{\n  a: 1\n}\n\nshould loosely deep-equal\n\n' +
   '{\n  a: 2\n}'],
  [() => assert.notDeepEqual({ a: 1 }, { a: '1' }),
   'Expected values not to be loosely deep-equal:\n\n{\n  a: 1\n}\n\n' +
   "should not loosely deep-equal\n\n{\n  a: '1'\n}"],
  [() => assert.deepStrictEqual({ a: 1 }, { a: 2 }),
   'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }'],
  [() => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]),
   'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
   '  [\n    1,\n    2,\n+   3\n-   4\n  ]'],
  [() => assert.deepStrictEqual([1, 2], [1, 2, 3]),
   'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
   '  [\n    1,\n    2,\n-   3\n  ]'],
  [() => assert.deepStrictEqual({ a: 1, b: 2, c: 3 }, { a: 4, b: 5, c: 3 }),
   'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
   '  {\n+   a: 1,\n+   b: 2,\n-   a: 4,\n-   b: 5,\n    c: 3\n  }'],
  [() => assert.deepStrictEqual(1, 2), 'Expected values to be strictly deep-equal:\n\n1 !== 2\n'],
  [() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])),
   'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
   '  Map(1) {\n+   1 => 2\n-   1 => 3\n  }'],
  [() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }),
   'Expected "actual" not to be strictly deep-equal to:\n\n{\n  a: 1\n}\n'],
  [() => assert.ok(false), 'The expression evaluated to a falsy value:\n\n  assert.ok(false)\n'],
  [() => assert(0), 'The expression evaluated to a falsy value:\n\n  assert(0)\n'],
  [() => assert.ok(), 'No value argument passed to `assert.ok()`'],
  [() => assert.ok(false, 'custom'), 'custom'],
  [() => assert.fail(), 'Failed'],
  [() => assert.fail('boom'), 'boom'],
  [() => assert.match('abc', /x/),
   "The input did not match the regular expression /x/. Input:\n\n'abc'\n"],
  [() => assert.doesNotMatch('abc', /b/),
   "The input was expected to not match the regular expression /b/. Input:\n\n'abc'\n"],
  [() => assert.match(1, /x/),
   'The "string" argument must be of type string. Received type number (1)'],
  [() => assert.ifError(new Error('e')), 'ifError got unwanted exception: e'],
  [() => assert.ifError('str'), "ifError got unwanted exception: 'str'"],
  [() => assert.strictEqual(1, 2, 'my msg'), 'my msg\n\n1 !== 2\n'],
];
for (const [fn, expected] of cases) assert.strictEqual(messageOf(fn), expected);

// The long-array diff skips unchanged lines.
const long = Array.from({ length: 30 }, (_, i) => i);
const other = long.map((v) => (v === 15 ? -1 : v));
assert.strictEqual(messageOf(() => assert.deepStrictEqual(long, other)),
                   'Expected values to be strictly deep-equal:\n' +
                   '+ actual - expected ... Lines skipped\n\n' +
                   '  [\n    0,\n...\n    13,\n    14,\n+   15,\n-   -1,\n    16,\n...\n' +
                   '    28,\n    29\n  ]');

// AssertionError's shape.
try {
  assert.strictEqual(1, 2);
} catch (err) {
  assert.ok(err instanceof assert.AssertionError);
  assert.ok(err instanceof Error);
  assert.deepStrictEqual(Object.keys(err),
                         ['generatedMessage', 'code', 'actual', 'expected', 'operator']);
  assert.strictEqual(err.generatedMessage, true);
  assert.strictEqual(err.actual, 1);
  assert.strictEqual(err.expected, 2);
  assert.strictEqual(err.operator, 'strictEqual');
  assert.strictEqual(err.name, 'AssertionError');
  assert.match(err.stack, /^AssertionError \[ERR_ASSERTION\]: Expected values/);
  assert.strictEqual(String(err).split('\n')[0],
                     'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:');
}
const custom = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
assert.strictEqual(custom.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
assert.throws(() => assert.strictEqual(1), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "actual" and "expected" arguments must be specified',
});
// An Error as message is thrown as is.
const te = new TypeError('te');
assert.throws(() => assert.strictEqual(1, 2, te), (err) => err === te);
assert.throws(() => assert.ok(false, te), (err) => err === te);
