'use strict';
// Recursive removal for fs.rm/rmdir with `recursive`: symbolic links are
// removed, never followed.

const { binding, call, constants } = require('internal/fs/utils');

const { S_IFMT, S_IFDIR } = constants;

function rimrafSync(path) {
  const st = binding.lstat(path, false);
  if ((st[1] & S_IFMT) === S_IFDIR) {
    const pathModule = require('path');
    for (const name of binding.readdir(path, false)) {
      rimrafSync(pathModule.join(path, name));
    }
    binding.rmdir(path);
  } else {
    binding.unlink(path);
  }
}

async function rimraf(path) {
  const st = await call('lstat', path, false);
  if ((st[1] & S_IFMT) === S_IFDIR) {
    const pathModule = require('path');
    const names = await call('readdir', path, false);
    await Promise.all(names.map((name) => rimraf(pathModule.join(path, name))));
    await call('rmdir', path);
  } else {
    await call('unlink', path);
  }
}

module.exports = { rimraf, rimrafSync };
