'use strict';
// Running source given on the command line (-e, -p) or on stdin, the way
// Node does: as a script named [eval] / [stdin] whose `require`, `module`,
// `exports`, `__filename` and `__dirname` are globals.

const path = require('path');
const { Module, makeRequireFunction } = require('internal/modules/cjs/loader');
const { runInThisContext } = internalBinding('contextify');

// In -e, -p and the REPL, builtin modules are globals (`fs.readFileSync`
// just works), loaded on first use; assigning the name replaces the getter.
function addBuiltinLibsToObject(object) {
  const { Module } = require('internal/modules/cjs/loader');
  for (const id of Module.builtinModules) {
    // Like node, the module wins over a global of the same name (`crypto`).
    if (id.startsWith('_') || id.includes('/')) continue;
    Object.defineProperty(object, id, {
      __proto__: null,
      enumerable: false,
      configurable: true,
      get() {
        const value = require('internal/modules/cjs/loader').Module._load(id, null, false);
        Object.defineProperty(object, id, {
          __proto__: null, value, writable: true, enumerable: false, configurable: true,
        });
        return value;
      },
      set(value) {
        Object.defineProperty(object, id, {
          __proto__: null, value, writable: true, enumerable: true, configurable: true,
        });
      },
    });
  }
}

function evalScript(name, body, print) {
  addBuiltinLibsToObject(globalThis);
  const module = new Module(name);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  const define = (key, value) => Object.defineProperty(globalThis, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
  define('module', module);
  define('exports', module.exports);
  define('require', makeRequireFunction(module));
  define('__filename', name);
  define('__dirname', '.');
  // --inspect-brk -e: "Break on start" on the first statement of the code.
  const result = name === '[eval]' && internalBinding('options').inspectBrk ?
    internalBinding('inspector').callAndPauseOnStart(runInThisContext, undefined, body, name) :
    runInThisContext(body, name);
  if (print) {
    // -p prints the completion value when the process exits (as Node).
    process.on('exit', () => {
      require('console').log(result);
    });
  }
  return result;
}

module.exports = { evalScript, addBuiltinLibsToObject };
