'use strict';
// fs.cp/cpSync/fsPromises.cp: copies files, directories (with `recursive`) and
// symbolic links. One walker, written once over "sync" and "async" operation
// tables.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateObject } = require('internal/validators');
const {
  binding,
  call,
  constants,
  fsError,
  getValidatedPath,
} = require('internal/fs/utils');

const { S_IFMT, S_IFDIR, S_IFREG, S_IFLNK, COPYFILE_EXCL } = constants;

const kDefaults = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
  mode: 0,
};

function validateOptions(options) {
  if (options === undefined) return { ...kDefaults };
  validateObject(options, 'options');
  options = { ...kDefaults, ...options };
  for (const name of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps',
    'recursive', 'verbatimSymlinks']) {
    validateBoolean(options[name], `options.${name}`);
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

function kind(mode) {
  return mode & S_IFMT;
}

const syncOps = {
  stat: (p, follow) => binding[follow ? 'stat' : 'lstat'](p, false),
  statOrNull: (p) => {
    const st = binding.statNoThrow(p, true);
    return typeof st === 'number' ? null : st;
  },
  mkdir: (p, mode) => binding.mkdir(p, mode),
  chmod: (p, mode) => binding.chmod(p, mode),
  readdir: (p) => binding.readdir(p, false),
  copyFile: (s, d, mode) => binding.copyFile(s, d, mode),
  unlink: (p) => binding.unlink(p),
  readlink: (p) => binding.readlink(p),
  symlink: (t, p) => binding.symlink(t, p, 0),
  utimes: (p, a, m) => binding.utimes(p, a, m),
  filter: (fn, s, d) => fn(s, d),
};

const asyncOps = {
  stat: (p, follow) => call(follow ? 'stat' : 'lstat', p, false),
  statOrNull: (p) => call('lstat', p, false).catch((err) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  }),
  mkdir: (p, mode) => call('mkdir', p, mode),
  chmod: (p, mode) => call('chmod', p, mode),
  readdir: (p) => call('readdir', p, false),
  copyFile: (s, d, mode) => call('copyFile', s, d, mode),
  unlink: (p) => call('unlink', p),
  readlink: (p) => call('readlink', p),
  symlink: (t, p) => call('symlink', t, p, 0),
  utimes: (p, a, m) => call('utimes', p, a, m),
  filter: (fn, s, d) => fn(s, d),
};

// A generator-based walker: `yield` hands an operation's result back, so the
// same code runs synchronously or with awaits.
function* copyEntry(ops, src, dest, options, top) {
  if (options.filter) {
    const keep = yield ops.filter(options.filter, src, dest);
    if (!keep) return;
  }
  const srcStat = yield ops.stat(src, options.dereference);
  const destStat = yield ops.statOrNull(dest);
  const srcKind = kind(srcStat[1]);
  if (top) {
    if (destStat && srcStat[7] === destStat[7] && srcStat[0] === destStat[0]) {
      throw fsError('ERR_FS_CP_EINVAL', {
        message: 'src and dest cannot be the same', path: dest, syscall: 'cp', errno: 22,
        code: 'EINVAL',
      });
    }
  }
  if (srcKind === S_IFDIR) {
    if (!options.recursive) {
      throw fsError('ERR_FS_EISDIR', {
        message: `${src} is a directory (not copied)`, path: src, syscall: 'cp', errno: 21,
        code: 'EISDIR',
      });
    }
    if (destStat && kind(destStat[1]) !== S_IFDIR) {
      throw fsError('ERR_FS_CP_DIR_TO_NON_DIR', {
        message: `cannot overwrite non-directory ${dest} with directory ${src}`,
        path: dest, syscall: 'cp', errno: 21, code: 'EISDIR',
      });
    }
    if (!destStat) {
      yield ops.mkdir(dest, srcStat[1] & 0o7777);
    }
    const pathModule = require('path');
    const names = yield ops.readdir(src);
    for (const name of names) {
      yield* copyEntry(ops, pathModule.join(src, name), pathModule.join(dest, name), options,
                       false);
    }
    if (!destStat) yield ops.chmod(dest, srcStat[1] & 0o7777);
    return;
  }
  if (destStat && kind(destStat[1]) === S_IFDIR && srcKind !== S_IFDIR) {
    throw fsError('ERR_FS_CP_NON_DIR_TO_DIR', {
      message: `cannot overwrite directory ${dest} with non-directory ${src}`,
      path: dest, syscall: 'cp', errno: 20, code: 'ENOTDIR',
    });
  }
  if (srcKind === S_IFLNK) {
    let target = yield ops.readlink(src);
    if (!options.verbatimSymlinks && !require('path').isAbsolute(target)) {
      target = require('path').resolve(require('path').dirname(src), target);
    }
    if (destStat) yield ops.unlink(dest);
    yield ops.symlink(target, dest);
    return;
  }
  if (srcKind !== S_IFREG) {
    throw fsError('ERR_FS_CP_UNKNOWN', {
      message: `cannot copy an unknown file type ${dest}`, path: dest, syscall: 'cp',
      errno: 22, code: 'EINVAL',
    });
  }
  if (destStat) {
    if (!options.force) {
      if (options.errorOnExist) {
        throw fsError('ERR_FS_CP_EEXIST', {
          message: `${dest} already exists`, path: dest, syscall: 'cp', errno: 17,
          code: 'EEXIST',
        });
      }
      return;
    }
    yield ops.unlink(dest);
  }
  yield ops.copyFile(src, dest, options.mode | (options.force ? 0 : COPYFILE_EXCL));
  if (options.preserveTimestamps) {
    yield ops.utimes(dest, srcStat[10] + srcStat[11] / 1e9, srcStat[12] + srcStat[13] / 1e9);
  }
}

function paths(src, dest) {
  if (typeof src !== 'string' && !(src instanceof URL)) {
    throw new ERR_INVALID_ARG_TYPE('src', ['string', 'URL'], src);
  }
  if (typeof dest !== 'string' && !(dest instanceof URL)) {
    throw new ERR_INVALID_ARG_TYPE('dest', ['string', 'URL'], dest);
  }
  return [getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest')];
}

function cpSyncFn(src, dest, options) {
  [src, dest] = paths(src, dest);
  options = validateOptions(options);
  const walker = copyEntry(syncOps, src, dest, options, true);
  let step = walker.next();
  while (!step.done) step = walker.next(step.value);
}

async function cpFn(src, dest, options) {
  [src, dest] = paths(src, dest);
  options = validateOptions(options);
  const walker = copyEntry(asyncOps, src, dest, options, true);
  let step = walker.next();
  while (!step.done) step = walker.next(await step.value);
}

module.exports = { cpFn, cpSyncFn };
