'use strict';
// process.emitWarning and the default 'warning' printer:
//   (node:PID) [CODE] Type: message
// --no-warnings silences printing (the event still fires),
// --no-deprecation drops DeprecationWarnings, --throw-deprecation throws them.

let options;
function getOptions() {
  if (options === undefined) options = internalBinding('options');
  return options;
}

let traceHintShown = false;

function writeOut(text) {
  internalBinding('stdio').writeString(2, text);
}

function onWarning(warning) {
  if (getOptions().noWarnings) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = getOptions().traceWarnings || (isDeprecation && process.traceDeprecation);
  let text = `(node:${process.pid}) `;
  if (warning.code) text += `[${warning.code}] `;
  if (trace && warning.stack) {
    text += warning.stack;
  } else {
    text += typeof warning.toString === 'function' ?
      `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') text += `\n${warning.detail}`;
  if (!trace && !traceHintShown) {
    traceHintShown = true;
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    text += `\n(Use \`nodus ${flag} ...\` to show where the warning was created)`;
  }
  writeOut(`${text}\n`);
}

let listening = false;
function ensureDefaultListener() {
  if (listening) return;
  listening = true;
  process.on('warning', onWarning);
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) require('internal/validators').validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    require('internal/validators').validateString(code, 'code');
  }
  if (typeof warning === 'string') {
    const limit = Error.stackTraceLimit;
    warning = new Error(warning);
    Error.stackTraceLimit = limit;
    warning.name = String(type || 'Warning');
    if (code !== undefined) warning.code = code;
    if (detail !== undefined) warning.detail = detail;
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(warning, ctor || process.emitWarning);
    }
  } else if (!(warning instanceof Error)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation || getOptions().noDeprecation) return;
    if (process.throwDeprecation || getOptions().throwDeprecation) throw warning;
  }
  ensureDefaultListener();
  process.nextTick(() => process.emit('warning', warning));
}

module.exports = { emitWarning };
