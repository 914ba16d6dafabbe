'use strict';
// Reports for node:test: TAP version 13 in Node's shape when stdout is not a
// TTY, and a compact spec format on a TTY. A top-level test is reported when
// it ends, with its subtests inside it.

let startTime = 0;
let spec = false;

function write(text) {
  process.stdout.write(text);
}

function start() {
  startTime = Number(process.hrtime.bigint()) / 1e6;
  spec = process.stdout.isTTY === true;
  if (!spec) write('TAP version 13\n');
}

function yamlString(value) {
  return `'${`${value}`.replace(/'/g, "''")}'`;
}

function directive(test) {
  if (test.skip) return ` # SKIP${typeof test.skip === 'string' ? ` ${test.skip}` : ''}`;
  if (test.todo) return ` # TODO${typeof test.todo === 'string' ? ` ${test.todo}` : ''}`;
  return '';
}

function errorLines(test, indent) {
  const error = test.error;
  const lines = [];
  if (test.location !== undefined) lines.push(`location: ${yamlString(test.location)}`);
  lines.push(`failureType: ${yamlString(test.failureType)}`);
  const message = error !== null && typeof error === 'object' && 'message' in error ? error.message : error;
  const text = `${message}`;
  if (text.includes('\n')) {
    lines.push('error: |-');
    for (const line of text.split('\n')) lines.push(`  ${line}`);
  } else {
    lines.push(`error: ${yamlString(text)}`);
  }
  const code = error?.code ?? 'ERR_TEST_FAILURE';
  lines.push(`code: ${yamlString(code)}`);
  if (error?.name === 'AssertionError') {
    for (const key of ['expected', 'actual', 'operator']) {
      if (key in error && typeof error[key] !== 'object') lines.push(`${key}: ${yamlString(error[key])}`);
    }
  }
  const stack = typeof error?.stack === 'string' ? error.stack.split('\n').slice(1) : [];
  const frames = stack.map((line) => line.trim().replace(/^at /, '')).filter((line) => line.length > 0);
  if (frames.length > 0 && test.failureType !== 'subtestsFailed' &&
      test.failureType !== 'testTimeoutFailure') {
    lines.push('stack: |-');
    for (const frame of frames) lines.push(`  ${frame}`);
  }
  return lines.map((line) => `${indent}${line}\n`).join('');
}

function tapTest(test, number) {
  const indent = '    '.repeat(test.nesting);
  let out = `${indent}# Subtest: ${test.name}\n`;
  if (test.subtests.length > 0) {
    test.subtests.forEach((sub, i) => { out += tapTest(sub, i + 1); });
    out += `${indent}    1..${test.subtests.length}\n`;
  }
  const ok = test.passed ? 'ok' : 'not ok';
  out += `${indent}${ok} ${number} - ${test.name}${directive(test)}\n`;
  out += `${indent}  ---\n`;
  out += `${indent}  duration_ms: ${test.duration.toFixed(6).replace(/\.?0+$/, '')}\n`;
  if (test.isSuite) out += `${indent}  type: 'suite'\n`;
  if (!test.passed) out += errorLines(test, `${indent}  `);
  out += `${indent}  ...\n`;
  for (const message of test.diagnostics) out += `${indent}# ${message}\n`;
  return out;
}

function specTest(test) {
  const indent = '  '.repeat(test.nesting);
  let out = '';
  if (test.isSuite || test.subtests.length > 0) {
    out += `${indent}\u25b6 ${test.name}\n`;
    for (const sub of test.subtests) out += specTest(sub);
  }
  const duration = `(${test.duration.toFixed(6).replace(/\.?0+$/, '')}ms)`;
  let mark;
  if (test.skip) mark = '\ufe63';
  else if (test.todo) mark = '\u2714';
  else mark = test.passed ? '\u2714' : '\u2716';
  out += `${indent}${mark} ${test.name} ${duration}${directive(test)}\n`;
  if (!test.passed && test.failureType !== 'subtestsFailed') {
    const text = test.error?.stack ?? `${test.error}`;
    out += `${indent}  ${`${text}`.split('\n').join(`\n${indent}  `)}\n`;
  }
  for (const message of test.diagnostics) out += `${indent}\u2139 ${message}\n`;
  return out;
}

function testDone(test) {
  if (test.nesting !== 0) return;
  const number = test.parent.subtests.indexOf(test) + 1;
  write(spec ? specTest(test) : tapTest(test, number));
}

function uncaught(error) {
  const text = error?.stack ?? `${error}`;
  write(`${spec ? '\u2716' : '#'} Uncaught: ${`${text}`.split('\n').join(spec ? '\n  ' : '\n# ')}\n`);
}

function count(test, totals) {
  for (const sub of test.subtests) {
    if (sub.isSuite) {
      totals.suites++;
    } else {
      totals.tests++;
      if (sub.cancelled) totals.cancelled++;
      else if (sub.skip) totals.skipped++;
      else if (sub.todo) totals.todo++;
      else if (sub.passed) totals.pass++;
      else totals.fail++;
    }
    count(sub, totals);
  }
  return totals;
}

function summary(root) {
  const totals = count(root, { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 });
  const duration = (Number(process.hrtime.bigint()) / 1e6 - startTime).toFixed(6).replace(/\.?0+$/, '');
  const prefix = spec ? '\u2139 ' : '# ';
  let out = spec ? '' : `1..${root.subtests.length}\n`;
  for (const key of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) {
    out += `${prefix}${key} ${totals[key]}\n`;
  }
  out += `${prefix}duration_ms ${duration}\n`;
  write(out);
  if (totals.fail > 0 || totals.cancelled > 0 || root.error !== null) process.exitCode = 1;
}

module.exports = { start, testDone, summary, uncaught };
