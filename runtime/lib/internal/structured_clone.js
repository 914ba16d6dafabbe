'use strict';
// structuredClone(value): V8's serializer round trip; clone failures become
// a DOMException named DataCloneError, as in browsers and Node.

const binding = internalBinding('serdes');

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_MISSING_ARGS('value');
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    if (options.transfer !== undefined) transfer = Array.from(options.transfer);
  }
  try {
    return binding.structuredClone(value, transfer);
  } catch (err) {
    if (err !== null && typeof err === 'object' && err.code === 'ERR_DATA_CLONE') {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
}

module.exports = { structuredClone };
