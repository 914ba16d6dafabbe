'use strict';
// The async context that AsyncLocalStorage reads, and the async ids that
// executionAsyncId()/triggerAsyncId() report.
//
// A "frame" is undefined (no store anywhere) or a Map from AsyncLocalStorage
// to its store; frames are never mutated once current, so capturing one is
// just keeping a reference. The current frame lives in V8's
// continuation-preserved embedder data (the async_context binding): V8 keeps
// it with every promise reaction when the reaction is created (then(),
// await) and restores it while the reaction runs. Everything else that runs
// later (ticks, timers, immediates, queueMicrotask, AsyncResource) captures
// the frame when scheduled and calls enterScope/exitScope around its
// callback; these also switch the async ids and the execution resource.

const { getFrame, setFrame } = internalBinding('async_context');

// The main module runs as async id 1 triggered by 0, as in Node.
let lastAsyncId = 1;
let executionId = 1;
let triggerId = 0;
const topLevelResource = {};
let executionResource = topLevelResource;

// [frame, executionId, triggerId, resource] of every scope entered.
const scopeStack = [];

function newAsyncId() {
  return ++lastAsyncId;
}

function executionAsyncId() {
  return executionId;
}

function triggerAsyncId() {
  return triggerId;
}

function executionAsyncResource() {
  return executionResource;
}

// Runs what follows (until exitScope) as `resource` with id `asyncId`, in
// `frame`. Callers pair it with exitScope in a finally block.
function enterScope(frame, asyncId, trigger, resource) {
  scopeStack.push(setFrame(frame), executionId, triggerId, executionResource);
  executionId = asyncId;
  triggerId = trigger;
  executionResource = resource;
}

function exitScope() {
  executionResource = scopeStack.pop();
  triggerId = scopeStack.pop();
  executionId = scopeStack.pop();
  setFrame(scopeStack.pop());
}

// A frame like `frame` but with `key` mapped to `store` (or removed when
// `remove`).
function deriveFrame(frame, key, store, remove) {
  const next = frame === undefined ? new Map() : new Map(frame);
  if (remove) next.delete(key);
  else next.set(key, store);
  return next.size === 0 ? undefined : next;
}

module.exports = {
  getFrame,
  setFrame,
  newAsyncId,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  enterScope,
  exitScope,
  deriveFrame,
};
