'use strict';
const assert = require('assert');
const tty = require('tty');
assert.strictEqual(typeof tty.isatty, 'function');
assert.strictEqual(tty.isatty(-1), false);
assert.strictEqual(tty.isatty(1.5), false);
assert.strictEqual(tty.isatty('1'), false);
assert.strictEqual(tty.isatty(1), Boolean(process.stdout.isTTY));
assert.strictEqual(tty.isatty(987654), false);
