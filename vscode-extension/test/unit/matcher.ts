// A small model of how VS Code applies a contributed multi-line problem
// pattern: the patterns must match consecutive lines, each pattern line may
// set file/line/column/message. Enough to test our regexes against real
// nodus output.
import * as fs from 'fs';
import * as path from 'path';

export interface PatternLine {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  message?: number;
}

export interface Problem {
  file: string;
  line: number;
  column?: number;
  message: string;
}

interface Manifest {
  contributes: {
    problemPatterns: { name: string; patterns: PatternLine[] }[];
    problemMatchers: { name: string; pattern: string; background?: { beginsPattern: string; endsPattern: string } }[];
  };
}

export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
}

export function pattern(name: string): PatternLine[] {
  const p = manifest().contributes.problemPatterns.find((x) => x.name === name);
  if (!p) {
    throw new Error(`no problem pattern ${name}`);
  }
  return p.patterns;
}

export function match(patterns: PatternLine[], text: string): Problem[] {
  const lines = text.split(/\r?\n/);
  const problems: Problem[] = [];
  const regexps = patterns.map((p) => new RegExp(p.regexp));
  for (let i = 0; i + patterns.length <= lines.length; i++) {
    const found: Partial<Problem> = {};
    let ok = true;
    for (let k = 0; k < patterns.length; k++) {
      const m = regexps[k].exec(lines[i + k]);
      if (!m) {
        ok = false;
        break;
      }
      const p = patterns[k];
      if (p.file) {
        found.file = m[p.file];
      }
      if (p.line) {
        found.line = Number(m[p.line]);
      }
      if (p.column) {
        found.column = Number(m[p.column]);
      }
      if (p.message) {
        found.message = m[p.message];
      }
    }
    if (ok && found.file && found.line && found.message) {
      problems.push(found as Problem);
      i += patterns.length - 1;
    }
  }
  return problems;
}
