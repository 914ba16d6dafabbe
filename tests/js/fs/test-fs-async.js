'use strict';
// The callback and promise forms, FileHandle, Dir, AbortSignal.
const assert = require('assert');
const path = require('path');
const fs = require('fs');
const fsp = require('fs/promises');
const common = require('../common');

const dir = common.tmpdir.refresh();
const file = path.join(dir, 'a.txt');
const missing = path.join(dir, 'missing');

assert.strictEqual(fs.promises, fsp);
assert.strictEqual(require('fs').promises.readFile, fsp.readFile);

// Callbacks.
fs.writeFile(file, 'hello', common.mustCall(function(err) {
  assert.strictEqual(err, null);
  assert.strictEqual(arguments.length, 1);
  fs.readFile(file, 'utf8', common.mustCall((err2, data) => {
    assert.strictEqual(err2, null);
    assert.strictEqual(data, 'hello');
    fs.appendFile(file, '!', common.mustCall((err3) => {
      assert.strictEqual(err3, null);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hello!');
      callbacksOnFd();
    }));
  }));
}));

function callbacksOnFd() {
  fs.open(file, 'r+', common.mustCall((err, fd) => {
    assert.strictEqual(err, null);
    const buf = Buffer.alloc(6);
    fs.read(fd, buf, 0, 6, 0, common.mustCall((err2, n, b) => {
      assert.strictEqual(err2, null);
      assert.strictEqual(n, 6);
      assert.strictEqual(b, buf);
      assert.strictEqual(buf.toString(), 'hello!');
      fs.write(fd, 'J', 0, common.mustCall((err3, written, str) => {
        assert.strictEqual(err3, null);
        assert.strictEqual(written, 1);
        assert.strictEqual(str, 'J');
        fs.fstat(fd, common.mustCall((err4, st) => {
          assert.strictEqual(err4, null);
          assert.strictEqual(st.size, 6);
          fs.close(fd, common.mustCall((err5) => {
            assert.strictEqual(err5, null);
            assert.strictEqual(fs.readFileSync(file, 'utf8'), 'Jello!');
          }));
        }));
      }));
    }));
  }));
}

fs.readFile(missing, common.mustCall((err, data) => {
  assert.strictEqual(data, undefined);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
  assert.strictEqual(err.path, missing);
  assert.strictEqual(err.message, `ENOENT: no such file or directory, open '${missing}'`);
}));
fs.stat(missing, common.mustCall((err) => {
  assert.strictEqual(err.message, `ENOENT: no such file or directory, stat '${missing}'`);
}));
fs.mkdir(path.join(dir, 'x', 'y'), { recursive: true }, common.mustCall((err, first) => {
  assert.strictEqual(err, null);
  assert.strictEqual(first, path.join(dir, 'x'));
  fs.readdir(path.join(dir, 'x'), { withFileTypes: true }, common.mustCall((err2, list) => {
    assert.strictEqual(err2, null);
    assert.strictEqual(list.length, 1);
    assert.strictEqual(list[0].name, 'y');
    assert.strictEqual(list[0].isDirectory(), true);
  }));
}));
fs.access(missing, common.mustCall((err) => assert.strictEqual(err.code, 'ENOENT')));
fs.exists(dir, common.mustCall((exists) => assert.strictEqual(exists, true)));
assert.throws(() => fs.readFile(file), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.stat(file), { code: 'ERR_INVALID_ARG_TYPE' });

// An exception thrown by a callback is an uncaught exception.
process.once('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err.message, 'from callback');
}));
fs.stat(dir, common.mustCall(() => {
  throw new Error('from callback');
}));

// AbortSignal
const controller = new AbortController();
controller.abort();
fs.readFile(file, { signal: controller.signal }, common.mustCall((err) => {
  assert.strictEqual(err.name, 'AbortError');
  assert.strictEqual(err.code, 'ABORT_ERR');
}));

// Promises
(async () => {
  const pfile = path.join(dir, 'p.txt');
  assert.strictEqual(await fsp.writeFile(pfile, 'abc'), undefined);
  assert.strictEqual(await fsp.readFile(pfile, 'utf8'), 'abc');
  assert.deepStrictEqual(await fsp.readFile(pfile), Buffer.from('abc'));
  await fsp.appendFile(pfile, Buffer.from('def'));
  assert.strictEqual(await fsp.readFile(pfile, { encoding: 'utf8' }), 'abcdef');
  await assert.rejects(fsp.readFile(missing), {
    code: 'ENOENT', message: `ENOENT: no such file or directory, open '${missing}'`,
  });
  await assert.rejects(fsp.readFile(pfile, { signal: AbortSignal.abort() }),
                       { name: 'AbortError' });
  await assert.rejects(fsp.writeFile(pfile, 'x', { signal: AbortSignal.abort() }),
                       { name: 'AbortError' });
  assert.strictEqual((await fsp.stat(pfile)).size, 6);
  assert.strictEqual((await fsp.lstat(pfile, { bigint: true })).size, 6n);
  assert.strictEqual(await fsp.mkdir(path.join(dir, 'q', 'r'), { recursive: true }),
                     path.join(dir, 'q'));
  assert.deepStrictEqual(await fsp.readdir(path.join(dir, 'q'), { recursive: true }), ['r']);
  await fsp.copyFile(pfile, path.join(dir, 'q', 'c.txt'));
  await assert.rejects(fsp.copyFile(pfile, path.join(dir, 'q', 'c.txt'),
                                    fs.constants.COPYFILE_EXCL), { code: 'EEXIST' });
  await fsp.rename(path.join(dir, 'q', 'c.txt'), path.join(dir, 'q', 'd.txt'));
  await fsp.symlink('d.txt', path.join(dir, 'q', 'l'));
  assert.strictEqual(await fsp.readlink(path.join(dir, 'q', 'l')), 'd.txt');
  assert.strictEqual(await fsp.realpath(path.join(dir, 'q', 'l')),
                     fs.realpathSync(path.join(dir, 'q', 'd.txt')));
  await fsp.unlink(path.join(dir, 'q', 'l'));
  const tmp = await fsp.mkdtemp(path.join(dir, 't-'));
  await fsp.rmdir(tmp);
  await fsp.access(pfile, fs.constants.R_OK);
  await fsp.chmod(pfile, 0o600);
  assert.strictEqual((await fsp.stat(pfile)).mode & 0o777, 0o600);
  await fsp.utimes(pfile, 10, 20);
  assert.strictEqual((await fsp.stat(pfile)).mtimeMs, 20000);
  await fsp.truncate(pfile, 2);
  assert.strictEqual(await fsp.readFile(pfile, 'utf8'), 'ab');
  await fsp.cp(path.join(dir, 'q'), path.join(dir, 'q2'), { recursive: true });
  assert.deepStrictEqual((await fsp.readdir(path.join(dir, 'q2'))).sort(), ['d.txt', 'r']);
  await assert.rejects(fsp.rm(path.join(dir, 'q2')), { code: 'ERR_FS_EISDIR' });
  await fsp.rm(path.join(dir, 'q2'), { recursive: true });
  await fsp.rm(path.join(dir, 'q2'), { recursive: true, force: true });
  assert.strictEqual(fs.existsSync(path.join(dir, 'q2')), false);

  // FileHandle
  const fh = await fsp.open(pfile, 'r+');
  assert.strictEqual(typeof fh.fd, 'number');
  assert.strictEqual(fh.constructor.name, 'FileHandle');
  const { bytesWritten } = await fh.write('XYZ', 0);
  assert.strictEqual(bytesWritten, 3);
  const r = await fh.read(Buffer.alloc(3), 0, 3, 0);
  assert.strictEqual(r.bytesRead, 3);
  assert.strictEqual(r.buffer.toString(), 'XYZ');
  assert.strictEqual((await fh.stat()).size, 3);
  await fh.truncate(1);
  assert.strictEqual(await fh.readFile('utf8'), 'X');
  await fh.writeFile('hello');
  await fh.sync();
  await fh.close();
  assert.strictEqual(fh.fd, -1);
  assert.strictEqual(await fsp.readFile(pfile, 'utf8'), 'Xhello');

  // Dir
  const d = await fsp.opendir(path.join(dir, 'q'));
  assert.strictEqual(d.path, path.join(dir, 'q'));
  const names = [];
  for await (const ent of d) names.push(`${ent.name}:${ent.isDirectory()}`);
  assert.deepStrictEqual(names.sort(), ['d.txt:false', 'r:true']);
  await assert.rejects(d.close(), { code: 'ERR_DIR_CLOSED' });
  const ds = fs.opendirSync(path.join(dir, 'q'));
  let count = 0;
  while (ds.readSync() !== null) count++;
  assert.strictEqual(count, 2);
  ds.closeSync();
  assert.throws(() => ds.readSync(), { code: 'ERR_DIR_CLOSED', message: 'Directory handle was closed' });
  fs.opendir(path.join(dir, 'q'), common.mustCall((err, dc) => {
    assert.strictEqual(err, null);
    dc.read(common.mustCall((err2, ent) => {
      assert.strictEqual(err2, null);
      assert.ok(ent instanceof fs.Dirent);
      dc.close(common.mustCall((err3) => assert.strictEqual(err3, null)));
    }));
  }));
})().then(common.mustCall());
