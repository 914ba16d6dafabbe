'use strict';
// The `repl` module: REPLServer, a readline Interface that evaluates what is
// typed through the in-process inspector session (internal/repl/session):
// replMode (top-level await, redeclarable let/const/class), `_`/`_error`,
// commands (.help .exit .break .clear .editor .load .save), multiline input
// on recoverable syntax errors, completion and previews (internal/repl/complete).

const fs = require('fs');
const path = require('path');
const { Interface } = require('internal/readline/interface');
const { cursorTo, clearScreenDown, moveCursor } = require('internal/readline/ansi');
const { inspect, getStringWidth } = require('internal/util/inspect');
const { getSession } = require('internal/repl/session');
const { complete, completeSync } = require('internal/repl/complete');
const { Module, makeRequireFunction } = require('internal/modules/cjs/loader');
const { startSigintWatchdog, stopSigintWatchdog } = internalBinding('contextify');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

const builtinModules = Module.builtinModules.filter((id) => !id.startsWith('_'));

class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

function notImplemented(what) {
  const { codes } = require('internal/errors');
  return new codes.ERR_NOT_IMPLEMENTED(what);
}

// A SyntaxError from compiling the input (not one thrown while running it):
// its first frame, if any, is the session's dispatch, never the input's.
function isCompileError(err) {
  if (!(err instanceof SyntaxError)) return false;
  const frame = /\n\s+at (.*)/.exec(String(err.stack));
  return frame === null || frame[1].includes('node:internal/repl/session');
}

// A syntax error V8 reports at the end of the input: more lines may fix it.
function isRecoverable(err, code) {
  if (!isCompileError(err)) return false;
  const message = err.message;
  if (message === 'Unexpected end of input' || message === 'Unterminated template literal') {
    return true;
  }
  if (message === 'missing ) after argument list' || message === 'Unexpected token \'}\'') {
    return false;
  }
  // "foo\" continues a string on the next line.
  return message === 'Invalid or unexpected token' && /\\\s*$/.test(code);
}

let replCount = 0;
let currentRepl = null;
const kUnderscoreInstalled = Symbol('repl underscore');

function defaultWriter(value) {
  return inspect(value, defaultWriter.options);
}
defaultWriter.options = { ...inspect.defaultOptions, showProxy: true };

class REPLServer extends Interface {
  constructor(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode) {
    let options;
    if (prompt !== null && typeof prompt === 'object') {
      options = { ...prompt };
    } else {
      options = { prompt, stream, eval: eval_, useGlobal, ignoreUndefined, replMode };
    }
    const input = options.input || options.stream || process.stdin;
    const output = options.output || options.stream || process.stdout;
    if (options.breakEvalOnSigint && options.eval) {
      throw new (require('internal/errors').codes.ERR_INVALID_REPL_EVAL_CONFIG)();
    }
    let terminal = options.terminal;
    if (terminal === undefined) terminal = !!output.isTTY;
    const historySize = options.historySize !== undefined ? options.historySize : 30;
    const completerOption = options.completer;
    super({
      input, output, terminal, historySize, prompt: options.prompt === undefined ? '> ' : options.prompt,
      completer: (line, callback) => this.completer(line, callback),
      removeHistoryDuplicates: options.removeHistoryDuplicates !== undefined ?
        options.removeHistoryDuplicates : true,
    });
    this.completer = completerOption || ((line, callback) => complete(this, line, callback));
    this._customCompleter = completerOption !== undefined;
    this.useColors = options.useColors !== undefined ? !!options.useColors :
      (this.terminal && !process.env.NO_COLOR && process.env.TERM !== 'dumb');
    this.useGlobal = !!options.useGlobal;
    this.ignoreUndefined = !!options.ignoreUndefined;
    this.replMode = options.replMode || REPL_MODE_SLOPPY;
    this.underscoreAssigned = false;
    this.underscoreErrAssigned = false;
    this.last = undefined;
    this.lastError = undefined;
    this.breakEvalOnSigint = !!options.breakEvalOnSigint;
    this.editorMode = false;
    this.commands = { __proto__: null };
    this.lines = [];
    this.lines.level = [];
    this._bufferedCommand = '';
    this._queue = [];
    this._busy = false;
    this._closing = false;
    this._sawSIGINT = false;
    this._evalCount = 0;
    this._customEval = typeof options.eval === 'function';
    this.eval = this._customEval ? options.eval : (code, context, file, cb) => this._defaultEval(code, file, cb);
    if (options.writer !== undefined) {
      this.writer = options.writer;
    } else {
      this.writer = (value) => inspect(value, { ...defaultWriter.options, colors: this.useColors });
    }
    this._initialPrompt = this.getPrompt();
    this._preview = this.terminal && options.preview !== false && process.env.TERM !== 'dumb';
    if (this._preview) this._renderExtras = (end, cursor) => this._renderPreview(end, cursor);

    this.context = globalThis;
    this._setupContext();
    defineDefaultCommands(this);

    this.on('line', (line) => {
      this._sawSIGINT = false;
      this._queue.push(line);
      this._next();
    });
    this.on('SIGINT', () => this._onSIGINT());
    this.on('close', () => {
      this._closing = true;
      if (!this._busy && this._queue.length === 0) this._finishClose();
    });
    if (this.terminal && !this._customEval && output.isTTY) {
      // Bracketed paste: a pasted block arrives as one input.
      output.write('\x1b[?2004h');
    }
    this.displayPrompt();
  }

  // --- context ----------------------------------------------------------------------

  _setupContext() {
    const context = this.context;
    const replModule = new Module('<repl>');
    replModule.filename = path.resolve('repl');
    replModule.paths = Module._nodeModulePaths(process.cwd());
    const define = (name, value) => {
      if (Object.getOwnPropertyDescriptor(context, name) !== undefined &&
          name !== 'module' && name !== 'require') return;
      Object.defineProperty(context, name, {
        __proto__: null, value, writable: true, enumerable: false, configurable: true,
      });
    };
    define('module', replModule);
    define('require', makeRequireFunction(replModule));
    require('internal/process/evaluate').addBuiltinLibsToObject(context);
    // One `_`/`_error` pair on the shared global, answering for the REPL
    // that evaluated last (several REPLs may run in one process).
    if (context[kUnderscoreInstalled] === undefined) {
      Object.defineProperty(context, kUnderscoreInstalled, { __proto__: null, value: true });
      for (const [name, lastKey, flagKey] of [['_', 'last', 'underscoreAssigned'],
        ['_error', 'lastError', 'underscoreErrAssigned']]) {
        Object.defineProperty(context, name, {
          __proto__: null,
          configurable: true,
          enumerable: false,
          get() { return currentRepl === null ? undefined : currentRepl[lastKey]; },
          set(value) {
            if (currentRepl === null) return;
            currentRepl[lastKey] = value;
            if (!currentRepl[flagKey]) {
              currentRepl[flagKey] = true;
              currentRepl.output.write(`Expression assignment to ${name} now disabled.\n`);
            }
          },
        });
      }
    }
    if (currentRepl === null) currentRepl = this;
  }

  resetContext() {
    // The REPL evaluates in the main context; there is no separate one to rebuild.
    this.lines = [];
    this.lines.level = [];
    this.emit('reset', this.context);
  }

  createContext() {
    throw notImplemented('repl.REPLServer.createContext (a separate context per REPL)');
  }

  // --- input ------------------------------------------------------------------------

  _next() {
    if (this._busy) return;
    while (this._queue.length > 0 && !this._busy) {
      const line = this._queue.shift();
      this._onInputLine(line);
    }
    if (!this._busy && this._closing && this._queue.length === 0) this._finishClose();
  }

  _finishClose() {
    if (this._exited) return;
    this._exited = true;
    if (this.terminal && this.output && this.output.isTTY && !this._customEval) {
      this.output.write('\x1b[?2004l');
    }
    this.emit('exit');
  }

  _onInputLine(line) {
    if (this.editorMode) {
      this._bufferedCommand += `${line}\n`;
      return;
    }
    const trimmed = line.trim();
    // Commands: ".name args", only when no multiline input is pending.
    if (/^\.[A-Za-z]/.test(trimmed)) {
      const match = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
      const command = this.commands[match[1]];
      if (command !== undefined) {
        command.action.call(this, match[2]);
        return;
      }
      // Inside multiline input an unknown keyword is code (`.5` or `.foo()`).
      if (this._bufferedCommand === '') {
        this.output.write('Invalid REPL keyword\n');
        this.displayPrompt();
        return;
      }
    }
    const code = this._bufferedCommand + line;
    if (this._bufferedCommand === '' && trimmed === '') {
      this.displayPrompt();
      return;
    }
    this._run(code, (err, result) => {
      if (err instanceof Recoverable) {
        this._bufferedCommand = `${code}\n`;
        this.displayPrompt();
        return;
      }
      this._bufferedCommand = '';
      this.lines.push(...code.split('\n'));
      this._print(err, result);
      this.displayPrompt();
    });
  }

  // Evaluates `code` through this.eval, one at a time (input waits).
  _run(code, done) {
    this._busy = true;
    const file = `REPL${++replCount}`;
    currentRepl = this;
    let finished = false;
    const finish = (err, result) => {
      if (finished) return;
      finished = true;
      this._busy = false;
      done(err, result);
      this._next();
    };
    try {
      this.eval(`${code}\n`, this.context, file, finish);
    } catch (err) {
      finish(err);
    }
  }

  _print(err, result) {
    if (err) {
      this._printError(err);
      return;
    }
    if (result === undefined && this.ignoreUndefined) return;
    if (!this.underscoreAssigned) this.last = result;
    this.output.write(`${this.writer(result)}\n`);
  }

  _printError(err) {
    if (!this.underscoreErrAssigned) this.lastError = err;
    let text;
    if (err !== null && typeof err === 'object' && typeof err.stack === 'string' &&
        err instanceof Error) {
      const lines = err.stack.split('\n');
      const kept = [];
      for (const line of lines) {
        // The evaluated input's own frame, and what called it, are the REPL's.
        if (/^\s+at (async )?REPL\d+:\d+:\d+$/.test(line)) break;
        if (/\((node:)?(internal\/)?repl[/.]/.test(line) || /node:repl|node:internal\/repl/.test(line)) break;
        kept.push(line);
      }
      // As Node: the error keeps the shortened stack (`_error` shows it too).
      try {
        Object.defineProperty(err, 'stack', {
          __proto__: null, value: kept.join('\n'), writable: true, configurable: true,
        });
      } catch {
        // A frozen error keeps its stack.
      }
      text = this.writer(err);
      // One-line errors lose inspect's brackets: "Uncaught Error: boom".
      if (text[0] === '[' && text[text.length - 1] === ']') text = text.slice(1, -1);
    } else {
      text = inspect(err, { colors: this.useColors });
    }
    this.output.write(`Uncaught ${text}\n`);
  }

  // The default eval: the inspector session, replMode. A `{` at the start
  // is tried as an object literal first, as in Node.
  _defaultEval(code, file, callback) {
    const session = getSession();
    const strict = this.replMode === REPL_MODE_STRICT;
    const prefix = strict ? '\'use strict\'; ' : '';
    const run = (source, wrapped) => {
      // breakEvalOnSigint: Ctrl-C must raise SIGINT (raw mode off) and a
      // watchdog stops the evaluation's synchronous part.
      const watch = this.breakEvalOnSigint;
      const rawTty = watch && this.terminal && typeof this.input.setRawMode === 'function';
      let interrupted = false;
      if (rawTty) this.input.setRawMode(false);
      if (watch) startSigintWatchdog();
      session.evaluate(`${prefix}${source}\n//# sourceURL=${file}`, { replMode: true }, (err, outcome) => {
        if (interrupted) return;
        if (err) {
          callback(err);
          return;
        }
        if (outcome.thrown) {
          const error = outcome.value;
          if (wrapped && isCompileError(error)) {
            run(code, false);
            return;
          }
          if (isRecoverable(error, code)) {
            callback(new Recoverable(error));
            return;
          }
          callback(error);
          return;
        }
        callback(null, outcome.value);
      });
      if (watch) interrupted = stopSigintWatchdog();
      if (rawTty) this.input.setRawMode(true);
      if (interrupted) callback(new Error('Script execution was interrupted by `SIGINT`'));
    };
    if (/^\s*\{/.test(code) && !/;\s*$/.test(code)) {
      run(`(${code.trim()})`, true);
    } else {
      run(code, false);
    }
  }

  // --- prompts and commands ---------------------------------------------------------

  displayPrompt(preserveCursor) {
    let prompt = this._initialPrompt;
    if (this._bufferedCommand.length > 0) prompt = '... ';
    if (this.editorMode) prompt = '';
    this.setPrompt(prompt);
    if (this.closed) return;
    this.prompt(preserveCursor);
  }

  clearBufferedCommand() {
    this._bufferedCommand = '';
  }

  defineCommand(keyword, cmd) {
    if (typeof cmd === 'function') cmd = { action: cmd };
    if (cmd === null || typeof cmd !== 'object' || typeof cmd.action !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('cmd.action', 'Function', cmd && cmd.action);
    }
    this.commands[keyword] = cmd;
  }

  setupHistory(historyPath, callback) {
    try {
      setupHistory(this, historyPath);
    } catch (err) {
      if (typeof callback === 'function') process.nextTick(callback, err);
      return;
    }
    if (typeof callback === 'function') process.nextTick(callback, null, this);
  }

  _onSIGINT() {
    const empty = this.line.length === 0;
    if (this.terminal) {
      const end = this._getDisplayPos(this._displayPrompt() + this.line);
      const down = end.rows - this.getCursorPos().rows;
      if (down > 0) moveCursor(this.output, 0, down);
      cursorTo(this.output, end.cols);
      clearScreenDown(this.output);
      this.output.write('\r\n');
      this.prevRows = 0;
    }
    this.clearLine();
    const wasEditing = this.editorMode;
    this.editorMode = false;
    if (this._bufferedCommand.length === 0 && empty && !wasEditing) {
      if (this._sawSIGINT) {
        this._sawSIGINT = false;
        this.close();
        return;
      }
      this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      this._sawSIGINT = true;
    } else {
      this._sawSIGINT = false;
    }
    this.clearBufferedCommand();
    this.lines.level = [];
    this.displayPrompt();
  }

  _ttyWrite(s, key = {}) {
    if (!this.editorMode && key.ctrl && key.name === 'd' && !key.meta && this.line.length === 0 &&
        this._search === null) {
      // Ctrl-D on an empty line ends the session on a fresh line.
      this._writeToOutput('\r\n');
    }
    if (this.editorMode && key.ctrl && key.name === 'd' && !key.meta) {
      // Ctrl-D runs what the editor holds.
      const code = this._bufferedCommand + this.line;
      this.editorMode = false;
      this._bufferedCommand = '';
      this.clearLine();
      this.output.write('\r\n');
      this.prevRows = 0;
      if (code.trim() === '') {
        this.displayPrompt();
        return;
      }
      this._queue.push(code);
      this._sawSIGINT = false;
      this._next();
      return;
    }
    if (this.editorMode && (key.name === 'return' || key.name === 'enter') && !key.ctrl) {
      this._bufferedCommand += `${this.line}\n`;
      this.clearLine();
      this.output.write('\r\n');
      this.prevRows = 0;
      this.displayPrompt();
      return;
    }
    if (this.editorMode && key.name === 'tab') {
      // Tab indents in the editor, as in Node.
      super._ttyWrite('  ', {});
      return;
    }
    super._ttyWrite(s, key);
    if (this._preview && !this.closed && key.name !== 'return' && key.name !== 'enter' &&
        !(key.ctrl && key.name === 'c') && this._paste === null) {
      this._refreshLine();
    }
  }

  // --- previews ---------------------------------------------------------------------

  // Draws the grey completion suffix after the input (cursor at the end) and
  // the eager evaluation of the input on the row below. Returns how many rows
  // below the input's last row it went.
  _renderPreview(end) {
    if (this._search !== null || this.editorMode || this._busy) return 0;
    const columns = this.columns;
    const grey = (text) => (this.useColors ? `\x1b[90m${text}\x1b[39m` : text);
    let suffix = '';
    let code = this.line;
    if (this.cursor === this.line.length && this.line.length > 0 && !this._customCompleter) {
      suffix = completeSync(this, this.line);
      if (suffix && end.cols + getStringWidth(suffix) < columns) {
        this._writeToOutput(grey(suffix));
        code += suffix;
      } else {
        suffix = '';
      }
    }
    const preview = this._eagerPreview(this._bufferedCommand + code);
    if (preview === null) return 0;
    let text = preview;
    const max = Number.isFinite(columns) ? columns - 1 : 200;
    if (getStringWidth(text) > max) text = `${text.slice(0, Math.max(0, max - 3))}...`;
    this._writeToOutput(`\n${grey(text)}`);
    return 1;
  }

  _eagerPreview(code) {
    if (this._customEval) return null;
    const trimmed = code.trim();
    if (trimmed === '' || trimmed.startsWith('.') || /\bawait\b/.test(trimmed)) return null;
    const session = getSession();
    let outcome = { ok: false };
    if (/^\{/.test(trimmed) && !/;$/.test(trimmed)) outcome = session.peek(`(${trimmed})`);
    if (!outcome.ok) outcome = session.peek(trimmed);
    if (!outcome.ok) return null;
    const value = outcome.value;
    if (value === undefined) return null;
    let text;
    try {
      text = inspect(value, { colors: false, depth: 1, breakLength: Infinity, maxArrayLength: 10,
        maxStringLength: 80, showProxy: true, getters: false, customInspect: false });
    } catch {
      return null;
    }
    if (text === trimmed || typeof value === 'function') return null;
    return text;
  }
}

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });
  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const longest = Math.max(...names.map((name) => name.length));
      let out = '';
      for (const name of names) {
        const cmd = this.commands[name];
        const spaces = ' '.repeat(longest - name.length + 3);
        out += `.${name}${cmd.help ? spaces + cmd.help : ''}\n`;
      }
      out += '\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n';
      this.output.write(out);
      this.displayPrompt();
    },
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        fs.writeFileSync(file, `${this.lines.join('\n')}\n`);
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      let data;
      try {
        if (!fs.statSync(file).isFile()) throw new Error('not a file');
        data = fs.readFileSync(file, 'utf8');
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
        this.displayPrompt();
        return;
      }
      this._queue.unshift(data.replace(/\n$/, ''));
      this.editorMode = false;
      // Evaluated as one input, like a pasted block.
      const code = this._queue.shift();
      this._run(code, (err, result) => {
        this.lines.push(...code.split('\n'));
        if (err instanceof Recoverable) err = err.err;
        this._print(err, result);
        this.displayPrompt();
      });
    },
  });
  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this.editorMode = true;
        this._bufferedCommand = '';
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
        this.displayPrompt();
      },
    });
  }
}

// History file: one entry per line, newest first (Node's format). Written
// whole, synchronously, after every entry, so a crash loses nothing.
function setupHistory(repl, historyPath) {
  if (typeof historyPath !== 'string' || historyPath === '') return;
  let entries = [];
  try {
    entries = fs.readFileSync(historyPath, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  repl.history = entries.slice(0, repl.historySize);
  repl.on('history', (history) => {
    try {
      fs.writeFileSync(historyPath, `${history.join('\n')}\n`, { mode: 0o600 });
    } catch {
      // An unwritable history file does not stop the session.
    }
  });
}

function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  writer: defaultWriter,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  builtinModules,
  isRecoverable,
};
