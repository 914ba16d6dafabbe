'use strict';
// indexOf/lastIndexOf/includes (numbers, strings with encodings, buffers and
// node's byteOffset rules), compare/equals, copy, fill, slice and swaps.
const assert = require('assert');

const b = Buffer.from('abcabc');
assert.strictEqual(b.indexOf('b'), 1);
assert.strictEqual(b.indexOf('b', 2), 4);
assert.strictEqual(b.indexOf('b', -2), 4);
assert.strictEqual(b.indexOf('b', -100), 1);
assert.strictEqual(b.indexOf('b', 100), -1);
assert.strictEqual(b.indexOf('b', null), 1);
assert.strictEqual(b.indexOf('b', {}), 1);
assert.strictEqual(b.indexOf('', 10), 6);
assert.strictEqual(b.indexOf(''), 0);
assert.strictEqual(b.lastIndexOf('c', 10), 5);
assert.strictEqual(b.lastIndexOf('c', 4), 2);
assert.strictEqual(b.lastIndexOf('c', -2), 2);
assert.strictEqual(b.lastIndexOf('c', -100), -1);
assert.strictEqual(b.lastIndexOf('abc'), 3);
assert.strictEqual(b.lastIndexOf(''), 6);
assert.strictEqual(b.indexOf(0x63), 2);
assert.strictEqual(b.indexOf(0x63 + 256), 2);
assert.strictEqual(b.lastIndexOf(99), 5);
assert.strictEqual(b.indexOf(Buffer.from('ca')), 2);
assert.strictEqual(b.indexOf(new Uint8Array([0x62, 0x63]), 3), 4);
assert.strictEqual(b.indexOf('YmM=', 'base64'), 1);
assert.strictEqual(b.indexOf('6361', 0, 'hex'), 2);
assert(b.includes('bca'));
assert(!b.includes('bca', 2));
assert.throws(() => b.indexOf('a', 0, 'bogus'), { code: 'ERR_UNKNOWN_ENCODING' });
assert.throws(() => b.indexOf({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "value" argument must be one of type number or string or an instance of ' +
    'Buffer or Uint8Array. Received an instance of Object',
});
const u = Buffer.from('a\u0000b\u0000a\u0000b', 'latin1');
assert.strictEqual(u.indexOf('b', 'ucs2'), 2);
assert.strictEqual(u.lastIndexOf('a', undefined, 'ucs2'), 4);
assert.strictEqual(u.indexOf('', 100, 'ucs2'), 6);
assert.strictEqual(Buffer.from('xaé').indexOf('é'), 2);
assert.strictEqual(Buffer.from('xaé', 'latin1').indexOf('é', 0, 'latin1'), 2);

// compare / equals
assert.strictEqual(Buffer.compare(Buffer.from('a'), Buffer.from('b')), -1);
assert.strictEqual(Buffer.compare(Buffer.from('b'), Buffer.from('a')), 1);
assert.strictEqual(Buffer.compare(Buffer.from('ab'), Buffer.from('a')), 1);
assert.strictEqual(Buffer.compare(Buffer.from(''), Buffer.from('')), 0);
assert.throws(() => Buffer.compare('a', Buffer.alloc(1)), {
  message: 'The "buf1" argument must be an instance of Buffer or Uint8Array. ' +
    'Received type string (\'a\')',
});
const x = Buffer.from('abcdef');
assert.strictEqual(x.compare(Buffer.from('cd'), 0, 2, 2, 4), 0);
assert.strictEqual(x.compare(Buffer.from('cd'), 0, 2, 2, 3), -1);
assert.strictEqual(x.compare(Buffer.from('cd'), 1), -1);
assert.strictEqual(Buffer.alloc(8).compare(Buffer.alloc(2), 5), 1);
assert.throws(() => x.compare(Buffer.from('cd'), 0, 3), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "targetEnd" is out of range. It must be >= 0 && <= 2. Received 3',
});
assert(x.equals(Buffer.from('abcdef')));
assert(!x.equals(Buffer.from('abcdeg')));
assert(x.equals(new Uint8Array([97, 98, 99, 100, 101, 102])));
assert.throws(() => x.equals('abcdef'), { code: 'ERR_INVALID_ARG_TYPE' });

// copy
{
  const src = Buffer.from('0123456789');
  const dst = Buffer.alloc(4, '.');
  assert.strictEqual(src.copy(dst), 4);
  assert.strictEqual(dst.toString(), '0123');
  assert.strictEqual(src.copy(dst, 2, 8), 2);
  assert.strictEqual(dst.toString(), '0189');
  assert.strictEqual(src.copy(dst, 10), 0);
  assert.strictEqual(src.copy(dst, 0, 5, 5), 0);
  assert.strictEqual(src.copy(dst, 1.5, '3'), 3);
  assert.strictEqual(dst.toString(), '0345');
  // Overlapping copies within one buffer.
  const o = Buffer.from('abcdefghij');
  o.copy(o, 2, 0, 6);
  assert.strictEqual(o.toString(), 'ababcdefij');
  const big = Buffer.from('x'.repeat(40) + 'y'.repeat(40));
  big.copy(big, 1, 0, 79);
  assert.strictEqual(big.toString(), 'x'.repeat(41) + 'y'.repeat(39));
  assert.throws(() => src.copy(dst, -1), {
    message: 'The value of "targetStart" is out of range. It must be >= 0. Received -1',
  });
  assert.throws(() => src.copy(dst, 0, 11), {
    message: 'The value of "sourceStart" is out of range. It must be >= 0 && <= 10. Received 11',
  });
  assert.throws(() => src.copy('x'), { code: 'ERR_INVALID_ARG_TYPE' });
}

// fill
assert.strictEqual(Buffer.alloc(5).fill('€€').toString('hex'), 'e282ace282');
assert.strictEqual(Buffer.alloc(4).fill('ab', 1).toString('hex'), '00616261');
assert.strictEqual(Buffer.alloc(4).fill('ab', 1, 3).toString('hex'), '00616200');
assert.strictEqual(Buffer.alloc(4).fill('6162', 'hex').toString(), 'abab');
assert.strictEqual(Buffer.alloc(4).fill('ab', 1, 'latin1').toString('hex'), '00616261');
assert.strictEqual(Buffer.alloc(3).fill('é', 'latin1').toString('hex'), 'e9e9e9');
assert.strictEqual(Buffer.alloc(2).fill('').toString('hex'), '0000');
assert.strictEqual(Buffer.alloc(2).fill(true).toString('hex'), '0101');
assert.strictEqual(Buffer.alloc(2).fill(-1).toString('hex'), 'ffff');
assert.strictEqual(Buffer.alloc(2).fill(0, 3).toString('hex'), '0000');
assert.strictEqual(Buffer.alloc(0).fill('zz', 'hex').length, 0);
assert.throws(() => Buffer.alloc(2).fill('a', 'bogus'), {
  code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: bogus',
});
assert.throws(() => Buffer.alloc(2).fill(Buffer.alloc(0)), {
  code: 'ERR_INVALID_ARG_VALUE', message: 'The argument \'value\' is invalid. Received <Buffer >',
});
assert.throws(() => Buffer.alloc(2).fill('a', 0, 3), {
  message: 'The value of "end" is out of range. It must be >= 0 && <= 2. Received 3',
});
assert.throws(() => Buffer.alloc(2).fill('a', -1), { code: 'ERR_OUT_OF_RANGE' });

// slice / subarray share memory
{
  const s = Buffer.from('hello');
  assert.strictEqual(s.slice(1, 3).toString(), 'el');
  assert.strictEqual(s.slice(-3).toString(), 'llo');
  assert.strictEqual(s.slice(3, 1).length, 0);
  assert.strictEqual(s.slice('1', '2').toString(), 'e');
  assert.strictEqual(s.subarray(1, -1).toString(), 'ell');
  s.slice(0, 1)[0] = 0x6a;
  assert.strictEqual(s.toString(), 'jello');
  assert.strictEqual(s.parent, s.buffer);
  assert.strictEqual(s.offset, s.byteOffset);
}

// swap16/32/64
assert.strictEqual(Buffer.from('0102030405060708', 'hex').swap16().toString('hex'),
  '0201040306050807');
assert.strictEqual(Buffer.from('0102030405060708', 'hex').swap32().toString('hex'),
  '0403020108070605');
assert.strictEqual(Buffer.from('0102030405060708', 'hex').swap64().toString('hex'),
  '0807060504030201');
{
  const big = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) big[i] = i;
  const s16 = Buffer.from(big).swap16();
  const s32 = Buffer.from(big).swap32();
  const s64 = Buffer.from(big).swap64();
  for (let i = 0; i < 256; i++) {
    assert.strictEqual(s16[i], i ^ 1);
    assert.strictEqual(s32[i], i ^ 3);
    assert.strictEqual(s64[i], i ^ 7);
  }
}
assert.throws(() => Buffer.alloc(3).swap16(), {
  name: 'RangeError', code: 'ERR_INVALID_BUFFER_SIZE',
  message: 'Buffer size must be a multiple of 16-bits',
});
assert.throws(() => Buffer.alloc(6).swap32(), { message: 'Buffer size must be a multiple of 32-bits' });
assert.throws(() => Buffer.alloc(12).swap64(), { message: 'Buffer size must be a multiple of 64-bits' });
