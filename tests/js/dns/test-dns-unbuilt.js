'use strict';
// The DNS-protocol functions exist; under nodus they throw ERR_NOT_IMPLEMENTED
// naming themselves (node resolves them; only the surface is compared there).
const assert = require('assert');
const dns = require('dns');

const names = ['getServers', 'setServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny',
  'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr',
  'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
for (const name of names) {
  assert.strictEqual(typeof dns[name], 'function', name);
  assert.strictEqual(typeof dns.promises[name], 'function', name);
}
assert.strictEqual(typeof dns.Resolver, 'function');
if (process.versions.nodus) {
  assert.throws(() => dns.resolve4('localhost', () => {}), {
    code: 'ERR_NOT_IMPLEMENTED', message: /dns\.resolve4/,
  });
  assert.throws(() => dns.promises.reverse('127.0.0.1'), {
    code: 'ERR_NOT_IMPLEMENTED', message: /dns\.promises\.reverse/,
  });
  assert.throws(() => new dns.Resolver(), { code: 'ERR_NOT_IMPLEMENTED', message: /dns\.Resolver/ });
}
