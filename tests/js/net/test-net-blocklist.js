'use strict';
// net.BlockList and net.SocketAddress, against node's answers.
const assert = require('assert');
const net = require('net');
const util = require('util');

const b = new net.BlockList();
b.addAddress('123.123.123.123');
b.addRange('10.0.0.1', '10.0.0.10');
b.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
b.addSubnet('192.168.0.0', 24);
assert.deepStrictEqual(b.rules, [
  'Subnet: IPv4 192.168.0.0/24',
  'Subnet: IPv6 8592:757c:efae:4e45::/64',
  'Range: IPv4 10.0.0.1-10.0.0.10',
  'Address: IPv4 123.123.123.123',
]);
assert.strictEqual(b.check('123.123.123.123'), true);
assert.strictEqual(b.check('10.0.0.3'), true);
assert.strictEqual(b.check('10.0.0.11'), false);
assert.strictEqual(b.check('222.111.111.222'), false);
assert.strictEqual(b.check('8592:757c:efae:4e45:f::', 'ipv6'), true);
assert.strictEqual(b.check('8592:757c:efae:4f45::f', 'ipv6'), false);
assert.strictEqual(b.check('192.168.0.77'), true);
assert.strictEqual(b.check('192.168.1.77'), false);
// IPv4 rules match IPv4-mapped IPv6 addresses.
assert.strictEqual(b.check('::ffff:7b7b:7b7b', 'ipv6'), true);
assert.strictEqual(b.check('::ffff:123.123.123.123', 'ipv6'), true);
assert.strictEqual(b.check('x'), false);
assert.strictEqual(util.inspect(b),
                   "BlockList {\n  rules: [\n    'Subnet: IPv4 192.168.0.0/24',\n" +
                   "    'Subnet: IPv6 8592:757c:efae:4e45::/64',\n" +
                   "    'Range: IPv4 10.0.0.1-10.0.0.10',\n" +
                   "    'Address: IPv4 123.123.123.123'\n  ]\n}");

const mapped = new net.BlockList();
mapped.addSubnet('::ffff:0:0', 96, 'ipv6');
assert.strictEqual(mapped.check('1.2.3.4'), true);

const v6 = new net.BlockList();
v6.addAddress('0:0::1', 'ipv6');
v6.addSubnet('10.1.2.3', 8);
assert.deepStrictEqual(v6.rules, ['Subnet: IPv4 10.1.2.3/8', 'Address: IPv6 ::1']);
assert.strictEqual(v6.check('0:0:0:0:0:0:0:1', 'ipv6'), true);
assert.strictEqual(v6.check('10.9.9.9'), true);
assert.strictEqual(v6.check('11.0.0.0'), false);

assert.throws(() => b.addAddress('x'), { code: 'ERR_INVALID_ADDRESS', message: 'Invalid socket address' });
assert.throws(() => b.addAddress(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "address" argument must be of type string. Received type number (1)',
});
assert.throws(() => b.addAddress('1.2.3.4', 'ipv5'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.family' is invalid. Received 'ipv5'",
});
assert.throws(() => b.addSubnet('1.2.3.4', 33), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "prefix" is out of range. It must be >= 0 && <= 32. Received 33',
});
assert.throws(() => b.addSubnet('1.2.3.4', '8'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => b.addRange('10.0.0.10', '10.0.0.1'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'start' must come before end. Received SocketAddress " +
    "{ address: '10.0.0.10', port: 0, family: 'ipv4', flowlabel: 0 }",
});
assert.throws(() => b.check(1), { code: 'ERR_INVALID_ARG_TYPE' });

// SocketAddress
const sa = new net.SocketAddress({ address: '::1', family: 'ipv6', port: 80 });
assert.strictEqual(sa.address, '::1');
assert.strictEqual(sa.family, 'ipv6');
assert.strictEqual(sa.port, 80);
assert.strictEqual(sa.flowlabel, 0);
assert.deepStrictEqual(Object.keys(sa), []);
assert.deepStrictEqual(sa.toJSON(), { address: '::1', port: 80, family: 'ipv6', flowlabel: 0 });
assert.strictEqual(util.inspect(sa),
                   "SocketAddress { address: '::1', port: 80, family: 'ipv6', flowlabel: 0 }");
assert.strictEqual(util.inspect(new net.SocketAddress()),
                   "SocketAddress { address: '127.0.0.1', port: 0, family: 'ipv4', flowlabel: 0 }");
assert.strictEqual(new net.SocketAddress({ address: '0:0:0:0:0:0:0:1', family: 'ipv6' }).address,
                   '::1');
assert.strictEqual(new net.SocketAddress({ address: '1.2.3.4', family: 'IPv4' }).family, 'ipv4');
assert.strictEqual(net.SocketAddress.isSocketAddress(sa), true);
assert.strictEqual(net.SocketAddress.isSocketAddress({}), false);
assert.throws(() => new net.SocketAddress({ address: 'x' }), { code: 'ERR_INVALID_ADDRESS' });
assert.throws(() => new net.SocketAddress({ address: '1.2.3.4', family: 'ipv6' }), {
  code: 'ERR_INVALID_ADDRESS',
});
assert.throws(() => new net.SocketAddress({ family: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.family' is invalid. Received 'x'",
});
assert.throws(() => new net.SocketAddress({ port: -1 }), {
  code: 'ERR_SOCKET_BAD_PORT',
  message: 'options.port should be >= 0 and < 65536. Received type number (-1).',
});
assert.throws(() => new net.SocketAddress(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. Received type number (1)',
});
assert.throws(() => new net.SocketAddress({ flowlabel: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.flowlabel" is out of range. It must be >= 0 && <= 4294967295. ' +
    'Received -1',
});

const withSa = new net.BlockList();
withSa.addAddress(new net.SocketAddress({ address: '1.2.3.4' }));
assert.deepStrictEqual(withSa.rules, ['Address: IPv4 1.2.3.4']);
assert.strictEqual(withSa.check(new net.SocketAddress({ address: '1.2.3.4' })), true);
