'use strict';
// tty.ReadStream/WriteStream on non-terminals fail as node fails; the classes
// have node's shape; process.stdin is a Readable of the right kind.
const assert = require('assert');
const tty = require('tty');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { Readable } = require('stream');

assert.strictEqual(tty.isatty(-1), false);
assert.strictEqual(tty.isatty(1.5), false);
assert.strictEqual(tty.isatty('0'), false);
assert.strictEqual(tty.isatty(2 ** 31), false);

const file = path.join(os.tmpdir(), `nodus-tty-${process.pid}`);
fs.writeFileSync(file, 'x');
const fd = fs.openSync(file, 'r');
try {
  assert.strictEqual(tty.isatty(fd), false);
  for (const Ctor of [tty.ReadStream, tty.WriteStream]) {
    assert.throws(() => new Ctor(fd), (err) => {
      assert.strictEqual(err.name, 'SystemError');
      assert.strictEqual(err.code, 'ERR_TTY_INIT_FAILED');
      assert.strictEqual(err.message,
                         'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
      assert.deepStrictEqual(Object.keys(err), ['code', 'info', 'errno', 'syscall']);
      assert.deepStrictEqual(err.info, {
        errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init',
      });
      assert.strictEqual(err.errno, -22);
      assert.strictEqual(err.syscall, 'uv_tty_init');
      return true;
    });
  }
  assert.throws(() => new tty.ReadStream(-1), {
    code: 'ERR_INVALID_FD', message: '"fd" must be a positive integer: -1',
  });
} finally {
  fs.closeSync(fd);
  fs.unlinkSync(file);
}

assert.ok(Object.getPrototypeOf(tty.ReadStream.prototype) === net.Socket.prototype);
assert.ok(Object.getPrototypeOf(tty.WriteStream.prototype) === net.Socket.prototype);
for (const name of ['setRawMode']) {
  assert.strictEqual(typeof tty.ReadStream.prototype[name], 'function');
}
for (const name of ['getColorDepth', 'hasColors', '_refreshSize', 'cursorTo', 'moveCursor',
  'clearLine', 'clearScreenDown', 'getWindowSize']) {
  assert.strictEqual(typeof tty.WriteStream.prototype[name], 'function', name);
}
assert.strictEqual(tty.WriteStream.prototype.isTTY, true);
assert.strictEqual(tty.WriteStream.prototype.getColorDepth.call(null, { TERM: 'dumb' }), 1);
assert.strictEqual(tty.WriteStream.prototype.getColorDepth.call(null, { COLORTERM: 'truecolor' }),
                   24);
assert.strictEqual(tty.WriteStream.prototype.hasColors.call(null, 256, { TERM: 'xterm-256color' }),
                   true);

// process.stdin: whatever fd 0 is here, it is a Readable with fd 0.
const stdin = process.stdin;
assert.ok(stdin instanceof Readable);
assert.strictEqual(stdin.fd, 0);
assert.strictEqual(process.stdin, stdin);
const type = (() => {
  if (tty.isatty(0)) return tty.ReadStream;
  try {
    if (fs.fstatSync(0).isFile() || fs.fstatSync(0).isCharacterDevice()) return fs.ReadStream;
  } catch {
    return Readable;
  }
  return net.Socket;
})();
assert.ok(stdin instanceof type, `${stdin.constructor.name} is not a ${type.name}`);
