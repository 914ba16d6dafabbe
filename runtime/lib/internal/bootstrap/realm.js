'use strict';
// The builtin module loader. C++ runs this file first, with `require`
// undefined; it returns requireBuiltin, through which everything else loads.
// Builtins are the files under runtime/lib, embedded at build time; ids under
// internal/ are never visible to user code.

const { compile, ids } = internalBinding('builtins');

const builtinIds = new Set(ids);
const cache = new Map();
// Like Node, process.moduleLoadList records every builtin loaded, in order
// (internal/bootstrap/node makes this array process.moduleLoadList).
const moduleLoadList = [];

// Module top-level code that needs the process set up (argv, env, execPath)
// registers it here. It runs once internal/bootstrap/node has set up
// `process`: at once for modules loaded later, and, for modules evaluated
// before (at build time, in the startup snapshot), in every process at start.
const processReadyHooks = [];
let processReady = false;
function onProcessReady(fn) {
  if (processReady) fn();
  else processReadyHooks.push(fn);
}
function setProcessReady() {
  processReady = true;
  for (const fn of processReadyHooks) fn();
  processReadyHooks.length = 0;
}

class BuiltinModule {
  constructor(id) {
    this.id = id;
    this.exports = {};
    this.loaded = false;
    this.loading = false;
  }

  static exists(id) {
    return builtinIds.has(id);
  }

  // Public builtins only; internal/* stay private.
  static canBeRequiredByUsers(id) {
    return builtinIds.has(id) && !id.startsWith('internal/');
  }

  static getIds() {
    return ids;
  }
}

function requireBuiltin(id) {
  const cached = cache.get(id);
  if (cached !== undefined) return cached.exports;
  if (!builtinIds.has(id)) {
    throw new Error(`No such built-in module: ${id}`);
  }
  const mod = new BuiltinModule(id);
  cache.set(id, mod);
  moduleLoadList.push(`NativeModule ${id}`);
  const fn = compile(id);
  mod.loading = true;
  // try/finally, not catch-and-rethrow: a rethrow would move the reported
  // source location of the user's error here.
  let ok = false;
  try {
    fn(mod.exports, requireBuiltin, mod, process, internalBinding, undefined);
    ok = true;
  } finally {
    if (!ok) cache.delete(id);
  }
  mod.loading = false;
  mod.loaded = true;
  return mod.exports;
}

module.exports = {
  requireBuiltin, BuiltinModule, moduleLoadList, onProcessReady, setProcessReady,
};
cache.set('internal/bootstrap/realm', module);
module.loaded = true;
