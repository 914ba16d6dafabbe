'use strict';
// node_modules lookup, package.json "main", scoped packages, "exports" maps
// (subpaths, patterns, conditions, null targets) and self-reference.
const assert = require('assert');
const path = require('path');
// A copy of fixtures/ whose `_node_modules` folders are named node_modules.
const { fixtures } = require('./packaged-fixtures');
const nm = path.join(fixtures, 'node_modules');

// These requires come from fixture files, so the walk starts in fixtures/.
const pkgMain = require(path.join(fixtures, 'deep/x/y/z'));
assert.deepStrictEqual(pkgMain, { name: 'pkg-main', where: path.join(nm, 'pkg-main', 'lib') });
// The nearest node_modules wins.
assert.deepStrictEqual(require(path.join(fixtures, 'other/use')),
                       { name: 'pkg-main (other copy)' });

// From this test's own directory there is no node_modules with these packages...
assert.throws(() => require('pkg-index'), { code: 'MODULE_NOT_FOUND' });
// ...but require.resolve with `paths` starts the lookup elsewhere.
const req = (id) => require(require.resolve(id, { paths: [fixtures] }));
assert.deepStrictEqual(req('pkg-index'), { name: 'pkg-index' });
assert.deepStrictEqual(req('pkg-index/extra'), { name: 'pkg-index/extra' });
assert.deepStrictEqual(req('pkg-index/extra.js'), { name: 'pkg-index/extra' });
assert.deepStrictEqual(req('@scope/pkg'), { name: '@scope/pkg' });
assert.strictEqual(req('pkg-main'), pkgMain);
assert.strictEqual(require.resolve('pkg-main', { paths: [fixtures] }),
                   path.join(nm, 'pkg-main', 'lib', 'main.js'));

// "exports": the "." entry with conditions; "require" matches, "import" and
// unknown conditions do not, and "main" is ignored.
const expDir = path.join(nm, 'exp');
const resolveExp = (id) => require.resolve(id, { paths: [fixtures] });
assert.strictEqual(resolveExp('exp'), path.join(expDir, 'lib', 'require.js'));
assert.strictEqual(req('exp'), 'exp require');
assert.strictEqual(req('exp/sub'), 'exp sub');
assert.strictEqual(req('exp/only-default'), 'exp default');
assert.strictEqual(req('exp/package.json').name, 'exp');
// Subpath patterns.
assert.strictEqual(req('exp/features/a'), 'feature a');
assert.strictEqual(resolveExp('exp/features/b'), path.join(expDir, 'src', 'features', 'b.js'));
// A pattern match whose target file is missing is MODULE_NOT_FOUND.
assert.throws(() => resolveExp('exp/features/zzz'), { code: 'MODULE_NOT_FOUND' });

// Subpaths that are not exported, or exported as null.
const notExported = (sub) => ({
  code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  message: `Package subpath '${sub}' is not defined by "exports" in ` +
    `${path.join(expDir, 'package.json')}`,
});
assert.throws(() => resolveExp('exp/lib/hidden.js'), notExported('./lib/hidden.js'));
assert.throws(() => resolveExp('exp/lib/hidden'), notExported('./lib/hidden'));
assert.throws(() => resolveExp('exp/nope'), notExported('./nope'));
assert.throws(() => resolveExp('exp/features/private/secret'),
              notExported('./features/private/secret'));
// A path that goes around "exports" is still allowed.
assert.strictEqual(require(path.join(expDir, 'lib', 'hidden.js')), 'exp hidden (not exported)');

// Self-reference by package name, through "exports", from inside the package.
assert.deepStrictEqual(require(path.join(fixtures, 'self-pkg/lib/main.js')),
                       { name: 'self-pkg', util: 'self-pkg util' });
// Outside the package the name does not resolve.
assert.throws(() => require('self-pkg'), { code: 'MODULE_NOT_FOUND' });
