'use strict';
// Cycles return partial exports; require.cache is keyed by filename and
// deleting an entry makes the next require load the file again.
const assert = require('assert');
const path = require('path');

const a = require('./fixtures/cycle/a');
const b = require('./fixtures/cycle/b');
// b ran while a was half-loaded: it saw what a had exported so far.
assert.deepStrictEqual(b.sawA, { keys: ['before'], before: 'a-before' });
assert.deepStrictEqual(a.seenByA, { bSawA: b.sawA, bDone: true });
assert.strictEqual(a.done, true);
assert.strictEqual(a.after, 'a-after');

// require.cache.
const counterFile = path.join(__dirname, 'fixtures', 'counter.js');
const first = require('./fixtures/counter');
assert.strictEqual(first.loads, 1);
assert.strictEqual(require('./fixtures/counter'), first);
assert.ok(Object.prototype.hasOwnProperty.call(require.cache, counterFile));
const entry = require.cache[counterFile];
assert.strictEqual(entry.exports, first);
assert.strictEqual(entry.filename, counterFile);
assert.strictEqual(entry.id, counterFile);
assert.strictEqual(entry.loaded, true);

delete require.cache[counterFile];
const second = require('./fixtures/counter');
assert.notStrictEqual(second, first);
assert.strictEqual(second.loads, 2);
assert.strictEqual(require.cache[counterFile].exports, second);

// A module object placed in the cache by hand for a resolved filename is
// returned without loading the file.
require.cache[counterFile] = { id: counterFile, filename: counterFile, loaded: true,
                               exports: { fake: true } };
assert.deepStrictEqual(require('./fixtures/counter'), { fake: true });
delete require.cache[counterFile];
assert.strictEqual(require('./fixtures/counter').loads, 3);

// The main module is in the cache too.
assert.strictEqual(require.cache[__filename], module);
