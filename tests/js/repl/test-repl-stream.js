'use strict';
// repl.start over plain streams (not a terminal): results, `_` and `_error`,
// errors, multiline input, commands, defineCommand, writer, ignoreUndefined,
// custom eval with repl.Recoverable, 'exit'.
const assert = require('assert');
const repl = require('repl');
const { PassThrough } = require('stream');
const common = require('../common');

function run(lines, options, check) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => { text += d; });
  const r = repl.start({ input, output, terminal: false, prompt: '> ', ...options });
  r.on('exit', common.mustCall(() => check(text, r)));
  // One line at a time, each after the previous prompt: output order is then
  // the same under every runtime.
  let i = 0;
  const feed = () => {
    if (i === lines.length) {
      input.end();
      return;
    }
    const before = text.length;
    input.write(`${lines[i++]}\n`);
    const wait = () => (/(> |\.\.\. )$/.test(text) && text.length > before ? feed() : setTimeout(wait, 1));
    setTimeout(wait, 1);
  };
  feed();
  return r;
}

run(['1 + 1', '_ * 10', 'throw new Error("boom")', '_error.message', 'x = { a: 1, b: "s" }',
  'function f() {', 'return 42', '}', 'f()', '[1,', '2]', '1 +', '.break', '.nope', 'null',
  '{ a: 1 }', '_ = 5', '_', '"str"'], {}, (text) => {
  assert.strictEqual(text, [
    '> 2', '> 20', '> Uncaught Error: boom', "> 'boom'", "> { a: 1, b: 's' }",
    '> ... ... undefined', '> 42', '> ... [ 1, 2 ]', '> ... > Invalid REPL keyword', '> null',
    '> { a: 1 }', '> Expression assignment to _ now disabled.', '5', '> 5', "> 'str'", '> ',
  ].join('\n'));
});

// Builtin modules by name, require from the current directory, .help.
run(['typeof fs.readFileSync', 'typeof require("path").join', '.help'], {}, (text) => {
  assert.match(text, /^> 'function'\n> 'function'\n> \.break {3}Sometimes you get stuck/);
  assert.match(text, /\.save {4}Save all evaluated commands in this REPL session to a file\n/);
  assert.match(text, /\nPress Ctrl\+C to abort current expression, Ctrl\+D to exit the REPL\n> $/);
});

// writer, ignoreUndefined, defineCommand, displayPrompt, clearBufferedCommand.
run(['undefined', '3', '.hello world', '(', '.hello you', '4'], {
  writer: (v) => `<${typeof v}:${v}>`,
  ignoreUndefined: true,
}, (text, r) => {
  assert.strictEqual(r.commands.hello.help, 'Say hello');
  assert.strictEqual(text, '> > <number:3>\n> hello world\n> ... hello you\n> <number:4>\n> ');
}).defineCommand('hello', {
  help: 'Say hello',
  action(name) {
    this.clearBufferedCommand();
    this.output.write(`hello ${name}\n`);
    this.displayPrompt();
  },
});

// A custom eval; Recoverable asks for more input.
{
  const got = [];
  const r = run(['a', 'b;', 'c'], {
    eval(code, context, file, cb) {
      got.push(code);
      if (!code.includes(';') && code.startsWith('b')) return cb(new repl.Recoverable(new SyntaxError('x')));
      cb(null, code.trim().toUpperCase());
    },
  }, (text) => {
    assert.deepStrictEqual(got, ['a\n', 'b;\n', 'c\n']);
    assert.strictEqual(text, "> 'A'\n> 'B;'\n> 'C'\n> ");
  });
  assert.ok(r instanceof repl.REPLServer);
  assert.strictEqual(typeof r.context, 'object');
}

assert.ok(repl.builtinModules.includes('fs'));
assert.ok(!repl.builtinModules.some((id) => id.startsWith('_')));
assert.ok(new repl.Recoverable(new Error('e')) instanceof SyntaxError);
assert.strictEqual(typeof repl.REPL_MODE_SLOPPY, 'symbol');
assert.strictEqual(typeof repl.REPL_MODE_STRICT, 'symbol');
