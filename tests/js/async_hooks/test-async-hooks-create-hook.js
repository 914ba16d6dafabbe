'use strict';
// createHook validates its argument; nodus does not build the hooks yet.
const common = require('../common');
const assert = require('assert');
const { createHook } = require('async_hooks');

if (common.runtimeName() === 'nodus') {
  assert.throws(() => createHook({}), {
    code: 'ERR_NOT_IMPLEMENTED',
    message: 'async_hooks.createHook is not implemented in nodus yet',
  });
} else {
  const hook = createHook({});
  assert.strictEqual(hook.enable(), hook);
  hook.disable();
}
