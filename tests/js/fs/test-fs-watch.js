'use strict';
// fs.watch (FSWatcher) and fs.watchFile/unwatchFile (StatWatcher), constants
// and the module's surface.
const assert = require('assert');
const path = require('path');
const fs = require('fs');
const EventEmitter = require('events');
const common = require('../common');

const dir = common.tmpdir.refresh();
const file = path.join(dir, 'w.txt');
fs.writeFileSync(file, 'a');

// watch: a change to a watched file arrives as 'change' with its name.
const watcher = fs.watch(dir);
assert.ok(watcher instanceof EventEmitter);
let done = false;
watcher.on('change', (eventType, filename) => {
  if (done) return;
  assert.ok(eventType === 'change' || eventType === 'rename');
  if (filename !== 'w.txt') return;
  done = true;
  watcher.close();
});
watcher.on('close', common.mustCall());
setTimeout(() => fs.writeFileSync(file, 'b'), common.platformTimeout(50));
assert.strictEqual(watcher.unref(), watcher);
assert.strictEqual(watcher.ref(), watcher);

assert.throws(() => fs.watch(path.join(dir, 'missing')), {
  code: 'ENOENT', syscall: 'watch',
  message: `ENOENT: no such file or directory, watch '${path.join(dir, 'missing')}'`,
});

// An unref'd watcher does not keep the process alive.
fs.watch(dir, { persistent: false });

// watchFile: polling stats; the listener gets (current, previous).
const polled = path.join(dir, 'p.txt');
fs.writeFileSync(polled, '1');
const listener = common.mustCallAtLeast((curr, prev) => {
  assert.ok(curr instanceof fs.Stats);
  assert.ok(prev instanceof fs.Stats);
  assert.strictEqual(curr.size, 3);
  assert.strictEqual(prev.size, 1);
  fs.unwatchFile(polled, listener);
}, 1);
fs.watchFile(polled, { interval: 20 }, listener);
setTimeout(() => fs.writeFileSync(polled, '333'), common.platformTimeout(100));
assert.throws(() => fs.watchFile(polled), { code: 'ERR_INVALID_ARG_TYPE' });

// Constants and surface.
const c = fs.constants;
assert.strictEqual(c.O_RDONLY, 0);
assert.strictEqual(c.O_CREAT, 64);
assert.strictEqual(c.S_IFMT, 61440);
assert.strictEqual(c.S_IFDIR, 16384);
assert.strictEqual(c.COPYFILE_EXCL, 1);
assert.strictEqual(c.UV_FS_COPYFILE_EXCL, 1);
assert.strictEqual(c.COPYFILE_FICLONE_FORCE, 4);
assert.strictEqual(c.UV_DIRENT_DIR, 2);
assert.deepStrictEqual([fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK], [0, 4, 2, 1]);
assert.strictEqual(fs.lchmod, undefined);
assert.strictEqual(fs.lchmodSync, undefined);
for (const name of ['readFile', 'readFileSync', 'writeFile', 'open', 'opendirSync', 'watch',
  'watchFile', 'unwatchFile', 'cp', 'cpSync', 'rm', 'rmSync', 'readv', 'writev']) {
  assert.strictEqual(typeof fs[name], 'function', name);
}
assert.strictEqual(typeof fs.Dir, 'function');
assert.strictEqual(typeof fs.realpath.native, 'function');
assert.strictEqual(typeof fs.realpathSync.native, 'function');

// The seed's example.
let target = dir;
if (process.argv[2]) target = process.argv[2];
const files = fs.readdirSync(target);
assert.ok(files.includes('w.txt'));
