'use strict';
// TextEncoder / TextDecoder for UTF-8.
const assert = require('assert');

const enc = new TextEncoder();
assert.strictEqual(enc.encoding, 'utf-8');
const dec = new TextDecoder();
assert.strictEqual(dec.encoding, 'utf-8');
assert.strictEqual(dec.fatal, false);
assert.strictEqual(dec.ignoreBOM, false);

const bytes = (u8) => [...u8];

// Encoding: 1-, 2-, 3- and 4-byte sequences.
assert.ok(enc.encode('a') instanceof Uint8Array);
assert.deepStrictEqual(bytes(enc.encode('')), []);
assert.deepStrictEqual(bytes(enc.encode()), []);
assert.deepStrictEqual(bytes(enc.encode('aé€😀')),
                       [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
// A lone surrogate becomes U+FFFD.
assert.deepStrictEqual(bytes(enc.encode('\ud800')), [0xef, 0xbf, 0xbd]);
assert.deepStrictEqual(bytes(enc.encode('x\udc00y')), [0x78, 0xef, 0xbf, 0xbd, 0x79]);

// encodeInto reports how much fit; it never splits a character.
const small = new Uint8Array(4);
assert.deepStrictEqual(enc.encodeInto('abc', small), { read: 3, written: 3 });
assert.deepStrictEqual(enc.encodeInto('ab€', small), { read: 2, written: 2 });
assert.deepStrictEqual(enc.encodeInto('😀😀', small), { read: 2, written: 4 });

// Round trips.
const samples = ['', 'ascii', 'Ünïcödé', '中文字符', 'emoji 😀👍🏽', '\u0000nul', 'a\r\nb',
  '\uffff\u{10ffff}'];
for (const s of samples) assert.strictEqual(dec.decode(enc.encode(s)), s);

// Decoding accepts ArrayBuffer, typed arrays, DataView, and nothing.
const ab = enc.encode('buf').buffer;
assert.strictEqual(dec.decode(ab), 'buf');
assert.strictEqual(dec.decode(new DataView(ab)), 'buf');
assert.strictEqual(dec.decode(new Uint8Array(ab, 1, 2)), 'uf');
assert.strictEqual(dec.decode(), '');

// Invalid bytes become U+FFFD unless the decoder is fatal.
assert.strictEqual(dec.decode(new Uint8Array([0x61, 0xff, 0x62])), 'a\ufffdb');
assert.strictEqual(dec.decode(new Uint8Array([0xc3])), '\ufffd'); // Truncated.
const fatal = new TextDecoder('utf-8', { fatal: true });
assert.strictEqual(fatal.fatal, true);
assert.strictEqual(fatal.decode(new Uint8Array([0x61])), 'a');
for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x61, 0x80]]) {
  assert.throws(() => fatal.decode(new Uint8Array(bad)), (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.code, 'ERR_ENCODING_INVALID_ENCODED_DATA');
    return true;
  }, String(bad));
}

// BOM: stripped by default, kept with ignoreBOM; only at the very start.
const bom = [0xef, 0xbb, 0xbf];
assert.strictEqual(dec.decode(new Uint8Array([...bom, 0x41])), 'A');
assert.strictEqual(dec.decode(new Uint8Array([0x41, ...bom])), 'A\ufeff');
const keep = new TextDecoder('utf-8', { ignoreBOM: true });
assert.strictEqual(keep.ignoreBOM, true);
assert.strictEqual(keep.decode(new Uint8Array([...bom, 0x41])), '\ufeffA');

// Streaming: a character split across chunks.
const streaming = new TextDecoder();
const euro = enc.encode('€');
assert.strictEqual(streaming.decode(euro.subarray(0, 1), { stream: true }), '');
assert.strictEqual(streaming.decode(euro.subarray(1, 2), { stream: true }), '');
assert.strictEqual(streaming.decode(euro.subarray(2)), '€');

// Labels are case-insensitive and trimmed; unknown ones are RangeErrors.
assert.strictEqual(new TextDecoder('UTF-8').encoding, 'utf-8');
assert.strictEqual(new TextDecoder('utf8').encoding, 'utf-8');
assert.strictEqual(new TextDecoder(' unicode-1-1-utf-8 ').encoding, 'utf-8');
assert.throws(() => new TextDecoder('no-such-encoding'), {
  name: 'RangeError',
  code: 'ERR_ENCODING_NOT_SUPPORTED',
});
