'use strict';
// The REPL line editor's key decoder (runtime/lib/internal/readline/
// keypress.js, through the public readline.emitKeypressEvents) under
// arbitrary terminal input. Byte 0 seeds where the input is cut into chunks
// (a terminal's reads), the rest is the input. check() throws on a broken
// invariant:
//   - decoding never throws, and every key is well formed;
//   - every input character is in exactly one key: the keys' sequences put
//     together are the input (as UTF-8 decodes it);
//   - the keys are the same however the input is cut into chunks, as bytes
//     (UTF-8 characters split too) or as strings.
// A final NUL (no key sequence goes on with it) ends a held-back sequence.

const readline = require('readline');
const { EventEmitter } = require('events');
const { StringDecoder } = require('string_decoder');

function fail(message, bytes) {
  const error = new Error(`keypress invariant: ${message} (input ${JSON.stringify(
    Buffer.from(bytes).toString('latin1'))})`);
  error.fuzzInvariant = true;
  throw error;
}

// The keys for `chunks` (Buffers or strings), fed as 'data' events.
function keysOf(chunks) {
  const stream = new EventEmitter();
  readline.emitKeypressEvents(stream);
  const keys = [];
  stream.on('keypress', (s, key) => {
    keys.push({ s, sequence: key.sequence, name: key.name, ctrl: key.ctrl, meta: key.meta,
      shift: key.shift, code: key.code });
  });
  for (const chunk of chunks) stream.emit('data', chunk);
  stream.emit('data', '\0');
  return keys;
}

function cuts(seed, length) {
  const out = [];
  let state = (0x2545f491 ^ seed) >>> 0;
  for (let at = 0; at < length;) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    at += 1 + (state >>> 24) % 7;
    if (at < length) out.push(at);
  }
  return out;
}

function pieces(whole, points) {
  const out = [];
  let from = 0;
  for (const at of points) {
    out.push(whole.slice(from, at));
    from = at;
  }
  out.push(whole.slice(from));
  return out;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function check(bytes) {
  const seed = bytes.length > 0 ? bytes[0] : 0;
  const input = Buffer.from(bytes.subarray(1));
  const text = new StringDecoder('utf8').write(input);
  const whole = keysOf([input]);
  let joined = '';
  for (const key of whole) {
    if (typeof key.sequence !== 'string' || key.sequence === '') fail('a key without a sequence', bytes);
    if (key.s !== undefined && key.s !== key.sequence) fail('s is not the sequence', bytes);
    if (key.name !== undefined && typeof key.name !== 'string') fail('a name that is no string', bytes);
    for (const flag of ['ctrl', 'meta', 'shift']) {
      if (typeof key[flag] !== 'boolean') fail(`${flag} is not a boolean`, bytes);
    }
    joined += key.sequence;
  }
  if (joined !== `${text}\0`) {
    fail(`the keys spell ${JSON.stringify(joined)}, not ${JSON.stringify(`${text}\0`)}`, bytes);
  }
  const byteChunks = keysOf(pieces(input, cuts(seed, input.length)));
  if (!same(byteChunks, whole)) fail('byte chunks give other keys', bytes);
  // Strings are cut between characters only (a terminal's bytes are decoded
  // whole characters at a time).
  const between = cuts(seed * 7 + 1, text.length).filter((at) => {
    const unit = text.charCodeAt(at - 1);
    return unit < 0xd800 || unit > 0xdbff;
  });
  const stringChunks = keysOf(pieces(text, between));
  if (!same(stringChunks, whole)) fail('string chunks give other keys', bytes);
}

function describe(bytes) {
  return JSON.stringify(keysOf([Buffer.from(bytes.subarray(1))]));
}

module.exports = {
  check,
  describe,
  dictionary: ['\x1b', '\x1b[', '\x1bO', '[', 'O', ';', '~', '1;5C', '3;5~', '[200~', '[201~',
    '[Z', 'OP', '[15~', '\r', '\n', '\t', '\x7f', '\b', '\x03', '\u00e9', '\ud83d\ude00',
    '\ufffd', Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98]),
    Buffer.from([0xff]), Buffer.from([0xed, 0xa0, 0x80])],
};
