'use strict';
// CommonJS modules with Node's observable behaviour: Module, require,
// require.resolve(.paths), require.cache, cycles returning partial exports,
// JSON modules and the wrapper (exports, require, module, __filename,
// __dirname). Resolution itself is C++ (runtime/resolve) so the language
// server resolves exactly as the runtime does.

const path = require('path');
const { BuiltinModule, requireBuiltin } = require('internal/bootstrap/realm');
const modulesBinding = internalBinding('modules');
const { compileFunction, runInThisContext } = internalBinding('contextify');
const { readFileUtf8 } = internalBinding('fs');

const kWrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];
const moduleParentCache = new WeakMap();
const relativeResolveCache = { __proto__: null };
let requireDepth = 0;

function setOwnProperty(object, key, value) {
  Object.defineProperty(object, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

// An Error whose stack starts "Error [CODE]: message", as Node's errors do.
function makeNodeError(Base, code, message) {
  const error = new Base(message);
  Object.defineProperty(error, 'name', {
    __proto__: null, value: `${Base.name} [${code}]`, writable: true, configurable: true,
  });
  error.stack; // eslint-disable-line no-unused-expressions
  delete error.name;
  error.code = code;
  return error;
}

function notImplementedBuiltin(what) {
  return makeNodeError(Error, 'ERR_NOT_IMPLEMENTED', `'${what}' is not implemented in nodus yet`);
}

function updateChildren(parent, child, scan) {
  const children = parent && parent.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  setOwnProperty(this, 'exports', {});
  moduleParentCache.set(this, parent);
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

Object.defineProperty(Module.prototype, 'parent', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return moduleParentCache.get(this); },
  set(value) { moduleParentCache.set(this, value); },
});

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
// From NODE_PATH, HOME and the executable's path: per process.
Module.globalPaths = [];
require('internal/bootstrap/realm').onProcessReady(() => {
  Module.globalPaths = modulesBinding.globalPaths(process.execPath);
});
Module.builtinModules = Object.freeze(modulesBinding.builtinModules.slice());
let wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
let wrap = function(script) {
  return wrapper[0] + script + wrapper[1];
};
const defaultWrapper = wrapper;
const defaultWrap = wrap;
// Accessors, as in node: tools that patch them are honoured by wrapSafe.
Object.defineProperty(Module, 'wrap', {
  __proto__: null, enumerable: false, configurable: false,
  get() { return wrap; },
  set(value) { wrap = value; },
});
Object.defineProperty(Module, 'wrapper', {
  __proto__: null, enumerable: false, configurable: false,
  get() { return wrapper; },
  set(value) { wrapper = value; },
});

Module._nodeModulePaths = function(from) {
  return modulesBinding.nodeModulePaths(path.resolve(from));
};

function parentFile(parent) {
  if (parent && parent.filename) return parent.filename;
  return path.join(process.cwd(), '[eval]');
}

Module._resolveLookupPaths = function(request, parent) {
  return modulesBinding.lookupPaths(request, parentFile(parent));
};

function isBuiltinRequest(request) {
  return modulesBinding.isBuiltin(request) && !request.startsWith('node:');
}

function requireStackOf(parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    stack.push(cursor.filename || cursor.id);
  }
  return stack;
}

// Builds the error Node throws from the resolver's failure record.
function resolutionError(parent, failure) {
  const [, message, code, withRequireStack, errorPath, requestPath, syntaxError] = failure;
  if (syntaxError) {
    const error = new SyntaxError(message);
    error.path = errorPath;
    return error;
  }
  if (code === 'MODULE_NOT_FOUND') {
    let text = message;
    const error = new Error(text);
    error.code = code;
    if (withRequireStack) {
      const requireStack = requireStackOf(parent);
      if (requireStack.length > 0) {
        text += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
        error.message = text;
      }
      error.requireStack = requireStack;
    }
    if (errorPath) error.path = errorPath;
    if (requestPath) error.requestPath = requestPath;
    return error;
  }
  const error = makeNodeError(code === 'ERR_INVALID_MODULE_SPECIFIER' ||
    code === 'ERR_INVALID_URL_SCHEME' ? TypeError : Error, code, message);
  return error;
}

function checkResolution(parent, resolution) {
  if (resolution[0] === 2) {
    const error = resolutionError(parent, resolution);
    // The stack starts where Node's does: in the caller (_resolveFilename).
    Error.captureStackTrace(error, checkResolution);
    throw error;
  }
  if (resolution[2]) process.emitWarning(resolution[2], 'DeprecationWarning', 'DEP0128');
  return resolution;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  if (isBuiltinRequest(request)) return request;
  let paths;
  if (options !== null && typeof options === 'object' && Array.isArray(options.paths)) {
    paths = options.paths.map((p) => path.resolve(p));
  }
  const [kind, value] = checkResolution(parent,
    modulesBinding.resolve(request, parentFile(parent), paths));
  if (kind === 1) return request.startsWith('node:') ? request : value;
  return value;
};

// A Node builtin nodus has not built yet. Many packages require such modules
// at load time and use them only on some paths (commander and
// child_process), so requiring succeeds; using any member throws
// ERR_NOT_IMPLEMENTED naming it. Nothing half-works silently.
const unbuiltModules = new Map();
function unbuiltModule(id) {
  let proxy = unbuiltModules.get(id);
  if (proxy !== undefined) return proxy;
  const target = {};
  const reflective = new Set(['__esModule', 'then', 'constructor', 'toJSON']);
  proxy = new Proxy(target, {
    get(_, key) {
      if (key === Symbol.toStringTag) return `nodus: '${id}' is not implemented`;
      if (typeof key === 'symbol' || reflective.has(key)) return undefined;
      throw notImplementedBuiltin(`${id}.${key}`);
    },
    has() { return false; },
    ownKeys() { return []; },
    set(_, key) { throw notImplementedBuiltin(`${id}.${String(key)}`); },
  });
  unbuiltModules.set(id, proxy);
  return proxy;
}

function loadBuiltin(id, request) {
  if (!BuiltinModule.canBeRequiredByUsers(id)) {
    if (modulesBinding.isBuiltin(`node:${id}`)) return unbuiltModule(id);
    throw makeNodeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
  }
  return requireBuiltin(id);
}

function getExportsForCircularRequire(module) {
  return module.exports;
}

Module._load = function(request, parent, isMain) {
  let relativeKey;
  if (parent) {
    relativeKey = `${parent.path}\x00${request}`;
    const cachedName = relativeResolveCache[relativeKey];
    if (cachedName !== undefined) {
      const cached = Module._cache[cachedName];
      if (cached !== undefined) {
        updateChildren(parent, cached, true);
        return cached.loaded ? cached.exports : getExportsForCircularRequire(cached);
      }
      delete relativeResolveCache[relativeKey];
    }
  }

  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!modulesBinding.isBuiltin(request)) {
      throw makeNodeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
    }
    return loadBuiltin(id, request);
  }

  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    updateChildren(parent, cached, true);
    return cached.loaded ? cached.exports : getExportsForCircularRequire(cached);
  }
  if (isBuiltinRequest(filename)) return loadBuiltin(filename, request);

  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  if (parent !== undefined && parent !== null) relativeResolveCache[relativeKey] = filename;

  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined && parent !== null) {
        delete relativeResolveCache[relativeKey];
        const children = parent.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let index = 0;
  let currentExtension;
  while ((index = name.indexOf('.', index + 1)) !== -1) {
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

// `nodus --watch` (watch/): when NODUS_WATCH_REPORT_FD names a descriptor
// the supervisor gave us, every file the loader reads (modules, JSON, and the
// package.json files the resolver read) is written to it, one absolute path
// per line, synchronously. Without the variable nothing happens.
let watchReportFd;
let watchReportedPackages = 0;
function reportToWatcher(filename) {
  if (watchReportFd === undefined) {
    const fd = Number(process.env.NODUS_WATCH_REPORT_FD);
    watchReportFd = Number.isInteger(fd) && fd > 2 ? fd : -1;
  }
  if (watchReportFd < 0) return;
  let text = `${filename}\n`;
  const packages = modulesBinding.packageJsonFiles(watchReportedPackages);
  watchReportedPackages += packages.length;
  for (const file of packages) text += `${file}\n`;
  if (internalBinding('stdio').writeString(watchReportFd, text) !== 0) watchReportFd = -1;
}

Module.prototype.load = function(filename) {
  reportToWatcher(filename);
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(id) {
  if (typeof id !== 'string') {
    require('internal/validators').validateString(id, 'id');
  }
  if (id === '') {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  requireDepth++;
  try {
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
    // Like Node's stat cache, ours lives only as long as one outermost require.
    if (requireDepth === 0) modulesBinding.clearStatCache();
  }
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

// A shebang line is kept as a comment so line and column numbers stay right.
function stripShebang(content) {
  if (content.charCodeAt(0) === 0x23 && content.charCodeAt(1) === 0x21) {
    return `//${content.slice(2)}`;
  }
  return content;
}

function wrapSafe(filename, content) {
  if (Module.wrap !== defaultWrap || Module.wrapper !== defaultWrapper) {
    // Someone patched the wrapper (some tools do): honour it.
    return runInThisContext(Module.wrap(content), filename);
  }
  return compileFunction(content, filename, kWrapperParams);
}

Module.prototype._compile = function(content, filename) {
  const compiledWrapper = wrapSafe(filename, stripShebang(content));
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  const args = [exports, require, this, filename, dirname];
  // --inspect-brk: "Break on start" on the main module's first statement.
  if (this.id === '.' && !breakOnStartDone && internalBinding('options').inspectBrk) {
    breakOnStartDone = true;
    return internalBinding('inspector').callAndPauseOnStart(compiledWrapper, exports, ...args);
  }
  return Reflect.apply(compiledWrapper, exports, args);
};
let breakOnStartDone = false;

// nodus does not load ES modules yet: say so with Node's error code.
function requireEsmError(filename, parent) {
  const from = parent && parent.filename ? ` from ${parent.filename}` : '';
  return makeNodeError(Error, 'ERR_REQUIRE_ESM',
    `require() of ES Module ${filename}${from} not supported.\n` +
    'nodus does not load ES modules yet (only CommonJS).');
}

Module._extensions['.js'] = function(module, filename) {
  if (filename.endsWith('.js') && modulesBinding.packageType(filename) === 'module') {
    throw requireEsmError(filename, moduleParentCache.get(module));
  }
  module._compile(stripBOM(readFileUtf8(filename)), filename);
};

Module._extensions['.mjs'] = function(module, filename) {
  throw requireEsmError(filename, moduleParentCache.get(module));
};

Module._extensions['.json'] = function(module, filename) {
  const content = readFileUtf8(filename);
  try {
    setOwnProperty(module, 'exports', JSON.parse(stripBOM(content)));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  throw makeNodeError(Error, 'ERR_DLOPEN_FAILED',
    `Cannot load native addon '${filename}': native addons are not supported by nodus yet`);
};

function makeRequireFunction(mod) {
  const require = function require(id) {
    return mod.require(id);
  };
  function resolve(request, options) {
    if (typeof request !== 'string') {
      requireBuiltin('internal/validators').validateString(request, 'request');
    }
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  function paths(request) {
    if (typeof request !== 'string') {
      requireBuiltin('internal/validators').validateString(request, 'request');
    }
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  setOwnProperty(require, 'main', process.mainModule);
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

// file: URL -> absolute path (POSIX), with Node's checks.
function fileURLToPath(href) {
  return requireBuiltin('internal/url').fileURLToPath(href);
}

Module.createRequire = function(filename) {
  let filepath = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filename = filename.href;
  }
  if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.isBuiltin = function(moduleName) {
  return modulesBinding.isBuiltin(`${moduleName}`);
};

Module._initPaths = function() {
  Module.globalPaths = modulesBinding.globalPaths(process.execPath);
};

Module._preloadModules = function(requests) {
  if (!Array.isArray(requests) || requests.length === 0) return;
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const request of requests) parent.require(request);
};

// The user-module compile cache (newer Node's API; NODUS_COMPILE_CACHE=DIR
// turns it on from the environment): V8 code caches keyed by path and
// checked against the source, written at exit.
const compileCacheStatus = Object.freeze({
  __proto__: null, FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3,
});
Module.constants = Object.freeze({ __proto__: null, compileCacheStatus });
Module.enableCompileCache = function enableCompileCache(cacheDir) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) {
    return { status: compileCacheStatus.DISABLED,
             message: 'Disabled by NODE_DISABLE_COMPILE_CACHE' };
  }
  if (cacheDir === undefined) {
    cacheDir = process.env.NODUS_COMPILE_CACHE || process.env.NODE_COMPILE_CACHE ||
      path.join(require('os').tmpdir(), 'nodus-compile-cache');
  }
  const { validateString } = require('internal/validators');
  validateString(cacheDir, 'cacheDir');
  const [status, message, directory] = modulesBinding.enableCompileCache(path.resolve(cacheDir));
  if (status === 'failed') return { status: compileCacheStatus.FAILED, message };
  return {
    status: status === 'enabled' ? compileCacheStatus.ENABLED : compileCacheStatus.ALREADY_ENABLED,
    directory,
  };
};
Module.getCompileCacheDir = function getCompileCacheDir() {
  return modulesBinding.getCompileCacheDir();
};

Module.runMain = function(main = process.argv[1]) {
  const [, value] = checkResolution(null, modulesBinding.resolveMain(main, process.cwd()));
  Module._load(value, null, true);
};

// Module._findPath(request, paths, isMain): the file `request` resolves to
// when searched in `paths`, or false.
Module._findPath = function(request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  const candidates = absolute ? [''] : (paths || []);
  for (const dir of candidates) {
    const [kind, value] = isMain ?
      modulesBinding.resolveMain(absolute ? request : path.resolve(dir, request), process.cwd()) :
      modulesBinding.resolve(absolute ? request : path.resolve(dir, request),
        path.join(process.cwd(), '[eval]'));
    if (kind === 0) return value;
  }
  return false;
};

Module._debug = function() {};

Module.SourceMap = class SourceMap {
  constructor() {
    throw makeNodeError(Error, 'ERR_NOT_IMPLEMENTED', "'module.SourceMap' is not implemented in nodus yet");
  }
};

Module.findSourceMap = function() {
  return undefined;
};
Module.syncBuiltinESMExports = function() {};
Module.register = function() {
  throw notImplementedBuiltin('module.register (ES module hooks)');
};
Module.Module = Module;

module.exports = { Module, makeRequireFunction, wrapSafe, stripShebang, checkResolution };
