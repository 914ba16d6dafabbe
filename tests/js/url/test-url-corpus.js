'use strict';
// WHATWG URL: a generated corpus (gen-corpus.js) parsed against several bases;
// every attribute compared with what node 20 recorded.
const assert = require('assert');
const { URL } = require('url');
const { run } = require('./gen-corpus');
const expected = require('./fixtures/url-corpus.json');

// Where node 20's parser (ada 2.x) departs from the URL Standard, nodus follows
// the standard: those inputs are left out of the comparison and checked
// against the standard's answer under nodus.
const standard = new Map([
  ['../..|non-spec:/p/q', 'non-spec:/'],
  ['g#s|about:blank', 'TypeError:ERR_INVALID_URL'],
  ['g?y#s|about:blank', 'TypeError:ERR_INVALID_URL'],
  ['g;x?y#s|about:blank', 'TypeError:ERR_INVALID_URL'],
]);

const actual = run(URL);
assert.strictEqual(actual.length, expected.length);
const failures = [];
for (let i = 0; i < actual.length; i++) {
  const answer = standard.get(`${actual[i][0]}|${actual[i][1]}`);
  if (answer !== undefined) {
    if (process.versions.nodus) {
      const got = Array.isArray(actual[i][2]) ? actual[i][2][0] : actual[i][2];
      assert.strictEqual(got, answer);
    }
    continue;
  }
  if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) {
    failures.push(`${JSON.stringify(expected[i])}\n   got ${JSON.stringify(actual[i][2])}`);
  }
}
assert.strictEqual(failures.length, 0, `${failures.length} mismatches:\n${failures.join('\n')}`);
