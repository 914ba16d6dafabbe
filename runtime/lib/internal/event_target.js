'use strict';
// The DOM's Event, CustomEvent and EventTarget, following node's behaviour:
// listeners run synchronously in order, errors thrown by listeners are
// rethrown on the next tick (an uncaught exception), and the max-listener
// warning mirrors EventEmitter's.

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateAbortSignal, validateObject } = require('internal/validators');

const kIsTrusted = Symbol('kIsTrusted');
const kTrustEvent = Symbol('kTrustEvent');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

let eventsModule;
function lazyEvents() {
  if (eventsModule === undefined) eventsModule = require('events');
  return eventsModule;
}

function now() {
  if (typeof performance !== 'undefined' && typeof performance.now === 'function') {
    return performance.now();
  }
  return Date.now();
}

// Renders "Event { type: 'x', defaultPrevented: false, ... }" in util.inspect.
function inspectFields(name, fields, depth, options, inspect) {
  if (depth < 0) return name;
  const opts = Object.assign({}, options, {
    depth: options.depth == null ? null : options.depth - 1,
  });
  return `${name} ${inspect(fields, opts)}`;
}

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;
  #immediateStopped = false;
  #target = null;
  #currentTarget = null;
  #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null) validateObject(options, 'options');
    this.#type = `${type}`;
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this[kIsTrusted] = !!options?.[kTrustEvent];
  }

  static isEvent(value) {
    return value !== null && typeof value === 'object' && #type in value;
  }

  [kInspect](depth, options, inspect) {
    const name = this.constructor.name;
    return inspectFields(name, {
      type: this.#type,
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, depth, options, inspect);
  }

  initEvent(type, bubbles = false, cancelable = false) {
    checkEvent(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  stopImmediatePropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
    this.#immediateStopped = true;
  }

  preventDefault() {
    checkEvent(this);
    // node 20 ignores `passive` here; so do we, to match it.
    if (this.#cancelable) this.#defaultPrevented = true;
  }

  get target() {
    checkEvent(this);
    return this.#target;
  }

  get currentTarget() {
    checkEvent(this);
    return this.#currentTarget;
  }

  get srcElement() {
    checkEvent(this);
    return this.#target;
  }

  get type() {
    checkEvent(this);
    return this.#type;
  }

  get cancelable() {
    checkEvent(this);
    return this.#cancelable;
  }

  get defaultPrevented() {
    checkEvent(this);
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    checkEvent(this);
    return this.#timestamp;
  }

  composedPath() {
    checkEvent(this);
    return this.#dispatching ? [this.#currentTarget] : [];
  }

  get returnValue() {
    checkEvent(this);
    return !(this.#cancelable && this.#defaultPrevented);
  }

  set returnValue(value) {
    checkEvent(this);
    if (!value) this.preventDefault();
  }

  get bubbles() {
    checkEvent(this);
    return this.#bubbles;
  }

  get composed() {
    checkEvent(this);
    return this.#composed;
  }

  get eventPhase() {
    checkEvent(this);
    return this.#dispatching ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    checkEvent(this);
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    checkEvent(this);
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
  }

  get isTrusted() {
    checkEvent(this);
    return this[kIsTrusted];
  }

  // Used by EventTarget's dispatch only.
  static beginDispatch(event, target) {
    if (event.#dispatching) throw new ERR_EVENT_RECURSION(event.#type);
    event.#dispatching = true;
    event.#target = target;
    event.#currentTarget = target;
  }

  static endDispatch(event) {
    event.#dispatching = false;
    event.#currentTarget = null;
  }

  static immediateStopped(event) {
    return event.#immediateStopped;
  }
}

function checkEvent(value) {
  if (!isEvent(value)) throw new ERR_INVALID_THIS('Event');
}

// The helpers are internal; hide them from the public class.
const { beginDispatch, endDispatch, immediateStopped, isEvent } = Event;
delete Event.beginDispatch;
delete Event.endDispatch;
delete Event.immediateStopped;
delete Event.isEvent;

for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2],
  ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  value: 'Event', configurable: true,
});

class CustomEvent extends Event {
  #detail;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(this !== null && typeof this === 'object' && #detail in this)) {
      throw new ERR_INVALID_THIS('CustomEvent');
    }
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  value: 'CustomEvent', configurable: true,
});

// ---- EventTarget -------------------------------------------------------------

// One registration: { listener, callback, once, capture, passive, removed }.
function makeEntry(listener, options) {
  return {
    listener,
    once: options.once,
    capture: !!options.capture,
    passive: options.passive,
    resist: options.resist,
    removed: false,
    removeAbort: undefined,
  };
}

function normalizeOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return {};
  validateObject(options, 'options', { allowArray: true, allowFunction: true });
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resist: Boolean(options[lazyEvents().kResistStopPropagation]),
  };
}

function validateListener(listener) {
  if (typeof listener === 'function' ||
      typeof listener?.handleEvent === 'function') {
    return true;
  }
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // handleEvent looked up at dispatch
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function makeWarning(message, name) {
  if (typeof process?.emitWarning !== 'function') return;
  const w = new Error(message);
  w.name = name;
  return w;
}

class EventTarget {
  #listeners = new Map(); // type -> array of entries

  static isEventTarget(value) {
    return value !== null && typeof value === 'object' && #listeners in value;
  }

  static listenersOf(target, type) {
    const list = target.#listeners.get(type);
    return list ? list.map((e) => e.listener) : [];
  }

  constructor() {
    const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = lazyEvents();
    this[kMaxEventTargetListeners] = lazyEvents().defaultMaxListeners;
    this[kMaxEventTargetListenersWarned] = false;
  }

  addEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const opts = normalizeOptions(options);
    if (!validateListener(listener)) {
      const w = makeWarning(
        `addEventListener called with ${listener} which has no effect.`,
        'AddEventListenerArgumentTypeWarning');
      if (w) {
        w.target = this;
        w.type = type;
        process.emitWarning(w);
      }
      return;
    }
    type = typeof type === 'symbol' ? type : `${type}`;
    const signal = opts.signal;
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    if (signal?.aborted) return;

    let list = this.#listeners.get(type);
    if (list === undefined) {
      list = [];
      this.#listeners.set(type, list);
    }
    // The same (listener, capture) pair is registered once.
    if (list.some((e) => e.listener === listener && e.capture === !!opts.capture)) return;

    const entry = makeEntry(listener, opts);
    list.push(entry);
    this.#checkMaxListeners(type, list.length);

    if (signal !== undefined) {
      const onAbort = () => this.removeEventListener(type, listener, options);
      signal.addEventListener('abort', onAbort, { once: true });
      entry.removeAbort = () => signal.removeEventListener('abort', onAbort);
    }
  }

  #checkMaxListeners(type, size) {
    const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = lazyEvents();
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = makeWarning('Possible EventTarget memory leak detected. ' +
        `${size} ${String(type)} listeners added to ${this.#describe()}. ` +
        `MaxListeners is ${max}. Use events.setMaxListeners() to increase limit`,
        'MaxListenersExceededWarning');
      if (w) {
        w.target = this;
        w.type = type;
        w.count = size;
        process.emitWarning(w);
      }
    }
  }

  #describe() {
    try {
      return require('internal/util/inspect').inspect(this, { depth: -1 });
    } catch {
      return this.constructor.name;
    }
  }

  removeEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateListener(listener)) return;
    type = typeof type === 'symbol' ? type : `${type}`;
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    const list = this.#listeners.get(type);
    if (list === undefined) return;
    const index = list.findIndex((e) => e.listener === listener && !!e.capture === capture);
    if (index === -1) return;
    const [entry] = list.splice(index, 1);
    entry.removed = true;
    entry.removeAbort?.();
    if (list.length === 0) this.#listeners.delete(type);
  }

  dispatchEvent(event) {
    checkTarget(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!isEvent(event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    beginDispatch(event, this);
    try {
      const list = this.#listeners.get(event.type);
      // Listeners added during dispatch wait for the next event.
      const snapshot = list ? list.slice() : [];
      for (const entry of snapshot) {
        if (entry.removed) continue;
        if (immediateStopped(event) && !entry.resist) continue;
        if (entry.once) this.removeEventListener(event.type, entry.listener, entry);
        this.#invoke(entry, event);
      }
    } finally {
      endDispatch(event);
    }
    return event.defaultPrevented !== true;
  }

  #invoke(entry, event) {
    try {
      const listener = entry.listener;
      let result;
      if (typeof listener === 'function') {
        result = Reflect.apply(listener, this, [event]);
      } else if (typeof listener.handleEvent === 'function') {
        result = listener.handleEvent(event);
      } else {
        return;
      }
      if (result != null && typeof result.then === 'function') {
        result.then(undefined, (err) => process.nextTick(() => { throw err; }));
      }
    } catch (err) {
      // Like a browser, a failing listener does not stop the others.
      process.nextTick(() => { throw err; });
    }
  }

  [kInspect](depth, options, inspect) {
    return inspectFields(this.constructor.name, {}, depth, options, inspect);
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  value: 'EventTarget', configurable: true,
});

const { isEventTarget, listenersOf } = EventTarget;
delete EventTarget.isEventTarget;
delete EventTarget.listenersOf;

function checkTarget(value) {
  if (!isEventTarget(value)) throw new ERR_INVALID_THIS('EventTarget');
}

// Defines `on<type>` attribute handlers (e.g. AbortSignal's `onabort`).
function defineEventHandler(prototype, type) {
  const handlers = new WeakMap();
  Object.defineProperty(prototype, `on${type}`, {
    enumerable: true,
    configurable: true,
    get() {
      return handlers.get(this)?.handler ?? null;
    },
    set(value) {
      let state = handlers.get(this);
      if (state === undefined) {
        state = { handler: null, wrapper: undefined };
        handlers.set(this, state);
      }
      if (state.wrapper !== undefined) {
        this.removeEventListener(type, state.wrapper);
        state.wrapper = undefined;
      }
      state.handler = typeof value === 'function' ? value : null;
      if (state.handler !== null) {
        const target = this;
        state.wrapper = function(event) {
          return Reflect.apply(state.handler, target, [event]);
        };
        this.addEventListener(type, state.wrapper);
      }
    },
  });
}

module.exports = {
  CustomEvent,
  Event,
  EventTarget,
  defineEventHandler,
  getListeners: listenersOf,
  isEvent,
  isEventTarget,
  kTrustEvent,
};
