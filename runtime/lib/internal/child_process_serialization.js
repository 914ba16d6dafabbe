'use strict';
// The two wire formats of the IPC channel (`serialization` of fork/spawn),
// byte-compatible with node's so either side may be node:
//   json      JSON.stringify(message) + '\n'
//   advanced  a 4-byte big-endian length, then V8's serializer output (with
//             its header); ArrayBufferViews (Buffers) are host objects
//             written as uint32 0 followed by v8.DefaultSerializer's form.
// Each codec turns messages into one string to write (latin1 carries the
// advanced bytes unchanged, and the channel's string writes can carry a
// handle) and accumulates read chunks into messages.

const v8 = require('v8');

class ChannelSerializer extends v8.DefaultSerializer {
  _writeHostObject(object) {
    this.writeUint32(0);
    return super._writeHostObject(object);
  }
}

// Host objects are read natively (V8 runs no JavaScript while it
// deserializes): the binding is told to expect the kind first.
class ChannelDeserializer extends v8.DefaultDeserializer {
  constructor(buffer) {
    super(buffer);
    this._setHostObjectKindPrefix(true);
  }
}

function jsonCodec() {
  const { StringDecoder } = require('string_decoder');
  const decoder = new StringDecoder('utf8');
  let pending = '';
  return {
    encoding: 'utf8',
    encode(message) {
      return `${JSON.stringify(message)}\n`;
    },
    decode(chunk) {
      const text = pending + decoder.write(chunk);
      const messages = [];
      let start = 0;
      let end;
      while ((end = text.indexOf('\n', start)) !== -1) {
        messages.push(JSON.parse(text.slice(start, end)));
        start = end + 1;
      }
      pending = start === 0 ? text : text.slice(start);
      return messages;
    },
    reset() {
      pending = '';
    },
  };
}

function advancedCodec() {
  let chunks = [];
  let buffered = 0;
  return {
    encoding: 'latin1',
    encode(message) {
      const serializer = new ChannelSerializer();
      serializer.writeRawBytes(Buffer.alloc(4));  // the length, filled in below
      serializer.writeHeader();
      serializer.writeValue(message);
      const bytes = serializer.releaseBuffer();
      bytes.writeUInt32BE(bytes.length - 4, 0);
      return bytes.latin1Slice(0, bytes.length);
    },
    decode(chunk) {
      chunks.push(chunk);
      buffered += chunk.length;
      const messages = [];
      while (buffered >= 4) {
        let all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
        const size = all.readUInt32BE(0);
        if (buffered < 4 + size) {
          chunks = [all];
          break;
        }
        const deserializer = new ChannelDeserializer(all.subarray(4, 4 + size));
        deserializer.readHeader();
        messages.push(deserializer.readValue());
        all = all.subarray(4 + size);
        chunks = all.length > 0 ? [all] : [];
        buffered = all.length;
      }
      return messages;
    },
    reset() {
      chunks = [];
      buffered = 0;
    },
  };
}

function createCodec(mode) {
  return mode === 'advanced' ? advancedCodec() : jsonCodec();
}

module.exports = { createCodec };
