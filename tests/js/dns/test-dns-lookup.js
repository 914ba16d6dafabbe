'use strict';
// dns.lookup / lookupService through the system resolver, over localhost and
// literal addresses only.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');

// Literal addresses answer without the resolver.
dns.lookup('127.0.0.1', common.mustCall((err, address, family) => {
  assert.strictEqual(err, null);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
}));
dns.lookup('::1', { all: true }, common.mustCall((err, addresses) => {
  assert.strictEqual(err, null);
  assert.deepStrictEqual(addresses, [{ address: '::1', family: 6 }]);
}));
dns.lookup('', common.mustCall((err, address, family) => {
  assert.strictEqual(err, null);
  assert.strictEqual(address, null);
  assert.strictEqual(family, 4);
}));
dns.lookup('', { family: 6 }, common.mustCall((err, address, family) => {
  assert.strictEqual(address, null);
  assert.strictEqual(family, 6);
}));
dns.lookup('', { all: true }, common.mustCall((err, addresses) => {
  assert.deepStrictEqual(addresses, []);
}));

// localhost through getaddrinfo.
dns.lookup('localhost', { family: 4 }, common.mustCall((err, address, family) => {
  assert.strictEqual(err, null);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
}));
dns.lookup('localhost', { all: true, family: 'IPv4' }, common.mustCall((err, addresses) => {
  assert.strictEqual(err, null);
  assert.ok(Array.isArray(addresses));
  assert.ok(addresses.length >= 1);
  for (const a of addresses) assert.strictEqual(a.family, 4);
  assert.ok(addresses.some((a) => a.address === '127.0.0.1'));
}));
dns.lookup('localhost', { all: true, verbatim: false }, common.mustCall((err, addresses) => {
  assert.strictEqual(err, null);
  // ipv4first: every IPv4 address comes before any IPv6 one.
  const families = addresses.map((a) => a.family);
  assert.deepStrictEqual(families, families.slice().sort());
}));
dns.lookup('localhost', common.mustCall((err, address, family) => {
  assert.strictEqual(err, null);
  assert.ok(family === 4 || family === 6);
  assert.strictEqual(typeof address, 'string');
}));

// A name that cannot exist (RFC 6761 .invalid).
dns.lookup('nodus-test.invalid', common.mustCall((err) => {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'nodus-test.invalid');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND nodus-test.invalid');
  assert.strictEqual(typeof err.errno, 'number');
}));

// Argument validation.
assert.throws(() => dns.lookup(1, () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "hostname" argument must be of type string. Received type number (1)',
});
assert.throws(() => dns.lookup('localhost'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dns.lookup('localhost', { family: 5 }, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => dns.lookup('localhost', { all: 'yes' }, () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => dns.lookup('localhost', { hints: 123456 }, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
});
dns.lookup('localhost', { hints: dns.ADDRCONFIG | dns.V4MAPPED, family: 4 },
           common.mustCall((err, address) => {
             assert.strictEqual(err, null);
             assert.strictEqual(address, '127.0.0.1');
           }));

// lookupService
dns.lookupService('127.0.0.1', 22, common.mustCall((err, hostname, service) => {
  assert.strictEqual(err, null);
  assert.strictEqual(typeof hostname, 'string');
  assert.strictEqual(service, 'ssh');
}));
assert.throws(() => dns.lookupService('127.0.0.1', 22), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => dns.lookupService('nope', 22, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'address' is invalid. Received 'nope'",
});
assert.throws(() => dns.lookupService('127.0.0.1', 70000, () => {}), {
  code: 'ERR_SOCKET_BAD_PORT',
});

// Constants and defaults.
assert.strictEqual(dns.getDefaultResultOrder(), 'verbatim');
dns.setDefaultResultOrder('ipv4first');
assert.strictEqual(dns.getDefaultResultOrder(), 'ipv4first');
dns.setDefaultResultOrder('verbatim');
assert.throws(() => dns.setDefaultResultOrder('x'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.strictEqual(dns.NOTFOUND, 'ENOTFOUND');
assert.strictEqual(dns.CONNREFUSED, 'ECONNREFUSED');
assert.strictEqual(typeof dns.ADDRCONFIG, 'number');
assert.strictEqual(typeof dns.resolve4, 'function');

// Messages of the option checks.
assert.throws(() => dns.lookup('x', 'a', () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object or integer. Received type string (\'a\')',
});
assert.throws(() => dns.lookup('x', { order: 'x' }, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.order' must be one of: 'verbatim', 'ipv4first', 'ipv6first'. " +
    "Received 'x'",
});
assert.throws(() => dns.lookup('x', 5, () => {}), { code: 'ERR_INVALID_ARG_VALUE' });
dns.lookup('localhost', { order: 'ipv6first', all: true }, common.mustCall((err, addresses) => {
  assert.strictEqual(err, null);
  const families = addresses.map((a) => a.family);
  assert.deepStrictEqual(families, families.slice().sort().reverse());
}));
