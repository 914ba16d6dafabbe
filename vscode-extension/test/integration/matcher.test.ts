// The $nodus problem pattern against what the nodus under test prints now
// (the unit tests use output captured once; this catches a format change).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { match, pattern } from '../unit/matcher';
import { binary, workspace } from './env';

describe('problem matcher against live nodus output', () => {
  let ws: ReturnType<typeof workspace>;
  before(() => {
    ws = workspace({
      'throws.js': "const x = 1;\nfunction f() {\n  throw new RangeError('too far');\n}\nf();\n",
      'lib/bad.js': 'module.exports = {\n  a: 1,,\n};\n',
      'uses-bad.js': "require('./lib/bad');\n",
    });
  });
  after(() => ws.cleanup());

  const run = (file: string): string => {
    const r = spawnSync(binary('NODUS'), [file], { cwd: ws.dir, encoding: 'utf8', timeout: 10000 });
    assert.strictEqual(r.status, 1, r.stderr);
    return r.stderr;
  };

  it('an uncaught exception', () => {
    assert.deepStrictEqual(match(pattern('nodus-error'), run('throws.js')), [
      { file: `${ws.dir}/throws.js`, line: 3, message: 'RangeError: too far' },
    ]);
  });

  it('a syntax error in a required file points at that file', () => {
    const problems = match(pattern('nodus-error'), run('uses-bad.js'));
    assert.strictEqual(problems.length, 1, JSON.stringify(problems));
    assert.strictEqual(problems[0].file, `${ws.dir}/lib/bad.js`);
    assert.strictEqual(problems[0].line, 2);
    assert.match(problems[0].message, /^SyntaxError: /);
  });
});
