'use strict';
// Default high-water marks and option validation shared by Readable/Writable.

let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  const { validateInteger } = require('internal/validators');
  validateInteger(value, 'value', 0);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

function getHighWaterMark(options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark;
  let name = 'options.highWaterMark';
  if (hwm == null && isDuplex) {
    hwm = options[duplexKey];
    name = `options.${duplexKey}`;
  }
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return Math.floor(hwm);
  }
  const sideObjectMode =
    duplexKey === 'readableHighWaterMark' ? 'readableObjectMode' : 'writableObjectMode';
  return getDefaultHighWaterMark(!!options.objectMode || !!(isDuplex && options[sideObjectMode]));
}

module.exports = { getHighWaterMark, getDefaultHighWaterMark, setDefaultHighWaterMark };
