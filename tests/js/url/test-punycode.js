'use strict';
// node:punycode: RFC 3492 samples and node 20's answers.
const assert = require('assert');
const punycode = require('punycode');

assert.deepStrictEqual(Object.keys(punycode),
                       ['version', 'ucs2', 'decode', 'encode', 'toASCII', 'toUnicode']);
assert.strictEqual(punycode.version, '2.1.0');
const pairs = [
  ['mañana', 'maana-pta'], ['☃-⌘', '--dqo34k'], ['', ''], ['abc', 'abc-'], ['ü', 'tda'],
  ['bücher', 'bcher-kva'], ['日本語', 'wgv71a119e'], ['\ud83d\ude00', 'e28h'],
  // RFC 3492 section 7.1 samples
  ['\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F',
    'egbpdaj6bu4bxfgehfvwxn'],
  ['\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['Pročprostěnemluvíčesky', 'Proprostnemluvesky-uyb24dma41a'],
  ['3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'],
  ['-> $1.00 <-', '-> $1.00 <--'],
];
for (const [decoded, encoded] of pairs) {
  assert.strictEqual(punycode.encode(decoded), encoded);
  assert.strictEqual(punycode.decode(encoded), decoded);
}
assert.strictEqual(punycode.toASCII('mañana.com'), 'xn--maana-pta.com');
assert.strictEqual(punycode.toASCII('☃.net'), 'xn--n3h.net');
assert.strictEqual(punycode.toASCII('a@bücher.de'), 'a@xn--bcher-kva.de');
assert.strictEqual(punycode.toASCII('ü\u3002ö'), 'xn--tda.xn--nda');
assert.strictEqual(punycode.toASCII('example.com'), 'example.com');
assert.strictEqual(punycode.toUnicode('xn--maana-pta.com'), 'mañana.com');
assert.strictEqual(punycode.toUnicode('XN--MAANA-PTA.com'), 'XN--MAANA-PTA.com');
assert.strictEqual(punycode.toUnicode('a@xn--bcher-kva.de'), 'a@bücher.de');
assert.strictEqual(punycode.toUnicode('xn--MAANA-PTA.com'), 'mañana.com');
assert.deepStrictEqual(punycode.ucs2.decode('\uD834\uDF06a\uD800'), [0x1D306, 97, 0xD800]);
assert.strictEqual(punycode.ucs2.encode([0x1D306, 97]), '\uD834\uDF06a');
for (const bad of ['\x81', 'a-\u0080', 'zzzzzzzzzzzzzz', 'a-!']) {
  assert.throws(() => punycode.decode(bad), (e) => e instanceof RangeError);
}
assert.throws(() => punycode.decode('\x81-'), {
  name: 'RangeError', message: 'Illegal input >= 0x80 (not a basic code point)',
});
assert.throws(() => punycode.decode('a-!'), { name: 'RangeError', message: 'Invalid input' });
