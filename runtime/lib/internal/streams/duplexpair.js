'use strict';
// stream.duplexPair(): two Duplexes joined back to back; what one writes the
// other reads.

const Duplex = require('internal/streams/duplex');

const kOther = Symbol('kOther');
const kPending = Symbol('kPending');

function DuplexSide(options) {
  Duplex.call(this, options);
  this[kOther] = null;
  this[kPending] = null;
}
Object.setPrototypeOf(DuplexSide.prototype, Duplex.prototype);
Object.setPrototypeOf(DuplexSide, Duplex);

DuplexSide.prototype._read = function() {
  const cb = this[kPending];
  if (cb) {
    this[kPending] = null;
    cb();
  }
};

DuplexSide.prototype._write = function(chunk, encoding, callback) {
  const other = this[kOther];
  if (chunk.length === 0) {
    process.nextTick(callback);
  } else if (other.push(chunk)) {
    callback();
  } else {
    other[kPending] = callback;
  }
};

DuplexSide.prototype._final = function(callback) {
  this[kOther].on('end', callback);
  this[kOther].push(null);
};

function duplexPair(options) {
  const a = new DuplexSide(options);
  const b = new DuplexSide(options);
  a[kOther] = b;
  b[kOther] = a;
  return [a, b];
}

module.exports = duplexPair;
