'use strict';
// readline over non-terminal streams: line splitting (\n, \r\n, \r, across
// chunks), question, close on end, async iteration, readline/promises, and
// the cursor helpers' escape sequences.
const assert = require('assert');
const readline = require('readline');
const { PassThrough, Readable } = require('stream');
const common = require('../common');

{
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d) => { written += d; });
  const rl = readline.createInterface({ input, output });
  assert.strictEqual(rl.terminal, false);
  assert.strictEqual(rl.getPrompt(), '> ');
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  rl.on('close', common.mustCall(() => {
    assert.deepStrictEqual(lines, ['answer:bob', 'line one', 'line two', 'three', 'last']);
    assert.strictEqual(written, 'name? ');
    assert.strictEqual(rl.closed, true);
  }));
  rl.question('name? ', common.mustCall((answer) => lines.push(`answer:${answer}`)));
  input.write('bob\nline one\r\nline');
  input.write(' two\rthree\n');
  input.end('last');
}

(async () => {
  const rl = readline.createInterface({ input: Readable.from(['a\nb', '\nc']) });
  const got = [];
  for await (const line of rl) got.push(line);
  assert.deepStrictEqual(got, ['a', 'b', 'c']);

  const rlp = require('readline/promises').createInterface({
    input: Readable.from(['yes\n']), output: new PassThrough(),
  });
  assert.strictEqual(await rlp.question('ok? '), 'yes');
  rlp.close();
  assert.strictEqual(require('readline').promises, require('readline/promises'));
})().then(common.mustCall());

{
  const w = new PassThrough();
  let s = '';
  w.on('data', (d) => { s += d; });
  assert.strictEqual(readline.cursorTo(w, 3), true);
  readline.cursorTo(w, 1, 2);
  readline.moveCursor(w, -2, 1);
  readline.clearLine(w, 0);
  readline.clearLine(w, -1);
  readline.clearScreenDown(w);
  setImmediate(common.mustCall(() => {
    assert.strictEqual(s, '\x1b[4G\x1b[3;2H\x1b[2D\x1b[1B\x1b[2K\x1b[1K\x1b[0J');
  }));
}

{
  // History for terminal interfaces, driven through keypress events.
  const input = new PassThrough();
  input.isTTY = true;
  const output = new PassThrough();
  output.isTTY = true;
  output.columns = 80;
  output.resume();
  const rl = readline.createInterface({ input, output, terminal: true });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  input.write('first\r');
  input.write('second\r');
  input.write('\x1b[A\x1b[A\r');  // up twice: "first"
  for (const key of ['a', 'b', '\x1b[D', 'x', '\r']) input.write(key);  // left, insert
  assert.deepStrictEqual(lines, ['first', 'second', 'first', 'axb']);
  assert.deepStrictEqual(rl.history, ['axb', 'first', 'second', 'first']);
  rl.close();
}
