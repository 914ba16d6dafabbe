'use strict';
// The enumerable own keys of globalThis in a script.
const assert = require('assert');

// Node 20's exact list, in order. nodus may lack some of them for now (fetch,
// crypto), but must not add others, and must have the required ones.
const node20 = [
  'global',
  'clearImmediate', 'setImmediate',
  'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout',
  'queueMicrotask', 'structuredClone', 'atob', 'btoa',
  'performance', 'fetch', 'crypto',
];
const required = [
  'global',
  'clearImmediate', 'setImmediate',
  'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout',
  'queueMicrotask', 'structuredClone', 'atob', 'btoa',
  'performance',
];

const keys = Object.keys(globalThis);
for (const key of keys) assert.ok(node20.includes(key), `unexpected enumerable global: ${key}`);
for (const key of required) assert.ok(keys.includes(key), `missing enumerable global: ${key}`);
// Present keys keep node's relative order.
assert.deepStrictEqual(keys, node20.filter((k) => keys.includes(k)));

// Module-scope names are not globals.
for (const name of ['require', 'module', 'exports', '__filename', '__dirname']) {
  assert.strictEqual(Object.prototype.hasOwnProperty.call(globalThis, name), false, name);
}

// Non-enumerable globals: these must exist...
for (const name of ['process', 'console', 'TextEncoder', 'TextDecoder']) {
  assert.ok(Object.prototype.hasOwnProperty.call(globalThis, name), name);
}
// ...and these (which nodus may not have yet) must be non-enumerable if present.
for (const name of ['process', 'console', 'TextEncoder', 'TextDecoder', 'Buffer', 'URL',
  'URLSearchParams', 'AbortController', 'AbortSignal', 'EventTarget', 'Event', 'DOMException',
  'Blob', 'BroadcastChannel', 'MessageChannel', 'Headers', 'Request', 'Response', 'FormData',
  'WebAssembly']) {
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  if (desc) assert.strictEqual(desc.enumerable, false, name);
}

assert.strictEqual(global, globalThis);
assert.strictEqual(globalThis.global, globalThis);
assert.strictEqual(typeof globalThis.process, 'object');
// A script's top-level var lands in module scope, not on the global.
var notGlobal = 1; // eslint-disable-line no-var
assert.strictEqual(notGlobal, 1);
assert.strictEqual('notGlobal' in globalThis, false);
// Assigning to an undeclared name in sloppy code creates a global; here via globalThis.
globalThis.nodusTestGlobal = 5;
assert.strictEqual(Object.keys(globalThis).includes('nodusTestGlobal'), true);
delete globalThis.nodusTestGlobal;

for (const fn of required.filter((k) => k !== 'global' && k !== 'performance')) {
  assert.strictEqual(typeof globalThis[fn], 'function', fn);
}
assert.strictEqual(typeof performance, 'object');
