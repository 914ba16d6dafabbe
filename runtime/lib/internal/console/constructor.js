'use strict';
// The Console class (https://nodejs.org/api/console.html).
//
// Output goes through `stream.write(string)`. The global console reads
// process.stdout/process.stderr at call time (see ../../console.js), so the
// streams may be created after the console.

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateInteger,
  validateObject,
  validateOneOf,
} = require('internal/validators');

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}

const kStdout = Symbol('kStdout');
const kStderr = Symbol('kStderr');
const kState = Symbol('kConsoleState');
const kWrite = Symbol('kWriteToConsole');
const kFormat = Symbol('kFormatForConsole');
const kInspectOptions = Symbol('kGetInspectOptions');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');

function emitWarning(message) {
  if (typeof process.emitWarning === 'function') process.emitWarning(message);
}

// ---- time formatting ------------------------------------------------------------

function now() {
  if (typeof process.hrtime?.bigint === 'function') {
    return Number(process.hrtime.bigint()) / 1e6;
  }
  if (typeof performance !== 'undefined') return performance.now();
  return Date.now();
}

// 1.234ms, 1.500s, 1:05.123 (m:ss.mmm), 1:02:03.456 (h:mm:ss.mmm)
function formatTime(ms) {
  const pad = (value) => String(value).padStart(2, '0');
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, fraction] = seconds.toFixed(3).split('.');
    const head = hours !== 0 ? `${hours}:${pad(minutes)}` : `${minutes}`;
    return `${head}:${pad(whole)}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

// ---- console.table ------------------------------------------------------------------

// Display width: wide East Asian characters take two columns; escapes none.
function stringWidth(str) {
  str = str.replace(/\u001b\[[0-9;]*m/g, '');
  let width = 0;
  for (const ch of str) {
    const code = ch.codePointAt(0);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code < 0x370) ||
        code === 0x200b) {
      continue;
    }
    const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) || (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function renderRow(cells, widths) {
  const parts = cells.map((cell, i) => `${cell}${' '.repeat(widths[i] - stringWidth(cell) - 2)}`);
  return `│ ${parts.join(' │ ')} │`;
}

// head: column titles; columns: arrays of cell strings (missing = '').
function renderTable(head, columns) {
  const rows = columns.reduce((n, col) => Math.max(n, col.length), 0);
  const widths = head.map((title, i) => {
    let w = stringWidth(title);
    for (const cell of columns[i]) w = Math.max(w, stringWidth(cell ?? ''));
    return w + 2;
  });
  const line = (l, m, r) => `${l}${widths.map((w) => '─'.repeat(w)).join(m)}${r}`;
  let out = `${line('┌', '┬', '┐')}\n${renderRow(head, widths)}\n${line('├', '┼', '┤')}\n`;
  for (let r = 0; r < rows; r++) {
    out += `${renderRow(columns.map((col) => col[r] ?? ''), widths)}\n`;
  }
  return out + line('└', '┴', '┘');
}

// ---- the Console class ----------------------------------------------------------------

function Console(options /* or: stdout, stderr, ignoreErrors */) {
  if (!new.target) return Reflect.construct(Console, arguments);

  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
  }

  initState(this, { ignoreErrors, colorMode, inspectOptions, groupIndentation });
  Object.defineProperty(this, kStdout, { value: stdout, writable: true, configurable: true });
  Object.defineProperty(this, kStderr, { value: stderr, writable: true, configurable: true });
  bindMethods(this);
}

function initState(console, { ignoreErrors = true, colorMode = 'auto', inspectOptions,
  groupIndentation = 2 }) {
  Object.defineProperty(console, kState, {
    value: {
      ignoreErrors: !!ignoreErrors,
      colorMode,
      inspectOptions,
      groupIndentation,
      groupIndent: '',
      counts: new Map(),
      times: new Map(),
    },
    writable: true,
    configurable: true,
  });
}

// Methods are own bound properties, so `const { log } = console` works.
function bindMethods(console) {
  for (const key of Object.keys(Console.prototype)) {
    const bound = Console.prototype[key].bind(console);
    Object.defineProperty(bound, 'name', { value: key });
    console[key] = bound;
  }
}

// The global console: streams looked up on every write.
Console.prototype[kBindStreamsLazy] = function(getStdout, getStderr) {
  Object.defineProperty(this, kStdout, { get: getStdout, configurable: true });
  Object.defineProperty(this, kStderr, { get: getStderr, configurable: true });
};

Console.prototype[kInspectOptions] = function(stream) {
  const state = this[kState];
  let color = state.colorMode;
  if (color === 'auto') {
    color = !!stream?.isTTY &&
      (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  }
  const options = state.inspectOptions;
  if (options) {
    if (options.colors === undefined) return { ...options, colors: color };
    return options;
  }
  return color ? { colors: true } : {};
};

Console.prototype[kFormat] = function(args, stream) {
  const options = this[kInspectOptions](stream);
  return lazyInspect().formatWithOptions(options, ...args);
};

Console.prototype[kWrite] = function(useStdErr, string) {
  const state = this[kState];
  const stream = useStdErr ? this[kStderr] : this[kStdout];
  const indent = state.groupIndent;
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  if (!state.ignoreErrors) {
    stream.write(string);
    return;
  }
  // Output errors (e.g. EPIPE) must not crash the program: when a write
  // fails, the stream's coming 'error' event gets a listener that ignores it.
  try {
    if (stream.listenerCount && stream.listenerCount('error') === 0 && stream.once) {
      stream.write(string, undefined, (err) => {
        if (err && stream.listenerCount('error') === 0) stream.once('error', noop);
      });
    } else {
      stream.write(string);
    }
  } catch {
    // Ignored, as node does with ignoreErrors.
  }
};

function noop() {}

const consoleMethods = {
  log(...args) {
    this[kWrite](false, this[kFormat](args, this[kStdout]));
  },

  warn(...args) {
    this[kWrite](true, this[kFormat](args, this[kStderr]));
  },

  dir(object, options) {
    const inspectOptions = {
      customInspect: false,
      ...this[kInspectOptions](this[kStdout]),
      ...options,
    };
    this[kWrite](false, lazyInspect().inspect(object, inspectOptions));
  },

  time(label = 'default') {
    label = `${label}`;
    const times = this[kState].times;
    if (times.has(label)) {
      emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    times.set(label, now());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    if (printTime(this, label, 'console.timeEnd()', [])) this[kState].times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    printTime(this, label, 'console.timeLog()', data);
  },

  trace: function trace(...args) {
    const err = { name: 'Trace', message: this[kFormat](args, this[kStderr]) };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  // Clears the screen when stdout is a terminal.
  clear() {
    const stdout = this[kStdout];
    if (stdout?.isTTY && this[kState].colorMode !== false) {
      stdout.write('\u001b[1;1H\u001b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kState].counts;
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kState].counts;
    if (!counts.has(`${label}`)) {
      emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    const state = this[kState];
    state.groupIndent += ' '.repeat(state.groupIndentation);
  },

  groupEnd() {
    const state = this[kState];
    state.groupIndent = state.groupIndent.slice(
      0, Math.max(0, state.groupIndent.length - state.groupIndentation));
  },

  table(tabularData, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    this.log(buildTable(this, tabularData, properties));
  },
};
consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

function printTime(console, label, name, data) {
  const start = console[kState].times.get(label);
  if (start === undefined) {
    emitWarning(`No such label '${label}' for ${name}`);
    return false;
  }
  const formatted = formatTime(now() - start);
  if (data.length > 0) console.log('%s: %s', label, formatted, ...data);
  else console.log('%s: %s', label, formatted);
  return true;
}

// Cells are inspected like node: shallow, without colors.
function cellOf(console, value) {
  const depth = value !== null && typeof value === 'object' && !Array.isArray(value) &&
    Object.keys(value).length > 2 ? -1 : 0;
  const options = { ...console[kInspectOptions](console[kStdout]), depth, maxArrayLength: 3,
    breakLength: Infinity };
  return lazyInspect().inspect(value, options);
}

function buildTable(console, data, properties) {
  const cell = (v) => cellOf(console, v);
  if (data instanceof Map) {
    const index = [];
    const keys = [];
    const values = [];
    let i = 0;
    for (const [k, v] of data) {
      index.push(String(i++));
      keys.push(cell(k));
      values.push(cell(v));
    }
    return renderTable(['(iteration index)', 'Key', 'Values'], [index, keys, values]);
  }
  if (data instanceof Set) {
    const index = [];
    const values = [];
    let i = 0;
    for (const v of data) {
      index.push(String(i++));
      values.push(cell(v));
    }
    return renderTable(['(iteration index)', 'Values'], [index, values]);
  }

  // Rows are the data's own keys; columns the union of the rows' keys.
  const rowKeys = Object.keys(data);
  const columnNames = [];
  const columns = new Map();
  const valuesColumn = [];
  let hasPrimitives = false;
  rowKeys.forEach((rowKey, row) => {
    const item = data[rowKey];
    const isPrimitive = item === null ||
      (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && isPrimitive) {
      hasPrimitives = true;
      valuesColumn[row] = cell(item);
      return;
    }
    const keys = properties || Object.keys(item ?? {});
    for (const key of keys) {
      if (!columns.has(key)) {
        columns.set(key, []);
        columnNames.push(key);
      }
      if (item !== null && item !== undefined && Object.prototype.hasOwnProperty.call(item, key)) {
        columns.get(key)[row] = cell(item[key]);
      }
    }
  });

  const head = ['(index)', ...columnNames];
  const body = [rowKeys, ...columnNames.map((name) => columns.get(name))];
  if (hasPrimitives) {
    head.push('Values');
    body.push(valuesColumn);
  }
  return renderTable(head, body);
}

for (const [name, method] of Object.entries(consoleMethods)) {
  Object.defineProperty(Console.prototype, name, {
    value: method, writable: true, enumerable: true, configurable: true,
  });
}

// Old public names of the streams, still used by some packages.
Object.defineProperties(Console.prototype, {
  _stdout: { get() { return this[kStdout]; }, configurable: true },
  _stderr: { get() { return this[kStderr]; }, configurable: true },
});

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && typeof instance === 'object' && kState in instance;
  },
});

module.exports = {
  Console,
  formatTime,
  initState,
  bindMethods,
  kBindStreamsLazy,
};
