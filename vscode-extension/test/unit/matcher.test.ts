import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { manifest, match, pattern } from './matcher';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'output');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('problem matcher $nodus-error (captured nodus output)', () => {
  const p = pattern('nodus-error');

  it('an uncaught exception: file:line from the header, the message line', () => {
    assert.deepStrictEqual(match(p, read('run-uncaught.txt')), [
      { file: '/tmp/vsx/thr.js', line: 3, message: 'Error: boom' },
    ]);
  });

  it('a syntax error', () => {
    assert.deepStrictEqual(match(p, read('run-syntax.txt')), [
      { file: '/tmp/vsx/syn.js', line: 3, message: 'SyntaxError: Unexpected number' },
    ]);
  });

  it('--watch: the supervisor-reported syntax error and the later TypeError', () => {
    assert.deepStrictEqual(match(p, read('watch.txt')), [
      { file: '/tmp/vsx/good.js', line: 2, message: "SyntaxError: Unexpected token ';'" },
      { file: '/tmp/vsx/good.js', line: 2, message: "TypeError: Cannot read properties of null (reading 'x')" },
    ]);
  });

  it('an error thrown inside a builtin (node:fs:N header) is not turned into a bogus file', () => {
    assert.deepStrictEqual(match(p, read('run-enoent.txt')), []);
  });

  it('CRLF line ends (a terminal) and Windows paths', () => {
    const text = 'C:\\app\\x.js:7\r\n  foo();\r\n  ^\r\n\r\nReferenceError: foo is not defined\r\n';
    assert.deepStrictEqual(match(p, text), [{ file: 'C:\\app\\x.js', line: 7, message: 'ReferenceError: foo is not defined' }]);
  });

  it('ordinary output with colons is not a problem', () => {
    assert.deepStrictEqual(match(p, 'listening on http://127.0.0.1:8080\nok: 3\n/x.js is 12\n'), []);
  });
});

describe('problem matcher $nodus-watch background patterns', () => {
  const m = manifest().contributes.problemMatchers.find((x) => x.name === 'nodus-watch');
  const begins = new RegExp(m?.background?.beginsPattern ?? '^$');
  const ends = new RegExp(m?.background?.endsPattern ?? '^$');

  it('refers to the shared pattern', () => {
    assert.strictEqual(m?.pattern, '$nodus-error');
  });

  it("begins on Restarting, ends on Completed/Failed running and Not restarting (nodus's lines)", () => {
    const lines = read('watch.txt').split('\n');
    assert.deepStrictEqual(lines.filter((l) => begins.test(l)), ["Restarting 'good.js'"]);
    assert.deepStrictEqual(
      lines.filter((l) => ends.test(l)).map((l) => l.split(':')[0]),
      ["Not restarting 'good.js'", "Failed running 'good.js'"],
    );
    assert.ok(ends.test("Completed running 'app.js'"));
  });
});
