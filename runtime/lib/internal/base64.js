'use strict';
// atob / btoa (HTML's forgiving base64), with Node's errors.

const kAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const kDecode = new Int16Array(128).fill(-1);
for (let i = 0; i < kAlphabet.length; i++) kDecode[kAlphabet.charCodeAt(i)] = i;

function invalidCharacter(message) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, 'InvalidCharacterError');
}

function missingArgs(name) {
  const { codes } = require('internal/errors');
  return new codes.ERR_MISSING_ARGS(name);
}

function btoa(input) {
  if (arguments.length === 0) throw missingArgs('input');
  input = `${input}`;
  let out = '';
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i);
    const b = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
    const c = i + 2 < input.length ? input.charCodeAt(i + 2) : 0;
    if (a > 255 || b > 255 || c > 255) throw invalidCharacter('Invalid character');
    const n = (a << 16) | (b << 8) | c;
    out += kAlphabet[n >> 18] + kAlphabet[(n >> 12) & 63] +
      (i + 1 < input.length ? kAlphabet[(n >> 6) & 63] : '=') +
      (i + 2 < input.length ? kAlphabet[n & 63] : '=');
  }
  return out;
}

function atob(input) {
  if (arguments.length === 0) throw missingArgs('input');
  input = `${input}`;
  // Remove ASCII whitespace, then validate per the forgiving-base64 algorithm.
  let data = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) continue;
    data += input[i];
  }
  if (data.length % 4 === 0) {
    if (data.endsWith('==')) data = data.slice(0, -2);
    else if (data.endsWith('=')) data = data.slice(0, -1);
  }
  if (data.length % 4 === 1) {
    throw invalidCharacter('The string to be decoded is not correctly encoded.');
  }
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c >= 128 || kDecode[c] === -1) {
      throw invalidCharacter('Invalid character');
    }
  }
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < data.length; i++) {
    buffer = (buffer << 6) | kDecode[data.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

module.exports = { atob, btoa };
