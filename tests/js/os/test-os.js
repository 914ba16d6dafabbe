'use strict';
// node:os — shapes and values compared with node 20's behaviour.
const assert = require('assert');
const os = require('os');
const util = require('util');

assert.deepStrictEqual(Object.keys(os), [
  'arch', 'availableParallelism', 'cpus', 'endianness', 'freemem', 'getPriority', 'homedir',
  'hostname', 'loadavg', 'networkInterfaces', 'platform', 'release', 'setPriority', 'tmpdir',
  'totalmem', 'type', 'userInfo', 'uptime', 'version', 'machine', 'constants', 'EOL', 'devNull',
]);
assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(os, 'EOL'),
                       { value: '\n', writable: false, enumerable: true, configurable: true });
const cdesc = Object.getOwnPropertyDescriptor(os, 'constants');
assert.strictEqual(cdesc.writable, false);
assert.strictEqual(cdesc.configurable, false);
assert.strictEqual(os.arch(), process.arch);
assert.strictEqual(os.platform(), process.platform);
assert.strictEqual(os.endianness(), 'LE');
assert.strictEqual(os.type(), 'Linux');
assert.match(os.release(), /^\d+\.\d+/);
assert.strictEqual(typeof os.version(), 'string');
assert.strictEqual(os.machine(), { x64: 'x86_64', arm64: 'aarch64' }[process.arch] || os.machine());
assert.ok(os.availableParallelism() >= 1);
assert.ok(os.totalmem() > 0 && Number.isInteger(os.totalmem()));
assert.ok(os.freemem() > 0 && os.freemem() <= os.totalmem());
assert.ok(os.uptime() > 0);
assert.strictEqual(typeof os.hostname(), 'string');
assert.ok(os.hostname().length > 0);

// Symbol.toPrimitive on the value-returning functions.
assert.strictEqual(`${os.hostname}`, os.hostname());
assert.strictEqual(`${os.arch}`, os.arch());
assert.strictEqual(+os.totalmem, os.totalmem());
assert.strictEqual(os.cpus[Symbol.toPrimitive], undefined);
assert.strictEqual(os.loadavg[Symbol.toPrimitive], undefined);

const load = os.loadavg();
assert.strictEqual(load.length, 3);
for (const n of load) assert.ok(typeof n === 'number' && n >= 0);

const cpus = os.cpus();
assert.ok(cpus.length >= 1);
for (const cpu of cpus) {
  assert.deepStrictEqual(Object.keys(cpu), ['model', 'speed', 'times']);
  assert.strictEqual(typeof cpu.model, 'string');
  assert.strictEqual(typeof cpu.speed, 'number');
  assert.deepStrictEqual(Object.keys(cpu.times), ['user', 'nice', 'sys', 'idle', 'irq']);
}

const nets = os.networkInterfaces();
assert.ok(Array.isArray(nets.lo));
for (const [, list] of Object.entries(nets)) {
  for (const entry of list) {
    const keys = ['address', 'netmask', 'family', 'mac', 'internal', 'cidr'];
    if (entry.family === 'IPv6') keys.push('scopeid');
    assert.deepStrictEqual(Object.keys(entry), keys);
    assert.match(entry.mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  }
}
const lo4 = nets.lo.find((e) => e.family === 'IPv4');
assert.deepStrictEqual(lo4, {
  address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00',
  internal: true, cidr: '127.0.0.1/8',
});

// tmpdir: TMPDIR, TMP, TEMP, then /tmp; one trailing slash is dropped.
const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
function withEnv(env, fn) {
  for (const k of Object.keys(saved)) delete process.env[k];
  Object.assign(process.env, env);
  try { fn(); } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
    }
  }
}
withEnv({}, () => assert.strictEqual(os.tmpdir(), '/tmp'));
withEnv({ TMPDIR: '/a/' }, () => assert.strictEqual(os.tmpdir(), '/a'));
withEnv({ TMPDIR: '/a//' }, () => assert.strictEqual(os.tmpdir(), '/a/'));
withEnv({ TMPDIR: '/' }, () => assert.strictEqual(os.tmpdir(), '/'));
withEnv({ TMP: '/b', TEMP: '/c' }, () => assert.strictEqual(os.tmpdir(), '/b'));
withEnv({ TEMP: '/c/' }, () => assert.strictEqual(os.tmpdir(), '/c'));
withEnv({ TMPDIR: '', TMP: '/b' }, () => assert.strictEqual(os.tmpdir(), '/b'));

// userInfo
const user = os.userInfo();
assert.strictEqual(Object.getPrototypeOf(user), null);
assert.deepStrictEqual(Object.keys(user), ['uid', 'gid', 'username', 'homedir', 'shell']);
assert.strictEqual(user.uid, process.getuid());
assert.strictEqual(user.gid, process.getgid());
assert.deepStrictEqual(os.userInfo(1), user);
assert.deepStrictEqual(os.userInfo(null), user);
assert.strictEqual(typeof os.homedir(), 'string');

// priorities
assert.strictEqual(typeof os.getPriority(), 'number');
assert.strictEqual(os.getPriority(), os.getPriority(0));
assert.strictEqual(os.getPriority(process.pid), os.getPriority());
os.setPriority(os.getPriority());
os.setPriority(0, os.getPriority());
assert.throws(() => os.getPriority('1'), {
  code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
  message: 'The "pid" argument must be of type number. Received type string (\'1\')',
});
assert.throws(() => os.getPriority(1.5), {
  code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
  message: 'The value of "pid" is out of range. It must be an integer. Received 1.5',
});
assert.throws(() => os.setPriority(0, 20), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "priority" is out of range. It must be >= -20 && <= 19. Received 20',
});
assert.throws(() => os.setPriority('a'), { code: 'ERR_INVALID_ARG_TYPE' });
// A process that does not exist: a SystemError with the uv call's name.
let err;
try { os.getPriority(2 ** 30); } catch (e) { err = e; }
assert.ok(err instanceof Error);
assert.strictEqual(err.name, 'SystemError');
assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
assert.strictEqual(err.message,
                   'A system error occurred: uv_os_getpriority returned ESRCH (no such process)');
assert.deepStrictEqual(err.info, {
  errno: -3, code: 'ESRCH', message: 'no such process', syscall: 'uv_os_getpriority',
});
assert.strictEqual(err.errno, -3);
assert.strictEqual(err.syscall, 'uv_os_getpriority');
assert.deepStrictEqual(Object.keys(err), ['code', 'info', 'errno', 'syscall']);
assert.strictEqual(String(err), 'SystemError [ERR_SYSTEM_ERROR]: ' + err.message);
assert.match(err.stack, /^SystemError \[ERR_SYSTEM_ERROR\]: A system error occurred/);
assert.strictEqual(util.inspect(err).split('\n')[0],
                   'SystemError [ERR_SYSTEM_ERROR]: A system error occurred: ' +
                   'uv_os_getpriority returned ESRCH (no such process)');
