'use strict';

// The glue between the http_parser binding and IncomingMessage: a pool of
// parsers, their callbacks, and the token/character checks for headers.

const { HTTPParser } = internalBinding('http_parser');

const kIncomingMessage = Symbol('IncomingMessage');
const kOnMessageBegin = HTTPParser.kOnMessageBegin;
const kOnHeadersComplete = HTTPParser.kOnHeadersComplete;
const kOnBody = HTTPParser.kOnBody;
const kOnMessageComplete = HTTPParser.kOnMessageComplete;

// Node's list (llhttp's methods), sorted.
const methods = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK',
  'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE',
  'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT',
  'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND',
  'UNLINK', 'UNLOCK', 'UNSUBSCRIBE',
];

const MAX_HEADER_PAIRS = 2000;

function parserOnMessageBegin() {}

// Called by the binding when a message's start line and headers are in.
function parserOnHeadersComplete(versionMajor, versionMinor, headers, method, url,
                                 statusCode, statusMessage, upgrade, shouldKeepAlive) {
  const parser = this;
  const socket = parser.socket;
  const IncomingMessage = parser[kIncomingMessage] || require('_http_incoming').IncomingMessage;
  const incoming = parser.incoming = new IncomingMessage(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = `${versionMajor}.${versionMinor}`;
  incoming.url = url === undefined ? '' : url;
  incoming.upgrade = upgrade;
  let n = headers.length;
  if (parser.maxHeaderPairs > 0) n = Math.min(n, parser.maxHeaderPairs);
  incoming._addHeaderLines(headers, n);
  if (method !== undefined) {
    incoming.method = method;
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming, shouldKeepAlive);
}

function parserOnBody(buffer, start, length) {
  const stream = this.incoming;
  if (stream === null || stream === undefined || stream._dumped) return;
  const chunk = Buffer.from(buffer.buffer, buffer.byteOffset + start, length);
  // The socket's buffer is reused by nothing here, but copy so that a
  // consumer holding the chunk does not pin the whole read.
  const ret = stream.push(Buffer.from(chunk));
  if (!ret && this.socket && typeof this.socket.pause === 'function' && !this.socket.isPaused?.()) {
    this.socket.pause();
    stream._pausedSocket = true;
  }
}

function parserOnMessageComplete(trailers) {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null && stream !== undefined) {
    stream.complete = true;
    if (trailers !== undefined) stream._addHeaderLines(trailers, trailers.length, true);
    if (parser.onMessageComplete) parser.onMessageComplete(stream);
    stream.push(null);
  }
  // An upgrade ends the HTTP conversation inside this execute(): whoever
  // called execute() still needs the request to hand over the socket.
  if (!(stream && stream.upgrade)) parser.incoming = null;
}

class ParserPool {
  constructor(max) {
    this.max = max;
    this.list = [];
  }
  alloc() {
    if (this.list.length > 0) return this.list.pop();
    const parser = new HTTPParser();
    parser[kOnMessageBegin] = parserOnMessageBegin;
    parser[kOnHeadersComplete] = parserOnHeadersComplete;
    parser[kOnBody] = parserOnBody;
    parser[kOnMessageComplete] = parserOnMessageComplete;
    return parser;
  }
  free(parser) {
    if (this.list.length < this.max) this.list.push(parser);
  }
}

const parsers = new ParserPool(1000);

// Sets up `parser` for a new connection or request.
function prepareParser(parser, type, socket, maxHeaderSize, lenient, incomingClass) {
  parser.initialize(type, maxHeaderSize, !!lenient);
  parser.socket = socket;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = MAX_HEADER_PAIRS;
  parser[kIncomingMessage] = incomingClass;
  parser.onIncoming = null;
  parser.onMessageComplete = null;
}

function freeParser(parser, req, socket) {
  if (!parser) return;
  if (parser.incoming && !parser.incoming.complete) {
    // An unfinished body ends as aborted where the owner handles it.
  }
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.onIncoming = null;
  parser.onMessageComplete = null;
  parser[kIncomingMessage] = null;
  parsers.free(parser);
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// A valid HTTP token (RFC 7230 3.2.6).
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
// True if `val` holds a character not allowed in a header value.
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || null;
  if (typeof err.reason === 'string') err.message = `Parse Error: ${err.reason}`;
}

function isLenient() {
  return !!process.execArgv?.includes?.('--insecure-http-parser');
}

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  freeParser,
  methods,
  parsers,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  prepareError,
  prepareParser,
};
