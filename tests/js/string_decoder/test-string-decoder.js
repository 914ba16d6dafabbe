'use strict';
// StringDecoder: characters split across chunks, lone and invalid bytes,
// flushing with end(), and the legacy lastNeed/lastTotal/lastChar/text.
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

// Feeds `bytes` one chunk per entry of `sizes` and returns every write plus end().
function run(encoding, hex, sizes) {
  const bytes = Buffer.from(hex, 'hex');
  const d = new StringDecoder(encoding);
  const out = [];
  let i = 0;
  for (const n of sizes) {
    out.push(d.write(bytes.subarray(i, i + n)));
    i += n;
  }
  out.push(d.end());
  return out;
}

// utf8
assert.deepStrictEqual(run('utf8', 'e282ac', [1, 1, 1]), ['', '', '€', '']);
assert.deepStrictEqual(run('utf8', 'f09f9880', [2, 2]), ['', '😀', '']);
assert.deepStrictEqual(run('utf8', 'e282', [2]), ['', '\ufffd']);
assert.deepStrictEqual(run('utf8', 'e24161', [1, 2]), ['', '\ufffdAa', '']);
assert.deepStrictEqual(run('utf8', 'c3c3a9', [1, 2]), ['', '\ufffdé', '']);
assert.deepStrictEqual(run('utf8', '8080', [1, 1]), ['\ufffd', '\ufffd', '']);
assert.deepStrictEqual(run('utf8', 'ff', [1]), ['\ufffd', '']);
assert.deepStrictEqual(run('utf8', 'f4908080', [4]), ['\ufffd\ufffd\ufffd\ufffd', '']);
assert.deepStrictEqual(run('utf8', '61e2', [2]), ['a', '\ufffd']);
assert.deepStrictEqual(run('utf8', 'eda080', [1, 2]), ['', '\ufffd\ufffd\ufffd', '']);
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(Buffer.from([0xe2])), '');
  assert.strictEqual(d.lastNeed, 2);
  assert.strictEqual(d.lastTotal, 3);
  assert.strictEqual(d.lastChar[0], 0xe2);
  assert.strictEqual(d.end(Buffer.from([0x82, 0xac])), '€');
  assert.strictEqual(d.lastNeed, 0);
  assert.strictEqual(d.write('already a string'), 'already a string');
  assert.strictEqual(d.text(Buffer.from('xyz'), 1), 'yz');
}

// utf16le
assert.deepStrictEqual(run('utf16le', '6100', [1, 1]), ['', 'a', '']);
assert.deepStrictEqual(run('utf16le', '3dd800de', [2, 2]), ['', '😀', '']);
// A lead surrogate completed one byte at a time is emitted alone (as node does).
assert.deepStrictEqual(run('utf16le', '3dd800de', [1, 1, 1, 1]), ['', '\ud83d', '', '\ude00', '']);
assert.deepStrictEqual(run('utf16le', '3dd8', [2]), ['', '\ud83d']);
assert.deepStrictEqual(run('utf16le', '610062', [3]), ['a', '']);
assert.deepStrictEqual(run('ucs2', '3dd861', [3]), ['\ud83d', '']);

// base64 / base64url keep groups of three bytes
assert.deepStrictEqual(run('base64', '61626364', [1, 1, 1, 1]), ['', '', 'YWJj', '', 'ZA==']);
assert.deepStrictEqual(run('base64url', 'fbff', [2]), ['', '-_8']);
assert.deepStrictEqual(run('base64', 'fbffbf', [3]), ['+/+/', '']);

// single-byte encodings never buffer
assert.deepStrictEqual(run('hex', 'abcd', [1, 1]), ['ab', 'cd', '']);
assert.deepStrictEqual(run('latin1', 'e9ff', [1, 1]), ['é', 'ÿ', '']);
assert.deepStrictEqual(run('ascii', 'e941', [2]), ['iA', '']);

// Typed arrays of other widths are read as bytes.
assert.strictEqual(new StringDecoder().write(new Uint16Array([0x6261])), 'ab');

// encoding names
assert.strictEqual(new StringDecoder().encoding, 'utf8');
assert.strictEqual(new StringDecoder('UCS-2').encoding, 'utf16le');
assert.strictEqual(new StringDecoder('binary').encoding, 'latin1');
assert.throws(() => new StringDecoder('bogus'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: bogus',
});
assert.throws(() => new StringDecoder().write(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf" argument must be an instance of Buffer, TypedArray, or DataView. ' +
    'Received type number (5)',
});

// Every split of a mixed text decodes to the whole.
{
  const text = 'aé€😀b\u0000z';
  for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
    const bytes = Buffer.from(enc === 'latin1' ? 'aéb' : text, enc === 'base64' || enc === 'hex' ? 'utf8' : enc);
    const whole = bytes.toString(enc);
    for (let size = 1; size <= 5; size++) {
      const d = new StringDecoder(enc);
      let got = '';
      for (let i = 0; i < bytes.length; i += size) got += d.write(bytes.subarray(i, i + size));
      got += d.end();
      if (enc === 'base64') {
        assert.deepStrictEqual(Buffer.from(got, 'base64'), bytes);
      } else {
        assert.strictEqual(got, whole, `${enc} ${size}`);
      }
    }
  }
}
