'use strict';
// The `module` object, require.main, __filename and __dirname.
const assert = require('assert');
const path = require('path');

const fixtures = path.join(__dirname, 'fixtures');

// The main module.
assert.strictEqual(require.main, module);
assert.strictEqual(module.id, '.');
assert.strictEqual(module.filename, __filename);
assert.strictEqual(module.path, __dirname);
assert.strictEqual(module.loaded, false);
assert.strictEqual(module.parent, null);
assert.ok(Array.isArray(module.children));
assert.strictEqual(module.children.length, 0);
assert.ok(Array.isArray(module.paths));
assert.strictEqual(module.paths[0], path.join(__dirname, 'node_modules'));
assert.strictEqual(module.exports, exports);
assert.strictEqual(typeof module.require, 'function');
assert.strictEqual(module.require('./fixtures/rel/a'), require('./fixtures/rel/a'));
assert.strictEqual(__filename, path.join(__dirname, 'test-modules-module-object.js'));
assert.ok(path.isAbsolute(__filename));

// A required module.
const infoFile = path.join(fixtures, 'module-info.js');
const info = require('./fixtures/module-info');
assert.strictEqual(info.filename, infoFile);
assert.strictEqual(info.dirname, fixtures);
assert.strictEqual(info.isMain, false);
assert.strictEqual(info.loadedDuringLoad, false);
const m = info.module;
assert.strictEqual(m.id, infoFile);
assert.strictEqual(m.filename, infoFile);
assert.strictEqual(m.path, fixtures);
assert.strictEqual(m.loaded, true);
assert.strictEqual(m.parent, module);
assert.ok(module.children.includes(m));
assert.deepStrictEqual(m.children, []);
assert.strictEqual(m.paths[0], path.join(fixtures, 'node_modules'));
assert.strictEqual(m.exports, info);
assert.strictEqual(require.cache[infoFile], m);
// A required module has its own require, relative to its own directory.
assert.strictEqual(m.require('./rel/a'), require('./fixtures/rel/a'));

// A module required a second time is not added to children again.
const childCount = module.children.length;
require('./fixtures/module-info');
assert.strictEqual(module.children.length, childCount);

// The main module is marked loaded once its top-level code has run.
setImmediate(() => assert.strictEqual(module.loaded, true));
