'use strict';
// AbortController and AbortSignal (globals in node 20).

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  validateAbortSignalArray,
  validateUint32,
} = require('internal/validators');
const {
  Event,
  EventTarget,
  defineEventHandler,
  kTrustEvent,
} = require('internal/event_target');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// The legacy numeric codes of the DOMException names we create.
const kDomExceptionCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4,
  InvalidCharacterError: 5, NoModificationAllowedError: 7, NotFoundError: 8,
  NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
  URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
  InvalidNodeTypeError: 24, DataCloneError: 25,
};

// A minimal DOMException, used only if internal/per_context/domexception is
// missing.
class NodusDOMException extends Error {
  #name;

  constructor(message = '', options = 'Error') {
    super(`${message}`);
    if (options !== null && typeof options === 'object') {
      this.#name = 'name' in options ? `${options.name}` : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          value: options.cause, writable: true, configurable: true,
        });
      }
    } else {
      this.#name = `${options}`;
    }
  }

  get name() {
    return this.#name;
  }

  get code() {
    return kDomExceptionCodes[this.#name] ?? 0;
  }
}
Object.defineProperty(NodusDOMException, 'name', { value: 'DOMException' });

let DOMExceptionClass;
function lazyDOMException(message, name) {
  if (DOMExceptionClass === undefined) {
    try {
      DOMExceptionClass = require('internal/per_context/domexception').DOMException;
    } catch {
      DOMExceptionClass = globalThis.DOMException ?? NodusDOMException;
    }
  }
  return new DOMExceptionClass(message, name);
}

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kDontThrow = Symbol('kDontThrow');

function checkSignal(value) {
  if (value === null || typeof value !== 'object' || !(kAborted in value)) {
    throw new ERR_INVALID_THIS('AbortSignal');
  }
}

class AbortSignal extends EventTarget {
  constructor(dontThrow = undefined) {
    if (dontThrow !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }

  get aborted() {
    checkSignal(this);
    return this[kAborted];
  }

  get reason() {
    checkSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    checkSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [kInspect](depth, options, inspect) {
    const opts = Object.assign({}, options, {
      depth: options.depth == null ? null : options.depth - 1,
    });
    return `AbortSignal ${inspect({ aborted: this[kAborted] }, opts)}`;
  }

  static abort(
    reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    const signal = createAbortSignal();
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    // unref: a pending timeout signal must not keep the process alive.
    const timer = setTimeout(() => {
      abortSignal(signal,
                  lazyDOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    timer?.unref?.();
    return signal;
  }

  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    const result = createAbortSignal();
    for (const signal of signals) {
      if (signal.aborted) {
        result[kAborted] = true;
        result[kReason] = signal.reason;
        return result;
      }
    }
    for (const signal of signals) {
      signal.addEventListener('abort', () => abortSignal(result, signal.reason),
                              { once: true });
    }
    return result;
  }
}
defineEventHandler(AbortSignal.prototype, 'abort');
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  value: 'AbortSignal', configurable: true,
});

function createAbortSignal() {
  return new AbortSignal(kDontThrow);
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = createAbortSignal();
  }

  get signal() {
    checkController(this);
    return this.#signal;
  }

  abort(reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    checkController(this);
    abortSignal(this.#signal, reason);
  }

  [kInspect](depth, options, inspect) {
    const opts = Object.assign({}, options, {
      depth: options.depth == null ? null : options.depth - 1,
    });
    return `AbortController ${inspect({ signal: this.#signal }, opts)}`;
  }

  static isController(value) {
    return value !== null && typeof value === 'object' && #signal in value;
  }
}
const { isController } = AbortController;
delete AbortController.isController;
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  value: 'AbortController', configurable: true,
});

function checkController(value) {
  if (!isController(value)) throw new ERR_INVALID_THIS('AbortController');
}

module.exports = {
  AbortController,
  AbortSignal,
  abortSignal,
};
