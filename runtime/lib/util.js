'use strict';
// The public `util` module. Formatting lives in internal/util/inspect; this
// file adds the small helpers and Node's legacy API surface.

const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const {
  deprecate,
  promisify,
  isError: isErrorValue,
} = require('internal/util');
const types = require('internal/util/types');

function errors() {
  return require('internal/errors').codes;
}

function inherits(ctor, superCtor) {
  const { ERR_INVALID_ARG_TYPE } = errors();
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null, value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function callbackifyOnRejected(reason, cb) {
  // A callback cannot tell "no error" from a falsy rejection, so wrap it.
  if (!reason) {
    const { ERR_FALSY_VALUE_REJECTION } = errors();
    const wrapped = new ERR_FALSY_VALUE_REJECTION(reason);
    wrapped.reason = reason;
    reason = wrapped;
    Error.captureStackTrace(reason, callbackifyOnRejected);
  }
  return cb(reason);
}

function callbackify(original) {
  if (typeof original !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = errors();
    throw new ERR_INVALID_ARG_TYPE('original', 'Function', original);
  }
  function callbackified(...args) {
    const maybeCb = args.pop();
    if (typeof maybeCb !== 'function') {
      const { ERR_INVALID_ARG_TYPE } = errors();
      throw new ERR_INVALID_ARG_TYPE('last argument', 'Function', maybeCb);
    }
    const cb = maybeCb.bind(this);
    // Callbacks run on the next tick, outside the promise's error handling.
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const descriptor of Object.values(descriptors)) Object.setPrototypeOf(descriptor, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// NODE_DEBUG=net,http*: which debuglog sections print. Read on first use.
let debugSectionEnabled;
function testDebugSection(section) {
  if (debugSectionEnabled === undefined) {
    const env = process.env.NODE_DEBUG;
    if (env) {
      const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
        .replaceAll('*', '.*')
        .replaceAll(',', '$|^');
      const regexp = new RegExp(`^${pattern}$`, 'i');
      debugSectionEnabled = (name) => regexp.test(name);
    } else {
      debugSectionEnabled = () => false;
    }
  }
  return debugSectionEnabled(section);
}

function debuglog(set, cb) {
  // The section is checked on the first call, so a logger created at module
  // load costs nothing when it never logs.
  let impl;
  function init() {
    set = set.toUpperCase();
    if (testDebugSection(set)) {
      const pid = process.pid;
      impl = function debug(...args) {
        const stderr = process.stderr;
        const colors = !!(stderr && typeof stderr.hasColors === 'function' && stderr.hasColors());
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPid = inspect(pid, { colors });
        stderr.write(format('%s %s: %s\n', set, coloredPid, msg));
      };
    } else {
      impl = function debug() {};
    }
    if (typeof cb === 'function') cb(impl);
  }
  function logger(...args) {
    if (impl === undefined) init();
    Reflect.apply(impl, this, args);
  }
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() {
      if (impl === undefined) init();
      return testDebugSection(set);
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// Replace lone surrogates with U+FFFD.
function toUSVString(input) {
  return `${input}`.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function pad(n) {
  return n.toString().padStart(2, '0');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function timestamp() {
  const d = new Date();
  const time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${time}`;
}

function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function streamHasColors(stream) {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  const env = process.env;
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined) return false;
  if (!stream || !stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = errors();
  if (typeof text !== 'string') throw new ERR_INVALID_ARG_TYPE('text', 'string', text);
  if (typeof validateStream !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.validateStream', 'boolean', validateStream);
  }
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formats) {
    const codes = inspect.colors[key];
    if (codes === undefined) {
      const allowed = Object.keys(inspect.colors).map((name) => `'${name}'`).join(', ');
      const err = new ERR_INVALID_ARG_VALUE('format', key, `must be one of: ${allowed}`);
      throw err;
    }
    left += `\u001b[${codes[0]}m`;
    right = `\u001b[${codes[1]}m${right}`;
  }
  if (validateStream && !streamHasColors(stream)) return text;
  return `${left}${text}${right}`;
}

function getSystemErrorMap() {
  const map = new Map();
  for (const [errno, name, message] of internalBinding('uv').getErrorMap()) {
    map.set(errno, [name, message]);
  }
  return map;
}

function getSystemErrorName(err) {
  const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = errors();
  if (typeof err !== 'number') throw new ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return internalBinding('uv').errname(err);
}

function notImplemented(name) {
  return function() {
    throw new Error(`util.${name} is not implemented in nodus yet`);
  };
}

function aborted(signal, resource) {
  const { ERR_INVALID_ARG_TYPE } = errors();
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('resource', 'Object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function _extend(target, source) {
  // Legacy Object.assign for own enumerable string keys.
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function isBuffer(value) {
  const { Buffer } = require('buffer');
  return Buffer.isBuffer(value);
}

function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

module.exports = {
  _errnoException: notImplemented('_errnoException'),
  _exceptionWithHostPort: notImplemented('_exceptionWithHostPort'),
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean(arg) { return typeof arg === 'boolean'; },
  isBuffer,
  isDeepStrictEqual,
  isNull(arg) { return arg === null; },
  isNullOrUndefined(arg) { return arg === null || arg === undefined; },
  isNumber(arg) { return typeof arg === 'number'; },
  isString(arg) { return typeof arg === 'string'; },
  isSymbol(arg) { return typeof arg === 'symbol'; },
  isUndefined(arg) { return arg === undefined; },
  isRegExp: types.isRegExp,
  isObject(arg) { return arg !== null && typeof arg === 'object'; },
  isDate: types.isDate,
  isError: isErrorValue,
  isFunction(arg) { return typeof arg === 'function'; },
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  transferableAbortSignal: notImplemented('transferableAbortSignal'),
  transferableAbortController: notImplemented('transferableAbortController'),
  aborted,
  types,
  parseEnv: notImplemented('parseEnv'),
  parseArgs(...args) {
    return require('internal/util/parse_args').parseArgs(...args);
  },
};

// Encoding classes come from another builtin; load it only when asked.
for (const name of ['TextDecoder', 'TextEncoder']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    get() { return require('internal/encoding')[name]; },
    configurable: true,
    enumerable: true,
  });
}
for (const name of ['MIMEType', 'MIMEParams']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    get() { return require('internal/mime')[name]; },
    configurable: true,
    enumerable: true,
  });
}
