'use strict';
// readline.Interface: lines from a Readable, questions, prompts, history,
// and (when the streams are terminals) a line editor driven by keypress
// events: cursor and word moves, kill and yank, history with reverse search,
// display widths of wide and combining characters, wrapping and resizing,
// bracketed paste. Shared by `readline`, `readline/promises` and the REPL.

const EventEmitter = require('events');
const { getStringWidth } = require('internal/util/inspect');
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
    // How long a lone ESC waits for the rest of an escape sequence (keypress.js).
    this.escapeCodeTimeout = 500;
    if (options.escapeCodeTimeout !== undefined) {
      if (!Number.isFinite(options.escapeCodeTimeout)) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', options.escapeCodeTimeout);
      }
      this.escapeCodeTimeout = options.escapeCodeTimeout;
    }
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
    this.prevRows = 0;           // rows of the rendered input above the cursor
    this._killRing = [];
    this._yanking = null;        // { start, length, index } after a yank
    this._search = null;         // reverse-i-search state
    this._paste = null;          // text of a bracketed paste in progress

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
    // Redrawn from the row the input started on (terminals that reflow
    // lines on resize, and those that do not, both keep that row).
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
    return this._getDisplayPos(this._displayPrompt() + this.line.slice(0, this.cursor));
  }

  // Rows and column where `text` ends when written from column 0: wide
  // characters take two columns (and wrap whole), combining marks none.
  _getDisplayPos(text) {
    const columns = this.columns;
    let rows = 0;
    let cols = 0;
    const plain = text.includes('\x1b') ? require('internal/util/inspect').stripVTControlCharacters(text) : text;
    for (const char of plain) {
      if (char === '\n') {
        rows++;
        cols = 0;
        continue;
      }
      const width = getStringWidth(char, false);
      if (width === 0) continue;
      if (cols + width > columns) {
        rows++;
        cols = 0;
      }
      cols += width;
      if (cols === columns) {
        rows++;
        cols = 0;
      }
    }
    return { rows, cols };
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
    if (this.line.trim().length === 0) return this.line;
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

  // The prompt as drawn: in reverse search it shows the query.
  _displayPrompt() {
    if (this._search !== null) {
      const failed = this._search.failed ? 'failed ' : '';
      return `(${failed}reverse-i-search)\`${this._search.query}': `;
    }
    return this._prompt;
  }

  // Redraws prompt and line from the first row of the input, then places the
  // cursor. Subclasses draw more below (`_renderExtras`).
  _refreshLine() {
    if (!this.output) return;
    const prompt = this._displayPrompt();
    const text = prompt + this.line;
    const end = this._getDisplayPos(text);
    const cursor = this.getCursorPos();
    if (this.prevRows > 0) moveCursor(this.output, 0, -this.prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(text);
    // Text that fills the last column leaves the terminal's cursor there;
    // a space moves it to the next row, as the positions assume.
    if (end.cols === 0 && text.length > 0) this._writeToOutput(' ');
    let rowsUp = end.rows - cursor.rows;
    if (this._renderExtras !== undefined) rowsUp += this._renderExtras(end, cursor);
    cursorTo(this.output, cursor.cols);
    if (rowsUp > 0) moveCursor(this.output, 0, -rowsUp);
    this.prevRows = cursor.rows;
  }

  _insert(text) {
    this._yanking = null;
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    if (this.cursor === this.line.length && this._renderExtras === undefined &&
        !/[\x00-\x1f\x7f]/.test(text)) {
      const before = this._getDisplayPos(this._displayPrompt() + this.line.slice(0, this.cursor - text.length));
      const after = this.getCursorPos();
      this._writeToOutput(text);
      // Reaching the last column: put the cursor on the next row.
      if (after.cols === 0 && after.rows > before.rows) this._writeToOutput(' \r');
      this.prevRows = after.rows;
    } else {
      this._refreshLine();
    }
  }

  _submit() {
    const line = this._addHistory();
    // Below the whole input, not just below the cursor.
    const end = this._getDisplayPos(this._displayPrompt() + this.line);
    const down = end.rows - this.getCursorPos().rows;
    if (down > 0) moveCursor(this.output, 0, down);
    if (this._renderExtras !== undefined) {
      cursorTo(this.output, end.cols);
      clearScreenDown(this.output);
    }
    this._writeToOutput('\r\n');
    this.clearLine();
    this.prevRows = 0;
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

  // --- positions in the line -------------------------------------------------------

  // Index after the character cluster at `index` (a code point and the
  // combining marks after it).
  _nextBoundary(index) {
    const line = this.line;
    if (index >= line.length) return line.length;
    let i = index + String.fromCodePoint(line.codePointAt(index)).length;
    while (i < line.length) {
      const ch = String.fromCodePoint(line.codePointAt(i));
      if (getStringWidth(ch, false) !== 0 || ch === '\n') break;
      i += ch.length;
    }
    return i;
  }

  _previousBoundary(index) {
    let i = 0;
    let last = 0;
    while (i < index) {
      last = i;
      i = this._nextBoundary(i);
    }
    return last;
  }

  // Word moves as in Node: left over spaces, then a run of word characters
  // (or of punctuation); right over such a run and the spaces after it.
  _wordLeft(index) {
    const before = this.line.slice(0, index);
    const match = /(?:[\p{L}\p{N}_$]+|[^\p{L}\p{N}_$\s]+)?\s*$/u.exec(before);
    return index - match[0].length;
  }

  _wordRight(index) {
    const after = this.line.slice(index);
    const match = /^(?:\s+|[^\p{L}\p{N}_$\s]+|[\p{L}\p{N}_$]+)\s*/u.exec(after);
    if (match === null) return index;
    return index + match[0].length;
  }

  _setLine(line, cursor) {
    this.line = line;
    this.cursor = Math.max(0, Math.min(cursor, line.length));
    this._refreshLine();
  }

  _kill(from, to) {
    if (to <= from) return;
    const text = this.line.slice(from, to);
    this._killRing.unshift(text);
    if (this._killRing.length > 10) this._killRing.pop();
    this._setLine(this.line.slice(0, from) + this.line.slice(to), from);
  }

  _yank() {
    if (this._killRing.length === 0) return;
    const text = this._killRing[0];
    const start = this.cursor;
    this._setLine(this.line.slice(0, start) + text + this.line.slice(start), start + text.length);
    this._yanking = { start, length: text.length, index: 0 };
  }

  // Meta-Y right after a yank: replace it with the previous kill.
  _yankPop() {
    const yank = this._yanking;
    if (yank === null || this._killRing.length < 2) return;
    const index = (yank.index + 1) % this._killRing.length;
    const text = this._killRing[index];
    const line = this.line.slice(0, yank.start) + text + this.line.slice(yank.start + yank.length);
    this._setLine(line, yank.start + text.length);
    this._yanking = { start: yank.start, length: text.length, index };
  }

  // --- reverse-i-search (Ctrl-R) ---------------------------------------------------

  _searchFind(from) {
    const search = this._search;
    for (let i = from; i < this.history.length; i++) {
      const at = search.query === '' ? -1 : this.history[i].lastIndexOf(search.query);
      if (at !== -1) {
        search.index = i;
        search.failed = false;
        this.line = this.history[i];
        this.cursor = at;
        return;
      }
    }
    search.failed = search.query !== '';
  }

  _searchKey(s, key) {
    const search = this._search;
    const name = key.ctrl ? `C-${key.name}` : key.name;
    if (name === 'C-r') {
      this._searchFind(search.index + 1);
      this._refreshLine();
      return;
    }
    if (name === 'C-c' || name === 'C-g') {
      this._search = null;
      this.line = search.savedLine;
      this.cursor = search.savedCursor;
      this._refreshLine();
      return;
    }
    if (name === 'backspace') {
      search.query = search.query.slice(0, -1);
      if (search.query === '') {
        this.line = search.savedLine;
        this.cursor = search.savedCursor;
        search.index = -1;
        search.failed = false;
      } else {
        this._searchFind(0);
      }
      this._refreshLine();
      return;
    }
    if (typeof s === 'string' && s.length > 0 && !key.ctrl && !key.meta && s >= ' ' &&
        name !== 'return' && name !== 'enter' && name !== 'tab') {
      search.query += s;
      this._searchFind(Math.max(search.index, 0));
      this._refreshLine();
      return;
    }
    // Any other key accepts the match and is then handled as usual.
    this._search = null;
    this._refreshLine();
    this._ttyWrite(s, key);
  }

  // --- keys --------------------------------------------------------------------------

  // Terminal input: one keypress at a time.
  _ttyWrite(s, key = {}) {
    this._previousKeyWasTab = this._lastKeyWasTab === true;
    this._lastKeyWasTab = key.name === 'tab';
    if (this._search !== null) {
      this._searchKey(s, key);
      return;
    }
    if (this._paste !== null) {
      if (key.name === 'paste-end') {
        this._endPaste();
      } else if (typeof s === 'string') {
        this._paste += s;
      } else if (key.sequence) {
        this._paste += key.sequence;
      }
      return;
    }
    const wasYanking = this._yanking;
    this._yanking = null;
    if (key.ctrl && key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) {
        this.emit('SIGINT');
      } else {
        this.close();
      }
      return;
    }
    if (key.ctrl && key.name === 'd' && !key.meta) {
      if (this.line.length === 0) {
        this.close();
      } else if (this.cursor < this.line.length) {
        const next = this._nextBoundary(this.cursor);
        this._setLine(this.line.slice(0, this.cursor) + this.line.slice(next), this.cursor);
      }
      return;
    }
    let name = key.name;
    if (key.ctrl && key.meta) name = `C-M-${key.name}`;
    else if (key.ctrl) name = `C-${key.name}`;
    else if (key.meta) name = `M-${key.name}`;
    switch (name) {
      case 'return':
      case 'enter':
        this._submit();
        return;
      case 'paste-start':
        this._paste = '';
        return;
      case 'backspace':
      case 'C-h':
        if (this.cursor > 0) {
          const previous = this._previousBoundary(this.cursor);
          this._setLine(this.line.slice(0, previous) + this.line.slice(this.cursor), previous);
        }
        return;
      case 'delete':
        if (this.cursor < this.line.length) {
          const next = this._nextBoundary(this.cursor);
          this._setLine(this.line.slice(0, this.cursor) + this.line.slice(next), this.cursor);
        }
        return;
      case 'left':
      case 'C-b':
        if (this.cursor > 0) {
          this.cursor = this._previousBoundary(this.cursor);
          this._refreshLine();
        }
        return;
      case 'right':
      case 'C-f':
        if (this.cursor < this.line.length) {
          this.cursor = this._nextBoundary(this.cursor);
          this._refreshLine();
        }
        return;
      case 'C-left':
      case 'M-left':
      case 'M-b':
        this.cursor = this._wordLeft(this.cursor);
        this._refreshLine();
        return;
      case 'C-right':
      case 'M-right':
      case 'M-f':
        this.cursor = this._wordRight(this.cursor);
        this._refreshLine();
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
        this._kill(0, this.cursor);
        return;
      case 'C-k':
        this._kill(this.cursor, this.line.length);
        return;
      case 'C-w':
      case 'M-backspace':
      case 'C-backspace':
        this._kill(this._wordLeft(this.cursor), this.cursor);
        return;
      case 'M-d':
      case 'C-delete':
      case 'M-delete':
        this._kill(this.cursor, this._wordRight(this.cursor));
        return;
      case 'C-y':
        this._yank();
        return;
      case 'M-y':
        this._yanking = wasYanking;
        this._yankPop();
        return;
      case 'C-t':
        // Swap the two characters before the cursor (at the end) or around it.
        if (this.line.length >= 2 && this.cursor > 0) {
          let at = this.cursor === this.line.length ? this._previousBoundary(this.cursor) : this.cursor;
          const before = this._previousBoundary(at);
          const after = this._nextBoundary(at);
          const swapped = this.line.slice(at, after) + this.line.slice(before, at);
          this._setLine(this.line.slice(0, before) + swapped + this.line.slice(after), after);
        }
        return;
      case 'C-l':
        cursorTo(this.output, 0, 0);
        clearScreenDown(this.output);
        this.prevRows = 0;
        this._refreshLine();
        return;
      case 'C-r':
        if (this.history.length === 0) return;
        this._search = { query: '', index: -1, failed: false, savedLine: this.line,
          savedCursor: this.cursor };
        this._refreshLine();
        return;
      case 'tab':
        if (this.completer) {
          this._complete();
          return;
        }
        break;
      case 'escape':
        return;
      default:
        break;
    }
    if (typeof s === 'string' && s.length > 0 && !key.ctrl && !key.meta) {
      // Typed text; line breaks inside (a paste without brackets) submit line by line.
      const parts = s.split(kLineBreak);
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) this._submit();
        if (parts[i].length > 0) this._insert(parts[i].replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ''));
      }
    }
  }

  // The end of a bracketed paste: the text goes into the line, line breaks
  // included, so Enter submits the block as one 'line'; a paste that ends
  // with a line break is submitted at once.
  _endPaste() {
    let text = this._paste.replace(/\r\n|\r/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
    this._paste = null;
    const submit = text.endsWith('\n');
    if (submit) text = text.slice(0, -1);
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    this._refreshLine();
    if (submit) this._submit();
  }

  // Completion: one candidate is inserted; several insert their common
  // prefix, and a second Tab in a row lists them in columns.
  _complete() {
    const lastWasTab = this._previousKeyWasTab === true;
    const line = this.line;
    const cursor = this.cursor;
    const done = (err, result) => {
      if (err || !result || this.line !== line || this.cursor !== cursor) return;
      const [rawCompletions, completeOn] = result;
      if (!Array.isArray(rawCompletions) || rawCompletions.length === 0) return;
      const completions = rawCompletions.filter((c, i) => c && rawCompletions.indexOf(c) === i);
      const candidates = completions.filter((c) => c !== '');
      if (candidates.length === 0) return;
      if (candidates.length === 1) {
        this._insert(candidates[0].slice(completeOn.length));
        return;
      }
      const prefix = commonPrefix(candidates);
      if (prefix.length > completeOn.length) {
        this._insert(prefix.slice(completeOn.length));
        return;
      }
      if (!lastWasTab) return;
      this._showCompletions(completions);
    };
    const before = this.line.slice(0, this.cursor);
    if (this.completer.length === 2) {
      this.completer(before, done);
    } else {
      let result;
      try {
        result = this.completer(before);
      } catch (err) {
        done(err);
        return;
      }
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        result.then((r) => done(null, r), done);
      } else {
        done(null, result);
      }
    }
  }

  // Columns as wide as the longest candidate plus two; '' separates groups.
  _showCompletions(completions) {
    const candidates = completions.filter((c) => c !== '');
    const width = Math.max(...candidates.map((c) => getStringWidth(c))) + 2;
    const columns = Number.isFinite(this.columns) ? this.columns : 80;
    const perRow = Math.max(1, Math.floor(columns / width));
    const end = this._getDisplayPos(this._displayPrompt() + this.line);
    const down = end.rows - this.getCursorPos().rows;
    if (down > 0) moveCursor(this.output, 0, down);
    cursorTo(this.output, end.cols);
    clearScreenDown(this.output);
    let out = '\r\n';
    let group = [];
    const flush = () => {
      for (let i = 0; i < group.length; i += perRow) {
        const row = group.slice(i, i + perRow);
        out += row.map((c, j) => (j === row.length - 1 ? c : c + ' '.repeat(width - getStringWidth(c))))
          .join('') + '\r\n';
      }
      group = [];
    };
    for (const c of completions) {
      if (c === '') {
        if (group.length > 0) {
          flush();
          out += '\r\n';
        }
      } else {
        group.push(c);
      }
    }
    flush();
    this._writeToOutput(`${out}\r\n`);
    this.prevRows = 0;
    this._refreshLine();
  }
}

function commonPrefix(strings) {
  let prefix = strings[0];
  for (const s of strings) {
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i] === s[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

module.exports = { Interface, clearLine, clearScreenDown, cursorTo, moveCursor, commonPrefix };
