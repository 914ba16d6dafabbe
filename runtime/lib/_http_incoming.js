'use strict';

// IncomingMessage: a request on the server or a response on the client, with
// the body as a Readable. Headers are built from rawHeaders on first use with
// Node's rules for repeated names.

const { Readable } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

// Repeats of these are dropped (RFC 7230 and Node's list).
const dropDuplicates = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host',
  'authorization', 'proxy-authorization', 'if-modified-since',
  'if-unmodified-since', 'from', 'location', 'max-forwards', 'retry-after',
  'etag', 'last-modified', 'server', 'age', 'expires',
]);

function readStart(socket) {
  if (socket && !socket._paused && socket.readable && typeof socket.resume === 'function') {
    socket.resume();
  }
}

function readStop(socket) {
  if (socket && typeof socket.pause === 'function') socket.pause();
}

class IncomingMessage extends Readable {
  constructor(socket) {
    let options;
    if (socket) {
      options = { highWaterMark: socket.readableHighWaterMark };
    }
    super(options);
    this._readableState.readingMore = true;
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.joinDuplicateHeaders = false;
    this.aborted = false;
    this.upgrade = null;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this.client = socket;
    this[kHeaders] = null;
    this[kHeadersDistinct] = null;
    this[kHeadersCount] = 0;
    this[kTrailers] = null;
    this[kTrailersDistinct] = null;
    this[kTrailersCount] = 0;
    this._consuming = false;
    this._dumped = false;
  }

  get connection() {
    return this.socket;
  }
  set connection(value) {
    this.socket = value;
  }

  get headers() {
    if (!this[kHeaders]) {
      this[kHeaders] = {};
      const src = this.rawHeaders;
      const dst = this[kHeaders];
      for (let n = 0; n < this[kHeadersCount]; n += 2) {
        this._addHeaderLine(src[n], src[n + 1], dst);
      }
    }
    return this[kHeaders];
  }
  set headers(value) {
    this[kHeaders] = value;
  }

  get headersDistinct() {
    if (!this[kHeadersDistinct]) {
      this[kHeadersDistinct] = {};
      const src = this.rawHeaders;
      const dst = this[kHeadersDistinct];
      for (let n = 0; n < this[kHeadersCount]; n += 2) {
        addDistinct(src[n], src[n + 1], dst);
      }
    }
    return this[kHeadersDistinct];
  }
  set headersDistinct(value) {
    this[kHeadersDistinct] = value;
  }

  get trailers() {
    if (!this[kTrailers]) {
      this[kTrailers] = {};
      const src = this.rawTrailers;
      const dst = this[kTrailers];
      for (let n = 0; n < this[kTrailersCount]; n += 2) {
        this._addHeaderLine(src[n], src[n + 1], dst);
      }
    }
    return this[kTrailers];
  }
  set trailers(value) {
    this[kTrailers] = value;
  }

  get trailersDistinct() {
    if (!this[kTrailersDistinct]) {
      this[kTrailersDistinct] = {};
      const src = this.rawTrailers;
      const dst = this[kTrailersDistinct];
      for (let n = 0; n < this[kTrailersCount]; n += 2) {
        addDistinct(src[n], src[n + 1], dst);
      }
    }
    return this[kTrailersDistinct];
  }
  set trailersDistinct(value) {
    this[kTrailersDistinct] = value;
  }

  setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    if (this.socket) this.socket.setTimeout(msecs);
    return this;
  }

  _read(n) {
    if (!this._consuming) {
      this._readableState.readingMore = false;
      this._consuming = true;
    }
    // The parser pushes as data arrives; resume a socket paused for backpressure.
    if (this._pausedSocket) {
      this._pausedSocket = false;
      if (this.socket && typeof this.socket.resume === 'function') this.socket.resume();
    } else if (this.socket && this.socket.readable) {
      readStart(this.socket);
    }
  }

  _destroy(error, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit('aborted');
    }
    if (this.socket && !this.socket.destroyed && this.aborted) {
      this.socket.destroy(error);
      const cleanup = () => process.nextTick(onDestroyed, this, error, cb);
      if (typeof this.socket.once === 'function') {
        this.socket.once('close', cleanup);
      } else {
        cleanup();
      }
    } else {
      process.nextTick(onDestroyed, this, error, cb);
    }
  }

  // Stores the first `n` entries of a [name, value, ...] list.
  _addHeaderLines(headers, n, trailers = false) {
    if (!headers || !headers.length) return;
    if (trailers) {
      this.rawTrailers = headers;
      this[kTrailersCount] = n;
      this[kTrailers] = null;
      this[kTrailersDistinct] = null;
    } else {
      this.rawHeaders = headers;
      this[kHeadersCount] = n;
      this[kHeaders] = null;
      this[kHeadersDistinct] = null;
    }
  }

  // Adds one header to `dest` by Node's rules: set-cookie collects an array,
  // the names in dropDuplicates keep their first value, cookie joins with
  // '; ', anything else joins with ', '.
  _addHeaderLine(field, value, dest) {
    const name = field.toLowerCase();
    if (name === 'set-cookie') {
      if (dest[name] !== undefined) dest[name].push(value);
      else dest[name] = [value];
    } else if (this.joinDuplicateHeaders) {
      if (dest[name] === undefined) dest[name] = value;
      else dest[name] += ', ' + value;
    } else if (dropDuplicates.has(name)) {
      if (dest[name] === undefined) dest[name] = value;
    } else if (name === 'cookie') {
      if (dest[name] !== undefined) dest[name] += '; ' + value;
      else dest[name] = value;
    } else if (dest[name] === undefined) {
      dest[name] = value;
    } else {
      dest[name] += ', ' + value;
    }
  }

  _addHeaderLineDistinct(field, value, dest) {
    addDistinct(field, value, dest);
  }

  // Reads and discards the body (the user did not).
  _dump() {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
  }
}

// As node: the error of a destroyed message is emitted only when someone
// listens for it (an aborted request nobody watches must not crash).
function onDestroyed(msg, error, cb) {
  if (msg.listenerCount('error') === 0) cb();
  else cb(error);
}

function addDistinct(field, value, dest) {
  const name = field.toLowerCase();
  if (!dest[name]) dest[name] = [value];
  else dest[name].push(value);
}

module.exports = {
  IncomingMessage,
  readStart,
  readStop,
};
