'use strict';
// The global console: like node's, a plain object (its prototype is an empty
// object, not Console.prototype) whose methods are bound to it and that writes
// to process.stdout / process.stderr, looked up at each call.

const {
  Console,
  bindMethods,
  initState,
  kBindStreamsLazy,
} = require('internal/console/constructor');

const globalConsole = Object.create({});

// Copy Console.prototype's own members; symbol-keyed helpers stay hidden.
for (const key of Reflect.ownKeys(Console.prototype)) {
  if (key === 'constructor') continue;
  const desc = Object.getOwnPropertyDescriptor(Console.prototype, key);
  if (typeof key === 'symbol') desc.enumerable = false;
  Object.defineProperty(globalConsole, key, desc);
}
Object.defineProperty(globalConsole, Symbol.toStringTag, {
  value: 'console', writable: false, enumerable: false, configurable: true,
});

initState(globalConsole, {});
globalConsole[kBindStreamsLazy](() => process.stdout, () => process.stderr);
bindMethods(globalConsole);

globalConsole.Console = Console;

// Inspector-only methods are no-ops outside the inspector, as in node.
for (const name of ['profile', 'profileEnd', 'timeStamp', 'context', 'createTask']) {
  const noop = function() {};
  Object.defineProperty(noop, 'name', { value: name });
  globalConsole[name] = noop;
}

// Each method also calls V8's console method when an inspector exists, so
// debuggers see console output (Runtime.consoleAPICalled). The native bound
// consoleCall keeps the user's frame on top of the stack V8 records.
const consoleFromVM = require('internal/console/from_vm');
const { consoleCall } = internalBinding('inspector');
for (const key of Object.keys(consoleFromVM)) {
  const inspectorMethod = consoleFromVM[key];
  const nodeMethod = globalConsole[key];
  if (typeof inspectorMethod !== 'function' || typeof nodeMethod !== 'function') continue;
  const wrapped = consoleCall.bind(globalConsole, inspectorMethod, nodeMethod);
  Object.defineProperty(wrapped, 'name', { value: key });
  globalConsole[key] = wrapped;
}

module.exports = globalConsole;
