'use strict';
// Development aid: loads nodus's JavaScript builtins (runtime/lib) under node,
// so pure-JS builtins can be developed and compared against node before the
// nodus binary exists. Not used by nodus itself or by ctest.
//
//   node --expose-internals -e "
//     const { load } = require('./tests/harness/builtin_loader.js');
//     const { inspect } = load('internal/util/inspect');"
//
// Builtins are wrapped exactly as nodus wraps them:
//   (exports, require, module, process, internalBinding, primordials)
// `require` inside a builtin resolves builtin ids against runtime/lib first
// and falls back to node's own public module of the same id.
// `internalBinding` maps nodus binding names to node's internal bindings where
// nodus promises the same shape (see runtime/src/bindings/*.cc).
const fs = require('fs');
const path = require('path');

const libDir = path.join(__dirname, '..', '..', 'runtime', 'lib');
const cache = new Map();
let nodeInternalBinding;
function internalBinding(name) {
  if (!nodeInternalBinding) {
    nodeInternalBinding = require('internal/test/binding').internalBinding;
  }
  return nodeInternalBinding(name);
}

function load(id) {
  if (cache.has(id)) return cache.get(id).exports;
  const file = path.join(libDir, id + '.js');
  if (!fs.existsSync(file)) return require(id);
  const module = { exports: {}, id };
  cache.set(id, module);
  const source = fs.readFileSync(file, 'utf8');
  const fn = require('vm').compileFunction(source,
    ['exports', 'require', 'module', 'process', 'internalBinding', 'primordials'],
    { filename: file });
  fn.call(module.exports, module.exports, load, module, process, internalBinding, undefined);
  return module.exports;
}

module.exports = { load };
