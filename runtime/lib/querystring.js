'use strict';
// querystring: parse and build URL query strings, as documented at
// https://nodejs.org/api/querystring.html and checked against node 20.

const PLUS = 43;     // '+'
const PERCENT = 37;  // '%'

let ERR_INVALID_URI;  // from internal/errors, loaded on first failure

function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;        // 0-9
  if (c >= 65 && c <= 70) return c - 55;        // A-F
  if (c >= 97 && c <= 102) return c - 87;       // a-f
  return -1;
}

// Percent-decodes `s` into raw bytes, never failing: a '%' that does not
// start a two-digit hex escape is kept literally, and every other UTF-16
// code unit contributes its low byte (as node does).
function unescapeBytes(s, decodeSpaces) {
  const len = s.length;
  const out = new Uint8Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === PERCENT && i + 2 < len) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hi === -1 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (lo !== -1) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = decodeSpaces && c === PLUS ? 32 : c & 0xff;
  }
  return n === len ? out : out.subarray(0, n);
}

// UTF-8 to string per the WHATWG Encoding standard: each maximal invalid
// subsequence becomes one U+FFFD.
function utf8ToString(bytes) {
  let out = '';
  let units = [];
  let cp = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const flush = () => {
    out += String.fromCharCode.apply(null, units);
    units = [];
  };
  const emit = (code) => {
    if (code > 0xffff) {
      code -= 0x10000;
      units.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
    } else {
      units.push(code);
    }
    if (units.length >= 4096) flush();
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7f) {
        emit(b);
      } else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        else if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        else if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x07;
      } else {
        emit(0xfffd);
      }
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is invalid; this byte starts afresh.
      cp = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(0xfffd);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      emit(cp);
      cp = needed = seen = 0;
    }
  }
  if (needed !== 0) emit(0xfffd);
  flush();
  return out;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return utf8ToString(unescapeBytes(`${s}`, decodeSpaces));
  }
}

function unescapeBuffer(s, decodeSpaces) {
  const { Buffer } = require('buffer');  // lazy: most programs never get here
  return Buffer.from(unescapeBytes(`${s}`, decodeSpaces));
}

const HEX = '0123456789ABCDEF';

function pct(b) {
  return '%' + HEX[b >> 4] + HEX[b & 15];
}

// Characters that encodeURIComponent() leaves alone: A-Z a-z 0-9 - _ . ! ~ * ' ( )
function isUnreserved(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 45 || c === 95 || c === 46 || c === 33 || c === 126 || c === 42 ||
    c === 39 || c === 40 || c === 41;
}

// The slow path of escape(), taken only for strings holding unpaired
// surrogates. Like node, a surrogate of either kind joins with whatever code
// unit follows it; only one at the very end is an error.
function escapeSurrogates(str) {
  let out = '';
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      out += isUnreserved(c) ? str[i] : pct(c);
    } else if (c < 0x800) {
      out += pct(0xc0 | (c >> 6)) + pct(0x80 | (c & 0x3f));
    } else if (c < 0xd800 || c > 0xdfff) {
      out += pct(0xe0 | (c >> 12)) + pct(0x80 | ((c >> 6) & 0x3f)) +
        pct(0x80 | (c & 0x3f));
    } else {
      if (++i >= len) {
        if (ERR_INVALID_URI === undefined) {
          ERR_INVALID_URI = require('internal/errors').codes.ERR_INVALID_URI;
        }
        throw new ERR_INVALID_URI();
      }
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      out += pct(0xf0 | (c >> 18)) + pct(0x80 | ((c >> 12) & 0x3f)) +
        pct(0x80 | ((c >> 6) & 0x3f)) + pct(0x80 | (c & 0x3f));
    }
  }
  return out;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  try {
    return encodeURIComponent(str);
  } catch {
    // encodeURIComponent() throws only on unpaired surrogates.
    return escapeSurrogates(str);
  }
}

function stringifyPrimitive(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  if (obj === null || typeof obj !== 'object') return '';
  const fast = encode === qsEscape;
  const conv = (v) => {
    const s = stringifyPrimitive(v);
    return fast && s.length === 0 ? '' : encode(s);
  };
  const keys = Object.keys(obj);
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    const ks = conv(k) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (out) out += sep;
      for (let j = 0; j < v.length; j++) {
        if (j > 0) out += sep;
        out += ks + conv(v[j]);
      }
    } else {
      if (out) out += sep;
      out += ks + conv(v);
    }
  }
  return out;
}

function charCodes(s) {
  const codes = new Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

function decodeStr(s, decode) {
  try {
    return decode(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

function addPair(obj, key, value, keyEncoded, valEncoded, decode) {
  if (keyEncoded && key.length > 0) key = decodeStr(key, decode);
  if (valEncoded && value.length > 0) value = decodeStr(value, decode);
  const cur = obj[key];
  if (cur === undefined) obj[key] = value;
  else if (cur.pop) cur[cur.length] = value;  // already a list of values
  else obj[key] = [cur, value];
}

const defaultSep = [38];  // '&'
const defaultEq = [61];   // '='

// A single left-to-right scan. Node's observable behaviour, which this
// reproduces, has some corners worth knowing:
//  - `sep` and `eq` are matched one character at a time and a mismatch does
//    not back up, so "aab" does not contain the separator "ab"; a character
//    that continues a `sep` (or `eq`) match is not looked at otherwise.
//  - With the built-in decoder a key or value is decoded only when a
//    well-formed "%XX" was seen in it; the detector's state is shared between
//    key and value, so a second escape in the key also marks the value.
//  - '+' becomes a space (or "%20" when a custom decoder will see it); in a
//    value it does not interrupt the escape detector ("%2+1" counts).
//  - every separator, even between empty pairs, counts against maxKeys; a
//    limit that never reaches exactly zero when decremented means none.
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sepCodes = sep ? charCodes(String(sep)) : defaultSep;
  const eqCodes = eq ? charCodes(String(eq)) : defaultEq;
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;

  let pairs = 1000;
  let decode = module.exports.unescape;
  if (options) {
    if (typeof options.maxKeys === 'number') {
      pairs = options.maxKeys > 0 ? options.maxKeys : 0;
    }
    if (typeof options.decodeURIComponent === 'function') {
      decode = options.decodeURIComponent;
    }
  }
  const custom = decode !== qsUnescape;

  const len = qs.length;
  let key = '';
  let value = '';
  let lastPos = 0;
  let sepIdx = 0;
  let eqIdx = 0;
  let check = 0;  // progress through a "%XX" escape: 0, 1 ('%'), 2, 3
  let keyEncoded = custom;
  let valEncoded = custom;
  for (let i = 0; i < len; i++) {
    const c = qs.charCodeAt(i);
    if (c === sepCodes[sepIdx]) {
      if (++sepIdx === sepLen) {
        const end = i - sepLen + 1;
        if (eqIdx < eqLen) {
          if (lastPos < end) key += qs.slice(lastPos, end);
        } else if (lastPos < end) {
          value += qs.slice(lastPos, end);
        }
        if (key.length > 0 || value.length > 0 || eqIdx === eqLen) {
          addPair(obj, key, value, keyEncoded, valEncoded, decode);
        }
        if (--pairs === 0) return obj;
        keyEncoded = valEncoded = custom;
        key = value = '';
        check = 0;
        lastPos = i + 1;
        sepIdx = eqIdx = 0;
      }
      continue;
    }
    sepIdx = 0;
    if (eqIdx < eqLen) {
      if (c === eqCodes[eqIdx]) {
        if (++eqIdx === eqLen) {
          const end = i - eqLen + 1;
          if (lastPos < end) key += qs.slice(lastPos, end);
          check = 0;
          lastPos = i + 1;
        }
        continue;
      }
      eqIdx = 0;
      if (!keyEncoded) {
        if (c === PERCENT) {
          check = 1;
          continue;
        }
        if (check > 0) {
          if (hexValue(c) !== -1) {
            if (++check === 3) keyEncoded = true;
            continue;
          }
          check = 0;
        }
      }
    }
    if (c === PLUS) {
      if (eqIdx < eqLen) {
        if (lastPos < i) key += qs.slice(lastPos, i);
        key += keyEncoded ? '%20' : ' ';
      } else {
        if (lastPos < i) value += qs.slice(lastPos, i);
        value += valEncoded ? '%20' : ' ';
      }
      lastPos = i + 1;
      continue;
    }
    if (!valEncoded) {
      if (c === PERCENT) {
        check = 1;
      } else if (check > 0) {
        if (hexValue(c) === -1) check = 0;
        else if (++check === 3) valEncoded = true;
      }
    }
  }
  if (lastPos < len) {
    if (eqIdx < eqLen) key += qs.slice(lastPos);
    else if (sepIdx < sepLen) value += qs.slice(lastPos);
  } else if (eqIdx === 0 && key.length === 0) {
    return obj;
  }
  addPair(obj, key, value, keyEncoded, valEncoded, decode);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
