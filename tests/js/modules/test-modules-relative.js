'use strict';
// Relative requires, extension resolution, JSON, directories, module.exports
// versus exports, shebang lines.
const assert = require('assert');
const path = require('path');

const fixtures = path.join(__dirname, 'fixtures');

// Relative paths, with and without extension, from nested directories.
const b = require('./fixtures/rel/b');
assert.strictEqual(b.name, 'b');
assert.strictEqual(b.a.name, 'a');
assert.strictEqual(b.a.dirname, path.join(fixtures, 'rel'));
assert.strictEqual(b.sub.name, 'c');
// The same file is one module instance, whichever path spelling reached it.
assert.strictEqual(b.sub.a, b.a);
assert.strictEqual(require('./fixtures/rel/a.js'), b.a);
assert.strictEqual(require('./fixtures/rel/../rel/a'), b.a);
assert.strictEqual(require(path.join(fixtures, 'rel', 'a')), b.a);

// An exact file name without extension loads as JavaScript.
assert.strictEqual(require('./fixtures/rel/noext'), 'noext');
// .js is tried before .json.
assert.strictEqual(require('./fixtures/rel/both'), 'both.js wins over both.json');
assert.strictEqual(require('./fixtures/rel/both.json'), 'both.json');

// JSON files are parsed, and cached like any module.
const data = require('./fixtures/data.json');
assert.deepStrictEqual(data, { name: 'data', list: [1, 2, 3], nested: { ok: true } });
assert.strictEqual(require('./fixtures/data'), data);

// A JSON syntax error is a SyntaxError whose message starts with the file path.
// (The rest of the message comes from the JavaScript engine and varies by version.)
const badJson = path.join(fixtures, 'bad.json');
assert.throws(() => require('./fixtures/bad.json'), (err) => {
  assert.strictEqual(err.name, 'SyntaxError');
  assert.ok(err instanceof SyntaxError);
  assert.ok(err.message.startsWith(`${badJson}: `), err.message);
  return true;
});
// A failed load is not cached.
assert.strictEqual(require.cache[badJson], undefined);

// Directories: package.json "main" wins over index.js; index.js otherwise.
assert.strictEqual(require('./fixtures/dir-main'), 'dir-main/lib/entry.js');
assert.strictEqual(require('./fixtures/dir-main/'), 'dir-main/lib/entry.js');
assert.strictEqual(require('./fixtures/dir-index'), 'dir-index/index.js');

// module.exports replaces the exported object; later writes to the old
// `exports` are not seen.
assert.deepStrictEqual(require('./fixtures/module-exports'),
                       { kept: 'module.exports replaced' });
// `this`, `exports` and `module.exports` start as the same object.
assert.deepStrictEqual(require('./fixtures/exports-alias'), {
  sameAsThis: true,
  sameAsModuleExports: true,
  viaThis: 'this works',
});

// A shebang line at the top of a module is ignored.
assert.strictEqual(require('./fixtures/shebang'), 'shebang ok');

// The wrapper's arguments.
assert.strictEqual(typeof require, 'function');
assert.strictEqual(typeof module, 'object');
assert.strictEqual(exports, module.exports);
assert.strictEqual(this, module.exports);
assert.strictEqual(__filename, path.join(__dirname, 'test-modules-relative.js'));
assert.strictEqual(__dirname, path.dirname(__filename));
assert.strictEqual(arguments.length, 5);
assert.deepStrictEqual([...arguments], [exports, require, module, __filename, __dirname]);
