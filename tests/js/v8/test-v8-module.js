'use strict';
// node:v8: heap statistics shapes, serialize/deserialize round trips and
// Node's wire format for views, the Serializer/Deserializer primitives.
require('../common');
const assert = require('assert');
const v8 = require('v8');
const util = require('util');

const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

const stats = v8.getHeapStatistics();
assert.deepStrictEqual(Object.keys(stats), ['total_heap_size', 'total_heap_size_executable',
  'total_physical_size', 'total_available_size', 'used_heap_size', 'heap_size_limit',
  'malloced_memory', 'peak_malloced_memory', 'does_zap_garbage', 'number_of_native_contexts',
  'number_of_detached_contexts', 'total_global_handles_size', 'used_global_handles_size',
  'external_memory']);
assert.ok(stats.used_heap_size > 0 && stats.heap_size_limit > stats.used_heap_size);
const spaces = v8.getHeapSpaceStatistics();
assert.ok(spaces.length > 3);
assert.deepStrictEqual(Object.keys(spaces[0]), ['space_name', 'space_size', 'space_used_size',
  'space_available_size', 'physical_space_size']);
assert.ok(spaces.some((s) => s.space_name === 'old_space'));
assert.deepStrictEqual(Object.keys(v8.getHeapCodeStatistics()), ['code_and_metadata_size',
  'bytecode_and_metadata_size', 'external_script_source_size', 'cpu_profiler_metadata_size']);
assert.strictEqual(typeof v8.cachedDataVersionTag(), 'number');
assert.strictEqual(v8.cachedDataVersionTag(), v8.cachedDataVersionTag());
v8.setFlagsFromString('--allow-natives-syntax');
assert.throws(() => v8.setFlagsFromString(5), { code: 'ERR_INVALID_ARG_TYPE' });

// Round trips; the bytes after the header are Node's.
const cases = [
  [1, '4902'],
  ['str', '2203737472'],
  [{ a: [1, 2, { b: null }] }, '6f2201614103490249046f220162307b012400037b01'],
  
  [new Date(0), '440000000000000000'],
  [new Uint8Array([1, 2, 3]), '5c0103010203'],
  [new Float64Array([1.5]), '5c0808000000000000f83f'],
  [new Uint16Array([1, 2]).subarray(1), '5c04020200'],
  [[undefined, true], '41025f54240002'],
  [new ArrayBuffer(3), '4203000000'],
];
for (const [value, bytes] of cases) {
  const serialized = v8.serialize(value);
  assert.ok(serialized instanceof Uint8Array);
  assert.strictEqual(serialized[0], 0xff);
  assert.strictEqual(hex(serialized).slice(4), bytes, util.inspect(value));
  assert.deepStrictEqual(v8.deserialize(serialized), value);
}
const set = v8.deserialize(v8.serialize(new Set(['x'])));
assert.deepStrictEqual([...set], ['x']);
assert.strictEqual(v8.deserialize(v8.serialize(2n ** 70n)), 2n ** 70n);
const cyclic = { name: 'c' };
cyclic.self = cyclic;
const copy = v8.deserialize(v8.serialize(cyclic));
assert.strictEqual(copy.self, copy);

assert.throws(() => v8.serialize(() => 1), { name: 'Error', message: '() => 1 could not be cloned.' });
assert.throws(() => v8.serialize(Symbol('x')), { message: 'Symbol(x) could not be cloned.' });
assert.throws(() => v8.deserialize(5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: 'buffer must be a TypedArray or a DataView',
});

// Serializer / Deserializer primitives.
const ser = new v8.Serializer();
ser.writeHeader();
ser.writeUint32(7);
ser.writeDouble(1.5);
ser.writeUint64(1, 2);
ser.writeRawBytes(new Uint8Array([9, 8]));
ser.writeValue({ ok: true });
const buf = ser.releaseBuffer();
const des = new v8.Deserializer(buf);
assert.strictEqual(des.readHeader(), true);
assert.strictEqual(des.readUint32(), 7);
assert.strictEqual(des.readDouble(), 1.5);
assert.deepStrictEqual(des.readUint64(), [1, 2]);
assert.deepStrictEqual(Array.from(des.readRawBytes(2)), [9, 8]);
assert.deepStrictEqual(des.readValue(), { ok: true });
assert.ok(des.getWireFormatVersion() >= 13);

for (const name of ['writeHeapSnapshot', 'getHeapSnapshot', 'takeCoverage', 'queryObjects']) {
  assert.strictEqual(typeof v8[name], 'function', name);
}
