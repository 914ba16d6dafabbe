'use strict';
// node:v8 — heap statistics, V8 flags and the structured serializer.
// Heap snapshots, coverage, promise hooks, startup snapshots and GCProfiler
// are not built yet: they throw ERR_NOT_IMPLEMENTED naming themselves.

const { BuiltinModule } = require('internal/bootstrap/realm');
const { codes: { ERR_INVALID_ARG_TYPE }, notImplemented } = require('internal/errors');
const { validateString } = require('internal/validators');

const binding = internalBinding('v8_heap');
const { Serializer, Deserializer } = binding;

function getHeapStatistics() {
  return binding.getHeapStatistics();
}

function getHeapSpaceStatistics() {
  return binding.getHeapSpaceStatistics();
}

function getHeapCodeStatistics() {
  return binding.getHeapCodeStatistics();
}

function cachedDataVersionTag() {
  return binding.cachedDataVersionTag();
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

Serializer.prototype._getDataCloneError = Error;

// Deserializer keeps the input for readRawBytes and host objects.
function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  return this.buffer.subarray(offset, offset + length);
}
Deserializer.prototype.readRawBytes = readRawBytes;

let BufferClass;
function getBuffer() {
  if (BufferClass === undefined) {
    BufferClass = BuiltinModule.exists('buffer') ? require('buffer').Buffer : null;
  }
  return BufferClass;
}

// Host object type ids of views, as Node writes them (index 10 = Buffer).
const arrayBufferViewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, DataView, null, BigInt64Array,
  BigUint64Array];
const kBufferIndex = 10;

function viewTypeIndex(view) {
  const Buffer = getBuffer();
  if (Buffer !== null && Buffer.isBuffer(view)) return kBufferIndex;
  const tag = Object.prototype.toString.call(view).slice(8, -1);
  return arrayBufferViewTypes.findIndex((type) => type !== null && type.name === tag);
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(abView) {
    if (!ArrayBuffer.isView(abView)) {
      throw new ERR_INVALID_ARG_TYPE('abView', ['Buffer', 'TypedArray', 'DataView'], abView);
    }
    const index = viewTypeIndex(abView);
    this.writeUint32(index);
    this.writeUint32(abView.byteLength);
    this.writeRawBytes(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
  }
}

// Host objects are read natively (V8 runs no JavaScript while it
// deserializes); a custom _readHostObject is not supported yet.
class DefaultDeserializer extends Deserializer {}

function wrapDeserializer(Class) {
  return class extends Class {
    constructor(buffer) {
      if (!ArrayBuffer.isView(buffer)) {
        const error = new ERR_INVALID_ARG_TYPE('buffer', ['TypedArray', 'DataView'], buffer);
        error.message = 'buffer must be a TypedArray or a DataView';
        throw error;
      }
      super(buffer);
      if (typeof this._readHostObject === 'function') {
        throw notImplemented('v8.Deserializer#_readHostObject (custom host objects)');
      }
      const Buffer = getBuffer();
      if (Buffer !== null) this._setBufferPrototype(Buffer.prototype);
      this.buffer = buffer instanceof Uint8Array ? buffer :
        new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
  };
}

function toBuffer(arrayBuffer) {
  const Buffer = getBuffer();
  return Buffer !== null ? Buffer.from(arrayBuffer) : new Uint8Array(arrayBuffer);
}

const serializerRelease = Serializer.prototype.releaseBuffer;
Serializer.prototype.releaseBuffer = function releaseBuffer() {
  return toBuffer(serializerRelease.call(this));
};

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

const PublicDeserializer = wrapDeserializer(Deserializer);
const PublicDefaultDeserializer = wrapDeserializer(DefaultDeserializer);
Object.defineProperty(PublicDeserializer, 'name', { value: 'Deserializer' });
Object.defineProperty(PublicDefaultDeserializer, 'name', { value: 'DefaultDeserializer' });

function deserialize(buffer) {
  const der = new PublicDefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

function notBuilt(name) {
  return { [name]() { throw notImplemented(`v8.${name}`); } }[name];
}

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot: notBuilt('getHeapSnapshot'),
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer: PublicDeserializer,
  DefaultSerializer,
  DefaultDeserializer: PublicDefaultDeserializer,
  deserialize,
  takeCoverage: notBuilt('takeCoverage'),
  stopCoverage: notBuilt('stopCoverage'),
  serialize,
  writeHeapSnapshot: notBuilt('writeHeapSnapshot'),
  promiseHooks: {
    onInit: notBuilt('promiseHooks.onInit'),
    onSettled: notBuilt('promiseHooks.onSettled'),
    onBefore: notBuilt('promiseHooks.onBefore'),
    onAfter: notBuilt('promiseHooks.onAfter'),
    createHook: notBuilt('promiseHooks.createHook'),
  },
  queryObjects: notBuilt('queryObjects'),
  startupSnapshot: {
    addSerializeCallback: notBuilt('startupSnapshot.addSerializeCallback'),
    addDeserializeCallback: notBuilt('startupSnapshot.addDeserializeCallback'),
    setDeserializeMainFunction: notBuilt('startupSnapshot.setDeserializeMainFunction'),
    isBuildingSnapshot() { return false; },
  },
  setHeapSnapshotNearHeapLimit: notBuilt('setHeapSnapshotNearHeapLimit'),
  GCProfiler: notBuilt('GCProfiler'),
};
