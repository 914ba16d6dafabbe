'use strict';
// The `stream` module.

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const Transform = require('internal/streams/transform');
const PassThrough = require('internal/streams/passthrough');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const destroyImpl = require('internal/streams/destroy');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
const utils = require('internal/streams/utils');
const { Buffer } = require('buffer');

module.exports = Stream;
Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;

const operators = require('internal/streams/operators');
for (const key of Object.keys(operators.streamReturningOperators)) {
  const op = operators.streamReturningOperators[key];
  const fn = function(...args) {
    if (new.target) throw new (require('internal/errors').codes.ERR_ILLEGAL_CONSTRUCTOR)();
    return Readable.from(op.apply(this, args));
  };
  Object.defineProperty(fn, 'name', { __proto__: null, value: op.name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: op.length });
  Object.defineProperty(Readable.prototype, key, {
    __proto__: null, value: fn, enumerable: false, configurable: true, writable: true,
  });
}
for (const key of Object.keys(operators.promiseReturningOperators)) {
  const op = operators.promiseReturningOperators[key];
  const fn = function(...args) {
    if (new.target) throw new (require('internal/errors').codes.ERR_ILLEGAL_CONSTRUCTOR)();
    return op.apply(this, args);
  };
  Object.defineProperty(fn, 'name', { __proto__: null, value: op.name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: op.length });
  Object.defineProperty(Readable.prototype, key, {
    __proto__: null, value: fn, enumerable: false, configurable: true, writable: true,
  });
}

Object.defineProperty(Readable.prototype, 'compose', {
  __proto__: null,
  enumerable: false,
  configurable: true,
  writable: true,
  value: function compose(stream, options) {
    if (new.target) throw new (require('internal/errors').codes.ERR_ILLEGAL_CONSTRUCTOR)();
    if (options != null) require('internal/validators').validateObject(options, 'options');
    if (options && options.signal != null) {
      require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
    }
    if (utils.isNodeStream(stream) && !utils.isWritable(stream)) {
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
    }
    const composed = require('internal/streams/compose')(this, stream);
    if (options && options.signal) {
      require('internal/streams/add-abort-signal').addAbortSignalNoValidate(options.signal, composed);
    }
    return composed;
  },
});

Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyImpl.destroyer;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose')(...streams);
};
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.duplexPair = function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
};
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Stream.pipeline = function pipeline(...streams) {
  return require('internal/streams/pipeline').pipeline(...streams);
};

let promises;
Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises = promises || require('stream/promises');
    return promises;
  },
});
Object.defineProperty(Stream.pipeline, require('util').promisify.custom, {
  __proto__: null,
  enumerable: true,
  get() { return require('stream/promises').pipeline; },
});
Object.defineProperty(eos, require('util').promisify.custom, {
  __proto__: null,
  enumerable: true,
  get() { return require('stream/promises').finished; },
});

Stream.Stream = Stream;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (value) => value instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) =>
  Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
