'use strict';
// Static facts about the process: ids, platform, versions, memory, uptime, umask, title.
const assert = require('assert');

for (const id of [process.pid, process.ppid]) {
  assert.strictEqual(typeof id, 'number');
  assert.ok(Number.isInteger(id) && id > 0);
}
assert.notStrictEqual(process.pid, process.ppid);

assert.strictEqual(process.platform, 'linux');
assert.ok(['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64'].includes(process.arch),
          process.arch);

assert.strictEqual(typeof process.version, 'string');
assert.match(process.version, /^v\d+\.\d+\.\d+/);
assert.strictEqual(typeof process.versions, 'object');
// nodus reports its own version; only the engine and libuv keys are required.
for (const key of ['v8', 'uv']) {
  assert.strictEqual(typeof process.versions[key], 'string', key);
  assert.match(process.versions[key], /^\d+\.\d+/, key);
}
assert.strictEqual(process.release.name, 'node');

// memoryUsage(): numbers, heapUsed <= heapTotal; memoryUsage.rss() alone.
const mem = process.memoryUsage();
for (const key of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers']) {
  assert.strictEqual(typeof mem[key], 'number', key);
  assert.ok(mem[key] >= 0, key);
}
assert.ok(mem.rss > 0);
assert.ok(mem.heapUsed <= mem.heapTotal);
assert.strictEqual(typeof process.memoryUsage.rss, 'function');
assert.ok(process.memoryUsage.rss() > 0);

// uptime(): seconds since start, a small non-negative float that grows.
const up = process.uptime();
assert.strictEqual(typeof up, 'number');
assert.ok(up >= 0 && up < 60 * 60, String(up));
const later = process.uptime();
assert.ok(later >= up);

// umask(mask) sets and returns the old mask; umask() reads it.
const old = process.umask();
assert.strictEqual(typeof old, 'number');
assert.strictEqual(process.umask(0o027), old);
assert.strictEqual(process.umask(), 0o027);
assert.strictEqual(process.umask('022'), 0o027); // Octal strings are accepted.
assert.strictEqual(process.umask(), 0o022);
process.umask(old);
assert.strictEqual(process.umask(), old);

// title is a non-empty string.
assert.strictEqual(typeof process.title, 'string');
assert.ok(process.title.length > 0);

// process is an EventEmitter and has the documented functions.
assert.strictEqual(typeof process.on, 'function');
assert.strictEqual(typeof process.emit, 'function');
assert.strictEqual(process instanceof require('events'), true);
for (const fn of ['cwd', 'chdir', 'exit', 'nextTick', 'hrtime', 'memoryUsage', 'uptime',
  'umask', 'emitWarning', 'kill', 'abort', 'cpuUsage']) {
  assert.strictEqual(typeof process[fn], 'function', fn);
}
assert.strictEqual(Object.prototype.toString.call(process), '[object process]');
