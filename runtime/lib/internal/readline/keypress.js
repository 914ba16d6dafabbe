'use strict';
// Turns terminal input into 'keypress' events: (string, { sequence, name,
// ctrl, meta, shift }) for printable characters, control characters and the
// common escape sequences (arrows, home/end, insert/delete, page keys, F1-F12).

const kEscapeSequences = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end',
  '[H': 'home', 'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left', 'OE': 'clear',
  'OF': 'end', 'OH': 'home', '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end',
  '[5~': 'pageup', '[6~': 'pagedown', '[7~': 'home', '[8~': 'end', 'OP': 'f1', 'OQ': 'f2',
  'OR': 'f3', 'OS': 'f4', '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10',
  '[23~': 'f11', '[24~': 'f12', '[Z': 'tab', '[200~': 'paste-start', '[201~': 'paste-end',
};

function keyFor(ch) {
  const key = { sequence: ch, name: undefined, ctrl: false, meta: false, shift: false };
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch === '\x1b') key.name = 'escape';
  else if (ch === ' ') key.name = 'space';
  else if (ch.length === 1 && ch <= '\x1a') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
    key.ctrl = true;
  } else if (/^[0-9A-Za-z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = ch !== ch.toLowerCase();
  }
  return key;
}

// An escape sequence cut by the end of a chunk: ESC, ESC O, ESC [ params.
// More than 16 parameter characters make no sequence (whole or cut), so
// nothing is held back without bound.
const kUnfinishedSequence = /^\x1b(?:O|\[[0-9;]{0,16})?$/;

// Splits text into keys; escape sequences stay whole. Unless `final`, an
// escape sequence still unfinished at the end is not parsed: returns its
// start (text.length when everything was parsed).
function parseInto(text, final, out) {
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\x1b' && !final && kUnfinishedSequence.test(text.slice(i))) return i;
    if (text[i] === '\x1b' && i + 1 < text.length) {
      const rest = text.slice(i + 1);
      const match = /^(\[[0-9;]{0,16}[~A-Za-z]|O[A-Z])/.exec(rest);
      if (match) {
        let code = match[1];
        const key = { sequence: `\x1b${code}`, name: undefined, ctrl: false, meta: false,
          shift: false };
        // Modifiers: ESC [ 1 ; 5 C is ctrl+right.
        // ESC [ 3 ; 5 ~ is ctrl+delete.
        const modified = /^\[1;(\d)([A-Z])$/.exec(code) || /^\[(\d+);(\d)~$/.exec(code);
        if (modified) {
          const tilde = code.endsWith('~');
          const mod = Number(tilde ? modified[2] : modified[1]) - 1;
          key.shift = !!(mod & 1);
          key.meta = !!(mod & 2);
          key.ctrl = !!(mod & 4);
          code = tilde ? `[${modified[1]}~` : `[${modified[2]}`;
        }
        key.name = kEscapeSequences[code];
        if (code === '[Z') key.shift = true;
        key.code = code;
        out.push([undefined, key]);
        i += 1 + match[1].length;
        continue;
      }
      // ESC + character: meta.
      const key = keyFor(text[i + 1]);
      key.sequence = `\x1b${text[i + 1]}`;
      key.meta = true;
      out.push([undefined, key]);
      i += 2;
      continue;
    }
    const codePoint = text.codePointAt(i);
    const ch = String.fromCodePoint(codePoint);
    out.push([ch, keyFor(ch)]);
    i += ch.length;
  }
  return i;
}

// Splits a whole text into keys.
function* parseKeys(text) {
  const out = [];
  parseInto(text, true, out);
  yield* out;
}

// Keys from text that arrives in chunks: an escape sequence split between
// chunks comes out as one key, as if it had arrived whole (node does the
// same). What is held back is given out by the next write() or by end().
class KeyDecoder {
  constructor() {
    this.pending = '';
  }

  write(text) {
    const out = [];
    text = this.pending + text;
    const used = parseInto(text, false, out);
    this.pending = text.slice(used);
    return out;
  }

  // No more input is coming soon (or at all): a held-back ESC is the Escape key.
  end() {
    const out = [];
    parseInto(this.pending, true, out);
    this.pending = '';
    return out;
  }
}

const kKeypressDecoder = Symbol('keypress-decoder');

function emitKeypressEvents(stream, iface) {
  if (stream[kKeypressDecoder]) return;
  const { StringDecoder } = require('string_decoder');
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  const keys = new KeyDecoder();
  // A lone ESC is the Escape key once nothing follows it for a while (an
  // interface's escapeCodeTimeout, 500 ms as in node); without an interface
  // it waits for the next chunk, as in node.
  let escapeTimer;
  function emitAll(list) {
    for (const [s, key] of list) stream.emit('keypress', s, key);
  }
  function onData(data) {
    if (stream.listenerCount('keypress') === 0) return;
    if (escapeTimer !== undefined) {
      clearTimeout(escapeTimer);
      escapeTimer = undefined;
    }
    const text = typeof data === 'string' ? data : stream[kKeypressDecoder].write(data);
    emitAll(keys.write(text));
    if (keys.pending !== '' && iface) {
      const delay = iface.escapeCodeTimeout ?? 500;
      escapeTimer = setTimeout(() => {
        escapeTimer = undefined;
        emitAll(keys.end());
      }, delay);
      if (typeof escapeTimer.unref === 'function') escapeTimer.unref();
    }
  }
  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }
  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = { emitKeypressEvents, parseKeys, KeyDecoder };
