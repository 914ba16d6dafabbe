'use strict';
// util.inspect of buffers, toJSON, INSPECT_MAX_BYTES, Blob and File, and
// TextDecoder's UTF-16 and windows-1252 labels.
const assert = require('assert');
const util = require('util');
const buffer = require('buffer');
const common = require('../common');

assert.strictEqual(util.inspect(Buffer.from('hi')), '<Buffer 68 69>');
assert.strictEqual(util.inspect(Buffer.alloc(0)), '<Buffer >');
assert.strictEqual(util.inspect(Buffer.alloc(51)),
  `<Buffer ${'00 '.repeat(50).trim()} ... 1 more byte>`);
assert.strictEqual(util.inspect(Buffer.alloc(60)),
  `<Buffer ${'00 '.repeat(50).trim()} ... 10 more bytes>`);
assert.strictEqual(util.inspect(Object.assign(Buffer.from('ab'), { x: 1 })), '<Buffer 61 62, x: 1>');
assert.strictEqual(util.inspect({ b: Buffer.from([1]) }), '{ b: <Buffer 01> }');
buffer.INSPECT_MAX_BYTES = 2;
assert.strictEqual(util.inspect(Buffer.from('abc')), '<Buffer 61 62 ... 1 more byte>');
buffer.INSPECT_MAX_BYTES = 50;
assert.throws(() => { buffer.INSPECT_MAX_BYTES = -1; }, { code: 'ERR_OUT_OF_RANGE' });

assert.deepStrictEqual(Buffer.from('ab').toJSON(), { type: 'Buffer', data: [97, 98] });
assert.strictEqual(JSON.stringify(Buffer.alloc(0)), '{"type":"Buffer","data":[]}');
assert.deepStrictEqual(Buffer.from(JSON.parse(JSON.stringify(Buffer.from('xy')))), Buffer.from('xy'));

assert.strictEqual(buffer.isAscii(Buffer.from('abc')), true);
assert.strictEqual(buffer.isAscii(Buffer.from('é')), false);
assert.strictEqual(buffer.isUtf8(Buffer.from('é')), true);
assert.strictEqual(buffer.isUtf8(Buffer.from([0xc3])), false);
assert.throws(() => buffer.isUtf8('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// Blob
assert.strictEqual(globalThis.Blob, buffer.Blob);
assert.strictEqual(Object.getOwnPropertyDescriptor(globalThis, 'Blob').enumerable, false);
const blob = new Blob(['héllo', new Uint8Array([1, 2]), new Blob(['x'])], { type: 'A/b' });
assert.strictEqual(blob.size, 9);
assert.strictEqual(blob.type, 'a/b');
assert.strictEqual(Object.prototype.toString.call(blob), '[object Blob]');
assert.strictEqual(util.inspect(new Blob(['ab'], { type: 'Text/Plain' })),
  "Blob { size: 2, type: 'text/plain' }");
assert.strictEqual(blob.slice(1, 3, 'X').type, 'x');
assert.strictEqual(blob.slice(5, 1).size, 0);
assert.strictEqual(new Blob([], { type: 'a\u00e9' }).type, '');
assert.strictEqual(new Blob(['a\nb'], { endings: 'native' }).size, 3);
assert.strictEqual(new Blob(undefined).size, 0);
assert.throws(() => new Blob('abc'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "sources" argument must be a sequence. Received type string (\'abc\')',
});
assert.throws(() => new Blob(['a'], { endings: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE', message: 'The property \'options.endings\' is invalid. Received \'x\'',
});
assert.throws(() => new Blob([], 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => Blob.prototype.size, { code: 'ERR_INVALID_THIS' });
blob.slice(1, 3).text().then(common.mustCall((text) => assert.strictEqual(text, 'é')));
blob.slice(-2).arrayBuffer().then(common.mustCall((ab) => {
  assert(ab instanceof ArrayBuffer);
  assert.deepStrictEqual([...new Uint8Array(ab)], [2, 0x78]);
}));
new Blob([1, {}]).text().then(common.mustCall((text) => assert.strictEqual(text, '1[object Object]')));

// File
const file = new File(['ab'], 'f.txt', { lastModified: 5 });
assert.strictEqual(util.inspect(file), "File { size: 2, type: '', name: 'f.txt', lastModified: 5 }");
assert.strictEqual(file.name, 'f.txt');
assert(file instanceof Blob);
assert.strictEqual(typeof new File([], 'x').lastModified, 'number');
assert.strictEqual(Object.prototype.toString.call(file), '[object File]');
assert.throws(() => new File(['ab']), {
  code: 'ERR_MISSING_ARGS', message: 'The "fileBits" and "fileName" arguments must be specified',
});

// TextDecoder labels
const labels = {
  'utf-16': 'utf-16le', 'ucs-2': 'utf-16le', 'unicode': 'utf-16le', 'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be', 'unicodefffe': 'utf-16be', 'latin1': 'windows-1252',
  'ascii': 'windows-1252', 'us-ascii': 'windows-1252', 'iso-8859-1': 'windows-1252',
  'cp1252': 'windows-1252', ' UTF8 ': 'utf-8',
};
for (const [label, name] of Object.entries(labels)) {
  assert.strictEqual(new TextDecoder(label).encoding, name, label);
}
assert.throws(() => new TextDecoder('bogus'), { code: 'ERR_ENCODING_NOT_SUPPORTED' });
{
  const d = new TextDecoder('utf-16le');
  assert.strictEqual(d.decode(Buffer.from([0xff, 0xfe, 0x61, 0]), { stream: true }), 'a');
  assert.strictEqual(d.decode(Buffer.from([0x3d, 0xd8]), { stream: true }), '');
  assert.strictEqual(d.decode(Buffer.from([0x00, 0xde])), '😀');
  assert.strictEqual(d.decode(Buffer.from([0x3d, 0xd8, 0x61])), '\ufffd');
  assert.strictEqual(d.decode(Buffer.from([0x00, 0xdc, 0x61, 0])), '\ufffda');
  assert.strictEqual(new TextDecoder('utf-16le', { ignoreBOM: true })
    .decode(Buffer.from([0xff, 0xfe, 0x61, 0])), '\ufeffa');
  assert.strictEqual(new TextDecoder('utf-16be').decode(Buffer.from([0xfe, 0xff, 0, 0x61, 0xd8,
    0x3d, 0xde, 0])), 'a😀');
  assert.throws(() => new TextDecoder('utf-16le', { fatal: true }).decode(Buffer.from([0x3d, 0xd8])), {
    name: 'TypeError', code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
    message: 'The encoded data was not valid for encoding utf-16le',
  });
  // node 20 decodes windows-1252 labels as Latin-1 and keeps a BOM.
  assert.strictEqual(new TextDecoder('latin1').decode(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x80])),
    'ï»¿A\u0080');
}
