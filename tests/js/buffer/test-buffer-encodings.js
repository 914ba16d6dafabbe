'use strict';
// Buffer.from/toString/write/byteLength for every encoding, with node's
// decoding rules: base64 skips characters outside the alphabet and stops at
// '=', hex stops at the first invalid pair, utf8 replaces invalid sequences.
const assert = require('assert');

const hex = (b) => b.toString('hex');

// utf8
assert.strictEqual(hex(Buffer.from('héllo €😀')), '68c3a96c6c6f20e282acf09f9880');
assert.strictEqual(hex(Buffer.from('a\ud800b')), '61efbfbd62');
assert.strictEqual(hex(Buffer.from('\udc00\ud83d')), 'efbfbdefbfbd');
assert.strictEqual(Buffer.from([0x61, 0xff, 0x62]).toString(), 'a\ufffdb');
assert.strictEqual(Buffer.from([0xe2, 0x82]).toString(), '\ufffd');
assert.strictEqual(Buffer.from([0xf0, 0x9f, 0x98, 0x80]).toString('utf-8'), '😀');
assert.strictEqual(Buffer.from([0xed, 0xa0, 0x80]).toString(), '\ufffd\ufffd\ufffd');
assert.strictEqual(Buffer.byteLength('héllo €😀'), 14);
assert.strictEqual(Buffer.byteLength('\ud800'), 3);

// utf16le / ucs2
assert.strictEqual(hex(Buffer.from('a€😀', 'utf16le')), '6100ac203dd800de');
assert.strictEqual(hex(Buffer.from('ab', 'UCS-2')), '61006200');
assert.strictEqual(Buffer.from('61006200', 'hex').toString('ucs2'), 'ab');
assert.strictEqual(Buffer.from('610062', 'hex').toString('utf16le'), 'a');
assert.strictEqual(Buffer.byteLength('abc', 'utf16le'), 6);

// latin1 / binary / ascii
assert.strictEqual(hex(Buffer.from('aé€', 'latin1')), '61e9ac');
assert.strictEqual(hex(Buffer.from('aé€', 'binary')), '61e9ac');
assert.strictEqual(hex(Buffer.from('aé€', 'ascii')), '61e9ac');
assert.strictEqual(Buffer.from([0x61, 0xe9]).toString('latin1'), 'aé');
assert.strictEqual(Buffer.from([0xe9, 0x41]).toString('ascii'), 'iA');
assert.strictEqual(Buffer.byteLength('aé€', 'latin1'), 3);

// hex
assert.strictEqual(hex(Buffer.from('abzz12', 'hex')), 'ab');
assert.strictEqual(hex(Buffer.from('abc', 'hex')), 'ab');
assert.strictEqual(hex(Buffer.from('ABcd', 'HEX')), 'abcd');
assert.strictEqual(hex(Buffer.from('zz', 'hex')), '');
assert.strictEqual(hex(Buffer.from('\u0161\u0162', 'hex')), 'ab');
assert.strictEqual(Buffer.byteLength('abc', 'hex'), 1);

// base64 / base64url
assert.strictEqual(hex(Buffer.from('ab$c d=ef', 'base64')), '69b71d');
assert.strictEqual(hex(Buffer.from('YW=Jj', 'base64')), '61');
assert.strictEqual(hex(Buffer.from('YQ', 'base64')), '61');
assert.strictEqual(hex(Buffer.from('-_-_', 'base64')), 'fbffbf');
assert.strictEqual(hex(Buffer.from('+/+/', 'base64url')), 'fbffbf');
assert.strictEqual(hex(Buffer.from('Y\nW\tJ j', 'base64')), '616263');
assert.strictEqual(hex(Buffer.from('\u0161\u0162\u0163\u0164', 'base64')), '69b71d');
assert.strictEqual(Buffer.from('a\ud83d/a', 'base64').length, 0);
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64'), '+/8=');
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64url'), '-_8');
assert.strictEqual(Buffer.from('abcd').toString('base64'), 'YWJjZA==');
assert.strictEqual(Buffer.byteLength('YW Jj', 'base64'), 3);
assert.strictEqual(Buffer.byteLength('YQ==', 'base64'), 1);
assert.strictEqual(Buffer.byteLength('YQ==', 'base64url'), 1);

// Round trips of all byte values.
const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary']) {
  assert.deepStrictEqual(Buffer.from(all.toString(enc), enc), all, enc);
}
assert.strictEqual(all.toString('base64').length, 344);

// toString(encoding, start, end)
const b = Buffer.from('hello world');
assert.strictEqual(b.toString('utf8', 6), 'world');
assert.strictEqual(b.toString('utf8', 0, 5), 'hello');
assert.strictEqual(b.toString('utf8', -3, 2), 'he');
assert.strictEqual(b.toString('utf8', 5, 2), '');
assert.strictEqual(b.toString('utf8', 20), '');
assert.strictEqual(b.toString('utf8', 1.7, 3.2), 'el');
assert.strictEqual(b.toString(undefined, 0, 100), 'hello world');
assert.strictEqual(b.toString('hex', 0, 2), '6865');
assert.throws(() => b.toString('bogus'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: bogus',
});
assert.throws(() => b.toString(null), { code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: null' });
assert.throws(() => Buffer.from('x', 'nope'), { code: 'ERR_UNKNOWN_ENCODING' });
// A non-string encoding in Buffer.from means utf8.
assert.strictEqual(hex(Buffer.from('é', null)), 'c3a9');
assert.strictEqual(hex(Buffer.from('é', 5)), 'c3a9');

// write(string, offset, length, encoding)
{
  const w = Buffer.alloc(4);
  assert.strictEqual(w.write('\u20ac', 0, 2), 0);
  assert.strictEqual(w.write('aé', 'latin1'), 2);
  assert.strictEqual(hex(w), '61e90000');
  assert.strictEqual(w.write('zz1', 'hex'), 0);
  assert.strictEqual(w.write('ffee', 2, 'hex'), 2);
  assert.strictEqual(hex(w), '61e9ffee');
  assert.strictEqual(w.write('abcdef', 1), 3);
  assert.strictEqual(hex(w), '61616263');
  assert.strictEqual(w.write('xyz', 1, 1), 1);
  assert.strictEqual(hex(w), '61786263');
  assert.strictEqual(w.write('ab', 0, 'utf16le'), 4);
  assert.strictEqual(w.write('abc', 1, 'ucs2'), 2);
  assert.strictEqual(hex(w), '61610000');
  assert.strictEqual(w.write('/w==', 'base64'), 1);
  assert.strictEqual(w[0], 0xff);
  assert.throws(() => w.write('a', 5), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "offset" is out of range. It must be >= 0 && <= 4. Received 5',
  });
  assert.throws(() => w.write('a', 0, 'bogus'), { code: 'ERR_UNKNOWN_ENCODING' });
  assert.throws(() => w.write(1), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: 'argument must be a string',
  });
}

// isEncoding
for (const enc of ['utf8', 'UTF-8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1', 'binary',
  'base64', 'base64url', 'hex', 'ascii', 'Latin1']) {
  assert.strictEqual(Buffer.isEncoding(enc), true, enc);
}
for (const enc of ['', 'utf-16', 'nope', null, undefined, 1, {}]) {
  assert.strictEqual(Buffer.isEncoding(enc), false, String(enc));
}
