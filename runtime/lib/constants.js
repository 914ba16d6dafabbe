'use strict';
// node:constants (deprecated): os.constants' dlopen, errno, priority and
// signals groups, fs.constants and crypto.constants merged into one frozen
// object. The modules that own them load only when this one is required;
// while one of them is not built, requiring this module throws
// ERR_NOT_IMPLEMENTED naming it.

function constantsOf(id) {
  let module;
  try {
    module = require(id);
  } catch (error) {
    if (typeof error?.message === 'string' && error.message.startsWith('No such built-in module')) {
      throw require('internal/errors').notImplemented(`The '${id}' module`);
    }
    throw error;
  }
  return module.constants;
}

const os = constantsOf('os');
Object.assign(exports, os.dlopen, os.errno, os.priority, os.signals,
              constantsOf('fs'), constantsOf('crypto'));
Object.freeze(exports);
