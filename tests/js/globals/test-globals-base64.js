'use strict';
// atob / btoa (forgiving base64 of the HTML spec).
const assert = require('assert');

assert.strictEqual(btoa(''), '');
assert.strictEqual(btoa('a'), 'YQ==');
assert.strictEqual(btoa('ab'), 'YWI=');
assert.strictEqual(btoa('abc'), 'YWJj');
assert.strictEqual(btoa('Hello, world!'), 'SGVsbG8sIHdvcmxkIQ==');
// Latin-1 characters are bytes 0x00-0xff.
assert.strictEqual(btoa('\u00ff\u00fe\u0000'), '//4A');
// Arguments are converted to strings.
assert.strictEqual(btoa(null), 'bnVsbA==');
assert.strictEqual(btoa(undefined), 'dW5kZWZpbmVk');
assert.strictEqual(btoa(1), 'MQ==');

assert.strictEqual(atob(''), '');
assert.strictEqual(atob('YQ=='), 'a');
assert.strictEqual(atob('YQ'), 'a'); // Padding is optional.
assert.strictEqual(atob('YWI='), 'ab');
assert.strictEqual(atob('YWJj'), 'abc');
assert.strictEqual(atob(' YW\tJj\n '), 'abc'); // ASCII whitespace is ignored.
assert.strictEqual(atob('//4A'), '\u00ff\u00fe\u0000');
assert.strictEqual(atob('SGVsbG8sIHdvcmxkIQ=='), 'Hello, world!');

// Round trip of every byte value.
let all = '';
for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
assert.strictEqual(atob(btoa(all)), all);

// Bad input: an InvalidCharacterError DOMException.
const invalidCharacter = (err) => {
  assert.ok(err instanceof DOMException);
  assert.strictEqual(err.name, 'InvalidCharacterError');
  assert.strictEqual(err.code, 5);
  return true;
};
assert.throws(() => btoa('\u0100'), invalidCharacter);
assert.throws(() => btoa('\u20ac'), invalidCharacter);
assert.throws(() => atob('*'), invalidCharacter);
assert.throws(() => atob('Y'), invalidCharacter); // Length % 4 == 1.
assert.throws(() => atob('YQ='), invalidCharacter); // Bad padding.
assert.throws(() => atob('YQ==='), invalidCharacter);
assert.throws(() => atob('Y=Q='), invalidCharacter);

// Both require an argument.
assert.throws(() => atob(), { name: 'TypeError' });
assert.throws(() => btoa(), { name: 'TypeError' });
