'use strict';
// WHATWG URL setters: every attribute set to tricky values on varied URLs,
// the resulting href compared with what node 20 recorded (gen-setters.js).
const assert = require('assert');
const { URL } = require('url');
const { run } = require('./gen-setters');
const expected = require('./fixtures/setter-corpus.json');

// Where node 20's parser (ada 2.x) departs from the URL Standard's host state
// on non-special URLs, nodus follows the standard: left out of the comparison,
// checked against the standard's answer under nodus.
const standard = new Map([
  ['non-spec://h/p|host|:81', 'non-spec://h/p'],
  ['non-spec:/p|host|', 'non-spec:///p'],
  ['non-spec:/p|host|b.com:81', 'non-spec://b.com:81/p'],
  ['non-spec:/p|host|B.COM:80', 'non-spec://B.COM:80/p'],
  ['non-spec:/p|host|[::2]:9', 'non-spec://[::2]:9/p'],
  ['non-spec:/p|hostname|', 'non-spec:///p'],
]);

const actual = run(URL);
assert.strictEqual(actual.length, expected.length);
const failures = [];
for (let i = 0; i < actual.length; i++) {
  const answer = standard.get(actual[i].slice(0, 3).join('|'));
  if (answer !== undefined) {
    if (process.versions.nodus) assert.strictEqual(actual[i][3], answer);
    continue;
  }
  if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) {
    failures.push(`${JSON.stringify(expected[i])}\n   got ${JSON.stringify(actual[i][3])}`);
  }
}
assert.strictEqual(failures.length, 0, `${failures.length} mismatches:\n${failures.join('\n')}`);
