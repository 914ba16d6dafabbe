'use strict';
// node:os — operating-system information from libuv (internalBinding('os')).

const binding = internalBinding('os');
const { signals } = internalBinding('process_methods');
const { codes: { ERR_SYSTEM_ERROR } } = require('internal/errors');
const { validateInt32 } = require('internal/validators');

// Calls a binding function that reports failures through a context object.
function checked(fn, ...args) {
  const ctx = {};
  const result = fn(...args, ctx);
  if (result === undefined && ctx.code !== undefined) throw new ERR_SYSTEM_ERROR(ctx);
  return result;
}

let osInfo;
function getOSInformation() {
  if (osInfo === undefined) osInfo = checked(binding.getOSInformation);
  return osInfo;
}

function hostname() { return checked(binding.getHostname); }
function homedir() { return checked(binding.getHomeDirectory); }
function uptime() { return checked(binding.getUptime); }
function totalmem() { return binding.getTotalMem(); }
function freemem() { return binding.getFreeMem(); }
function availableParallelism() { return binding.getAvailableParallelism(); }
function type() { return getOSInformation()[0]; }
function version() { return getOSInformation()[1]; }
function release() { return getOSInformation()[2]; }
function machine() { return getOSInformation()[3]; }
function arch() { return process.arch; }
function platform() { return process.platform; }
function endianness() { return 'LE'; }

function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function loadavg() {
  const values = new Float64Array(3);
  binding.getLoadAvg(values);
  return [values[0], values[1], values[2]];
}

function cpus() {
  const data = checked(binding.getCPUs) || [];
  const result = [];
  for (let i = 0; i < data.length; i += 7) {
    result.push({
      model: data[i],
      speed: data[i + 1],
      times: {
        user: data[i + 2], nice: data[i + 3], sys: data[i + 4], idle: data[i + 5], irq: data[i + 6],
      },
    });
  }
  return result;
}

// The prefix length of a netmask, or null when its bits are not contiguous.
function netmaskPrefix(netmask, family) {
  let bits = 0;
  let seenZero = false;
  const parts = family === 'IPv4' ? netmask.split('.').map(Number) : expandIPv6(netmask);
  const width = family === 'IPv4' ? 8 : 16;
  for (const part of parts) {
    for (let bit = width - 1; bit >= 0; bit--) {
      if ((part >> bit) & 1) {
        if (seenZero) return null;
        bits++;
      } else {
        seenZero = true;
      }
    }
  }
  return bits;
}

function expandIPv6(text) {
  const halves = text.split('::');
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  const zeros = new Array(8 - head.length - tail.length).fill('0');
  return [...head, ...zeros, ...tail].map((h) => parseInt(h, 16));
}

function networkInterfaces() {
  const data = checked(binding.getInterfaceAddresses) || [];
  const result = {};
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const family = data[i + 3];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family,
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: null,
    };
    const prefix = netmaskPrefix(entry.netmask, family);
    if (prefix !== null) entry.cidr = `${entry.address}/${prefix}`;
    if (family === 'IPv6') entry.scopeid = data[i + 6];
    (result[name] || (result[name] = [])).push(entry);
  }
  return result;
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const encoding = options ? options.encoding : undefined;
  const info = checked(binding.getUserInfo);
  const result = { __proto__: null, ...info };
  if (encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const key of ['username', 'homedir', 'shell']) {
      if (typeof result[key] === 'string') result[key] = Buffer.from(result[key]);
    }
  }
  return result;
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  return checked(binding.getPriority, pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  checked(binding.setPriority, pid, priority);
}

function copyNullProto(source) {
  const target = { __proto__: null };
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

const constants = {
  __proto__: null,
  UV_UDP_REUSEADDR: binding.UV_UDP_REUSEADDR,
  dlopen: binding.dlopen,
  errno: binding.errno,
  signals: copyNullProto(signals),
  priority: binding.priority,
};

// Like node, the functions that return a string or number can be used in a
// string/number context (`${os.hostname}`).
const primitives = {
  arch, availableParallelism, endianness, freemem, homedir, hostname, platform, release,
  tmpdir, totalmem, type, uptime, version, machine,
};
for (const fn of Object.values(primitives)) {
  fn[Symbol.toPrimitive] = () => fn();
}

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
