'use strict';
// Legacy url.parse (all option combinations), url.resolve and url.format:
// results compared with what node 20 recorded (gen-legacy.js).
const assert = require('assert');
const url = require('url');
const { run } = require('./gen-legacy');
const expected = require('./fixtures/legacy-corpus.json');

process.on('warning', () => {});
const actual = run(url);
assert.strictEqual(actual.length, expected.length);
const failures = [];
for (let i = 0; i < actual.length; i++) {
  if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) {
    failures.push(`${JSON.stringify(expected[i])}\n   got ${JSON.stringify(actual[i][actual[i].length - 1])}`);
  }
}
assert.strictEqual(failures.length, 0, `${failures.length} mismatches:\n${failures.join('\n')}`);
