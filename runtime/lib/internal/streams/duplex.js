'use strict';
// stream.Duplex: a Readable that also carries a Writable's state and methods.

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  Writable.call(this, options);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const method of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
}
for (const method of ['write', 'cork', 'uncork', 'setDefaultEncoding', 'end', '_write']) {
  Duplex.prototype[method] = Writable.prototype[method];
}
Duplex.prototype._writev = null;

const writableProps = [
  'writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer',
  'writableLength', 'writableFinished', 'writableCorked', 'writableEnded',
  'writableNeedDrain',
];
for (const name of writableProps) {
  Object.defineProperty(Duplex.prototype, name, {
    __proto__: null,
    ...Object.getOwnPropertyDescriptor(Writable.prototype, name),
  });
}
Object.defineProperty(Duplex.prototype, 'destroyed', {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
});
Duplex.prototype.destroy = Writable.prototype.destroy;

Duplex.from = function(body) {
  return require('internal/streams/duplexify')(body, 'body');
};
Duplex.fromWeb = function() {
  throw require('internal/errors').notImplemented('stream.Duplex.fromWeb');
};
Duplex.toWeb = function() {
  throw require('internal/errors').notImplemented('stream.Duplex.toWeb');
};

module.exports = Duplex;
