'use strict';

// The http module: server, client, agent and the header helpers.

const { methods } = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const { STATUS_CODES, Server, ServerResponse, _connectionListener } = require('_http_server');
const { Agent, globalAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { validateInteger } = require('internal/validators');

let maxHeaderSize = 16 * 1024;
for (const arg of process.execArgv || []) {
  const m = /^--max-http-header-size=(\d+)$/.exec(arg);
  if (m) maxHeaderSize = Number(m[1]);
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

function setMaxIdleHTTPParsers(max) {
  validateInteger(max, 'max', 1);
  require('_http_common').parsers.max = max;
}

module.exports = {
  _connectionListener,
  METHODS: methods.slice().sort(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers,
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  configurable: true,
  enumerable: true,
  get() {
    return maxHeaderSize;
  },
});

Object.defineProperty(module.exports, 'globalAgent', {
  configurable: true,
  enumerable: true,
  get() {
    return require('_http_agent').globalAgent;
  },
  set(value) {
    require('_http_agent').globalAgent = value;
  },
});
void globalAgent;
