'use strict';

// The https module: http over tls. https.Server is a tls.Server that speaks
// http on each secure connection; https.Agent pools TLS sockets keyed also on
// the TLS options that shape them.

const tls = require('tls');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const httpServer = require('_http_server');

const kConnections = httpServer.kConnections;

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts == null) {
    opts = {};
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  httpServer.storeHTTPOptions.call(this, opts);
  tls.Server.call(this, {
    noDelay: true,
    ...opts,
  }, httpServer._connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);
  this.addListener('tlsClientError', function addListener(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kConnections] = new Set();
  this.on('listening', httpServer.setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

for (const name of ['closeAllConnections', 'closeIdleConnections', 'setTimeout', 'close',
  Symbol.asyncDispose]) {
  Server.prototype[name] = httpServer.Server.prototype[name];
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// createConnection(port, host, options) or (options)
function createConnection(port, host, options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  if (!options.servername && options.servername !== '') {
    // SNI from the host name (without port or brackets); never an IP.
    let servername = String(options.host || 'localhost');
    if (servername.startsWith('[')) servername = servername.slice(1, servername.indexOf(']'));
    else servername = servername.split(':')[0];
    options.servername = require('net').isIP(servername) ? '' : servername;
  }
  if (options._agentKey) {
    const session = this._getSession(options._agentKey);
    if (session) options = { session, ...options };
  }
  const socket = tls.connect(options);
  if (options._agentKey) {
    socket.on('session', (session) => this._cacheSession(options._agentKey, session));
    socket.once('close', (err) => {
      if (err) this._evictSession(options._agentKey);
    });
  }
  return socket;
}

const kTLSKeys = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
  'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder',
  'ecdhCurve', 'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs',
  'privateKeyIdentifier', 'privateKeyEngine'];

class Agent extends HttpAgent {
  constructor(options) {
    super(options);
    this.defaultPort = 443;
    this.protocol = 'https:';
    this.maxCachedSessions = this.options.maxCachedSessions;
    if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
    this._sessionCache = { map: {}, list: [] };
  }

  createConnection(...args) {
    return createConnection.apply(this, args);
  }

  getName(options = {}) {
    let name = super.getName(options);
    for (const key of kTLSKeys) {
      name += ':';
      const value = options[key];
      if (key === 'rejectUnauthorized') {
        if (value !== undefined) name += value;
      } else if (key === 'servername') {
        if (value && value !== options.host) name += value;
      } else if (value) {
        name += value;
      }
    }
    return name;
  }

  _getSession(key) {
    return this._sessionCache.map[key];
  }

  _cacheSession(key, session) {
    if (this.maxCachedSessions === 0) return;
    if (this._sessionCache.map[key]) {
      this._sessionCache.map[key] = session;
      return;
    }
    if (this._sessionCache.list.length >= this.maxCachedSessions) {
      const oldKey = this._sessionCache.list.shift();
      delete this._sessionCache.map[oldKey];
    }
    this._sessionCache.list.push(key);
    this._sessionCache.map[key] = session;
  }

  _evictSession(key) {
    const index = this._sessionCache.list.indexOf(key);
    if (index === -1) return;
    this._sessionCache.list.splice(index, 1);
    delete this._sessionCache.map[key];
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// Like http.request, with https.globalAgent as the default agent.
function request(input, options, cb) {
  if (typeof input === 'string' || input instanceof URL) {
    if (typeof options === 'function') {
      cb = options;
      options = {};
    }
    options = { ...options, _defaultAgent: module.exports.globalAgent };
    return new ClientRequest(input, options, cb);
  }
  return new ClientRequest({ ...input, _defaultAgent: module.exports.globalAgent }, options);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
