'use strict';
// util.types: the native checks from internalBinding('types') plus the
// typed-array checks, which need no native help: the %TypedArray%.prototype
// Symbol.toStringTag getter returns the element type name for real typed
// arrays and undefined for everything else (including proxies and fakes).

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTagGetter =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

function typedArrayTag(value) {
  return Reflect.apply(typedArrayTagGetter, value, []);
}

function isTypedArray(value) { return typedArrayTag(value) !== undefined; }
function isArrayBufferView(value) { return ArrayBuffer.isView(value); }

const types = {};
const binding = internalBinding('types');
for (const name of Object.keys(binding)) {
  if (typeof binding[name] === 'function') types[name] = binding[name];
}
types.isArrayBufferView = isArrayBufferView;
types.isTypedArray = isTypedArray;

for (const kind of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array',
  'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array']) {
  const check = { [`is${kind}`](value) { return typedArrayTag(value) === kind; } }[`is${kind}`];
  types[`is${kind}`] = check;
}

// Crypto keys come with the crypto module; until it is loaded nothing can be one.
types.isKeyObject = function isKeyObject(value) {
  void value;
  return false;
};
types.isCryptoKey = function isCryptoKey(value) {
  void value;
  return false;
};

module.exports = types;
