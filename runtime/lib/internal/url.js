'use strict';
// The WHATWG URL Standard (https://url.spec.whatwg.org/): URL, URLSearchParams,
// and the file-URL helpers of node:url.
//
// A URL is a record { scheme, username, password, host, port, path, opaque,
// query, fragment } produced by the standard's basic URL parser, written
// below as its state machine. `host` is null or the serialized host; `path`
// is an array of segments, or a string when `opaque` (an opaque path).
// Domains go through UTS #46 (ICU) in internalBinding('url').

const {
  codes: {
    ERR_ARG_NOT_ITERABLE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST, ERR_INVALID_FILE_URL_PATH, ERR_INVALID_THIS,
    ERR_INVALID_TUPLE, ERR_INVALID_URL, ERR_INVALID_URL_SCHEME, ERR_MISSING_ARGS,
  },
  notImplemented,
} = require('internal/errors');

let binding;
function idna() {
  if (binding === undefined) binding = internalBinding('url');
  return binding;
}

// ---- code point classes and percent-encode sets -----------------------------

const EOF = -1;

function isAsciiAlpha(c) { return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a); }
function isAsciiDigit(c) { return c >= 0x30 && c <= 0x39; }
function isAsciiHex(c) {
  return isAsciiDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

// One table per set for ASCII; everything >= 0x7f is encoded by every set.
function makeSet(base, extra) {
  const set = new Uint8Array(128);
  if (base) set.set(base);
  for (let c = 0; c < 0x20; c++) set[c] = 1;
  set[0x7f] = 1;
  for (const ch of extra) set[ch.charCodeAt(0)] = 1;
  return set;
}
const C0_CONTROL_SET = makeSet(null, '');
const FRAGMENT_SET = makeSet(C0_CONTROL_SET, ' "<>`');
const QUERY_SET = makeSet(C0_CONTROL_SET, ' "#<>');
const SPECIAL_QUERY_SET = makeSet(QUERY_SET, "'");
const PATH_SET = makeSet(QUERY_SET, '?`{}');
const USERINFO_SET = makeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = makeSet(USERINFO_SET, '$%&+,');
const FORM_SET = makeSet(COMPONENT_SET, "!'()~");

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// UTF-8 percent-encodes the code points of `input` that are in `set`
// (lone surrogates were replaced before parsing).
function percentEncode(input, set, spaceAsPlus) {
  let out = '';
  let last = 0;
  const length = input.length;
  for (let i = 0; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      if (set[c] === 0) continue;
      if (spaceAsPlus && c === 0x20) {
        out += `${input.slice(last, i)}+`;
        last = i + 1;
        continue;
      }
      out += input.slice(last, i) + hexTable[c];
    } else {
      out += input.slice(last, i);
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
        const d = input.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      if (cp < 0x800) {
        out += hexTable[0xc0 | (cp >> 6)] + hexTable[0x80 | (cp & 0x3f)];
      } else if (cp < 0x10000) {
        out += hexTable[0xe0 | (cp >> 12)] + hexTable[0x80 | ((cp >> 6) & 0x3f)] +
          hexTable[0x80 | (cp & 0x3f)];
      } else {
        out += hexTable[0xf0 | (cp >> 18)] + hexTable[0x80 | ((cp >> 12) & 0x3f)] +
          hexTable[0x80 | ((cp >> 6) & 0x3f)] + hexTable[0x80 | (cp & 0x3f)];
      }
    }
    last = i + 1;
  }
  return last === 0 ? input : out + input.slice(last);
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// The UTF-8 bytes of a string (lone surrogates as U+FFFD).
function utf8Bytes(input, bytes) {
  for (let i = 0; i < input.length; i++) {
    let cp = input.charCodeAt(i);
    if (cp < 0x80) {
      bytes.push(cp);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < input.length) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x800) {
      bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    } else {
      bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f),
                 0x80 | (cp & 0x3f));
    }
  }
}

// UTF-8 decode without BOM, with replacement (the Encoding Standard's decoder).
function utf8Decode(bytes) {
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1; cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
      need = 2; cp = b & 0xf;
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
      need = 3; cp = b & 0x7;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const next = j < n ? bytes[j] : -1;
      if (next < lower || next > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (!ok) {
      out += '\ufffd';
      i = j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i = j;
  }
  return out;
}

// Percent-decodes `input` (a string) to bytes, then UTF-8 decodes them.
function percentDecodeString(input, plusAsSpace) {
  let simple = true;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x25 || (plusAsSpace && c === 0x2b)) {
      simple = false;
      break;
    }
  }
  if (simple) return input;
  if (plusAsSpace) input = input.replace(/\+/g, ' ');
  const bytes = [];
  let last = 0;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) !== 0x25) continue;
    const h = hexValue(i + 1 < input.length ? input.charCodeAt(i + 1) : -1);
    const l = hexValue(i + 2 < input.length ? input.charCodeAt(i + 2) : -1);
    if (h < 0 || l < 0) continue;
    utf8Bytes(input.slice(last, i), bytes);
    bytes.push((h << 4) | l);
    i += 2;
    last = i + 1;
  }
  utf8Bytes(input.slice(last), bytes);
  return utf8Decode(bytes);
}

const kSurrogate = /[\ud800-\udfff]/;
const kLoneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function toUSVString(input) {
  return kSurrogate.test(input) ? input.replace(kLoneSurrogate, '\ufffd') : input;
}

// ---- schemes ----------------------------------------------------------------

const specialPorts = {
  __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443,
};
function isSpecial(scheme) { return scheme in specialPorts; }
function defaultPort(scheme) {
  const port = specialPorts[scheme];
  return port === undefined ? null : port;
}

// ---- hosts ------------------------------------------------------------------

// Forbidden host code points (without '%', which only domains forbid).
const FORBIDDEN_HOST = new Uint8Array(128);
for (const ch of '\0\t\n\r #/:<>?@[\\]^|') FORBIDDEN_HOST[ch.charCodeAt(0)] = 1;
const FORBIDDEN_DOMAIN = new Uint8Array(FORBIDDEN_HOST);
for (let c = 0; c < 0x20; c++) FORBIDDEN_DOMAIN[c] = 1;
FORBIDDEN_DOMAIN[0x25] = 1;
FORBIDDEN_DOMAIN[0x7f] = 1;

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const length = input.length;
  const at = (i) => (i < length ? input.charCodeAt(i) : EOF);
  if (at(0) === 0x3a) {
    if (at(1) !== 0x3a) return null;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(pointer) !== EOF) {
    if (pieceIndex === 8) return null;
    if (at(pointer) === 0x3a) {
      if (compress !== null) return null;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let len = 0;
    while (len < 4 && isAsciiHex(at(pointer))) {
      value = value * 0x10 + hexValue(at(pointer));
      pointer++;
      len++;
    }
    if (at(pointer) === 0x2e) {
      if (len === 0) return null;
      pointer -= len;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (at(pointer) !== EOF) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(pointer) === 0x2e && numbersSeen < 4) pointer++;
          else return null;
        }
        if (!isAsciiDigit(at(pointer))) return null;
        while (isAsciiDigit(at(pointer))) {
          const number = at(pointer) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (at(pointer) === 0x3a) {
      pointer++;
      if (at(pointer) === EOF) return null;
    } else if (at(pointer) !== EOF) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[pieceIndex];
      address[pieceIndex] = address[compress + swaps - 1];
      address[compress + swaps - 1] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is compressed.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (i === bestStart) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// Returns a number, or null for failure.
function parseIPv4Number(input) {
  if (input === '') return null;
  let radix = 10;
  if (input.length >= 2 && input[0] === '0' && (input[1] === 'x' || input[1] === 'X')) {
    input = input.slice(2);
    radix = 16;
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1);
    radix = 8;
  }
  if (input === '') return 0;
  const valid = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!valid.test(input)) return null;
  return parseInt(input, radix);
}

function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== null;
}

// Returns the serialized IPv4 address, or null for failure.
function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === null) return null;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
  const lastNumber = numbers[numbers.length - 1];
  if (lastNumber >= 256 ** (5 - numbers.length)) return null;
  let ipv4 = lastNumber;
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return `${Math.floor(ipv4 / 16777216) % 256}.${Math.floor(ipv4 / 65536) % 256}.` +
    `${Math.floor(ipv4 / 256) % 256}.${ipv4 % 256}`;
}

const kPlainDomain = /^[a-z0-9\-.]*$/i;
const kXn = /(^|\.)xn--/i;

// The standard's domain to ASCII with beStrict = false; '' on failure.
function domainToASCIIInternal(domain) {
  // ASCII without Punycode labels maps to its lower case under UTS #46.
  if (kPlainDomain.test(domain) && !kXn.test(domain)) return domain.toLowerCase();
  return idna().toASCII(domain);
}

// The host parser; returns the serialized host, or null for failure.
function parseHost(input, isOpaque) {
  if (input.charCodeAt(0) === 0x5b) {
    if (input.charCodeAt(input.length - 1) !== 0x5d) return null;
    const address = parseIPv6(input.slice(1, -1));
    return address === null ? null : `[${serializeIPv6(address)}]`;
  }
  if (isOpaque) {
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c < 0x80 && FORBIDDEN_HOST[c] === 1) return null;
    }
    return percentEncode(input, C0_CONTROL_SET);
  }
  const domain = percentDecodeString(input, false);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === '') return null;
  for (let i = 0; i < asciiDomain.length; i++) {
    const c = asciiDomain.charCodeAt(i);
    if (c < 0x80 && FORBIDDEN_DOMAIN[c] === 1) return null;
  }
  if (endsInANumber(asciiDomain)) return parseIPv4(asciiDomain);
  return asciiDomain;
}

// ---- the basic URL parser ---------------------------------------------------

const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

class URLRecord {
  constructor() {
    this.scheme = '';
    this.username = '';
    this.password = '';
    this.host = null;
    this.port = null;
    this.path = [];
    this.opaque = false;
    this.query = null;
    this.fragment = null;
  }
}

// "C:" or "C|" (normalized: "C:" only), at the start of `s` or as all of it.
function isWindowsDriveLetter(s, normalizedOnly) {
  return s.length === 2 && isAsciiAlpha(s.charCodeAt(0)) &&
    (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}
function startsWithWindowsDriveLetter(input, pointer) {
  if (input.length - pointer < 2) return false;
  if (!isAsciiAlpha(input.charCodeAt(pointer))) return false;
  const second = input[pointer + 1];
  if (second !== ':' && second !== '|') return false;
  if (input.length - pointer === 2) return true;
  const third = input[pointer + 2];
  return third === '/' || third === '\\' || third === '?' || third === '#';
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return;
  path.pop();
}

function isSingleDot(s) {
  return s === '.' || (s.length === 3 && s.toLowerCase() === '%2e');
}
function isDoubleDot(s) {
  if (s === '..') return true;
  if (s.length < 4 || s.length > 6) return false;
  const lower = s.toLowerCase();
  return lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e';
}

function includesCredentials(url) { return url.username !== '' || url.password !== ''; }

const kLeadingTrailingC0 = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const kTabNewline = /[\t\n\r]/g;

// Returns the record (a new one, or `url` when a state override is given), or
// null for failure. With a state override, an early "return" leaves `url` as
// it is and returns it.
function basicParse(input, base, url, stateOverride) {
  if (url === undefined) {
    url = new URLRecord();
    const first = input.charCodeAt(0);
    const last = input.charCodeAt(input.length - 1);
    if (first <= 0x20 || last <= 0x20) input = input.replace(kLeadingTrailingC0, '');
  }
  if (input.indexOf('\t') !== -1 || input.indexOf('\n') !== -1 || input.indexOf('\r') !== -1) {
    input = input.replace(kTabNewline, '');
  }
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const length = input.length;
  let special = isSpecial(url.scheme);

  for (let pointer = 0; pointer <= length; pointer++) {
    const c = pointer < length ? input.charCodeAt(pointer) : EOF;
    switch (state) {
      case SCHEME_START:
        if (isAsciiAlpha(c)) {
          buffer += String.fromCharCode(c | 0x20);
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          pointer--;
        } else {
          return null;
        }
        break;

      case SCHEME:
        if (isAsciiAlpha(c) || isAsciiDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
          // Scan the rest of the scheme at once.
          let end = pointer + 1;
          while (end < length) {
            const d = input.charCodeAt(end);
            if (!(isAsciiAlpha(d) || isAsciiDigit(d) || d === 0x2b || d === 0x2d || d === 0x2e)) {
              break;
            }
            end++;
          }
          buffer += input.slice(pointer, end).toLowerCase();
          pointer = end - 1;
        } else if (c === 0x3a) {
          if (stateOverride) {
            if (isSpecial(url.scheme) !== isSpecial(buffer)) return url;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          special = isSpecial(buffer);
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (special && base !== null && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (special) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (input.charCodeAt(pointer + 1) === 0x2f) {
            state = PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = '';
            url.opaque = true;
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          pointer = -1;
        } else {
          return null;
        }
        break;

      case NO_SCHEME:
        if (base === null || (base.opaque && c !== 0x23)) return null;
        if (base.opaque && c === 0x23) {
          url.scheme = base.scheme;
          special = isSpecial(url.scheme);
          url.path = base.path;
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          pointer--;
        } else {
          state = FILE;
          pointer--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && input.charCodeAt(pointer + 1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = RELATIVE;
          pointer--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        special = isSpecial(url.scheme);
        if (c === 0x2f || (special && c === 0x5c)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            pointer--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (special && (c === 0x2f || c === 0x5c)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2f && input.charCodeAt(pointer + 1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) {
          state = AUTHORITY;
          pointer--;
        }
        break;

      case AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          const colon = passwordTokenSeen ? -1 : buffer.indexOf(':');
          if (colon === -1) {
            const encoded = percentEncode(buffer, USERINFO_SET);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          } else {
            passwordTokenSeen = true;
            url.username += percentEncode(buffer.slice(0, colon), USERINFO_SET);
            url.password += percentEncode(buffer.slice(colon + 1), USERINFO_SET);
          }
          buffer = '';
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (special && c === 0x5c)) {
          if (atSignSeen && buffer === '') return null;
          pointer -= buffer.length + 1;
          buffer = '';
          state = HOST;
        } else {
          buffer += input[pointer];
        }
        break;

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = FILE_HOST;
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return null;
          if (stateOverride === HOSTNAME) return url;
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (special && c === 0x5c)) {
          pointer--;
          if (special && buffer === '') return null;
          if (stateOverride && buffer === '' &&
              (includesCredentials(url) || url.port !== null)) {
            return url;
          }
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += input[pointer];
        }
        break;

      case PORT:
        if (isAsciiDigit(c)) {
          buffer += input[pointer];
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (special && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return null;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
            if (stateOverride) return url;
          }
          if (stateOverride) return null;
          state = PATH_START;
          pointer--;
        } else {
          return null;
        }
        break;

      case FILE:
        url.scheme = 'file';
        special = true;
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(input, pointer)) shortenPath(url);
            else url.path = [];
            state = PATH;
            pointer--;
          }
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2f || c === 0x5c) {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(input, pointer) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          pointer--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer, false)) {
            // The drive letter quirk: buffer is kept and becomes the path.
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !special);
            if (host === null) return null;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += input[pointer];
        }
        break;

      case PATH_START:
        if (special) {
          state = PATH;
          if (c !== 0x2f && c !== 0x5c) pointer--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2f) pointer--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH:
        if (c === EOF || c === 0x2f || (special && c === 0x5c) ||
            (!stateOverride && (c === 0x3f || c === 0x23))) {
          const slash = c === 0x2f || (special && c === 0x5c);
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer)) {
            if (!slash) url.path.push('');
          } else {
            let segment = percentEncode(buffer, PATH_SET);
            if (url.scheme === 'file' && url.path.length === 0 &&
                isWindowsDriveLetter(segment, false)) {
              segment = `${segment[0]}:`;
            }
            url.path.push(segment);
          }
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          // Scan to the end of the segment at once.
          let end = pointer + 1;
          while (end < length) {
            const d = input.charCodeAt(end);
            if (d === 0x2f || d === 0x5c || d === 0x3f || d === 0x23) break;
            end++;
          }
          buffer += input.slice(pointer, end);
          pointer = end - 1;
        }
        break;

      case OPAQUE_PATH:
        if (c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          let end = pointer + 1;
          while (end < length) {
            const d = input.charCodeAt(end);
            if (d === 0x3f || d === 0x23) break;
            end++;
          }
          url.path += percentEncode(input.slice(pointer, end), C0_CONTROL_SET);
          pointer = end - 1;
        }
        break;

      case QUERY:
        if ((!stateOverride && c === 0x23) || c === EOF) {
          url.query += percentEncode(buffer, special ? SPECIAL_QUERY_SET : QUERY_SET);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          let end = pointer + 1;
          while (end < length && (stateOverride || input.charCodeAt(end) !== 0x23)) end++;
          buffer += input.slice(pointer, end);
          pointer = end - 1;
        }
        break;

      case FRAGMENT:
        if (c !== EOF) {
          url.fragment += percentEncode(input.slice(pointer), FRAGMENT_SET);
          pointer = length - 1;
        }
        break;
    }
  }
  return url;
}

// ---- serialization ----------------------------------------------------------

function serializePath(url) {
  if (url.opaque) return url.path;
  let out = '';
  for (const segment of url.path) out += `/${segment}`;
  return out;
}

function serializeURL(url, excludeFragment) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicParse(serializePath(url), null);
      if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https')) {
        return serializeOrigin(inner);
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${url.host}${url.port === null ? '' : `:${url.port}`}`;
    default:
      return 'null';
  }
}

// An opaque path loses its trailing spaces when the query and fragment that
// protected them are removed.
function stripTrailingSpacesFromOpaquePath(url) {
  if (!url.opaque || url.fragment !== null || url.query !== null) return;
  url.path = url.path.replace(/ +$/, '');
}

// ---- URLSearchParams --------------------------------------------------------

function parseUrlencoded(input) {
  const list = [];
  if (input === '') return list;
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq === -1 ? sequence : sequence.slice(0, eq);
    const value = eq === -1 ? '' : sequence.slice(eq + 1);
    list.push(percentDecodeString(name, true), percentDecodeString(value, true));
  }
  return list;
}

function serializeUrlencoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += `${percentEncode(list[i], FORM_SET, true)}=${percentEncode(list[i + 1], FORM_SET, true)}`;
  }
  return out;
}

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const kList = Symbol('query');
const kURL = Symbol('context');
const kIsSearchParams = Symbol('isURLSearchParams');

function isURLSearchParams(self) {
  return self !== null && typeof self === 'object' && self[kIsSearchParams] === true;
}
function checkThis(self) {
  if (!isURLSearchParams(self)) throw new ERR_INVALID_THIS('URLSearchParams');
}

class URLSearchParams {
  constructor(init = undefined) {
    // A flat list: name0, value0, name1, value1, ...
    this[kList] = [];
    this[kURL] = null;
    if (init === undefined || init === null) {
      // empty
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isURLSearchParams(init)) {
        this[kList] = init[kList].slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [];
          for (const item of pair) items.push(toUSVString(`${item}`));
          if (items.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this[kList].push(items[0], items[1]);
        }
      } else {
        // A record: own enumerable string keys, the last value for a repeated key.
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key !== 'string') continue;
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString(`${init[key]}`);
          if (seen.has(name)) {
            this[kList][seen.get(name) + 1] = value;
          } else {
            seen.set(name, this[kList].length);
            this[kList].push(name, value);
          }
        }
      }
    } else {
      let text = toUSVString(`${init}`);
      if (text[0] === '?') text = text.slice(1);
      this[kList] = parseUrlencoded(text);
    }
  }

  get size() {
    checkThis(this);
    return this[kList].length / 2;
  }

  append(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this[kList].push(toUSVString(`${name}`), toUSVString(`${value}`));
    updateURL(this);
  }

  delete(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(`${name}`);
    if (value !== undefined) {
      value = toUSVString(`${value}`);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    updateURL(this);
  }

  get(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(`${name}`);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    const values = [];
    name = toUSVString(`${name}`);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) values.push(list[i + 1]);
    return values;
  }

  has(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(`${name}`);
    if (value !== undefined) value = toUSVString(`${value}`);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this[kList];
    name = toUSVString(`${name}`);
    value = toUSVString(`${value}`);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] !== name) {
        i += 2;
      } else if (!found) {
        list[i + 1] = value;
        found = true;
        i += 2;
      } else {
        list.splice(i, 2);
      }
    }
    if (!found) list.push(name, value);
    updateURL(this);
  }

  sort() {
    checkThis(this);
    const list = this[kList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // A stable sort by UTF-16 code units of the names.
    pairs.sort((a, b) => (a[0] === b[0] ? 0 : a[0] < b[0] ? -1 : 1));
    for (let i = 0; i < pairs.length; i++) {
      list[2 * i] = pairs[i][0];
      list[2 * i + 1] = pairs[i][1];
    }
    updateURL(this);
  }

  entries() {
    checkThis(this);
    return createIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    let list = this[kList];
    for (let i = 0; i < list.length; i += 2) {
      const key = list[i];
      const value = list[i + 1];
      Reflect.apply(callback, thisArg, [value, key, this]);
      list = this[kList];
    }
  }

  keys() {
    checkThis(this);
    return createIterator(this, 'key');
  }

  values() {
    checkThis(this);
    return createIterator(this, 'value');
  }

  toString() {
    checkThis(this);
    return serializeUrlencoded(this[kList]);
  }

  [kInspect](recurseTimes, ctx) {
    checkThis(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this[kList];
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce((sum, s) => sum + s.length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }
}

Object.defineProperty(URLSearchParams.prototype, kIsSearchParams, { value: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams', configurable: true,
});
for (const name of ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries',
  'forEach', 'keys', 'values', 'toString']) {
  const desc = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, name, desc);
}

function updateURL(params) {
  const owner = params[kURL];
  if (owner === null) return;
  const url = getContext(owner);
  const serialized = serializeUrlencoded(params[kList]);
  url.query = serialized === '' ? null : serialized;
  if (url.query === null) stripTrailingSpacesFromOpaquePath(url);
  setHref(owner);
}

// ---- URLSearchParams iterators ----------------------------------------------

const kIterTarget = Symbol('target');
const kIterKind = Symbol('kind');
const kIterIndex = Symbol('index');

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const URLSearchParamsIteratorPrototype = Object.create(IteratorPrototype);

function createIterator(target, kind) {
  const iterator = Object.create(URLSearchParamsIteratorPrototype);
  iterator[kIterTarget] = target;
  iterator[kIterKind] = kind;
  iterator[kIterIndex] = 0;
  return iterator;
}

Object.defineProperties(URLSearchParamsIteratorPrototype, {
  next: {
    value: function next() {
      if (this === null || typeof this !== 'object' || this[kIterTarget] === undefined) {
        throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      }
      const list = this[kIterTarget][kList];
      const index = this[kIterIndex];
      if (index >= list.length) return { value: undefined, done: true };
      this[kIterIndex] = index + 2;
      const kind = this[kIterKind];
      const value = kind === 'key' ? list[index] :
        kind === 'value' ? list[index + 1] : [list[index], list[index + 1]];
      return { value, done: false };
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
  [kInspect]: {
    value: function(recurseTimes, ctx) {
      const { inspect } = lazyInspect();
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const list = this[kIterTarget][kList];
      const kind = this[kIterKind];
      const output = [];
      for (let i = this[kIterIndex]; i < list.length; i += 2) {
        const item = kind === 'key' ? list[i] : kind === 'value' ? list[i + 1] :
          [list[i], list[i + 1]];
        output.push(inspect(item, innerOpts));
      }
      if (typeof recurseTimes === 'number' && recurseTimes < 0) {
        return ctx.stylize('[Object]', 'special');
      }
      const length = output.reduce((sum, s) => sum + s.length + 2, -2);
      const body = output.length === 0 ? '{  }' :
        length > ctx.breakLength ? `{\n  ${output.join(',\n  ')} }` : `{ ${output.join(', ')} }`;
      return `${this[Symbol.toStringTag]} ${body}`;
    },
    writable: true, configurable: true,
  },
});

// ---- URL --------------------------------------------------------------------

// Accessors of URL's private state for URLSearchParams and the helpers below
// (set in URL's static block).
let isURLObject;
let getContext;
let setHref;

function isURL(self) {
  return self != null && typeof self === 'object' && isURLObject(self);
}

// The last base string and its record: parsing never changes a base record,
// and code that resolves many URLs against one base is common.
let lastBase;
let lastBaseRecord = null;
function parseBase(base) {
  if (base !== lastBase) {
    lastBaseRecord = basicParse(toUSVString(base), null);
    lastBase = base;
  }
  return lastBaseRecord;
}

function parseOrThrow(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = parseBase(`${base}`);
    if (baseRecord === null) throw new ERR_INVALID_URL(input, `${base}`);
  }
  const record = basicParse(toUSVString(input), baseRecord);
  if (record === null) {
    if (base !== undefined) throw new ERR_INVALID_URL(input, `${base}`);
    throw new ERR_INVALID_URL(input);
  }
  return record;
}

// The URL Standard's "cannot have a username/password/port".
function cannotHaveCredentialsOrPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

class URL {
  #context;
  #href;
  #searchParams = null;

  static {
    isURLObject = (value) => #context in value;
    getContext = (url) => url.#context;
    setHref = (url) => { url.#href = serializeURL(url.#context, false); };
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    const record = parseOrThrow(input, base);
    this.#context = record;
    this.#href = serializeURL(record, false);
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(`${base}`), null);
      if (baseRecord === null) return null;
    }
    const record = basicParse(toUSVString(input), baseRecord);
    if (record === null) return null;
    const url = new URL('about:blank');
    url.#context = record;
    url.#href = serializeURL(record, false);
    return url;
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(`${base}`), null);
      if (baseRecord === null) return false;
    }
    return basicParse(toUSVString(`${input}`), baseRecord) !== null;
  }

  static createObjectURL(obj) {
    throw notImplemented('URL.createObjectURL (Blob)');
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    // No Blob URLs can exist without Blob: nothing to revoke.
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = lazyInspect();
    const constructor = (this.constructor && typeof this.constructor === 'function') ?
      this.constructor : URL;
    const obj = { __proto__: { constructor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[Symbol('context')] = this.#context;
    return `${constructor.name} ${inspect(obj, opts)}`;
  }

  toString() {
    return this.#href;
  }

  get href() {
    return this.#href;
  }

  set href(value) {
    value = `${value}`;
    const record = basicParse(toUSVString(value), null);
    if (record === null) throw new ERR_INVALID_URL(value);
    this.#context = record;
    this.#href = serializeURL(record, false);
    const params = this.#searchParams;
    if (params !== null) params[kList] = parseUrlencoded(record.query || '');
  }

  get origin() {
    return serializeOrigin(this.#context);
  }

  get protocol() {
    return `${this.#context.scheme}:`;
  }

  set protocol(value) {
    const url = this.#context;
    basicParse(`${toUSVString(`${value}`)}:`, null, url, SCHEME_START);
    this.#href = serializeURL(url, false);
  }

  get username() {
    return this.#context.username;
  }

  set username(value) {
    const url = this.#context;
    if (cannotHaveCredentialsOrPort(url)) return;
    url.username = percentEncode(toUSVString(`${value}`), USERINFO_SET);
    this.#href = serializeURL(url, false);
  }

  get password() {
    return this.#context.password;
  }

  set password(value) {
    const url = this.#context;
    if (cannotHaveCredentialsOrPort(url)) return;
    url.password = percentEncode(toUSVString(`${value}`), USERINFO_SET);
    this.#href = serializeURL(url, false);
  }

  get host() {
    const url = this.#context;
    if (url.host === null) return '';
    return url.port === null ? url.host : `${url.host}:${url.port}`;
  }

  set host(value) {
    const url = this.#context;
    if (url.opaque) return;
    applySetter(this, `${value}`, HOST);
  }

  get hostname() {
    const host = this.#context.host;
    return host === null ? '' : host;
  }

  set hostname(value) {
    const url = this.#context;
    if (url.opaque) return;
    applySetter(this, `${value}`, HOSTNAME);
  }

  get port() {
    const port = this.#context.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    const url = this.#context;
    if (cannotHaveCredentialsOrPort(url)) return;
    value = `${value}`;
    if (value === '') {
      url.port = null;
      this.#href = serializeURL(url, false);
      return;
    }
    applySetter(this, value, PORT);
  }

  get pathname() {
    return serializePath(this.#context);
  }

  set pathname(value) {
    const url = this.#context;
    if (url.opaque) return;
    url.path = [];
    applySetter(this, `${value}`, PATH_START);
  }

  get search() {
    const query = this.#context.query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    const url = this.#context;
    value = toUSVString(`${value}`);
    if (value === '') {
      url.query = null;
      stripTrailingSpacesFromOpaquePath(url);
      if (this.#searchParams !== null) this.#searchParams[kList] = [];
      this.#href = serializeURL(url, false);
      return;
    }
    if (value[0] === '?') value = value.slice(1);
    url.query = '';
    applySetter(this, value, QUERY);
    if (this.#searchParams !== null) this.#searchParams[kList] = parseUrlencoded(value);
  }

  get searchParams() {
    if (this.#searchParams === null) {
      const params = new URLSearchParams();
      params[kURL] = this;
      params[kList] = parseUrlencoded(this.#context.query || '');
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    const fragment = this.#context.fragment;
    return fragment === null || fragment === '' ? '' : `#${fragment}`;
  }

  set hash(value) {
    const url = this.#context;
    value = toUSVString(`${value}`);
    if (value === '') {
      url.fragment = null;
      stripTrailingSpacesFromOpaquePath(url);
      this.#href = serializeURL(url, false);
      return;
    }
    if (value[0] === '#') value = value.slice(1);
    url.fragment = '';
    basicParse(value, null, url, FRAGMENT);
    this.#href = serializeURL(url, false);
  }

  toJSON() {
    return this.#href;
  }
}

// A state-override parse changes the record in place, as the standard's
// setters do (a failure may leave an earlier part changed).
function applySetter(self, value, state) {
  basicParse(toUSVString(value), null, getContext(self), state);
  setHref(self);
}

Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const name of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URL.prototype, name, desc);
}
for (const name of ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']) {
  const desc = Object.getOwnPropertyDescriptor(URL, name);
  desc.enumerable = true;
  Object.defineProperty(URL, name, desc);
}

// ---- node:url helpers on WHATWG URLs ------------------------------------------

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = parseHost(toUSVString(`${domain}`), false);
  return host === null ? '' : host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = parseHost(toUSVString(`${domain}`), false);
  if (host === null) return '';
  if (host[0] === '[' || !kXn.test(host)) return host;
  return idna().toUnicode(host);
}

function fileURLToPath(path) {
  if (typeof path === 'string') {
    path = new URL(path);
  } else if (!isURL(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  }
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (path.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = path.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

// Characters a path may hold that a file URL's path would misread.
function encodePathChars(filepath) {
  if (filepath.indexOf('%') !== -1) filepath = filepath.replace(/%/g, '%25');
  if (filepath.indexOf('\\') !== -1) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.indexOf('\n') !== -1) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.indexOf('\r') !== -1) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.indexOf('\t') !== -1) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

function pathToFileURL(filepath) {
  const path = require('path');
  const { validateString } = require('internal/validators');
  validateString(filepath, 'path');
  let resolved = path.resolve(filepath);
  // path.resolve strips a trailing slash: keep it.
  if (filepath.charCodeAt(filepath.length - 1) === 0x2f && resolved[resolved.length - 1] !== '/') {
    resolved += '/';
  }
  resolved = encodePathChars(resolved);
  if (resolved.indexOf('?') !== -1) resolved = resolved.replace(/\?/g, '%3F');
  if (resolved.indexOf('#') !== -1) resolved = resolved.replace(/#/g, '%23');
  return new URL(`file://${resolved}`);
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// The parts of a URL that url.format(URL, options) needs.
function formatWHATWG(url, options) {
  const record = getContext(url);
  let fragment = true;
  let unicode = false;
  let search = true;
  let auth = true;
  if (options) {
    if ('fragment' in options) fragment = Boolean(options.fragment);
    if ('unicode' in options) unicode = Boolean(options.unicode);
    if ('search' in options) search = Boolean(options.search);
    if ('auth' in options) auth = Boolean(options.auth);
  }
  let out = `${record.scheme}:`;
  if (record.host !== null) {
    out += '//';
    if (auth && includesCredentials(record)) {
      out += record.username;
      if (record.password !== '') out += `:${record.password}`;
      out += '@';
    }
    out += unicode ? domainToUnicode(record.host) : record.host;
    if (record.port !== null) out += `:${record.port}`;
  } else if (!record.opaque && record.path.length > 1 && record.path[0] === '') {
    out += '/.';
  }
  out += serializePath(record);
  if (search && record.query !== null) out += `?${record.query}`;
  if (fragment && record.fragment !== null) out += `#${record.fragment}`;
  return out;
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  formatWHATWG,
  isURL,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  encodeStr: percentEncode,
  // For url.parse and tests.
  parseHost,
  percentDecodeString,
};
