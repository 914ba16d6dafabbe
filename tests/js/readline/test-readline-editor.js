'use strict';
// The line editor of readline.Interface on a fake terminal: cursor and word
// moves, kill and yank, Ctrl-A/E/K/U/W, history, display columns of wide and
// combining characters, and what reaches 'line'.
const assert = require('assert');
const readline = require('readline');
const { PassThrough } = require('stream');

function terminal(columns = 80) {
  const input = new PassThrough();
  input.isTTY = true;
  input.setRawMode = () => {};
  const output = new PassThrough();
  output.isTTY = true;
  output.columns = columns;
  output.rows = 24;
  let screen = '';
  output.on('data', (d) => { screen += d; });
  const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ' });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  return { rl, lines, type: (text) => input.write(text), screen: () => screen };
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const HOME = '\x1b[H';
const END = '\x1b[F';
const CTRL_LEFT = '\x1b[1;5D';
const CTRL_RIGHT = '\x1b[1;5C';

{
  const t = terminal();
  t.type('hello world');
  assert.strictEqual(t.rl.line, 'hello world');
  assert.strictEqual(t.rl.cursor, 11);
  t.type(LEFT + LEFT + LEFT);
  assert.strictEqual(t.rl.cursor, 8);
  t.type('X');
  assert.strictEqual(t.rl.line, 'hello woXrld');
  t.type(HOME);
  assert.strictEqual(t.rl.cursor, 0);
  t.type(END);
  assert.strictEqual(t.rl.cursor, 12);
  t.type('\x01');  // Ctrl-A
  assert.strictEqual(t.rl.cursor, 0);
  t.type('\x05');  // Ctrl-E
  assert.strictEqual(t.rl.cursor, 12);
  t.type(CTRL_LEFT);
  assert.strictEqual(t.rl.cursor, 6);
  t.type(CTRL_LEFT);
  assert.strictEqual(t.rl.cursor, 0);
  t.type(CTRL_RIGHT);
  assert.strictEqual(t.rl.cursor, 6);
  t.type('\x0b');  // Ctrl-K: kill to the end
  assert.strictEqual(t.rl.line, 'hello ');
  t.type('\x15');  // Ctrl-U: kill to the start
  assert.strictEqual(t.rl.line, '');
  t.type('one two three');
  t.type('\x17');  // Ctrl-W: delete the word before the cursor
  assert.strictEqual(t.rl.line, 'one two ');
  t.type('\x17');
  assert.strictEqual(t.rl.line, 'one ');
  t.type('two');
  t.type('\x1bb');  // Meta-B
  assert.strictEqual(t.rl.cursor, 4);
  t.type('\x1bb');
  assert.strictEqual(t.rl.cursor, 0);
  t.type('\x1bf');  // Meta-F: over the word and the spaces after it
  assert.strictEqual(t.rl.cursor, 4);
  t.type('\x1bd');  // Meta-D: delete the word after the cursor
  assert.strictEqual(t.rl.line, 'one ');
  t.type('\x7f');
  t.type('\r');
  assert.deepStrictEqual(t.lines, ['one']);
  t.rl.close();
}

{
  // Kill and yank.
  const t = terminal();
  t.type('abc def' + LEFT + LEFT + LEFT);
  t.type('\x0b');  // Ctrl-K kills "def"
  assert.strictEqual(t.rl.line, 'abc ');
  t.type('\x01\x19');  // Ctrl-A, Ctrl-Y
  assert.strictEqual(t.rl.line, 'defabc ');
  assert.strictEqual(t.rl.cursor, 3);
  t.type('\r');
  assert.deepStrictEqual(t.lines, ['defabc ']);
  t.rl.close();
}

{
  // Backspace and delete.
  const t = terminal();
  t.type('abcd' + LEFT + LEFT + '\x7f');
  assert.strictEqual(t.rl.line, 'acd');
  t.type('\x1b[3~');  // Delete
  assert.strictEqual(t.rl.line, 'ad');
  t.type('\x04');  // Ctrl-D on a non-empty line deletes too
  assert.strictEqual(t.rl.line, 'a');
  t.type(RIGHT + RIGHT + '\r');
  assert.deepStrictEqual(t.lines, ['a']);
  t.rl.close();
}

{
  // Wide (East Asian) and combining characters: the cursor column counts
  // terminal columns, and moves skip whole characters.
  const t = terminal();
  t.type('日本');
  assert.deepStrictEqual(t.rl.getCursorPos(), { rows: 0, cols: 2 + 4 });
  t.type(LEFT);
  assert.deepStrictEqual(t.rl.getCursorPos(), { rows: 0, cols: 2 + 2 });
  t.type(END + 'e\u0301');  // e + combining acute accent: one column
  assert.deepStrictEqual(t.rl.getCursorPos(), { rows: 0, cols: 2 + 5 });
  t.type('😀');
  assert.deepStrictEqual(t.rl.getCursorPos(), { rows: 0, cols: 2 + 7 });
  t.type('\x7f');  // removes the whole surrogate pair
  assert.strictEqual(t.rl.line, '日本e\u0301');
  t.type('\r');
  assert.deepStrictEqual(t.lines, ['日本e\u0301']);
  t.rl.close();
}

{
  // Wrapping: the cursor row and column on a 10-column terminal.
  const t = terminal(10);
  t.type('abcdefghijkl');  // "> " + 12 = 14 columns: row 1, column 4
  assert.deepStrictEqual(t.rl.getCursorPos(), { rows: 1, cols: 4 });
  t.type('\r');
  assert.deepStrictEqual(t.lines, ['abcdefghijkl']);
  t.rl.close();
}

{
  // History: up/down back to the empty line.
  const t = terminal();
  t.type('first\rsecond\r');
  t.type('\x1b[A');
  assert.strictEqual(t.rl.line, 'second');
  t.type('\x1b[A');
  assert.strictEqual(t.rl.line, 'first');
  t.type('\x1b[B');
  assert.strictEqual(t.rl.line, 'second');
  t.type('\x1b[B');
  assert.strictEqual(t.rl.line, '');
  t.rl.close();
}
