'use strict';
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const dnsPromises = require('dns/promises');
const util = require('util');

assert.strictEqual(dns.promises, dnsPromises);

(async () => {
  assert.deepStrictEqual(await dnsPromises.lookup('127.0.0.1'), { address: '127.0.0.1', family: 4 });
  assert.deepStrictEqual(await dnsPromises.lookup('localhost', { family: 4 }),
                         { address: '127.0.0.1', family: 4 });
  const all = await dnsPromises.lookup('localhost', { all: true, family: 4 });
  assert.ok(all.some((a) => a.address === '127.0.0.1' && a.family === 4));
  await assert.rejects(dnsPromises.lookup('nodus-test.invalid'), {
    code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'nodus-test.invalid',
  });
  const svc = await dnsPromises.lookupService('127.0.0.1', 80);
  assert.strictEqual(svc.service, 'http');
  assert.strictEqual(typeof svc.hostname, 'string');
  // util.promisify uses the custom form: an object result.
  assert.deepStrictEqual(await util.promisify(dns.lookup)('::1'), { address: '::1', family: 6 });
  assert.deepStrictEqual(await util.promisify(dns.lookupService)('127.0.0.1', 22),
                         { hostname: svc.hostname, service: 'ssh' });
  assert.throws(() => dnsPromises.lookup(5), { code: 'ERR_INVALID_ARG_TYPE' });
})().then(common.mustCall());
