'use strict';
// zlib's sync and callback forms: round trips, known outputs, options, errors.
const assert = require('assert');
const util = require('util');
const zlib = require('zlib');
const common = require('../common');

const text = 'hello hello hello hello '.repeat(1000);
const pairs = [
  ['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'],
  ['brotliCompress', 'brotliDecompress'], ['gzip', 'unzip'], ['deflate', 'unzip'],
];
for (const [pack, unpack] of pairs) {
  const packed = zlib[`${pack}Sync`](text);
  assert.ok(packed.length < text.length / 10, `${pack} compresses`);
  assert.strictEqual(zlib[`${unpack}Sync`](packed).toString(), text);
  zlib[pack](text, common.mustCall((err, buf) => {
    assert.ifError(err);
    zlib[unpack](buf, common.mustCall((err2, out) => {
      assert.ifError(err2);
      assert.strictEqual(out.toString(), text);
    }));
  }));
}

// Deterministic outputs (zlib's format is stable for a given level).
assert.strictEqual(zlib.deflateSync('hello').toString('base64'), 'eJzLSM3JyQcABiwCFQ==');
assert.strictEqual(zlib.deflateRawSync('hello').toString('hex'), 'cb48cdc9c90700');
assert.strictEqual(zlib.deflateSync('hello', { level: 0 }).toString('hex'),
  '7801010500faff68656c6c6f062c0215');
assert.strictEqual(zlib.crc32('hello'), 907060870);
assert.strictEqual(zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32('hello world'));
// Input types.
assert.strictEqual(zlib.inflateSync(new Uint8Array(zlib.deflateSync('abc'))).toString(), 'abc');
const ab = zlib.deflateSync('xyz');
assert.strictEqual(zlib.inflateSync(ab.buffer.slice(ab.byteOffset, ab.byteOffset + ab.length))
  .toString(), 'xyz');
// Concatenated gzip members decode as one stream.
const two = Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd')]);
assert.strictEqual(zlib.gunzipSync(two).toString(), 'abcd');

// Errors as node reports them.
assert.throws(() => zlib.inflateSync(Buffer.from('garbage')),
  { name: 'Error', message: 'incorrect header check', errno: -3, code: 'Z_DATA_ERROR' });
assert.throws(() => zlib.gunzipSync(zlib.gzipSync(text).subarray(0, 50)),
  { message: 'unexpected end of file', errno: -5, code: 'Z_BUF_ERROR' });
assert.throws(() => zlib.brotliDecompressSync(Buffer.from('garbage')),
  { message: 'Decompression failed', errno: -14, code: 'ERR__ERROR_FORMAT_PADDING_1' });
assert.throws(() => zlib.deflateSync(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be of type string or an instance of Buffer, ' +
    'TypedArray, DataView, or ArrayBuffer. Received type number (1)',
});
assert.throws(() => zlib.deflateSync('x', { level: 10 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.level" is out of range. It must be >= -1 and <= 9. ' +
    'Received 10',
});
assert.throws(() => zlib.deflateSync('x', { chunkSize: 10 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.inflateSync(zlib.deflateSync(text), { maxOutputLength: 100 }),
  { name: 'RangeError', code: 'ERR_BUFFER_TOO_LARGE' });
zlib.inflate(Buffer.from('garbage'), common.mustCall((err) => {
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
}));

// Dictionaries.
const dictionary = Buffer.from('hello ');
const withDict = zlib.deflateSync(text, { dictionary });
assert.strictEqual(zlib.inflateSync(withDict, { dictionary }).toString(), text);
assert.throws(() => zlib.inflateSync(withDict), { message: 'Missing dictionary', errno: 2 });
assert.throws(() => zlib.inflateSync(withDict, { dictionary: Buffer.from('other') }),
  { message: 'Bad dictionary' });

// util.promisify works (the callback convention).
util.promisify(zlib.gzip)('promised').then(common.mustCall((buf) => {
  assert.strictEqual(zlib.gunzipSync(buf).toString(), 'promised');
}));

// codes and constants.
assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
assert.strictEqual(zlib.constants.Z_BEST_COMPRESSION, 9);
assert.strictEqual(zlib.constants.BROTLI_PARAM_QUALITY, 1);
const brotliFast = zlib.brotliCompressSync(text,
  { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
assert.strictEqual(zlib.brotliDecompressSync(brotliFast).toString(), text);
