'use strict';
// zlib's stream classes: Transforms that compress chunk by chunk.
const assert = require('assert');
const zlib = require('zlib');
const { pipeline, Readable, PassThrough } = require('stream');
const common = require('../common');

const text = 'stream data '.repeat(5000);
const gzip = zlib.createGzip();
assert.ok(gzip instanceof zlib.Gzip);
assert.strictEqual(zlib.Gzip.name, 'Gzip');
const chunks = [];
gzip.on('data', (chunk) => chunks.push(chunk));
gzip.on('end', common.mustCall(() => {
  const packed = Buffer.concat(chunks);
  assert.strictEqual(zlib.gunzipSync(packed).toString(), text);
  assert.strictEqual(gzip.bytesWritten, text.length);
  const out = [];
  pipeline(Readable.from([packed.subarray(0, 100), packed.subarray(100)]), zlib.createGunzip(),
    new PassThrough(), common.mustCall((err) => {
      assert.ifError(err);
      assert.strictEqual(Buffer.concat(out).toString(), text);
    })).on('data', (chunk) => out.push(chunk));
}));
gzip.write(text.slice(0, 1000));
gzip.end(text.slice(1000));

const bad = zlib.createInflate();
bad.on('error', common.mustCall((err) => {
  assert.strictEqual(err.message, 'incorrect header check');
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
}));
bad.end(Buffer.from('not zlib'));

const brotli = zlib.createBrotliCompress();
const brotliChunks = [];
brotli.on('data', (chunk) => brotliChunks.push(chunk));
brotli.on('end', common.mustCall(() => {
  assert.strictEqual(zlib.brotliDecompressSync(Buffer.concat(brotliChunks)).toString(), 'br!');
}));
brotli.end('br!');
