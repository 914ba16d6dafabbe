'use strict';
// V8's own console object: what the inspector reports as
// Runtime.consoleAPICalled and what `inspector.console` is. Captured when the
// global console is built, before the bootstrap replaces globalThis.console.

module.exports = globalThis.console;
