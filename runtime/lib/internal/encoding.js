'use strict';
// TextEncoder / TextDecoder. The decoder knows UTF-8, UTF-16LE/BE and the
// windows-1252 labels (which node 20 decodes as Latin-1); other labels throw
// ERR_ENCODING_NOT_SUPPORTED.

const binding = internalBinding('encoding');

function lazyCodes() {
  return require('internal/errors').codes;
}

const kUtf8Labels = new Set(['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8',
  'utf8', 'x-unicode20utf8']);

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return binding.encodeUtf8(`${input}`);
  }

  encodeInto(source, destination) {
    if (!(destination instanceof Uint8Array)) {
      throw new (lazyCodes().ERR_INVALID_ARG_TYPE)('dest', 'Uint8Array', destination);
    }
    const [read, written] = binding.encodeInto(`${source}`, destination);
    return { read, written };
  }
}

const kUtf16leLabels = new Set(['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode',
  'unicodefeff', 'utf-16', 'utf-16le']);
const kUtf16beLabels = new Set(['unicodefffe', 'utf-16be']);
// Node 20 decodes every windows-1252 label as ISO-8859-1 (one byte, one code point).
const kLatin1Labels = new Set(['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1',
  'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1',
  'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']);

function encodingForLabel(label) {
  if (kUtf8Labels.has(label)) return 'utf-8';
  if (kUtf16leLabels.has(label)) return 'utf-16le';
  if (kUtf16beLabels.has(label)) return 'utf-16be';
  if (kLatin1Labels.has(label)) return 'windows-1252';
  return undefined;
}

const decoderState = new WeakMap();

const kLoneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function invalidData(encoding) {
  return new (lazyCodes().ERR_ENCODING_INVALID_ENCODED_DATA)(encoding);
}

// UTF-16 (either byte order): an odd trailing byte and a trailing lead
// surrogate wait for the next chunk when streaming; at the end they become
// one U+FFFD, as ICU does in node.
function decodeUtf16(state, bytes, stream) {
  const { FastBuffer } = require('internal/buffer');
  const binding = internalBinding('buffer');
  let end = bytes.length & ~1;
  let tail = bytes.length - end;
  if (end >= 2) {
    const last = state.encoding === 'utf-16le' ?
      bytes[end - 1] : bytes[end - 2];
    if (last >= 0xd8 && last <= 0xdb) {
      end -= 2;
      tail += 2;
    }
  }
  let units = new FastBuffer(bytes.buffer, bytes.byteOffset, end);
  if (state.encoding === 'utf-16be') {
    units = new FastBuffer(units);
    for (let i = 0; i + 1 < units.length; i += 2) {
      const t = units[i];
      units[i] = units[i + 1];
      units[i + 1] = t;
    }
  }
  let text = binding.ucs2Slice(units, 0, units.length);
  if (stream) {
    state.pending = tail > 0 ? bytes.slice(end) : null;
  } else if (tail > 0) {
    if (state.fatal) throw invalidData(state.encoding);
    text += '\ufffd';
  }
  kLoneSurrogate.lastIndex = 0;
  if (kLoneSurrogate.test(text)) {
    if (state.fatal) throw invalidData(state.encoding);
    text = text.replace(kLoneSurrogate, '\ufffd');
  }
  if (!state.ignoreBOM && !state.bomSeen && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > 0 || !stream) state.bomSeen = stream;
  return text;
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    const label = `${encoding}`.trim().toLowerCase();
    const name = encodingForLabel(label);
    if (name === undefined) {
      throw new (lazyCodes().ERR_ENCODING_NOT_SUPPORTED || RangeError)(encoding);
    }
    if (options !== null && typeof options !== 'object') {
      throw new (lazyCodes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
    }
    decoderState.set(this, {
      encoding: name,
      fatal: Boolean(options && options.fatal),
      ignoreBOM: Boolean(options && options.ignoreBOM),
      pending: null,
      bomSeen: false,
    });
  }

  get encoding() {
    return decoderState.get(this).encoding;
  }

  get fatal() {
    return decoderState.get(this).fatal;
  }

  get ignoreBOM() {
    return decoderState.get(this).ignoreBOM;
  }

  decode(input = new Uint8Array(0), options = {}) {
    const state = decoderState.get(this);
    let bytes;
    if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' &&
        input instanceof SharedArrayBuffer)) {
      bytes = new Uint8Array(input);
    } else if (ArrayBuffer.isView(input)) {
      bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    } else {
      throw new (lazyCodes().ERR_INVALID_ARG_TYPE)('input',
        ['ArrayBuffer', 'ArrayBufferView'], input);
    }
    if (state.encoding === 'windows-1252') {
      return internalBinding('buffer').latin1Slice(bytes, 0, bytes.length);
    }
    if (state.encoding !== 'utf-8') {
      if (state.pending !== null) {
        const joined = new Uint8Array(state.pending.length + bytes.length);
        joined.set(state.pending);
        joined.set(bytes, state.pending.length);
        bytes = joined;
        state.pending = null;
      }
      return decodeUtf16(state, bytes, Boolean(options && options.stream));
    }
    const stream = Boolean(options && options.stream);
    if (state.pending !== null) {
      const joined = new Uint8Array(state.pending.length + bytes.length);
      joined.set(state.pending);
      joined.set(bytes, state.pending.length);
      bytes = joined;
      state.pending = null;
    }
    if (stream) {
      // Keep an incomplete trailing sequence for the next call.
      let cut = bytes.length;
      for (let i = Math.max(0, bytes.length - 3); i < bytes.length; i++) {
        const b = bytes[i];
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
        if (need > 0 && i + need > bytes.length) {
          cut = i;
          break;
        }
      }
      if (cut < bytes.length) {
        state.pending = bytes.slice(cut);
        bytes = bytes.subarray(0, cut);
      }
    }
    // The BOM is stripped once per stream unless ignoreBOM.
    const ignoreBOM = state.ignoreBOM || state.bomSeen;
    const text = binding.decodeUtf8(bytes, ignoreBOM, state.fatal);
    if (bytes.length > 0) state.bomSeen = stream;
    if (!stream) state.bomSeen = false;
    return text;
  }
}

Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'TextEncoder', configurable: true,
});
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'TextDecoder', configurable: true,
});

module.exports = { TextEncoder, TextDecoder };
