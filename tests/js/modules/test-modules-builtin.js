'use strict';
// Builtin modules, the node: prefix and the `module` builtin.
const assert = require('assert');
const path = require('path');

// node: prefix gives the same object.
assert.strictEqual(require('node:assert'), assert);
assert.strictEqual(require('node:path'), path);
assert.strictEqual(require('node:module'), require('module'));
assert.strictEqual(require('node:events'), require('events'));
// An unknown node: id is its own error.
assert.throws(() => require('node:no-such-builtin'), {
  code: 'ERR_UNKNOWN_BUILTIN_MODULE',
  message: 'No such built-in module: node:no-such-builtin',
});
// Builtins are not in require.cache.
assert.strictEqual(require.cache.fs, undefined);
assert.strictEqual(require.cache['node:fs'], undefined);

const Module = require('module');
assert.strictEqual(typeof Module, 'function');
assert.strictEqual(Module.Module, Module);
assert.strictEqual(module instanceof Module, true);

// builtinModules lists ids without the node: prefix.
assert.ok(Array.isArray(Module.builtinModules));
for (const id of ['assert', 'events', 'fs', 'module', 'path', 'timers', 'util']) {
  assert.ok(Module.builtinModules.includes(id), id);
}
assert.ok(!Module.builtinModules.includes('node:fs'));
assert.ok(!Module.builtinModules.some((id) => id.startsWith('internal/')));

// isBuiltin.
assert.strictEqual(Module.isBuiltin('fs'), true);
assert.strictEqual(Module.isBuiltin('node:fs'), true);
assert.strictEqual(Module.isBuiltin('node:path'), true);
assert.strictEqual(Module.isBuiltin('no-such-thing'), false);
assert.strictEqual(Module.isBuiltin('node:no-such-thing'), false);
assert.strictEqual(Module.isBuiltin('./fs'), false);
assert.strictEqual(Module.isBuiltin('internal/errors'), false);

// createRequire from an absolute filename, or a file: URL string.
const fixtures = path.join(__dirname, 'fixtures');
const req = Module.createRequire(path.join(fixtures, 'rel', 'a.js'));
assert.strictEqual(typeof req, 'function');
assert.strictEqual(req('./b').name, 'b');
assert.strictEqual(req('./a'), require('./fixtures/rel/a'));
assert.strictEqual(req.resolve('./a'), path.join(fixtures, 'rel', 'a.js'));
assert.strictEqual(req.cache, require.cache);
assert.strictEqual(req.main, require.main);
assert.deepStrictEqual(req.resolve.paths('./x'), [path.join(fixtures, 'rel')]);
// The created require resolves packages from its own location.
const packaged = require('./packaged-fixtures').fixtures;
assert.strictEqual(Module.createRequire(path.join(packaged, 'rel', 'a.js'))('pkg-main').name,
                   'pkg-main');
const reqFromUrl = Module.createRequire(`file://${fixtures}/rel/`);
assert.strictEqual(reqFromUrl.resolve('./a'), path.join(fixtures, 'rel', 'a.js'));
// createRequire(__filename) behaves like this module's require.
assert.strictEqual(Module.createRequire(__filename)('./fixtures/rel/a'),
                   require('./fixtures/rel/a'));
assert.throws(() => Module.createRequire('relative/path.js'), { code: 'ERR_INVALID_ARG_VALUE' });
