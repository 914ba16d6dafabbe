'use strict';
// node:tty. ReadStream and WriteStream are net.Sockets over a tty_wrap TTY
// handle: raw mode, window size, 'resize' on SIGWINCH, colour depth and the
// cursor helpers.

const net = require('net');
const { TTY, isTTY } = internalBinding('tty_wrap');
const errors = require('internal/errors');
const { ERR_INVALID_FD, ERR_TTY_INIT_FAILED, ERR_INVALID_ARG_VALUE } = errors.codes;
const { getColorDepth } = require('internal/process/stdio');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

function newHandle(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
  const ctx = {};
  const tty = new TTY(fd, ctx);
  if (ctx.code !== undefined) throw new ERR_TTY_INIT_FAILED(ctx);
  return tty;
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const tty = newHandle(fd);
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle: tty,
    manualStart: true,
    ...options,
  });
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function(flag) {
  flag = !!flag;
  const err = this._handle ? this._handle.setRawMode(flag) : 0;
  if (err) {
    this.emit('error', errors.errnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const tty = newHandle(fd);
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle: tty,
    manualStart: true,
  });
  // Terminal output is synchronous, as in Node, so nothing is lost at exit.
  this._handle.setBlocking(true);
  const winSize = [0, 0];
  const err = this._handle.getWindowSize(winSize);
  if (!err) {
    this.columns = winSize[0];
    this.rows = winSize[1];
  }
  watchResize(this);
}

// One SIGWINCH listener refreshes every open WriteStream ('resize').
const resizeWatched = new Set();
function onSigwinch() {
  for (const stream of resizeWatched) stream._refreshSize();
}
function watchResize(stream) {
  if (resizeWatched.size === 0) process.on('SIGWINCH', onSigwinch);
  resizeWatched.add(stream);
  stream.once('close', () => {
    resizeWatched.delete(stream);
    if (resizeWatched.size === 0) process.removeListener('SIGWINCH', onSigwinch);
  });
}
Object.setPrototypeOf(WriteStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;

WriteStream.prototype.getColorDepth = function(env) {
  return getColorDepth(env);
};

WriteStream.prototype.hasColors = function(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else if (typeof count !== 'number' || !Number.isInteger(count) || count < 2) {
    require('internal/validators').validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
};

WriteStream.prototype._refreshSize = function() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const winSize = [0, 0];
  const err = this._handle ? this._handle.getWindowSize(winSize) : -9;
  if (err) {
    this.emit('error', errors.errnoException(err, 'getWindowSize'));
    return;
  }
  const [newCols, newRows] = winSize;
  if (oldCols !== newCols || oldRows !== newRows) {
    this.columns = newCols;
    this.rows = newRows;
    this.emit('resize');
  }
};

const CSI = '\x1b[';

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (typeof x !== 'number') {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  const data = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  if (data === '') {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  const type = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  return stream.write(`${CSI}0J`, callback);
}

WriteStream.prototype.cursorTo = function(x, y, cb) {
  return cursorTo(this, x, y, cb);
};
WriteStream.prototype.moveCursor = function(dx, dy, cb) {
  return moveCursor(this, dx, dy, cb);
};
WriteStream.prototype.clearLine = function(dir, cb) {
  return clearLine(this, dir, cb);
};
WriteStream.prototype.clearScreenDown = function(cb) {
  return clearScreenDown(this, cb);
};
WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
