'use strict';
// The user-module compile cache (NODUS_COMPILE_CACHE=DIR): a second start
// runs from cached code; a changed file, a corrupt entry or an unusable
// directory never changes what the program does. Under node 20 (no compile
// cache) the same programs must print the same things.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-'));
const app = path.join(work, 'app');
const cache = path.join(work, 'cache');
fs.mkdirSync(app);
fs.writeFileSync(path.join(app, 'lib.js'),
                 'function twice(x) { return x * 2; }\nmodule.exports = { value: twice(21) };\n');
fs.writeFileSync(path.join(app, 'main.js'), "console.log('value', require('./lib').value);\n");

function run(dir) {
  const result = spawnSync(process.execPath, [path.join(app, 'main.js')], {
    env: { ...process.env, NODUS_COMPILE_CACHE: dir },
    encoding: 'utf8',
  });
  assert.strictEqual(result.stderr, '');
  assert.strictEqual(result.status, 0);
  return result.stdout;
}

function entries() {
  if (!fs.existsSync(cache)) return [];
  return fs.readdirSync(cache).flatMap((v) => fs.readdirSync(path.join(cache, v))
    .map((name) => path.join(cache, v, name)));
}

const isNodus = !!process.versions.nodus;
assert.strictEqual(run(cache), 'value 42\n');
if (isNodus) assert.strictEqual(entries().length, 2, 'one entry per module');
assert.strictEqual(run(cache), 'value 42\n');

// A changed module is recompiled, not served stale from the cache.
fs.writeFileSync(path.join(app, 'lib.js'),
                 'function twice(x) { return x * 3; }\nmodule.exports = { value: twice(21) };\n');
assert.strictEqual(run(cache), 'value 63\n');
assert.strictEqual(run(cache), 'value 63\n');

// Corrupt entries are ignored and rewritten.
for (const file of entries()) fs.writeFileSync(file, 'garbage');
assert.strictEqual(run(cache), 'value 63\n');
for (const file of entries()) assert.notStrictEqual(fs.readFileSync(file, 'latin1'), 'garbage');
assert.strictEqual(run(cache), 'value 63\n');

// A directory that cannot be created (under a file) is ignored.
const blocker = path.join(work, 'file');
fs.writeFileSync(blocker, '');
assert.strictEqual(run(path.join(blocker, 'cache')), 'value 63\n');

// module.enableCompileCache() (newer Node's API) where it exists.
const Module = require('module');
if (typeof Module.enableCompileCache === 'function') {
  const { compileCacheStatus } = Module.constants;
  const first = Module.enableCompileCache(path.join(work, 'api'));
  assert.strictEqual(first.status, compileCacheStatus.ENABLED);
  assert.ok(first.directory.startsWith(path.join(work, 'api')));
  assert.strictEqual(Module.getCompileCacheDir(), first.directory);
  assert.strictEqual(Module.enableCompileCache(path.join(work, 'other')).status,
                     compileCacheStatus.ALREADY_ENABLED);
  const failed = spawnSync(process.execPath, ['-e',
    `const r = require('module').enableCompileCache(${JSON.stringify(path.join(blocker, 'x'))});` +
    'console.log(r.status, typeof r.message)'], { encoding: 'utf8' });
  assert.strictEqual(failed.stdout, `${compileCacheStatus.FAILED} string\n`);
}

fs.rmSync(work, { recursive: true, force: true });
