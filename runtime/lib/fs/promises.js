'use strict';
// require('fs/promises') and require('fs').promises.

const promises = require('internal/fs/promises');

module.exports = {
  access: promises.access,
  copyFile: promises.copyFile,
  cp: promises.cp,
  open: promises.open,
  opendir: promises.opendir,
  rename: promises.rename,
  truncate: promises.truncate,
  rm: promises.rm,
  rmdir: promises.rmdir,
  mkdir: promises.mkdir,
  readdir: promises.readdir,
  readlink: promises.readlink,
  symlink: promises.symlink,
  lstat: promises.lstat,
  stat: promises.stat,
  statfs: promises.statfs,
  link: promises.link,
  unlink: promises.unlink,
  chmod: promises.chmod,
  lchmod: undefined,
  lchown: promises.lchown,
  chown: promises.chown,
  utimes: promises.utimes,
  lutimes: promises.lutimes,
  realpath: promises.realpath,
  mkdtemp: promises.mkdtemp,
  writeFile: promises.writeFile,
  appendFile: promises.appendFile,
  readFile: promises.readFile,
  watch: promises.watch,
  constants: promises.constants,
};
