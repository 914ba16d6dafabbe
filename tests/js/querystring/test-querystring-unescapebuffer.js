'use strict';
// querystring.unescapeBuffer(): percent-decoding into a Buffer. Kept apart
// from test-querystring.js because it needs the buffer module.
const assert = require('assert');
const qs = require('querystring');

const bytes = (s, spaces) => [...qs.unescapeBuffer(s, spaces)];
assert(Buffer.isBuffer(qs.unescapeBuffer('a')));
assert.deepStrictEqual(bytes(''), []);
assert.deepStrictEqual(bytes('abc'), [97, 98, 99]);
assert.deepStrictEqual(bytes('%41%42'), [65, 66]);
assert.deepStrictEqual(bytes('%e2%82%AC'), [0xe2, 0x82, 0xac]);
// Malformed escapes are kept literally.
assert.deepStrictEqual(bytes('%'), [37]);
assert.deepStrictEqual(bytes('%4'), [37, 52]);
assert.deepStrictEqual(bytes('%zz'), [37, 122, 122]);
assert.strictEqual(qs.unescapeBuffer('%%4%41%g1%1g%').toString(), '%%4A%g1%1g%');
// '+' becomes a space only when asked.
assert.deepStrictEqual(bytes('a+b'), [97, 43, 98]);
assert.deepStrictEqual(bytes('a+b', true), [97, 32, 98]);
// Characters above U+00FF contribute only their low byte (as in node).
assert.deepStrictEqual(bytes('é'), [0xe9]);
assert.deepStrictEqual(bytes('€%e2%82%AC'), [0xac, 0xe2, 0x82, 0xac]);
assert.deepStrictEqual(bytes('\ud83d%zz'), [0x3d, 37, 122, 122]);
