'use strict';
// The tty module. isatty is complete; ReadStream and WriteStream are stream
// classes and arrive with the stream module (process.stdout already reports
// isTTY, columns, rows and colour depth).

const { isatty: isattyBinding } = internalBinding('stdio');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && isattyBinding(fd);
}

function notBuilt(name) {
  return function() {
    const { notImplemented } = require('internal/errors');
    throw notImplemented(`tty.${name}`);
  };
}

module.exports = {
  isatty,
  ReadStream: notBuilt('ReadStream'),
  WriteStream: notBuilt('WriteStream'),
};
