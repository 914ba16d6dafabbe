'use strict';
// Address helpers shared by net, dns and http: isIP/isIPv4/isIPv6 and the
// "listen EADDRINUSE: address already in use 127.0.0.1:80" error.

const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

function isIPv4(s) {
  return IPv4Reg.test(`${s}`);
}

function isIPv6(s) {
  return IPv6Reg.test(`${s}`);
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// "syscall CODE: description address:port", with errno/code/syscall/address/port.
function uvExceptionWithHostPort(err, syscall, address, port) {
  const { uvException } = require('internal/errors');
  const base = uvException({ errno: err, syscall });
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const colon = base.message.indexOf(', ');
  const description = base.message.slice(base.code.length + 2, colon);
  const ex = new Error(`${syscall} ${base.code}: ${description}${details}`);
  ex.code = base.code;
  ex.errno = err;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  Error.captureStackTrace(ex, uvExceptionWithHostPort);
  return ex;
}

module.exports = { isIP, isIPv4, isIPv6, uvExceptionWithHostPort };

// ---- SocketAddress and BlockList --------------------------------------------
// Addresses are compared as 128-bit BigInts in the IPv6 space, IPv4 mapped to
// ::ffff:a.b.c.d, so IPv4 rules match mapped IPv6 addresses and back, as in
// node.

const kMapped = 0xffffn << 32n;

function parseIPv4(s) {
  const parts = s.split('.');
  let value = 0n;
  for (const p of parts) value = (value << 8n) | BigInt(Number(p));
  return value;
}

// The eight 16-bit groups of an IPv6 address (a zone is dropped).
function parseIPv6Groups(s) {
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  let tail = [];
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) !== -1) {
    const v4 = Number(parseIPv4(s.slice(lastColon + 1)));
    tail = [v4 >>> 16, v4 & 0xffff];
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const at = s.indexOf('::');
  const head = at === -1 ? s : s.slice(0, at);
  const left = head ? head.split(':').map((g) => parseInt(g, 16)) : [];
  if (at === -1) return left.concat(tail);
  const rest = s.slice(at + 2);
  const right = rest ? rest.split(':').map((g) => parseInt(g, 16)) : [];
  const zeros = new Array(8 - left.length - right.length - tail.length).fill(0);
  return left.concat(zeros, right, tail);
}

function toBig(address, family) {
  if (family === 'ipv4') return kMapped | parseIPv4(address);
  let value = 0n;
  for (const g of parseIPv6Groups(address)) value = (value << 16n) | BigInt(g);
  return value;
}

// RFC 5952 text, as inet_ntop writes it.
function formatIPv6(address) {
  const groups = parseIPv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

const kAddress = Symbol('kAddress');

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kAddress] !== undefined;
  }

  constructor(options = {}) {
    const { validateObject, validateString, validatePort, validateUint32 } =
      require('internal/validators');
    const { ERR_INVALID_ARG_VALUE, ERR_INVALID_ADDRESS } = require('internal/errors').codes;
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const { port = 0, flowlabel = 0 } = options;
    validateString(family, 'options.family');
    family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    const { address = family === 'ipv4' ? '127.0.0.1' : '::' } = options;
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    if (family === 'ipv4' ? !isIPv4(address) : !isIPv6(address)) {
      throw new ERR_INVALID_ADDRESS();
    }
    this[kAddress] = {
      address: family === 'ipv4' ? address : formatIPv6(address),
      port: port | 0,
      family,
      flowlabel,
    };
  }

  get address() { return this[kAddress].address; }
  get port() { return this[kAddress].port; }
  get family() { return this[kAddress].family; }
  get flowlabel() { return this[kAddress].flowlabel; }

  toJSON() {
    return { ...this[kAddress] };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect(this.toJSON(), options)}`;
  }
}

const kRules = Symbol('kRules');

function familyOf(type, name) {
  const { validateString } = require('internal/validators');
  const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
  validateString(type, name);
  const family = type.toLowerCase();
  if (family !== 'ipv4' && family !== 'ipv6') throw new ERR_INVALID_ARG_VALUE(name, type);
  return family;
}

// A SocketAddress from a string or SocketAddress argument.
function toSocketAddress(value, name, type) {
  if (SocketAddress.isSocketAddress(value)) return value;
  const { validateString } = require('internal/validators');
  const { ERR_INVALID_ADDRESS } = require('internal/errors').codes;
  validateString(value, name);
  const family = familyOf(type, 'options.family');
  try {
    return new SocketAddress({ address: value, family });
  } catch (err) {
    if (err.code === 'ERR_INVALID_ADDRESS') throw new ERR_INVALID_ADDRESS();
    throw err;
  }
}

class BlockList {
  static isBlockList(value) {
    return value?.[kRules] !== undefined;
  }

  constructor() {
    this[kRules] = [];
  }

  addAddress(address, family = 'ipv4') {
    const sa = toSocketAddress(address, 'address', family);
    const value = toBig(sa.address, sa.family);
    this[kRules].unshift({ lo: value, hi: value,
                           text: `Address: ${label(sa.family)} ${sa.address}` });
  }

  addRange(start, end, family = 'ipv4') {
    const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
    const a = toSocketAddress(start, 'start', family);
    const b = toSocketAddress(end, 'end', family);
    const lo = toBig(a.address, a.family);
    const hi = toBig(b.address, b.family);
    if (lo > hi) throw new ERR_INVALID_ARG_VALUE('start', a, 'must come before end');
    this[kRules].unshift({ lo, hi, text: `Range: ${label(a.family)} ${a.address}-${b.address}` });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const { validateInt32 } = require('internal/validators');
    const sa = toSocketAddress(network, 'network', family);
    const bits = sa.family === 'ipv4' ? 32 : 128;
    validateInt32(prefix, 'prefix', 0, bits);
    const hostBits = BigInt(bits - prefix);
    const base = toBig(sa.address, sa.family);
    const lo = (base >> hostBits) << hostBits;
    const hi = lo | ((1n << hostBits) - 1n);
    this[kRules].unshift({ lo, hi, text: `Subnet: ${label(sa.family)} ${sa.address}/${prefix}` });
  }

  check(address, family = 'ipv4') {
    let sa;
    try {
      sa = toSocketAddress(address, 'address', family);
    } catch (err) {
      if (err.code === 'ERR_INVALID_ADDRESS') return false;
      throw err;
    }
    const value = toBig(sa.address, sa.family);
    return this[kRules].some((rule) => rule.lo <= value && value <= rule.hi);
  }

  get rules() {
    return this[kRules].map((rule) => rule.text);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect({ rules: this.rules }, options)}`;
  }
}

function label(family) {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

module.exports.SocketAddress = SocketAddress;
module.exports.BlockList = BlockList;
