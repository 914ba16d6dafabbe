'use strict';
// require.resolve, require.resolve.paths and "Cannot find module" errors.
const assert = require('assert');
const path = require('path');

const fixtures = path.join(__dirname, 'fixtures');

assert.strictEqual(require.resolve('./fixtures/rel/a'), path.join(fixtures, 'rel', 'a.js'));
assert.strictEqual(require.resolve('./fixtures/data.json'), path.join(fixtures, 'data.json'));
assert.strictEqual(require.resolve('./fixtures/dir-main'),
                   path.join(fixtures, 'dir-main', 'lib', 'entry.js'));
assert.strictEqual(require.resolve('./fixtures/dir-index'),
                   path.join(fixtures, 'dir-index', 'index.js'));
assert.strictEqual(require.resolve(path.join(fixtures, 'rel', 'a')),
                   path.join(fixtures, 'rel', 'a.js'));
// Resolving does not load.
assert.strictEqual(require.cache[path.join(fixtures, 'dir-index', 'index.js')], undefined);

// Builtins resolve to their own id, with or without the node: prefix.
assert.strictEqual(require.resolve('fs'), 'fs');
assert.strictEqual(require.resolve('node:fs'), 'node:fs');
assert.strictEqual(require.resolve('path'), 'path');

// {paths}: each entry is a starting directory for relative and package lookups.
assert.strictEqual(require.resolve('./a', { paths: [path.join(fixtures, 'rel')] }),
                   path.join(fixtures, 'rel', 'a.js'));
const packaged = require('./packaged-fixtures').fixtures;  // with node_modules folders
assert.strictEqual(
  require.resolve('pkg-main', { paths: [path.join(packaged, 'other')] }),
  path.join(packaged, 'other', 'node_modules', 'pkg-main', 'other.js'));
// The first directory where it resolves wins.
assert.strictEqual(
  require.resolve('pkg-main', { paths: [path.join(packaged, 'deep'), path.join(packaged, 'other')] }),
  path.join(packaged, 'node_modules', 'pkg-main', 'lib', 'main.js'));

// require.resolve.paths: null for builtins; the node_modules chain for packages;
// the requiring module's directory for relative requests.
assert.strictEqual(require.resolve.paths('fs'), null);
assert.strictEqual(require.resolve.paths('node:fs'), null);
assert.deepStrictEqual(require.resolve.paths('./x'), [__dirname]);
assert.deepStrictEqual(require.resolve.paths('../x'), [__dirname]);
const chain = require.resolve.paths('some-package');
assert.ok(Array.isArray(chain));
assert.strictEqual(chain[0], path.join(__dirname, 'node_modules'));
assert.strictEqual(chain[1], path.join(path.dirname(__dirname), 'node_modules'));
// Every ancestor directory appears, nearest first, down to /node_modules.
const ancestors = [];
for (let dir = __dirname; ; dir = path.dirname(dir)) {
  if (path.basename(dir) !== 'node_modules') ancestors.push(path.join(dir, 'node_modules'));
  if (dir === path.dirname(dir)) break;
}
assert.deepStrictEqual(chain.slice(0, ancestors.length), ancestors);
assert.strictEqual(module.paths[0], chain[0]);

// Cannot find module: code, requireStack and the message listing the stack.
assert.throws(() => require('./fixtures/nope'), (err) => {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
  assert.deepStrictEqual(err.requireStack, [__filename]);
  assert.strictEqual(err.message,
                     `Cannot find module './fixtures/nope'\nRequire stack:\n- ${__filename}`);
  return true;
});
const missingFrom = path.join(fixtures, 'requires-missing.js');
assert.throws(() => require('./fixtures/requires-missing'), (err) => {
  assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
  assert.deepStrictEqual(err.requireStack, [missingFrom, __filename]);
  assert.strictEqual(err.message, "Cannot find module './definitely-missing'\n" +
                     `Require stack:\n- ${missingFrom}\n- ${__filename}`);
  return true;
});
// A module that threw while loading is removed from the cache.
assert.strictEqual(require.cache[missingFrom], undefined);
assert.throws(() => require('no-such-package-anywhere'), {
  code: 'MODULE_NOT_FOUND',
  message: /^Cannot find module 'no-such-package-anywhere'\nRequire stack:\n/,
});
assert.throws(() => require.resolve('./nope', { paths: [fixtures] }), {
  code: 'MODULE_NOT_FOUND',
  message: /^Cannot find module '\.\/nope'/,
});

// Argument validation.
assert.throws(() => require(''), { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
assert.throws(() => require(1), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => require(), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
