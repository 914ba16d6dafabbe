'use strict';
// Blob and File (https://w3c.github.io/FileAPI/), held in memory as one byte
// copy. stream() waits for web streams.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
  notImplemented,
} = require('internal/errors');
const { validateDictionary } = require('internal/validators');

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

let encoder;
function encodeUtf8(text) {
  if (encoder === undefined) encoder = new (require('internal/encoding').TextEncoder)();
  return encoder.encode(text);
}

function isBlob(value) {
  return value !== null && typeof value === 'object' && value[kBytes] !== undefined;
}

function checkThis(self) {
  if (!isBlob(self)) throw new ERR_INVALID_THIS('Blob');
}

// The type is lower-cased, or empty when it has characters outside U+0020–U+007E.
function normalizeType(type) {
  type = `${type}`;
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return '';
  }
  return type.toLowerCase();
}

function partBytes(part, endings) {
  if (typeof part === 'string') {
    if (endings === 'native') part = part.replace(/\r?\n/g, '\n');
    return encodeUtf8(part);
  }
  if (isBlob(part)) return part[kBytes];
  if (part instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer === 'function' && part instanceof SharedArrayBuffer)) {
    return new Uint8Array(part.slice(0));
  }
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  }
  return encodeUtf8(`${part}`);
}

function concatParts(parts) {
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? {};
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    for (const source of sources) parts.push(partBytes(source, endings));
    this[kBytes] = concatParts(parts);
    this[kType] = normalizeType(type);
  }

  get type() {
    checkThis(this);
    return this[kType];
  }

  get size() {
    checkThis(this);
    return this[kBytes].byteLength;
  }

  slice(start = 0, end = this[kBytes].byteLength, contentType = '') {
    checkThis(this);
    const size = this[kBytes].byteLength;
    start = Math.trunc(+start) || 0;
    end = Math.trunc(+end) || 0;
    if (start < 0) start = Math.max(size + start, 0);
    else start = Math.min(start, size);
    if (end < 0) end = Math.max(size + end, 0);
    else end = Math.min(end, size);
    const blob = new Blob();
    blob[kBytes] = this[kBytes].slice(start, Math.max(start, end));
    blob[kType] = normalizeType(contentType);
    return blob;
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this[kBytes];
    return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const { TextDecoder } = require('internal/encoding');
    return Promise.resolve(new TextDecoder().decode(this[kBytes]));
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(this[kBytes].slice());
  }

  stream() {
    checkThis(this);
    throw notImplemented('Blob.prototype.stream');
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${inspect({ size: this.size, type: this.type }, opts)}`;
  }
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Blob', configurable: true,
});
for (const key of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes', 'stream']) {
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, key);
  desc.enumerable = true;
  Object.defineProperty(Blob.prototype, key, desc);
}

const kName = Symbol('kName');
const kLastModified = Symbol('kLastModified');

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    const { lastModified } = options ?? {};
    let modified;
    if (lastModified !== undefined) {
      modified = +lastModified;
      if (Number.isNaN(modified)) modified = 0;
    } else {
      modified = Date.now();
    }
    this[kName] = `${fileName}`;
    this[kLastModified] = modified;
  }

  get name() {
    if (this === null || typeof this !== 'object' || this[kName] === undefined) {
      throw new ERR_INVALID_THIS('File');
    }
    return this[kName];
  }

  get lastModified() {
    if (this === null || typeof this !== 'object' || this[kName] === undefined) {
      throw new ERR_INVALID_THIS('File');
    }
    return this[kLastModified];
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${inspect({
      size: this.size, type: this.type, name: this.name, lastModified: this.lastModified,
    }, opts)}`;
  }
}

Object.defineProperty(File.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'File', configurable: true,
});

module.exports = { Blob, File, isBlob };
