'use strict';
// node:punycode (deprecated in node, still present): RFC 3492 Punycode and
// the IDNA helpers toASCII/toUnicode over it, plus UCS-2 helpers.

const base = 36;
const tMin = 1;
const tMax = 26;
const skew = 38;
const damp = 700;
const initialBias = 72;
const initialN = 128;
const delimiter = '-';
const maxInt = 2147483647;

function error(type) {
  const messages = {
    'overflow': 'Overflow: input needs wider integers to process',
    'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
    'invalid-input': 'Invalid input',
  };
  throw new RangeError(messages[type]);
}

// UTF-16 string -> array of code points (lone surrogates kept).
function ucs2decode(string) {
  const output = [];
  for (let i = 0; i < string.length; i++) {
    const value = string.charCodeAt(i);
    if (value >= 0xd800 && value <= 0xdbff && i + 1 < string.length) {
      const next = string.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) {
        output.push(((value & 0x3ff) << 10) + (next & 0x3ff) + 0x10000);
        i++;
        continue;
      }
    }
    output.push(value);
  }
  return output;
}

function ucs2encode(codePoints) {
  return String.fromCodePoint(...codePoints);
}

// Digit value of a basic code point, or base if it is not a digit.
function basicToDigit(codePoint) {
  if (codePoint >= 0x30 && codePoint < 0x3a) return 26 + (codePoint - 0x30);
  if (codePoint >= 0x41 && codePoint < 0x5b) return codePoint - 0x41;
  if (codePoint >= 0x61 && codePoint < 0x7b) return codePoint - 0x61;
  return base;
}

function digitToBasic(digit) {
  // 0..25 -> a..z, 26..35 -> 0..9
  return digit < 26 ? digit + 97 : digit + 22;
}

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / damp) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((base - tMin) * tMax) >> 1) {
    delta = Math.floor(delta / (base - tMin));
    k += base;
  }
  return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
}

function decode(input) {
  const output = [];
  const inputLength = input.length;
  let i = 0;
  let n = initialN;
  let bias = initialBias;

  let basic = input.lastIndexOf(delimiter);
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) error('not-basic');
    output.push(input.charCodeAt(j));
  }

  for (let index = basic > 0 ? basic + 1 : 0; index < inputLength;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= inputLength) error('invalid-input');
      const digit = basicToDigit(input.charCodeAt(index++));
      if (digit >= base) error('invalid-input');
      if (digit > Math.floor((maxInt - i) / w)) error('overflow');
      i += digit * w;
      const t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
      if (digit < t) break;
      const baseMinusT = base - t;
      if (w > Math.floor(maxInt / baseMinusT)) error('overflow');
      w *= baseMinusT;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (Math.floor(i / out) > maxInt - n) error('overflow');
    n += Math.floor(i / out);
    i %= out;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

function encode(input) {
  const output = [];
  const codePoints = ucs2decode(input);
  const inputLength = codePoints.length;
  let n = initialN;
  let delta = 0;
  let bias = initialBias;

  for (const c of codePoints) {
    if (c < 0x80) output.push(String.fromCharCode(c));
  }
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength) output.push(delimiter);

  while (handled < inputLength) {
    let m = maxInt;
    for (const c of codePoints) {
      if (c >= n && c < m) m = c;
    }
    const handledPlusOne = handled + 1;
    if (m - n > Math.floor((maxInt - delta) / handledPlusOne)) error('overflow');
    delta += (m - n) * handledPlusOne;
    n = m;
    for (const c of codePoints) {
      if (c < n && ++delta > maxInt) error('overflow');
      if (c === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
          if (q < t) break;
          const qMinusT = q - t;
          const baseMinusT = base - t;
          output.push(String.fromCharCode(digitToBasic(t + (qMinusT % baseMinusT))));
          q = Math.floor(qMinusT / baseMinusT);
        }
        output.push(String.fromCharCode(digitToBasic(q)));
        bias = adapt(delta, handledPlusOne, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output.join('');
}

const separators = /[\x2E\u3002\uFF0E\uFF61]/g;

// Applies fn to each label of a domain or of an email address's domain.
function mapDomain(domain, fn) {
  const at = domain.split('@');
  let result = '';
  if (at.length > 1) {
    result = `${at[0]}@`;
    domain = at[1];
  }
  const labels = domain.replace(separators, '.').split('.');
  return result + labels.map(fn).join('.');
}

function toUnicode(input) {
  return mapDomain(input, (label) => (/^xn--/.test(label) ?
    decode(label.slice(4).toLowerCase()) : label));
}

function toASCII(input) {
  return mapDomain(input, (label) => (/[^\0-\x7f]/.test(label) ? `xn--${encode(label)}` : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
