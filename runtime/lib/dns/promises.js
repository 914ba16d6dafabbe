'use strict';
// node:dns/promises: lookup and lookupService as promises; the DNS-protocol
// functions are not built and throw ERR_NOT_IMPLEMENTED naming themselves.

const dns = require('dns');
const { isIP } = require('internal/net');
const errors = require('internal/errors');
const { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS } = errors.codes;
const { validatePort, validateString } = require('internal/validators');

function lookup(hostname, options) {
  const p = dns._parseLookup(hostname, options);
  return new Promise((resolve, reject) => {
    dns.lookup(hostname, { family: p.family, all: p.all, hints: p.hints,
                           verbatim: options && typeof options === 'object' ?
                             options.verbatim : undefined }, (err, address, family) => {
      if (err) return reject(err);
      if (p.all) resolve(address);
      else resolve({ address, family });
    });
  });
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  return new Promise((resolve, reject) => {
    dns.lookupService(address, port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

function notBuilt(name) {
  return function() {
    throw errors.notImplemented(`dns.promises.${name}`);
  };
}

class Resolver {
  constructor() {
    throw errors.notImplemented('dns.promises.Resolver');
  }
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: dns.getDefaultResultOrder,
  setDefaultResultOrder: dns.setDefaultResultOrder,
};
for (const name of ['NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED',
  'BADQUERY', 'BADNAME', 'BADFAMILY', 'BADRESP', 'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE',
  'NOMEM', 'DESTRUCTION', 'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS', 'NOTINITIALIZED',
  'LOADIPHLPAPI', 'ADDRGETNETWORKPARAMS', 'CANCELLED']) {
  module.exports[name] = dns[name];
}
for (const name of ['getServers', 'setServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny',
  'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr',
  'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse']) {
  module.exports[name] = notBuilt(name);
}
