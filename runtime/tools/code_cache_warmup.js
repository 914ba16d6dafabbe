'use strict';
// Run by the build's stage 0 (tools/code_cache_main.cc): everything this
// script makes V8 compile goes into the code cache embedded in `nodus`, so
// it exercises what most programs use at start-up. Quiet and quick.
const { Writable } = require('stream');
const sink = new Writable({ write(chunk, encoding, callback) { callback(); } });
const { Console } = require('console');
const quiet = new Console(sink, sink);
quiet.log('%s %d', 'warm', 1, { a: [1, 2], b: new Map([[1, 2]]) });
quiet.error(new Error('warm'));
process.stdout.write('');
for (const id of ['assert', 'buffer', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https',
  'net', 'os', 'path', 'querystring', 'readline', 'stream', 'string_decoder', 'timers',
  'timers/promises', 'tty', 'url', 'util', 'zlib', 'dns', 'module', 'async_hooks',
  'perf_hooks', 'vm', 'v8', 'worker_threads', 'child_process']) {
  require(id);
}
Buffer.from('warm').toString('base64');
require('path').resolve('a', 'b');
require('fs').readFileSync(__filename, 'utf8');
new URL('https://example.com/a?b=c');
setTimeout(() => {}, 1);
setImmediate(() => {});
Promise.resolve().then(() => {});
