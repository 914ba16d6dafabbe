'use strict';
// node:vm — compiling and running code in the main context or in new V8
// contexts whose global object shows a sandbox object's properties.
// Not built yet (they throw ERR_NOT_IMPLEMENTED): the timeout and
// breakOnSigint options, code caches (cachedData is accepted and reported
// rejected), measureMemory, vm modules, microtaskMode.

const {
  codes: { ERR_INVALID_ARG_TYPE },
  notImplemented,
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBuffer,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
  kValidateObjectAllowObjects,
} = require('internal/validators');

const binding = internalBinding('vm');
const { ContextifyScript, makeContext, compileFunction: compileFunctionBinding } = binding;

const kHandle = Symbol('kHandle');

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowObjects);
  return binding.isContext(object);
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

// displayErrors, timeout and breakOnSigint of the run* options.
function getRunOptions(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { displayErrors = true, timeout, breakOnSigint = false } = options || {};
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  if (timeout !== undefined) {
    validateUint32(timeout, 'options.timeout', true);
    throw notImplemented('The vm "timeout" option');
  }
  if (breakOnSigint) throw notImplemented('The vm "breakOnSigint" option');
  return { displayErrors };
}

// Node's Script inherits createCachedData from the native ContextifyScript.
class ScriptBase {
  createCachedData() {
    throw notImplemented('vm.Script#createCachedData');
  }
}

class Script extends ScriptBase {
  constructor(code, options = {}) {
    super();
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (importModuleDynamically !== undefined) {
      throw notImplemented('The vm "importModuleDynamically" option');
    }
    this[kHandle] = new ContextifyScript(code, filename, lineOffset, columnOffset);
    // nodus has no code cache: supplied data is always rejected.
    if (cachedData !== undefined) this.cachedDataRejected = true;
    if (produceCachedData) this.cachedDataProduced = false;
  }

  runInThisContext(options) {
    const { displayErrors } = getRunOptions(options);
    return this[kHandle].runInContext(null, displayErrors);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { displayErrors } = getRunOptions(options);
    return this[kHandle].runInContext(contextifiedObject, displayErrors);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

}

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) {
    validateString(contextOptions.origin, 'options.contextOrigin');
  }
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    contextOptions.codeGeneration = options.contextCodeGeneration;
  }
  return contextOptions;
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject !== undefined && contextObject !== null && isContext(contextObject)) {
    return contextObject;
  }
  validateObject(options, 'options');
  const { name, origin, codeGeneration, microtaskMode, importModuleDynamically } = options;
  if (name !== undefined) validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings = true, wasm = true } = codeGeneration;
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
    if (!strings || !wasm) throw notImplemented('The vm "codeGeneration" option');
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  if (microtaskMode !== undefined) throw notImplemented('The vm "microtaskMode" option');
  if (importModuleDynamically !== undefined) {
    throw notImplemented('The vm "importModuleDynamically" option');
  }
  validateObject(contextObject, 'contextObject', kValidateObjectAllowObjects);
  makeContext(contextObject);
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  return createScript(code, options).runInContext(contextObject, stripContextOptions(options));
}

// The run options without the context-only ones (validated already).
function stripContextOptions(options) {
  if (options === undefined) return undefined;
  const { displayErrors, timeout, breakOnSigint } = options;
  return { displayErrors, timeout, breakOnSigint };
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    for (let i = 0; i < params.length; i++) validateString(params[i], `params[${i}]`);
  }
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData = undefined,
    produceCachedData = false,
    parsingContext = undefined,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null ||
        !binding.isContext(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  for (let i = 0; i < contextExtensions.length; i++) {
    validateObject(contextExtensions[i], `options.contextExtensions[${i}]`,
                   kValidateObjectAllowObjects);
  }
  if (importModuleDynamically !== undefined) {
    throw notImplemented('The vm "importModuleDynamically" option');
  }
  const fn = compileFunctionBinding(code, filename, lineOffset, columnOffset, parsingContext,
                                    contextExtensions, params || []);
  if (cachedData !== undefined) fn.cachedDataRejected = true;
  if (produceCachedData) fn.cachedDataProduced = false;
  return fn;
}

function measureMemory() {
  throw notImplemented('vm.measureMemory');
}

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
