'use strict';

// The tls-only error codes, shaped like internal/errors' node errors:
// `code` set, the stack headed "Name [CODE]: message", toString likewise.

function tlsError(code, message, Base = Error) {
  const err = new Base(message);
  err.code = code;
  const name = Base.name;
  if (typeof err.stack === 'string') {
    err.stack = err.stack.replace(`${name}: `, `${name} [${code}]: `);
  }
  Object.defineProperty(err, 'toString', {
    value() { return `${name} [${code}]: ${this.message}`; },
    enumerable: false, writable: true, configurable: true,
  });
  return err;
}

module.exports = { tlsError };
