'use strict';
// readline.emitKeypressEvents: an escape sequence cut between two reads of
// the terminal is still one key, and a lone ESC at the end of a read waits
// for the next one (found by tests/fuzz/js/keypress.js; node behaves so).
const assert = require('assert');
const readline = require('readline');
const { EventEmitter } = require('events');

function keys(chunks) {
  const stream = new EventEmitter();
  readline.emitKeypressEvents(stream);
  const out = [];
  stream.on('keypress', (s, key) => out.push([s, key.name, key.sequence, key.ctrl, key.meta]));
  for (const chunk of chunks) stream.emit('data', chunk);
  return out;
}

const whole = keys(['\x1b[Ax\x1b[1;5C\x1bb\u00e9']);
assert.deepStrictEqual(whole, [
  [undefined, 'up', '\x1b[A', false, false],
  ['x', 'x', 'x', false, false],
  [undefined, 'right', '\x1b[1;5C', true, false],
  [undefined, 'b', '\x1bb', false, true],
  ['\u00e9', undefined, '\u00e9', false, false],
]);
// The same cut anywhere, as strings and as bytes (a UTF-8 character split too).
assert.deepStrictEqual(keys(['\x1b', '[Ax\x1b[1', ';5C\x1b', 'b\u00e9']), whole);
const bytes = Buffer.from('\x1b[Ax\x1b[1;5C\x1bb\u00e9');
for (let cut = 1; cut < bytes.length; cut++) {
  assert.deepStrictEqual(keys([bytes.subarray(0, cut), bytes.subarray(cut)]), whole, `cut ${cut}`);
}
// However long its parameters, a sequence cut anywhere reads as it does whole.
const long = `\x1b[${'1;'.repeat(20)}5C`;
for (let cut = 1; cut < long.length; cut++) {
  assert.deepStrictEqual(keys([long.slice(0, cut), long.slice(cut)]), keys([long]), `cut ${cut}`);
}
// A lone ESC is held until the next read decides what it is.
assert.deepStrictEqual(keys(['abc\x1b']).length, 3);
assert.deepStrictEqual(keys(['\x1b', 'x']), [[undefined, 'x', '\x1bx', false, true]]);

// With an interface, a lone ESC becomes the Escape key after escapeCodeTimeout.
const { PassThrough } = require('stream');
const input = new PassThrough();
const rl = readline.createInterface({ input, terminal: true, escapeCodeTimeout: 20 });
const seen = [];
input.on('keypress', (s, key) => seen.push(key.name));
input.write('\x1b');
assert.strictEqual(rl.escapeCodeTimeout, 20);
const started = Date.now();
(function poll() {
  if (seen.length === 0 && Date.now() - started < 10000) return setTimeout(poll, 10);
  assert.deepStrictEqual(seen, ['escape']);
  rl.close();
})();
assert.throws(() => readline.createInterface({ input: new PassThrough(), terminal: true,
  escapeCodeTimeout: NaN }), { code: 'ERR_INVALID_ARG_VALUE' });
