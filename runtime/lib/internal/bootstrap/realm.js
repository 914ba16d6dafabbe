'use strict';
// The builtin module loader. C++ runs this file first, with `require`
// undefined; it returns requireBuiltin, through which everything else loads.
// Builtins are the files under runtime/lib, embedded at build time; ids under
// internal/ are never visible to user code.

const { compile, ids } = internalBinding('builtins');

const builtinIds = new Set(ids);
const cache = new Map();

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
  // Like Node, process.moduleLoadList records every builtin loaded, in order.
  if (process.moduleLoadList !== undefined) process.moduleLoadList.push(`NativeModule ${id}`);
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

module.exports = { requireBuiltin, BuiltinModule };
cache.set('internal/bootstrap/realm', module);
module.loaded = true;
