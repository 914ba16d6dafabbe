'use strict';
// util.MIMEType and util.MIMEParams: the WHATWG MIME Sniffing parser and
// serializer (https://mimesniff.spec.whatwg.org/#parsing-a-mime-type), with
// Node's errors for invalid types, subtypes and parameters set by hand.

const TOKEN = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const QUOTED_VALUE = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const LEADING_WS = /^[ \t\n\r]+/;
const TRAILING_WS = /[ \t\n\r]+$/;

function syntaxError(production, text, index) {
  const { ERR_INVALID_MIME_SYNTAX } = require('internal/errors').codes;
  return new ERR_INVALID_MIME_SYNTAX(production, text, index);
}

// The index of the first character outside `pattern`'s set, or -1.
function invalidIndex(text, pattern) {
  const match = pattern.exec(text);
  return match === null ? -1 : match.index;
}

function serializeValue(value) {
  if (value.length > 0 && !TOKEN.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

class MIMEParams {
  #data = new Map();

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const data = this.#data;
    return data.has(name) ? data.get(name) : null;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    const nameIndex = invalidIndex(name, TOKEN);
    if (name.length === 0 || nameIndex !== -1) throw syntaxError('parameter name', name, nameIndex);
    const valueIndex = invalidIndex(value, QUOTED_VALUE);
    if (valueIndex !== -1) throw syntaxError('parameter value', value, valueIndex);
    this.#data.set(name, value);
  }

  * entries() {
    yield* this.#data.entries();
  }

  * keys() {
    yield* this.#data.keys();
  }

  * values() {
    yield* this.#data.values();
  }

  toString() {
    let text = '';
    for (const [name, value] of this.#data) {
      if (text.length > 0) text += ';';
      text += `${name}=${serializeValue(value)}`;
    }
    return text;
  }

  toJSON() {
    return this.toString();
  }

  // Parses the parameters part of a MIME type string (after the subtype),
  // keeping the first value of each valid name, as the spec says.
  static parse(params, text, position) {
    const data = params.#data;
    const length = text.length;
    while (position < length) {
      position++; // the ';'
      while (position < length && /[ \t\n\r]/.test(text[position])) position++;
      let end = position;
      while (end < length && text[end] !== ';' && text[end] !== '=') end++;
      const name = text.slice(position, end).toLowerCase();
      position = end;
      if (position >= length) break;
      if (text[position] === ';') continue;
      position++; // the '='
      let value;
      if (text[position] === '"') {
        // A quoted string: backslash escapes the next character.
        value = '';
        position++;
        for (;;) {
          let stop = position;
          while (stop < length && text[stop] !== '"' && text[stop] !== '\\') stop++;
          value += text.slice(position, stop);
          position = stop;
          if (position >= length) break;
          const quoteOrBackslash = text[position++];
          if (quoteOrBackslash === '\\') {
            if (position >= length) {
              value += '\\';
              break;
            }
            value += text[position++];
          } else {
            break;
          }
        }
        while (position < length && text[position] !== ';') position++;
      } else {
        end = position;
        while (end < length && text[end] !== ';') end++;
        value = text.slice(position, end).replace(TRAILING_WS, '');
        position = end;
        if (value.length === 0) continue;
      }
      if (name.length > 0 && !TOKEN.test(name) && !QUOTED_VALUE.test(value) && !data.has(name)) {
        data.set(name, value);
      }
    }
  }
}

MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;
const parseParams = MIMEParams.parse;
delete MIMEParams.parse;

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(string) {
    string = `${string}`;
    const text = string.replace(LEADING_WS, '').replace(TRAILING_WS, '');
    const slash = text.indexOf('/');
    const type = slash === -1 ? text : text.slice(0, slash);
    const typeIndex = invalidIndex(type, TOKEN);
    if (type.length === 0 || typeIndex !== -1 || slash === -1) {
      throw syntaxError('type', string, typeIndex);
    }
    let semicolon = text.indexOf(';', slash + 1);
    if (semicolon === -1) semicolon = text.length;
    const subtype = text.slice(slash + 1, semicolon).replace(TRAILING_WS, '');
    const subtypeIndex = invalidIndex(subtype, TOKEN);
    if (subtype.length === 0 || subtypeIndex !== -1) {
      throw syntaxError('subtype', string, subtypeIndex);
    }
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    parseParams(this.#params, text, semicolon);
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    value = `${value}`;
    const index = invalidIndex(value, TOKEN);
    if (value.length === 0 || index !== -1) throw syntaxError('type', value, index);
    this.#type = value.toLowerCase();
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    value = `${value}`;
    const index = invalidIndex(value, TOKEN);
    if (value.length === 0 || index !== -1) throw syntaxError('subtype', value, index);
    this.#subtype = value.toLowerCase();
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#params;
  }

  toString() {
    const params = this.#params.toString();
    return params.length === 0 ? this.essence : `${this.essence};${params}`;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEType, MIMEParams };
