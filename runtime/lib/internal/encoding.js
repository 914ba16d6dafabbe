'use strict';
// TextEncoder / TextDecoder for UTF-8 (the encoding every runtime must have).
// Other labels throw ERR_ENCODING_NOT_SUPPORTED until ICU-backed decoders exist.

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

const decoderState = new WeakMap();

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    const label = `${encoding}`.trim().toLowerCase();
    if (!kUtf8Labels.has(label)) {
      if (label === 'utf-16le' || label === 'latin1' || label === 'iso-8859-1' || label === 'ascii') {
        const err = new RangeError(`The "${encoding}" encoding is not supported by nodus yet`);
        err.code = 'ERR_ENCODING_NOT_SUPPORTED';
        throw err;
      }
      throw new (lazyCodes().ERR_ENCODING_NOT_SUPPORTED || RangeError)(encoding);
    }
    if (options !== null && typeof options !== 'object') {
      throw new (lazyCodes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
    }
    decoderState.set(this, {
      fatal: Boolean(options && options.fatal),
      ignoreBOM: Boolean(options && options.ignoreBOM),
      pending: null,
      bomSeen: false,
    });
  }

  get encoding() {
    return 'utf-8';
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
