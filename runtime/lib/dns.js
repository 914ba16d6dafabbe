'use strict';
// node:dns: lookup and lookupService through the operating system's resolver
// (libuv's getaddrinfo/getnameinfo). The DNS-protocol half of the module
// (resolve*, reverse, Resolver, servers) needs c-ares and is not built: those
// functions throw ERR_NOT_IMPLEMENTED naming themselves.

const cares = internalBinding('cares_wrap');
const { isIP } = require('internal/net');
const errors = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS,
} = errors.codes;
const {
  validateBoolean, validateFunction, validateNumber, validateOneOf, validatePort, validateString,
} = require('internal/validators');

let defaultResultOrder = 'verbatim';

const kCodes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

// getaddrinfo's "no such name" errors read ENOTFOUND, as in Node.
function lookupException(err, syscall, hostname) {
  const { uvErrName } = errors;
  let code = typeof uvErrName === 'function' ? uvErrName(err) : undefined;
  if (code === undefined || code.startsWith('Unknown')) {
    code = err === -3008 || err === -3007 ? 'ENOTFOUND' : `Unknown system error ${err}`;
  }
  if (code === 'EAI_NODATA' || code === 'EAI_NONAME') code = 'ENOTFOUND';
  const ex = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  Error.captureStackTrace(ex, lookupException);
  return ex;
}

function orderFor(verbatim) {
  if (verbatim === true) return cares.kVerbatim;
  if (verbatim === false) return cares.kIpv4First;
  switch (defaultResultOrder) {
    case 'ipv4first': return cares.kIpv4First;
    default: return cares.kVerbatim;
  }
}

function validateHints(hints) {
  if ((hints & ~(cares.AI_ADDRCONFIG | cares.AI_ALL | cares.AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// Parses lookup's (hostname, options) into { hostname, family, all, hints, order }.
function parseLookup(hostname, options) {
  let family = 0;
  let all = false;
  let hints = 0;
  let verbatim;
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'number') {
    validateOneOf(options, 'family', [0, 4, 6]);
    family = options;
  } else if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else if (options != null) {
    if (options.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', [0, 4, 6]);
          family = options.family;
      }
    }
    if (options.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      verbatim = options.verbatim;
    }
    if (options.order != null) {
      validateOneOf(options.order, 'options.order', ['verbatim', 'ipv4first', 'ipv6first']);
      verbatim = options.order === 'verbatim' ? true : options.order === 'ipv4first' ? false : 6;
    }
  }
  let order = orderFor(verbatim === 6 ? undefined : verbatim);
  if (verbatim === 6) order = cares.kIpv6First;
  return { hostname, family, all, hints, order };
}

let invalidHostnameWarningEmitted = false;
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarningEmitted) return;
  invalidHostnameWarningEmitted = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns ` +
    'module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
}

// Request objects for the binding, named as node names them in stack traces.
class GetAddrInfoReqWrap {}
class GetNameInfoReqWrap {}

function onlookup(err, addresses) {
  if (err) {
    this.callback(lookupException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const address = addresses[0];
  this.callback(null, address, this.family || isIP(address));
}

function onlookupall(err, addresses) {
  if (err) {
    this.callback(lookupException(err, 'getaddrinfo', this.hostname));
    return;
  }
  this.callback(null, addresses.map((address) => ({ address, family: isIP(address) })));
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.callback(lookupException(err, 'getnameinfo', this.host));
    return;
  }
  this.callback(null, hostname, service);
}

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const p = parseLookup(hostname, options);
  if (!p.hostname) {
    emitInvalidHostnameWarning(hostname);
    if (p.all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, p.family === 6 ? 6 : 4);
    return {};
  }
  const matchedFamily = isIP(p.hostname);
  if (matchedFamily) {
    if (p.all) process.nextTick(callback, null, [{ address: p.hostname, family: matchedFamily }]);
    else process.nextTick(callback, null, p.hostname, matchedFamily);
    return {};
  }
  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = p.family;
  req.hostname = p.hostname;
  req.all = p.all;
  req.oncomplete = p.all ? onlookupall : onlookup;
  const err = cares.getaddrinfo(req, toASCII(p.hostname), p.family, p.hints, p.order);
  if (err) {
    process.nextTick(callback, lookupException(err, 'getaddrinfo', p.hostname));
    return {};
  }
  return req;
}
Object.defineProperty(lookup, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  value(...args) {
    return require('dns/promises').lookup(...args);
  },
  enumerable: false,
  configurable: true,
});

function toASCII(hostname) {
  if (/^[\x00-\x7f]*$/.test(hostname)) return hostname;
  try {
    return require('url').domainToASCII(hostname) || hostname;
  } catch {
    return hostname;
  }
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  validateFunction(callback, 'callback');
  port = +port;
  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.host = address;
  req.port = port;
  req.oncomplete = onlookupservice;
  const err = cares.getnameinfo(req, address, port);
  if (err) throw lookupException(err, 'getnameinfo', address);
  return req;
}
Object.defineProperty(lookupService, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  value(...args) {
    return require('dns/promises').lookupService(...args);
  },
  enumerable: false,
  configurable: true,
});

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first']);
  defaultResultOrder = order;
}

function notBuilt(name) {
  return function() {
    throw errors.notImplemented(`dns.${name}`);
  };
}

class Resolver {
  constructor() {
    throw errors.notImplemented('dns.Resolver');
  }
}

const unbuilt = [
  'getServers', 'setServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa',
  'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa',
  'resolveSrv', 'resolveTxt', 'reverse',
];

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  ADDRCONFIG: cares.AI_ADDRCONFIG,
  ALL: cares.AI_ALL,
  V4MAPPED: cares.AI_V4MAPPED,
};
for (const name of Object.keys(kCodes)) module.exports[name] = kCodes[name];
for (const name of unbuilt) module.exports[name] = notBuilt(name);
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('dns/promises'); },
});

module.exports._parseLookup = parseLookup;
module.exports._lookupException = lookupException;
