'use strict';
// DOMException (WebIDL): name, message and the legacy numeric code.

const legacyCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4,
  InvalidCharacterError: 5, NoModificationAllowedError: 7, NotFoundError: 8,
  NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
  URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
  InvalidNodeTypeError: 24, DataCloneError: 25,
};

const internals = new WeakMap();

class DOMException {
  constructor(message = '', options = 'Error') {
    // Errors get a stack; DOMException is not an Error subclass but behaves like one.
    Error.captureStackTrace(this);
    let name = 'Error';
    if (options !== null && typeof options === 'object') {
      name = 'name' in options ? String(options.name) : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          __proto__: null, value: options.cause, configurable: true, writable: true,
          enumerable: false,
        });
      }
    } else {
      name = String(options);
    }
    internals.set(this, { message: String(message), name });
  }

  get name() {
    return internals.get(this).name;
  }

  get message() {
    return internals.get(this).message;
  }

  get code() {
    return legacyCodes[internals.get(this).name] || 0;
  }
}
Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'DOMException',
});
for (const [name, code] of Object.entries(legacyCodes)) {
  const constant = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  const desc = { __proto__: null, enumerable: true, value: code };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
}

module.exports = { DOMException };
