'use strict';
// Synchronous open/read/write/close, readFile/writeFile/appendFile, flags,
// modes and the errors Node reports for them.
const assert = require('assert');
const path = require('path');
const fs = require('fs');
const common = require('../common');

const dir = common.tmpdir.refresh();
const file = path.join(dir, 'a.txt');

fs.writeFileSync(file, 'héllo');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'héllo');
assert.strictEqual(fs.readFileSync(file, { encoding: 'latin1' }), 'hÃ©llo');
assert.strictEqual(fs.readFileSync(file, 'hex'), '68c3a96c6c6f');
assert.strictEqual(fs.readFileSync(file, 'base64'), 'aMOpbGxv');
const buf = fs.readFileSync(file);
assert.ok(Buffer.isBuffer(buf));
assert.deepStrictEqual([...buf], [0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f]);

fs.appendFileSync(file, ' world');
fs.appendFileSync(file, new Uint8Array([0x21]));
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'héllo world!');
fs.writeFileSync(file, 'abc', { flag: 'a' });
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'héllo world!abc');
fs.writeFileSync(file, Buffer.from('6869', 'hex'));
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi');
fs.writeFileSync(file, '6869', 'hex');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi');
fs.writeFileSync(file, '');
assert.strictEqual(fs.readFileSync(file, 'utf8'), '');

// open / write / read / close with positions.
let fd = fs.openSync(file, 'w+');
assert.ok(Number.isInteger(fd) && fd > 2);
assert.strictEqual(fs.writeSync(fd, 'hello world'), 11);
assert.strictEqual(fs.writeSync(fd, Buffer.from('XY'), 0, 2, 0), 2);
const out = Buffer.alloc(20);
assert.strictEqual(fs.readSync(fd, out, 0, 20, 0), 11);
assert.strictEqual(out.toString('utf8', 0, 11), 'XYllo world');
assert.strictEqual(fs.readSync(fd, out, { position: 6, length: 5 }), 5);
assert.strictEqual(out.toString('utf8', 0, 5), 'world');
assert.strictEqual(fs.readSync(fd, out, 0, 0, 0), 0);
assert.strictEqual(fs.readSync(fd, out, 0, 5, 100), 0);
assert.strictEqual(fs.writeSync(fd, 'ZZ', 3, 'utf8'), 2);
assert.strictEqual(fs.readFileSync(fd, 'utf8'), '');  // fd position is at the end
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'XYlZZ world');
// writev / readv
assert.strictEqual(fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')], 0), 4);
const a = Buffer.alloc(3);
const b = Buffer.alloc(3);
assert.strictEqual(fs.readvSync(fd, [a, b], 0), 6);
assert.strictEqual(a.toString() + b.toString(), 'abcdZ ');
fs.ftruncateSync(fd, 2);
assert.strictEqual(fs.fstatSync(fd).size, 2);
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
fs.closeSync(fd);
fs.truncateSync(file, 1);
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'a');
fs.truncateSync(file);
assert.strictEqual(fs.statSync(file).size, 0);

// Numeric flags and modes.
const other = path.join(dir, 'b.txt');
fd = fs.openSync(other, fs.constants.O_CREAT | fs.constants.O_WRONLY, 0o600);
fs.closeSync(fd);
assert.strictEqual(fs.statSync(other).mode & 0o777, 0o600);
fd = fs.openSync(other, 'r', '644');
fs.closeSync(fd);
fs.chmodSync(other, '755');
assert.strictEqual(fs.statSync(other).mode & 0o777, 0o755);
fs.writeFileSync(other, 'x', { mode: 0o640 });
assert.throws(() => fs.openSync(other, 'wx'), {
  code: 'EEXIST', syscall: 'open', path: other, errno: -17,
  message: `EEXIST: file already exists, open '${other}'`,
});

// Errors, as node reports them.
const missing = path.join(dir, 'missing', 'x');
assert.throws(() => fs.readFileSync(missing), {
  message: `ENOENT: no such file or directory, open '${missing}'`,
  code: 'ENOENT', errno: -2, syscall: 'open', path: missing,
});
assert.throws(() => fs.readFileSync(dir), {
  message: 'EISDIR: illegal operation on a directory, read', code: 'EISDIR', syscall: 'read',
});
assert.throws(() => fs.openSync(file, 'zz'), {
  code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError',
  message: "The argument 'flags' is invalid. Received 'zz'",
});
assert.throws(() => fs.openSync(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string or an instance of Buffer or URL. ' +
    'Received type number (5)',
});
assert.throws(() => fs.openSync('a\u0000b'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'path' must be a string, Uint8Array, or URL without null bytes. " +
    "Received 'a\\x00b'",
});
assert.throws(() => fs.closeSync(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "fd" is out of range. It must be >= 0 && <= 2147483647. Received -1',
});
assert.throws(() => fs.closeSync(99999), {
  code: 'EBADF', message: 'EBADF: bad file descriptor, close', syscall: 'close',
});
assert.throws(() => fs.writeFileSync(file, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readSync(0, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
fd = fs.openSync(file, 'r');
assert.throws(() => fs.readSync(fd, Buffer.alloc(4), 0, 5, 0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be <= 4. Received 5',
});
fs.closeSync(fd);

// Paths as Buffers and file: URLs.
assert.strictEqual(fs.readFileSync(Buffer.from(file), 'utf8'), '');
assert.strictEqual(fs.existsSync(new URL(`file://${file}`)), true);
assert.strictEqual(fs.existsSync(missing), false);
assert.strictEqual(fs.existsSync(), false);
assert.strictEqual(fs.existsSync('a\u0000b'), false);
