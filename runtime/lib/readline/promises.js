'use strict';
// readline/promises: question() returns a promise; Readline batches cursor
// actions and writes them on commit().

const { Interface: CallbackInterface } = require('internal/readline/interface');
const { CSI } = require('internal/readline/ansi');

class Interface extends CallbackInterface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      if (options.signal) {
        require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
        if (options.signal.aborted) {
          const { AbortError } = require('internal/errors');
          reject(new AbortError(undefined, { cause: options.signal.reason }));
          return;
        }
        options.signal.addEventListener('abort', () => {
          const { AbortError } = require('internal/errors');
          this._questionCallback = null;
          reject(new AbortError(undefined, { cause: options.signal.reason }));
        }, { once: true });
      }
      super.question(query, resolve);
    });
  }
}

class Readline {
  #stream;
  #todo = [];
  #autoCommit;

  constructor(stream, options = undefined) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this.#stream = stream;
    this.#autoCommit = !!(options && options.autoCommit);
  }

  #add(data) {
    if (this.#autoCommit) {
      process.nextTick(() => this.#stream.write(data));
    } else {
      this.#todo.push(data);
    }
    return this;
  }

  cursorTo(x, y = undefined) {
    return this.#add(typeof y === 'number' ? `${CSI}${y + 1};${x + 1}H` : `${CSI}${x + 1}G`);
  }

  moveCursor(dx, dy) {
    let data = '';
    if (dx < 0) data += `${CSI}${-dx}D`;
    else if (dx > 0) data += `${CSI}${dx}C`;
    if (dy < 0) data += `${CSI}${-dy}A`;
    else if (dy > 0) data += `${CSI}${dy}B`;
    return data ? this.#add(data) : this;
  }

  clearLine(dir) {
    return this.#add(dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`);
  }

  clearScreenDown() {
    return this.#add(`${CSI}0J`);
  }

  commit() {
    const data = this.#todo.join('');
    this.#todo = [];
    return new Promise((resolve) => this.#stream.write(data, resolve));
  }

  rollback() {
    this.#todo = [];
    return this;
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
