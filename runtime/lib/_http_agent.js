'use strict';

// Agent: pools client sockets per host:port, with keep-alive reuse,
// maxSockets, maxFreeSockets and maxTotalSockets.

const EventEmitter = require('events');
const net = require('net');
const { validateNumber, validateOneOf } = require('internal/validators');

function freeSocketErrorListener(err) {
  const socket = this;
  void err;
  socket.destroy();
  socket.emit('agentRemove');
}

class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = { __proto__: null, ...options };
    if (this.options.noDelay === undefined) this.options.noDelay = true;
    this.options.path = null;
    this.requests = { __proto__: null };
    this.sockets = { __proto__: null };
    this.freeSockets = { __proto__: null };
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets;
    this.totalSocketCount = 0;
    validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
    if (this.maxTotalSockets !== undefined) {
      validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1);
    } else {
      this.maxTotalSockets = Infinity;
    }

    this.on('free', (socket, opts) => {
      const name = this.getName(opts);
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const requests = this.requests[name];
      if (requests && requests.length) {
        const req = requests.shift();
        if (!requests.length) delete this.requests[name];
        setRequestSocket(this, req, socket);
        return;
      }
      const req = socket._httpMessage;
      if (!req || !req.shouldKeepAlive || !this.keepAlive) {
        socket.destroy();
        return;
      }
      const freeSockets = this.freeSockets[name] || [];
      const freeLen = freeSockets.length;
      let countFree = freeLen;
      if (this.sockets[name]) countFree += this.sockets[name].length;
      if (this.totalSocketCount > this.maxTotalSockets || countFree > this.maxSockets ||
          freeLen >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
        socket.destroy();
        return;
      }
      this.freeSockets[name] = freeSockets;
      socket._httpMessage = null;
      this.removeSocket(socket, opts);
      socket.once('error', freeSocketErrorListener);
      freeSockets.push(socket);
    });
  }

  createConnection(...args) {
    return net.createConnection(...args);
  }

  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    if (options.socketPath) name += `:${options.socketPath}`;
    return name;
  }

  addRequest(req, options, port, localAddress) {
    if (typeof options === 'string') {
      options = { __proto__: null, host: options, port, localAddress };
    }
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    const name = this.getName(options);
    this.sockets[name] ||= [];
    const freeSockets = this.freeSockets[name];
    let socket;
    if (freeSockets) {
      while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
      socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
      if (!freeSockets.length) delete this.freeSockets[name];
    }
    const sockLen = this.sockets[name].length + (freeSockets ? freeSockets.length : 0);
    if (socket) {
      this.reuseSocket(socket, req);
      setRequestSocket(this, req, socket);
      this.sockets[name].push(socket);
    } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
      this.createSocket(req, options, (err, s) => {
        if (err) req.onSocket(s, err);
        else setRequestSocket(this, req, s);
      });
    } else {
      // Remembered so that a socket freed for another origin (under
      // maxTotalSockets) can be created for this request.
      req._agentName = name;
      req._agentOptions = options;
      this.requests[name] ||= [];
      this.requests[name].push(req);
    }
  }

  createSocket(req, options, cb) {
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    const name = this.getName(options);
    options._agentKey = name;
    options.encoding = null;
    let called = false;
    const oncreate = (err, s) => {
      if (called) return;
      called = true;
      if (err) return cb(err);
      this.sockets[name] ||= [];
      this.sockets[name].push(s);
      this.totalSocketCount++;
      installListeners(this, s, options);
      cb(null, s);
    };
    const newSocket = this.createConnection(options, oncreate);
    if (newSocket) oncreate(null, newSocket);
  }

  removeSocket(s, options) {
    const name = this.getName(options);
    const sets = [this.sockets];
    if (!s.writable) sets.push(this.freeSockets);
    for (const set of sets) {
      if (set[name]) {
        const index = set[name].indexOf(s);
        if (index !== -1) {
          set[name].splice(index, 1);
          if (set[name].length === 0) delete set[name];
          if (set === this.sockets) this.totalSocketCount--;
        }
      }
    }
    let req;
    if (this.requests[name] && this.requests[name].length) {
      req = this.requests[name][0];
    } else {
      // A queued request for another origin may now fit under maxTotalSockets.
      for (const key in this.requests) {
        if (this.requests[key].length) {
          req = this.requests[key][0];
          break;
        }
      }
    }
    if (req && (this.sockets[name] ? this.sockets[name].length : 0) < this.maxSockets &&
        this.totalSocketCount < this.maxTotalSockets) {
      const reqName = req._agentName || name;
      this.requests[reqName].shift();
      if (!this.requests[reqName].length) delete this.requests[reqName];
      this.createSocket(req, req._agentOptions || options, (err, socket) => {
        if (err) req.onSocket(socket, err);
        else setRequestSocket(this, req, socket);
      });
    }
  }

  keepSocketAlive(socket) {
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    let agentTimeout = this.options.timeout || 0;
    let canKeepSocketAlive = true;
    const res = socket._httpMessage && socket._httpMessage.res;
    if (res) {
      const keepAliveHint = res.headers['keep-alive'];
      if (keepAliveHint) {
        const m = /^timeout=(\d+)/.exec(keepAliveHint);
        if (m) {
          const serverHintTimeout = Number(m[1]) * 1000;
          if (serverHintTimeout < agentTimeout || agentTimeout === 0) agentTimeout = serverHintTimeout;
          if (serverHintTimeout === 0) canKeepSocketAlive = false;
        }
      }
    }
    if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
    return canKeepSocketAlive;
  }

  reuseSocket(socket, req) {
    socket.removeListener('error', freeSocketErrorListener);
    req.reusedSocket = true;
    socket.ref();
  }

  destroy() {
    for (const set of [this.freeSockets, this.sockets]) {
      for (const key of Object.keys(set)) {
        for (const socket of set[key]) socket.destroy();
      }
    }
  }
}

Agent.defaultMaxSockets = Infinity;

function installListeners(agent, s, options) {
  function onFree() {
    agent.emit('free', s, options);
  }
  s.on('free', onFree);

  function onClose() {
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);

  function onTimeout() {
    const sockets = agent.freeSockets;
    for (const name in sockets) {
      if (sockets[name].includes(s)) {
        s.destroy();
        return;
      }
    }
  }
  s.on('timeout', onTimeout);

  function onRemove() {
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

module.exports = {
  Agent,
  globalAgent: new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }),
};
