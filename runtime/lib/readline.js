'use strict';
// The readline module: line-by-line input over a Readable stream.

const { Interface, clearLine, clearScreenDown, cursorTo, moveCursor } =
  require('internal/readline/interface');
const { emitKeypressEvents } = require('internal/readline/keypress');

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};
Object.defineProperty(module.exports, 'promises', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return require('readline/promises'); },
});
