'use strict';
// ANSI/VT100 cursor control used by readline and exported by it.

const CSI = '\x1b[';

function validateCallback(callback) {
  if (callback !== undefined) require('internal/validators').validateFunction(callback, 'callback');
}

function write(stream, data, callback) {
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  validateCallback(callback);
  if (Number.isNaN(x)) throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('x', x);
  if (Number.isNaN(y)) throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw new (require('internal/errors').codes.ERR_INVALID_CURSOR_POS)();
  const data = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return write(stream, data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  validateCallback(callback);
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return write(stream, data, callback);
}

// dir: -1 to the left of the cursor, 1 to the right, 0 the whole line.
function clearLine(stream, dir, callback) {
  validateCallback(callback);
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  const code = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return write(stream, code, callback);
}

function clearScreenDown(stream, callback) {
  validateCallback(callback);
  return write(stream, `${CSI}0J`, callback);
}

module.exports = { cursorTo, moveCursor, clearLine, clearScreenDown, CSI };
