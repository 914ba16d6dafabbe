'use strict';
// path: module shape, flavours and their cross links.
const assert = require('assert');
const path = require('path');

assert.strictEqual(path, path.posix);
assert.strictEqual(require('node:path'), path);
assert.strictEqual(require('path/posix'), path.posix);
assert.strictEqual(require('path/win32'), path.win32);
assert.strictEqual(require('node:path/win32'), path.win32);

const { posix, win32 } = path;
assert.notStrictEqual(posix, win32);
assert.strictEqual(posix.posix, posix);
assert.strictEqual(posix.win32, win32);
assert.strictEqual(win32.posix, posix);
assert.strictEqual(win32.win32, win32);

assert.strictEqual(posix.sep, '/');
assert.strictEqual(posix.delimiter, ':');
assert.strictEqual(win32.sep, '\\');
assert.strictEqual(win32.delimiter, ';');

const keys = ['resolve', 'normalize', 'isAbsolute', 'join', 'relative',
              'toNamespacedPath', 'dirname', 'basename', 'extname', 'format',
              'parse', 'matchesGlob', 'sep', 'delimiter', 'win32', 'posix',
              '_makeLong'];
assert.deepStrictEqual(Object.keys(posix), keys);
assert.deepStrictEqual(Object.keys(win32), keys);
for (const flavour of [posix, win32]) {
  for (const k of keys.slice(0, 12)) assert.strictEqual(typeof flavour[k], 'function', k);
  assert.strictEqual(flavour._makeLong, flavour.toNamespacedPath);
}

// Methods do not depend on `this`.
const { join, resolve, dirname } = path;
assert.strictEqual(join('a', 'b'), 'a/b');
assert.strictEqual(resolve('/a', 'b'), '/a/b');
assert.strictEqual(dirname('/a/b'), '/a');
const w = win32.join;
assert.strictEqual(w('a', 'b'), 'a\\b');

// parse() returns a fresh plain object each time.
const parsed = path.parse('/home/user/file.txt');
assert.strictEqual(Object.getPrototypeOf(parsed), Object.prototype);
assert.deepStrictEqual(Object.keys(parsed), ['root', 'dir', 'base', 'ext', 'name']);
assert.notStrictEqual(path.parse('/x'), path.parse('/x'));
assert.deepStrictEqual(Object.keys(win32.parse('C:\\x')), ['root', 'dir', 'base', 'ext', 'name']);

// format(parse(p)) gives back p for ordinary paths.
for (const p of ['/home/user/file.txt', 'a/b.c', '/a', 'file', '.bashrc', '/x/y/']) {
  const back = path.format(path.parse(p));
  assert.strictEqual(back, p.endsWith('/') && p.length > 1 ? p.slice(0, -1) : p, p);
}
for (const p of ['C:\\a\\b.txt', '\\\\server\\share\\f', 'C:x', 'a\\b']) {
  assert.strictEqual(win32.format(win32.parse(p)), p, p);
}

// Long inputs stay linear (the module loader calls these constantly).
const deep = 'a/'.repeat(20000);
assert.strictEqual(path.normalize(deep + '..').length, deep.length - 3);
assert.strictEqual(path.join(...Array(5000).fill('x')).length, 9999);
assert.strictEqual(win32.normalize('a\\'.repeat(20000)).length, 40000);
