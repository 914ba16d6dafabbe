'use strict';
// Stats/BigIntStats, readdir (withFileTypes, recursive), mkdir (recursive),
// mkdtemp, rm/rmdir, rename/unlink, links, copyFile, cp, access, utimes.
const assert = require('assert');
const path = require('path');
const fs = require('fs');
const common = require('../common');

const dir = common.tmpdir.refresh();
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, '12345');

// Stats
const st = fs.statSync(file);
assert.ok(st instanceof fs.Stats);
assert.deepStrictEqual(Object.keys(st), [
  'dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks',
  'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs', 'atime', 'mtime', 'ctime', 'birthtime',
]);
assert.strictEqual(st.size, 5);
assert.strictEqual(st.isFile(), true);
assert.strictEqual(st.isDirectory(), false);
assert.strictEqual(st.isSymbolicLink(), false);
assert.ok(st.mtime instanceof Date);
assert.strictEqual(typeof st.mtimeMs, 'number');
assert.strictEqual(st.mtime.getTime(), Math.round(st.mtimeMs));
assert.strictEqual(fs.statSync(dir).isDirectory(), true);
assert.strictEqual(fs.statSync(path.join(dir, 'nope'), { throwIfNoEntry: false }), undefined);
assert.strictEqual(fs.lstatSync(path.join(dir, 'nope'), { throwIfNoEntry: false }), undefined);
assert.throws(() => fs.statSync(path.join(dir, 'nope')), {
  code: 'ENOENT', syscall: 'stat',
  message: `ENOENT: no such file or directory, stat '${path.join(dir, 'nope')}'`,
});
const big = fs.statSync(file, { bigint: true });
assert.strictEqual(big.size, 5n);
assert.strictEqual(typeof big.mtimeNs, 'bigint');
assert.strictEqual(big.mtimeMs, big.mtimeNs / 1000000n);
assert.strictEqual(big.isFile(), true);
assert.ok(Object.keys(big).includes('birthtimeNs'));
const fd = fs.openSync(file, 'r');
assert.strictEqual(fs.fstatSync(fd).ino, st.ino);
fs.closeSync(fd);
assert.strictEqual(fs.Stats.length, 14);

// utimes
fs.utimesSync(file, 1000, new Date(2000000));
assert.strictEqual(fs.statSync(file).mtimeMs, 2000000);
assert.strictEqual(fs.statSync(file).atimeMs, 1000000);
assert.throws(() => fs.utimesSync(file, {}, 1), { code: 'ERR_INVALID_ARG_TYPE' });

// mkdir
assert.strictEqual(fs.mkdirSync(path.join(dir, 'm')), undefined);
assert.throws(() => fs.mkdirSync(path.join(dir, 'm')), {
  code: 'EEXIST', message: `EEXIST: file already exists, mkdir '${path.join(dir, 'm')}'`,
});
assert.strictEqual(fs.mkdirSync(path.join(dir, 'm', 'a', 'b'), { recursive: true }),
                   path.join(dir, 'm', 'a'));
assert.strictEqual(fs.mkdirSync(path.join(dir, 'm', 'a'), { recursive: true }), undefined);
assert.throws(() => fs.mkdirSync(path.join(file, 'x'), { recursive: true }), {
  code: 'ENOTDIR',
});
assert.throws(() => fs.mkdirSync(file, { recursive: true }), { code: 'EEXIST' });
fs.writeFileSync(path.join(dir, 'm', 'a', 'g.txt'), '');

// readdir
assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['f.txt', 'm']);
const ents = fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1));
assert.ok(ents[0] instanceof fs.Dirent);
assert.strictEqual(ents[0].name, 'f.txt');
assert.strictEqual(ents[0].isFile(), true);
assert.strictEqual(ents[1].isDirectory(), true);
assert.strictEqual(ents[1].path, dir);
assert.strictEqual(ents[1].parentPath, dir);
assert.deepStrictEqual(Object.keys(ents[0]), ['name', 'parentPath', 'path']);
assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'm'), { recursive: true }).sort(),
                       ['a', 'a/b', 'a/g.txt']);
const rec = fs.readdirSync(path.join(dir, 'm'), { recursive: true, withFileTypes: true });
assert.deepStrictEqual(rec.map((d) => path.join(d.parentPath, d.name)).sort(),
                       ['a', 'a/b', 'a/g.txt'].map((p) => path.join(dir, 'm', p)));
assert.ok(Buffer.isBuffer(fs.readdirSync(dir, 'buffer')[0]));
assert.throws(() => fs.readdirSync(path.join(dir, 'nope')), {
  code: 'ENOENT', syscall: 'scandir',
  message: `ENOENT: no such file or directory, scandir '${path.join(dir, 'nope')}'`,
});

// mkdtemp
const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
assert.match(path.basename(tmp), /^tmp-[A-Za-z0-9]{6}$/);
assert.ok(fs.statSync(tmp).isDirectory());

// rm / rmdir
assert.throws(() => fs.rmSync(path.join(dir, 'm')), (err) => {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_FS_EISDIR');
  assert.strictEqual(err.message,
                     `Path is a directory: rm returned EISDIR (is a directory) ${path.join(dir, 'm')}`);
  assert.deepStrictEqual(Object.keys(err), ['code', 'info', 'errno', 'syscall', 'path']);
  assert.strictEqual(err.errno, 21);
  return true;
});
assert.throws(() => fs.rmSync(path.join(dir, 'nope')), { code: 'ENOENT', syscall: 'lstat' });
fs.rmSync(path.join(dir, 'nope'), { force: true });
assert.throws(() => fs.rmdirSync(path.join(dir, 'm')), { code: 'ENOTEMPTY', syscall: 'rmdir' });
fs.rmdirSync(tmp);
assert.strictEqual(fs.existsSync(tmp), false);

// copyFile, cp
const copy = path.join(dir, 'copy.txt');
fs.copyFileSync(file, copy);
assert.strictEqual(fs.readFileSync(copy, 'utf8'), '12345');
assert.throws(() => fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL), {
  code: 'EEXIST', syscall: 'copyfile',
  message: `EEXIST: file already exists, copyfile '${file}' -> '${copy}'`,
  dest: copy,
});
fs.cpSync(path.join(dir, 'm'), path.join(dir, 'm2'), { recursive: true });
assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'm2'), { recursive: true }).sort(),
                       ['a', 'a/b', 'a/g.txt']);
assert.throws(() => fs.cpSync(path.join(dir, 'm'), path.join(dir, 'm3')), {
  code: 'ERR_FS_EISDIR',
  message: `Path is a directory: cp returned EISDIR (${path.join(dir, 'm')} is a directory ` +
    `(not copied)) ${path.join(dir, 'm')}`,
});
fs.rmSync(path.join(dir, 'm2'), { recursive: true });
assert.strictEqual(fs.existsSync(path.join(dir, 'm2')), false);

// rename / unlink
const moved = path.join(dir, 'moved.txt');
fs.renameSync(copy, moved);
assert.throws(() => fs.renameSync(copy, moved), {
  code: 'ENOENT', syscall: 'rename', path: copy, dest: moved,
  message: `ENOENT: no such file or directory, rename '${copy}' -> '${moved}'`,
});
fs.unlinkSync(moved);
assert.throws(() => fs.unlinkSync(moved), { code: 'ENOENT', syscall: 'unlink' });

// symlink, readlink, realpath, link, lstat
const link = path.join(dir, 'link');
fs.symlinkSync('f.txt', link);
assert.strictEqual(fs.readlinkSync(link), 'f.txt');
assert.strictEqual(fs.lstatSync(link).isSymbolicLink(), true);
assert.strictEqual(fs.statSync(link).isFile(), true);
assert.strictEqual(fs.realpathSync(link), fs.realpathSync(file));
assert.strictEqual(fs.realpathSync.native(link), fs.realpathSync(file));
const nope = path.join(dir, 'nope', 'x');
assert.throws(() => fs.realpathSync(nope), {
  code: 'ENOENT', syscall: 'lstat', path: path.join(dir, 'nope'),
});
assert.throws(() => fs.realpathSync.native(nope), { code: 'ENOENT', syscall: 'realpath' });
const hard = path.join(dir, 'hard');
fs.linkSync(file, hard);
assert.strictEqual(fs.statSync(file).nlink, 2);
const dirents = fs.readdirSync(dir, { withFileTypes: true });
assert.strictEqual(dirents.find((d) => d.name === 'link').isSymbolicLink(), true);
fs.lutimesSync(link, 5, 5);
assert.strictEqual(fs.lstatSync(link).mtimeMs, 5000);

// access
fs.accessSync(file);
fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
assert.throws(() => fs.accessSync(nope), {
  code: 'ENOENT', syscall: 'access',
  message: `ENOENT: no such file or directory, access '${nope}'`,
});
assert.throws(() => fs.accessSync(file, 8), { code: 'ERR_OUT_OF_RANGE' });

// chown to ourselves is allowed
fs.chownSync(file, process.getuid(), process.getgid());
fs.lchownSync(link, process.getuid(), process.getgid());
