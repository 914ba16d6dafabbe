'use strict';
// readline.Interface: lines from a Readable, questions, prompts, history,
// and (when the streams are terminals) in-line editing driven by keypress
// events. Shared by `readline` and `readline/promises`.

const EventEmitter = require('events');
const { emitKeypressEvents } = require('internal/readline/keypress');
const { cursorTo, clearLine, clearScreenDown, moveCursor } = require('internal/readline/ansi');

const kHistorySize = 30;
const kLineBreak = /\r\n|\n|\r/;

function lazyValidators() {
  return require('internal/validators');
}

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let options = input;
    if (!(input !== null && typeof input === 'object' && typeof input.on !== 'function' &&
        'input' in input)) {
      options = { input, output, completer, terminal };
    }
    ({ input, output, completer, terminal } = options);
    if (completer !== undefined && typeof completer !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_VALUE('completer', completer);
    }
    const historySize = options.historySize === undefined ? kHistorySize : options.historySize;
    if (typeof historySize !== 'number' || Number.isNaN(historySize) || historySize < 0) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_VALUE('historySize', historySize);
    }
    if (terminal === undefined && output !== null && output !== undefined) {
      terminal = !!output.isTTY;
    }
    this.input = input;
    this.output = output;
    this.completer = completer;
    this.terminal = !!terminal;
    this.crlfDelay = options.crlfDelay ? Math.max(100, options.crlfDelay) : 100;
    this.historySize = historySize;
    this.removeHistoryDuplicates = !!options.removeHistoryDuplicates;
    this.history = Array.isArray(options.history) ? options.history.slice() : [];
    this.historyIndex = -1;
    this.line = '';
    this.cursor = 0;
    this.closed = false;
    this.paused = false;
    this._prompt = options.prompt === undefined ? '> ' : `${options.prompt}`;
    this._questionCallback = null;
    this._partial = '';
    this._sawReturnAt = 0;
    this._savedLine = '';

    if (options.signal !== undefined) {
      lazyValidators().validateAbortSignal(options.signal, 'options.signal');
      if (options.signal.aborted) {
        process.nextTick(() => this.close());
      } else {
        const onAbort = () => this.close();
        options.signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => options.signal.removeEventListener('abort', onAbort));
      }
    }

    this._onData = (data) => this._normalWrite(data);
    this._onEnd = () => {
      if (this._partial.length > 0) {
        const line = this._partial;
        this._partial = '';
        this._onLine(line);
      }
      this.close();
    };
    this._onKeypress = (s, key) => this._ttyWrite(s, key);
    this._onResize = () => this._refreshLine();

    if (input === undefined || input === null) return;
    if (this.terminal) {
      emitKeypressEvents(input, this);
      input.on('keypress', this._onKeypress);
      input.on('end', this._onEnd);
      if (typeof input.setRawMode === 'function') input.setRawMode(true);
      if (output !== undefined && output !== null && typeof output.on === 'function') {
        output.on('resize', this._onResize);
      }
    } else {
      if (typeof input.setEncoding === 'function') input.setEncoding('utf8');
      input.on('data', this._onData);
      input.on('end', this._onEnd);
    }
    if (typeof input.resume === 'function') input.resume();
  }

  get columns() {
    return this.output && this.output.columns ? this.output.columns : Infinity;
  }

  setPrompt(prompt) {
    this._prompt = `${prompt}`;
  }

  getPrompt() {
    return this._prompt;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this._prompt);
    }
  }

  question(query, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    options = options || {};
    if (options.signal) {
      lazyValidators().validateAbortSignal(options.signal, 'options.signal');
      if (options.signal.aborted) return;
      const onAbort = () => {
        this._questionCallback = null;
      };
      options.signal.addEventListener('abort', onAbort, { once: true });
    }
    if (this.closed) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_USE_AFTER_CLOSE('readline');
    }
    if (typeof callback !== 'function') return;
    if (this._questionCallback !== null) {
      this.prompt();
      return;
    }
    this._oldPrompt = this._prompt;
    this.setPrompt(query);
    this._questionCallback = callback;
    this.prompt();
  }

  pause() {
    if (this.paused) return this;
    if (this.input && typeof this.input.pause === 'function') this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return this;
    if (this.input && typeof this.input.resume === 'function') this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(data, key) {
    if (this.closed) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_USE_AFTER_CLOSE('readline');
    }
    if (this.paused) this.resume();
    if (this.terminal) {
      this._ttyWrite(data, key);
    } else {
      this._normalWrite(data);
    }
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.input) {
      this.input.removeListener('data', this._onData);
      this.input.removeListener('end', this._onEnd);
      this.input.removeListener('keypress', this._onKeypress);
      if (this.terminal && typeof this.input.setRawMode === 'function') this.input.setRawMode(false);
    }
    if (this.output && typeof this.output.removeListener === 'function') {
      this.output.removeListener('resize', this._onResize);
    }
    this.closed = true;
    this.emit('close');
  }

  getCursorPos() {
    const columns = this.columns;
    const text = this._prompt + this.line.slice(0, this.cursor);
    if (!Number.isFinite(columns)) return { rows: 0, cols: text.length };
    return { rows: Math.floor(text.length / columns), cols: text.length % columns };
  }

  clearLine() {
    this.line = '';
    this.cursor = 0;
  }

  [Symbol.asyncIterator]() {
    if (this._lineIterator === undefined) {
      this._lineIterator = EventEmitter.on(this, 'line', { close: ['close'] });
      const iterator = this._lineIterator;
      this._lineIterator = {
        next: () => iterator.next().then((r) => (r.done ? r : { value: r.value[0], done: false })),
        return: () => {
          this.close();
          return iterator.return();
        },
        [Symbol.asyncIterator]() { return this; },
      };
    }
    return this._lineIterator;
  }

  // --- input handling ------------------------------------------------------------

  _writeToOutput(text) {
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  }

  _onLine(line) {
    if (this._questionCallback !== null) {
      const callback = this._questionCallback;
      this._questionCallback = null;
      this.setPrompt(this._oldPrompt);
      callback(line);
    } else {
      this.emit('line', line);
    }
  }

  // Non-terminal input: split into lines; "\r\n" split across chunks (or
  // within crlfDelay) is one line break, as in Node.
  _normalWrite(data) {
    if (data === undefined) return;
    let text = typeof data === 'string' ? data : data.toString();
    if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay && text[0] === '\n') {
      text = text.slice(1);
    }
    this._sawReturnAt = text.endsWith('\r') ? Date.now() : 0;
    const parts = (this._partial + text).split(kLineBreak);
    this._partial = parts.pop();
    for (const line of parts) {
      if (this.closed) break;
      this._onLine(line);
    }
  }

  _addHistory() {
    if (this.line.length === 0 || this.historySize === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const index = this.history.indexOf(this.line);
        if (index !== -1) this.history.splice(index, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    this.emit('history', this.history);
    return this.history[0];
  }

  _refreshLine() {
    if (!this.output) return;
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(this._prompt + this.line);
    cursorTo(this.output, this._prompt.length + this.cursor);
  }

  _insert(text) {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    if (this.cursor === this.line.length) {
      this._writeToOutput(text);
    } else {
      this._refreshLine();
    }
  }

  _submit() {
    const line = this._addHistory();
    this._writeToOutput('\r\n');
    this.clearLine();
    this._onLine(line);
  }

  _historyMove(step) {
    const next = this.historyIndex + step;
    if (next < -1 || next >= this.history.length) return;
    if (this.historyIndex === -1) this._savedLine = this.line;
    this.historyIndex = next;
    this.line = next === -1 ? this._savedLine : this.history[next];
    this.cursor = this.line.length;
    this._refreshLine();
  }

  // Terminal input: one keypress at a time.
  _ttyWrite(s, key = {}) {
    if (key.ctrl && key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) {
        this.emit('SIGINT');
      } else {
        this.close();
      }
      return;
    }
    if (key.ctrl && key.name === 'd') {
      if (this.line.length === 0) {
        this.close();
      } else if (this.cursor < this.line.length) {
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        this._refreshLine();
      }
      return;
    }
    switch (key.ctrl ? `C-${key.name}` : key.name) {
      case 'return':
      case 'enter':
        this._submit();
        return;
      case 'backspace':
      case 'C-h':
        if (this.cursor > 0) {
          this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
          this.cursor--;
          this._refreshLine();
        }
        return;
      case 'delete':
        if (this.cursor < this.line.length) {
          this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
          this._refreshLine();
        }
        return;
      case 'left':
      case 'C-b':
        if (this.cursor > 0) {
          this.cursor--;
          moveCursor(this.output, -1, 0);
        }
        return;
      case 'right':
      case 'C-f':
        if (this.cursor < this.line.length) {
          this.cursor++;
          moveCursor(this.output, 1, 0);
        }
        return;
      case 'home':
      case 'C-a':
        this.cursor = 0;
        this._refreshLine();
        return;
      case 'end':
      case 'C-e':
        this.cursor = this.line.length;
        this._refreshLine();
        return;
      case 'up':
      case 'C-p':
        this._historyMove(1);
        return;
      case 'down':
      case 'C-n':
        this._historyMove(-1);
        return;
      case 'C-u':
        this.line = this.line.slice(this.cursor);
        this.cursor = 0;
        this._refreshLine();
        return;
      case 'C-k':
        this.line = this.line.slice(0, this.cursor);
        this._refreshLine();
        return;
      case 'C-l':
        cursorTo(this.output, 0, 0);
        clearScreenDown(this.output);
        this._refreshLine();
        return;
      case 'tab':
        if (this.completer) {
          this._complete();
          return;
        }
        break;
      default:
        break;
    }
    if (typeof s === 'string' && s.length > 0 && !key.ctrl && !key.meta) {
      // Pasted or typed text; line breaks inside submit line by line.
      const parts = s.split(kLineBreak);
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) this._submit();
        if (parts[i].length > 0) this._insert(parts[i]);
      }
    }
  }

  _complete() {
    const done = (err, result) => {
      if (err || !result) return;
      const [completions, completeOn] = result;
      if (!Array.isArray(completions) || completions.length === 0) return;
      if (completions.length === 1) {
        this._insert(completions[0].slice(completeOn.length));
        return;
      }
      this._writeToOutput(`\r\n${completions.join('  ')}\r\n`);
      this._refreshLine();
    };
    const before = this.line.slice(0, this.cursor);
    if (this.completer.length === 2) {
      this.completer(before, done);
    } else {
      try {
        done(null, this.completer(before));
      } catch (err) {
        done(err);
      }
    }
  }
}

module.exports = { Interface, clearLine, clearScreenDown, cursorTo, moveCursor };
