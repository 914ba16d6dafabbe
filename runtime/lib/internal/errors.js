'use strict';
// Node-compatible error classes and helpers.
//
// Every `codes.ERR_X` is a class derived from Error/TypeError/RangeError whose
// instances look like node's: an enumerable own `code`, the base class's
// `name`, a stack whose first line reads `TypeError [ERR_X]: message`, and a
// `toString()` that includes the code.
//
// util.inspect is loaded lazily: inspect itself needs this module.

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
function inspect(value, options) {
  return lazyInspect().inspect(value, options);
}

const kIsNodeError = Symbol('kIsNodeError');

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ?
    desc.writable : desc.set !== undefined;
}

// Formats `err.stack` now, while an own `name` carries the code, so the first
// stack line reads "TypeError [ERR_X]: ...". Removing the own `name` afterwards
// lets `err.name` fall back to the prototype's plain "TypeError".
// `boundary`, when given, hides that function and everything above it.
function captureStackWithCode(err, code, boundary) {
  const hadOwnName = Object.prototype.hasOwnProperty.call(err, 'name');
  const ownName = err.name;
  err.name = `${ownName} [${code}]`;
  if (boundary !== undefined) Error.captureStackTrace(err, boundary);
  err.stack; // eslint-disable-line no-unused-expressions -- forces formatting
  if (hadOwnName) err.name = ownName;
  else delete err.name;
}

// `hideStackFrames(fn)` returns a wrapper whose thrown errors have stacks that
// begin at the wrapper's caller, so validators do not show up in user traces.
function hideStackFrames(fn) {
  function wrappedFn(...args) {
    try {
      return Reflect.apply(fn, this, args);
    } catch (err) {
      if (err !== null && typeof err === 'object' && err[kIsNodeError] &&
          Error.stackTraceLimit) {
        captureStackWithCode(err, err.code, wrappedFn);
      }
      throw err;
    }
  }
  wrappedFn.withoutStackTrace = fn;
  return wrappedFn;
}

// A tiny printf: node's messages only use %s, %d and %i.
function formatMessage(template, args) {
  let i = 0;
  return template.replace(/%[sdi%]/g, (spec) => {
    if (spec === '%%') return '%';
    const arg = args[i++];
    if (spec === '%s') {
      if (typeof arg === 'string') return arg;
      if (typeof arg === 'bigint') return `${arg}n`;
      if (typeof arg === 'object' && arg !== null || typeof arg === 'symbol') {
        return inspect(arg, { depth: 0, colors: false, compact: 3 });
      }
      return String(arg);
    }
    if (typeof arg === 'bigint') return `${arg}n`;
    const n = Number(arg);
    return String(spec === '%i' ? Math.trunc(n) : n);
  });
}

function getMessage(key, template, args, self) {
  if (typeof template === 'function') return Reflect.apply(template, self, args);
  return args.length === 0 ? template : formatMessage(template, args);
}

// All error classes produced by makeNodeErrorWithCode share this toString.
function nodeErrorToString() {
  return `${this.name} [${this.code}]: ${this.message}`;
}

function makeNodeErrorWithCode(Base, key, template) {
  const NodeError = class extends Base {
    constructor(...args) {
      super();
      // `code` first: message functions may add more own properties.
      this.code = key;
      const message = getMessage(key, template, args, this);
      Object.defineProperty(this, 'message', {
        value: message, enumerable: false, writable: true, configurable: true,
      });
      captureStackWithCode(this, key);
    }
    toString() {
      return nodeErrorToString.call(this);
    }
  };
  // Instances report the plain base class as their constructor, like node's.
  Object.defineProperty(NodeError.prototype, 'constructor', {
    get() { return Base; }, enumerable: false, configurable: true,
  });
  Object.defineProperty(NodeError.prototype, kIsNodeError, { value: true });
  return NodeError;
}

const codes = {};
const messages = new Map();

function E(key, template, Base, ...otherBases) {
  messages.set(key, template);
  const Class = makeNodeErrorWithCode(Base, key, template);
  // Some codes exist as several classes (e.g. both TypeError and RangeError);
  // node exposes the extra ones as properties of the main class.
  for (const Other of otherBases) {
    Class[Other.name] = makeNodeErrorWithCode(Other, key, template);
  }
  codes[key] = Class;
}

// ---- message helpers -------------------------------------------------------

const kTypes = [
  'string', 'function', 'number', 'object',
  // Accept 'Function' and 'Object' as alternative to the lower cased version.
  'Function', 'Object', 'boolean', 'bigint', 'symbol',
];
const classRegExp = /^([A-Z][a-z0-9]*)+$/;

// "a", "a or b", "a, b, or c"
function formatList(list, joiner = 'or') {
  if (list.length <= 2) return list.join(` ${joiner} `);
  return `${list.slice(0, -1).join(', ')}, ${joiner} ${list[list.length - 1]}`;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

// The "Received ..." description of a value, as in node's messages.
function determineSpecificType(value) {
  if (value == null) return `${value}`;
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor?.name) return `an instance of ${value.constructor.name}`;
    return `${inspect(value, { depth: -1 })}`;
  }
  const type = typeof value;
  if (type === 'string' && value.length > 28) value = `${value.slice(0, 25)}...`;
  return `type ${type} (${inspect(value, { colors: false })})`;
}

function describeExpected(name, expected) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  // "object" next to class names reads better as "an instance of ... Object".
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }

  const parts = [];
  if (types.length > 0) {
    parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types)}`);
  }
  if (instances.length > 0) parts.push(`an instance of ${formatList(instances)}`);
  if (other.length > 0) {
    if (other.length > 1) {
      parts.push(`one of ${formatList(other)}`);
    } else {
      parts.push(`${other[0].toLowerCase() !== other[0] ? 'an ' : ''}${other[0]}`);
    }
  }
  return msg + parts.join(' or ');
}

// ---- the codes -------------------------------------------------------------

E('ERR_ABORT', 'The operation was aborted', Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_ASSERTION', '%s', Error);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);
E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error);
E('ERR_CHILD_PROCESS_IPC_REQUIRED',
  "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
E('ERR_CONSOLE_WRITABLE_STREAM',
  'Console expects a writable stream instance for %s', TypeError);
E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
E('ERR_CRYPTO_INVALID_SCRYPT_PARAMS', (detail = undefined) => {
  return detail === undefined ? 'Invalid scrypt params' : `Invalid scrypt params: ${detail}`;
}, RangeError);
E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
E('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length',
  RangeError);
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_ENCODING_INVALID_ENCODED_DATA',
  'The encoded data was not valid for encoding %s', TypeError);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  'The feature %s is unavailable on the current platform, which is being used to run Node.js',
  TypeError);
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
E('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
E('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
E('ERR_HTTP_SOCKET_ENCODING',
  'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error);
E('ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR',
  'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_INSPECTOR_ALREADY_ACTIVATED',
  'Inspector is already activated. Close it with inspector.close() before activating it again.',
  Error);
E('ERR_INSPECTOR_ALREADY_CONNECTED', '%s is already connected', Error);
E('ERR_INSPECTOR_CLOSED', 'Session was closed', Error);
E('ERR_INSPECTOR_COMMAND', 'Inspector error %d: %s', Error);
E('ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active', Error);
E('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error);
E('ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected', Error);
E('ERR_INSPECTOR_NOT_WORKER', 'Current thread is not a worker', Error);
E('ERR_INVALID_ADDRESS', 'Invalid socket address', Error);
E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);
E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  if (typeof name !== 'string') throw new TypeError("'name' must be a string");
  return `${describeExpected(name, expected)}. Received ${determineSpecificType(actual)}`;
}, TypeError);
E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);
E('ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_FILE_URL_HOST',
  'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => {
  return `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`;
}, TypeError);
E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) => {
  return `Invalid package config ${path}${base ? ` while importing ${base}` : ''}` +
    `${message ? `. ${message}` : ''}`;
}, Error);
E('ERR_INVALID_PACKAGE_TARGET',
  (pkgPath, key, target, isImport = false, base = undefined) => {
    const relError = typeof target === 'string' && !isImport &&
      target.length > 0 && !target.startsWith('./');
    const from = base ? ` imported from ${base}` : '';
    const rel = relError ? '; targets must start with "./"' : '';
    const where = `in the package config ${pkgPath}package.json`;
    if (key === '.') {
      return `Invalid "exports" main target ${JSON.stringify(target)} defined ` +
        `${where}${from}${rel}`;
    }
    return `Invalid "${isImport ? 'imports' : 'exports'}" target ` +
      `${JSON.stringify(target)} defined for '${key}' ${where}${from}${rel}`;
  }, Error);
E('ERR_INVALID_REPL_EVAL_CONFIG',
  'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', TypeError);
E('ERR_INVALID_REPL_INPUT', '%s', TypeError);
E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) => {
  return `Expected ${input} to be returned for the "${prop}" from the` +
    ` "${name}" hook but got ${determineSpecificType(value)}.`;
}, TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}" function but got ` +
    `${determineSpecificType(value)}.`;
}, TypeError, RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_INVALID_SYNC_FORK_INPUT',
  'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s',
  TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_URL', function(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  return `The URL must be ${expected.length === 2 ? 'one of scheme' : 'of scheme'} ` +
    formatList(expected);
}, TypeError);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', (...args) => {
  if (args.length === 0) throw new TypeError('At least one arg needs to be specified');
  const wrap = (a) => `"${a}"`;
  const names = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  const list = names.length <= 2 ? names.join(' and ') :
    `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
  return `The ${list} argument${args.length > 1 ? 's' : ''} must be specified`;
}, TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_MODULE_NOT_FOUND', (path, base, type = 'package') => {
  return `Cannot find ${type} '${path}' imported from ${base}`;
}, Error);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_NO_CRYPTO', 'Node.js is not compiled with OpenSSL crypto support', Error);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, packagePath, base) => {
  return `Package import specifier "${specifier}" is not defined` +
    `${packagePath ? ` in package ${packagePath}package.json` : ''} imported from ${base}`;
}, TypeError);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', (pkgPath, subpath, base = undefined) => {
  const from = base ? ` imported from ${base}` : '';
  if (subpath === '.') return `No "exports" main defined in ${pkgPath}package.json${from}`;
  return `Package subpath '${subpath}' is not defined by "exports" in ` +
    `${pkgPath}package.json${from}`;
}, Error);
E('ERR_REQUIRE_ESM', (filename, hasEsmSyntax, parentPath = null, packageJsonPath = null) => {
  let msg = `require() of ES Module ${filename}` +
    `${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  const dynamicImport =
    'a dynamic import() which is available in all CommonJS modules.';
  if (!packageJsonPath) {
    if (filename.endsWith('.mjs')) {
      msg += `\nInstead change the require of ${filename} to ${dynamicImport}`;
    }
    return msg;
  }
  const base = (p) => p.slice(p.lastIndexOf('/') + 1);
  const basename = parentPath && base(filename) === base(parentPath) ?
    filename : base(filename);
  if (hasEsmSyntax) {
    return `${msg}\nInstead change the require of ${basename} in ${parentPath} to ` +
      dynamicImport;
  }
  return `${msg}\n${basename} is treated as an ES module file as it is a .js file whose ` +
    'nearest parent package.json contains "type": "module" which declares all .js ' +
    `files in that package scope as ES modules.\nInstead either rename ${basename} to ` +
    'end in .cjs, change the requiring code to use dynamic import() which is available ' +
    'in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ' +
    `${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES ` +
    'modules instead).\n';
}, Error);
E('ERR_SCRIPT_EXECUTION_INTERRUPTED',
  'Script execution was interrupted by `SIGINT`', Error);
E('ERR_SERVER_ALREADY_LISTEN',
  'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
E('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. ` +
    `Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_SOCKET_BAD_TYPE',
  'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
  'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_SYNTHETIC', 'JavaScript Callstack', Error);
E('ERR_TLS_CERT_ALTNAME_INVALID', function(reason, host, cert) {
  this.reason = reason;
  this.host = host;
  this.cert = cert;
  return `Hostname/IP does not match certificate's altnames: ${reason}`;
}, Error);
E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
E('ERR_UNAVAILABLE_DURING_EXIT',
  'Cannot call function in process exit handler', Error);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);
E('ERR_UNHANDLED_REJECTION',
  'This error originated either by throwing inside of an async function without a ' +
  'catch block, or by rejecting a promise which was not handled with .catch(). ' +
  'The promise rejected with the reason "%s".', Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', (path, base) => {
  return `Directory import '${path}' is not supported resolving ES modules imported ` +
    `from ${base}`;
}, Error);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
E('ERR_WORKER_UNSUPPORTED_OPERATION', '%s is not supported in workers', TypeError);
E('ERR_WORKER_INIT_FAILED', 'Worker initialization failure: %s', Error);
E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
E('ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed', Error);
E('ERR_WORKER_PATH', (filename) => {
  let hint = '';
  if (/^https?:/.test(filename)) hint = ' Wrap file:// URLs with `new URL`.';
  else if (/^data:/.test(filename)) hint = ' Wrap data: URLs with `new URL`.';
  return 'The worker script or module filename must be an absolute path or a relative ' +
    `path starting with './' or '../'.${hint} Received "${filename}"`;
}, TypeError);
E('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', TypeError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const at = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid${at}`;
}, TypeError);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  "Unexpected argument '%s'. This command does not take positional arguments", TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const hint = allowPositionals ? '. To specify a positional argument starting with a \'-\', ' +
    `place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${hint}`;
}, TypeError);
E('ERR_TEST_FAILURE', function(error, failureType) {
  this.failureType = failureType;
  this.cause = error;
  return 'test failed';
}, Error);
// nodus's own code for features that are not built yet.
E('ERR_NOT_IMPLEMENTED', '%s is not implemented in nodus yet', Error);

// ---- libuv / system errors -------------------------------------------------

// Linux libuv error numbers, names and strerror texts, used when the runtime
// gives only an errno. Format: "errno name message" separated by '|'.
const kUvErrors = (
  '-7 E2BIG argument list too long|-13 EACCES permission denied|' +
  '-98 EADDRINUSE address already in use|-99 EADDRNOTAVAIL address not available|' +
  '-97 EAFNOSUPPORT address family not supported|' +
  '-11 EAGAIN resource temporarily unavailable|-3000 EAI_ADDRFAMILY address family not supported|' +
  '-3001 EAI_AGAIN temporary failure|-3002 EAI_BADFLAGS bad ai_flags value|' +
  '-3013 EAI_BADHINTS invalid value for hints|-3003 EAI_CANCELED request canceled|' +
  '-3004 EAI_FAIL permanent failure|-3005 EAI_FAMILY ai_family not supported|' +
  '-3006 EAI_MEMORY out of memory|-3007 EAI_NODATA no address|' +
  '-3008 EAI_NONAME unknown node or service|-3009 EAI_OVERFLOW argument buffer overflow|' +
  '-3014 EAI_PROTOCOL resolved protocol is unknown|' +
  '-3010 EAI_SERVICE service not available for socket type|' +
  '-3011 EAI_SOCKTYPE socket type not supported|-114 EALREADY connection already in progress|' +
  '-9 EBADF bad file descriptor|-16 EBUSY resource busy or locked|' +
  '-125 ECANCELED operation canceled|-4080 ECHARSET invalid Unicode character|' +
  '-103 ECONNABORTED software caused connection abort|-111 ECONNREFUSED connection refused|' +
  '-104 ECONNRESET connection reset by peer|-89 EDESTADDRREQ destination address required|' +
  '-17 EEXIST file already exists|-14 EFAULT bad address in system call argument|' +
  '-27 EFBIG file too large|-113 EHOSTUNREACH host is unreachable|' +
  '-4 EINTR interrupted system call|-22 EINVAL invalid argument|-5 EIO i/o error|' +
  '-106 EISCONN socket is already connected|-21 EISDIR illegal operation on a directory|' +
  '-40 ELOOP too many symbolic links encountered|-24 EMFILE too many open files|' +
  '-90 EMSGSIZE message too long|-36 ENAMETOOLONG name too long|-100 ENETDOWN network is down|' +
  '-101 ENETUNREACH network is unreachable|-23 ENFILE file table overflow|' +
  '-105 ENOBUFS no buffer space available|-19 ENODEV no such device|' +
  '-2 ENOENT no such file or directory|-12 ENOMEM not enough memory|' +
  '-64 ENONET machine is not on the network|-92 ENOPROTOOPT protocol not available|' +
  '-28 ENOSPC no space left on device|-38 ENOSYS function not implemented|' +
  '-107 ENOTCONN socket is not connected|-20 ENOTDIR not a directory|' +
  '-39 ENOTEMPTY directory not empty|-88 ENOTSOCK socket operation on non-socket|' +
  '-95 ENOTSUP operation not supported on socket|' +
  '-75 EOVERFLOW value too large for defined data type|-1 EPERM operation not permitted|' +
  '-32 EPIPE broken pipe|-71 EPROTO protocol error|' +
  '-93 EPROTONOSUPPORT protocol not supported|-91 EPROTOTYPE protocol wrong type for socket|' +
  '-34 ERANGE result too large|-30 EROFS read-only file system|' +
  '-108 ESHUTDOWN cannot send after transport endpoint shutdown|-29 ESPIPE invalid seek|' +
  '-3 ESRCH no such process|-110 ETIMEDOUT connection timed out|-26 ETXTBSY text file is busy|' +
  '-18 EXDEV cross-device link not permitted|-4094 UNKNOWN unknown error|-4095 EOF end of file|' +
  '-6 ENXIO no such device or address|-31 EMLINK too many links|-112 EHOSTDOWN host is down|' +
  '-121 EREMOTEIO remote I/O error|-25 ENOTTY inappropriate ioctl for device|' +
  '-4028 EFTYPE inappropriate file type or format|-84 EILSEQ illegal byte sequence|' +
  '-94 ESOCKTNOSUPPORT socket type not supported|-61 ENODATA no data available|' +
  '-49 EUNATCH protocol driver not attached');
let uvErrmap;
// Returns [name, message] for a negative libuv errno.
function uvErrmapGet(errno) {
  if (uvErrmap === undefined) {
    uvErrmap = new Map();
    for (const entry of kUvErrors.split('|')) {
      const first = entry.indexOf(' ');
      const second = entry.indexOf(' ', first + 1);
      uvErrmap.set(Number(entry.slice(0, first)),
                   [entry.slice(first + 1, second), entry.slice(second + 1)]);
    }
  }
  return uvErrmap.get(errno);
}
function uvErrName(errno) {
  const entry = uvErrmapGet(errno);
  return entry === undefined ? `Unknown system error ${errno}` : entry[0];
}

// Builds the error for a failed libuv call. `ctx` comes from the runtime's C++:
// { errno, code, message, syscall, path, dest }, where `message` is the strerror
// text; missing names/texts are looked up in the table above.
function uvException(ctx) {
  const entry = uvErrmapGet(ctx.errno);
  const code = ctx.code || (entry ? entry[0] : 'UNKNOWN');
  const text = ctx.message || (entry ? entry[1] : 'unknown error');
  let message = `${code}: ${text}, ${ctx.syscall}`;
  if (ctx.path != null) message += ` '${ctx.path}'`;
  if (ctx.dest != null) message += ` -> '${ctx.dest}'`;

  const err = new Error(message);
  for (const prop of Object.keys(ctx)) {
    if (prop === 'message' || prop === 'path' || prop === 'dest') continue;
    err[prop] = ctx[prop];
  }
  err.code = code;
  if (ctx.path != null) err.path = ctx.path;
  if (ctx.dest != null) err.dest = ctx.dest;
  Error.captureStackTrace(err, uvException);
  return err;
}
// `new UVException(ctx)` and `UVException(ctx)` both work.
function UVException(ctx) {
  return uvException(ctx);
}

// A failed libuv call that has no path but a network address.
function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = uvErrName(err);
  let details = port > 0 ? `${address}:${port}` : address;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code} ${details}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  Error.captureStackTrace(ex, exceptionWithHostPort);
  return ex;
}

// `syscall ECODE [original]`, e.g. "spawn ENOENT": a plain Error, as Node
// prints it ("Error: write EPIPE").
function errnoException(err, syscall, original) {
  const code = uvErrName(err);
  const ex = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  Error.captureStackTrace(ex, errnoException);
  return ex;
}

function dnsException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    code = uvErrName(code);
  }
  const ex = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  Error.captureStackTrace(ex, dnsException);
  return ex;
}

// ---- other helpers ---------------------------------------------------------

// A failed system call reported by the runtime's C++ with a context object
// { errno, code, message, syscall, path?, dest? }: "A system error occurred:
// uv_os_get_passwd returned ENOENT (no such file or directory)".
class SystemError extends Error {
  // `boundary`: the stack starts at its caller (for helpers that build these).
  constructor(key, context, boundary) {
    super();
    let message = `${messages.get(key)}: ${context.syscall} returned ` +
      `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    this.code = key;
    Object.defineProperty(this, kIsNodeError, { value: true });
    Object.defineProperty(this, 'name', {
      value: 'SystemError', enumerable: false, writable: true, configurable: true,
    });
    Object.defineProperty(this, 'message', {
      value: message, enumerable: false, writable: true, configurable: true,
    });
    Object.defineProperty(this, 'info', {
      value: context, enumerable: true, configurable: true, writable: false,
    });
    for (const prop of ['errno', 'syscall', 'path', 'dest']) {
      if (prop !== 'errno' && prop !== 'syscall' && context[prop] === undefined) continue;
      Object.defineProperty(this, prop, {
        get() { return context[prop]; },
        set(value) { context[prop] = value; },
        enumerable: true, configurable: true,
      });
    }
    captureStackWithCode(this, key, boundary);
  }
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}
messages.set('ERR_SYSTEM_ERROR', 'A system error occurred');
codes.ERR_SYSTEM_ERROR = class NodeError extends SystemError {
  constructor(context) {
    super('ERR_SYSTEM_ERROR', context);
  }
};
messages.set('ERR_TTY_INIT_FAILED', 'TTY initialization failed');
codes.ERR_TTY_INIT_FAILED = class NodeError extends SystemError {
  constructor(context) {
    super('ERR_TTY_INIT_FAILED', context);
  }
};
// fs's SystemErrors (rm and cp).
for (const [key, prefix] of [
  ['ERR_FS_EISDIR', 'Path is a directory'],
  ['ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite directory with non-directory'],
  ['ERR_FS_CP_EEXIST', 'Target already exists'],
  ['ERR_FS_CP_EINVAL', 'Invalid src or dest'],
  ['ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite non-directory with directory'],
  ['ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self'],
  ['ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type'],
]) {
  messages.set(key, prefix);
  codes[key] = class NodeError extends SystemError {
    constructor(context, boundary) {
      super(key, context, boundary);
    }
  };
}


class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// When a cleanup step fails after another error, report both.
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

// `new NotImplemented('fs.watch')` style helper for unbuilt features.
function notImplemented(feature) {
  return new codes.ERR_NOT_IMPLEMENTED(feature);
}

// Raised (by the runtime) for a rejection whose reason is not an Error.
class UnhandledPromiseRejection extends Error {
  constructor(reasonText) {
    super(getMessage('ERR_UNHANDLED_REJECTION', messages.get('ERR_UNHANDLED_REJECTION'),
                     [reasonText]));
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  value: 'UnhandledPromiseRejection', writable: true, configurable: true,
});

module.exports = {
  AbortError,
  SystemError,
  UVException,
  UnhandledPromiseRejection,
  addNumericalSeparator,
  aggregateTwoErrors,
  codes,
  determineSpecificType,
  dnsException,
  errnoException,
  exceptionWithHostPort,
  getMessage: (key, args, self) => getMessage(key, messages.get(key), args, self),
  hideStackFrames,
  isErrorStackTraceLimitWritable,
  kIsNodeError,
  messages,
  notImplemented,
  uvErrmapGet,
  uvErrName,
  uvException,
};
