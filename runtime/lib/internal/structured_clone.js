'use strict';
// structuredClone(value): V8's serializer round trip; clone failures become
// a DOMException named DataCloneError, as in browsers and Node.

const binding = internalBinding('serdes');

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_MISSING_ARGS('value');
  }
  if (options !== undefined && options !== null && options.transfer !== undefined &&
      options.transfer.length > 0) {
    const err = new Error('structuredClone() with a transfer list is not implemented in nodus yet');
    err.code = 'ERR_NOT_IMPLEMENTED';
    throw err;
  }
  try {
    return binding.structuredClone(value);
  } catch (err) {
    if (err !== null && typeof err === 'object' && err.code === 'ERR_DATA_CLONE') {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
}

module.exports = { structuredClone };
