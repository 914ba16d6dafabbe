'use strict';
// The worker side of node:cluster. A process forked by cluster.fork() has
// NODE_UNIQUE_ID in its environment; _setupWorker() (called when its IPC
// channel is set up, before user code) creates cluster.worker, tells the
// primary it is online and removes NODE_UNIQUE_ID from process.env.
//
// net.Server.listen() in a worker calls _getServer(): the primary answers
// with either a listening handle to accept on (SCHED_NONE, and for pipes and
// descriptors) or the address it listens on for us (SCHED_RR); then our
// server gets connections through 'newconn' messages, each with a socket,
// and its handle is a stand-in (rr()) whose close() tells the primary.

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { sendHelper, internal } = require('internal/cluster/utils');

const cluster = new EventEmitter();
cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;

// key -> the server's handle (a real one, or a round-robin stand-in).
const handles = new Map();
// `${address}:${port}:${addressType}:${fd}` -> how many servers listened
// there: the nth listen(0) of every worker shares one port.
const indexes = new Map();
let setUp = false;

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

function isSetUp() {
  return setUp;
}

function _setupWorker() {
  setUp = true;
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;
  delete process.env.NODE_UNIQUE_ID;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away, or killed us: nothing more to do.
      process.exit(0);
    }
  });

  process.on('internalMessage', internal(worker, onmessage));
  send({ act: 'online' });

  function onmessage(message, handle) {
    if (message.act === 'newconn') onconnection(message, handle);
    else if (message.act === 'disconnect') disconnectWorker(worker, true);
  }
}

// net.Server.listen() in a worker: cb(errno, handle) with the handle to
// listen on.
function _getServer(server, options, cb) {
  let address = options.address;
  if (options.addressType === -1 && typeof address === 'string' &&
      !require('path').isAbsolute(address)) {
    address = require('path').resolve(address);
  }
  const indexesKey = `${address}:${options.port}:${options.addressType}:${options.fd}`;
  const index = (indexes.get(indexesKey) || 0) + 1;
  indexes.set(indexesKey, index);
  const message = {
    act: 'queryServer',
    index,
    data: null,
    address,
    port: options.port,
    addressType: options.addressType,
    fd: options.fd,
    flags: options.flags,
    backlog: options.backlog,
  };
  send(message, (reply, handle) => {
    if (handle) shared(reply, handle, indexesKey, index, cb);
    else rr(reply, indexesKey, index, cb);
  });

  server.once('listening', () => {
    cluster.worker.state = 'listening';
    const address = server.address();
    message.act = 'listening';
    message.port = (address && address.port) || options.port;
    delete message.index;
    delete message.data;
    delete message.flags;
    delete message.backlog;
    send(message);
  });
}

function forget(key, indexesKey, index) {
  handles.delete(key);
  if (indexes.get(indexesKey) === index) {
    if (index === 1) indexes.delete(indexesKey);
    else indexes.set(indexesKey, index - 1);
  }
}

// SCHED_NONE: a real listening handle; closing it tells the primary.
function shared(message, handle, indexesKey, index, cb) {
  const key = message.key;
  const close = handle.close;
  handle.close = function(...args) {
    send({ act: 'close', key });
    forget(key, indexesKey, index);
    return close.apply(handle, args);
  };
  handles.set(key, handle);
  cb(message.errno, handle);
}

// SCHED_RR: the primary listens; this stand-in is the server's handle.
function rr(message, indexesKey, index, cb) {
  if (message.errno) {
    cb(message.errno, null);
    return;
  }
  const key = message.key;
  let closed = false;
  const handle = {
    listen() { return 0; },
    close(cb) {
      if (closed) return;
      closed = true;
      // The primary stops sending connections; the server's own close
      // waits for the connections it has.
      if (cluster.worker.isConnected()) send({ act: 'close', key });
      forget(key, indexesKey, index);
      if (typeof cb === 'function') process.nextTick(cb);
    },
    ref() {},
    unref() {},
    hasRef() { return true; },
    getsockname(out) {
      if (message.sockname) Object.assign(out, message.sockname);
      return 0;
    },
    onconnection: null,
  };
  if (message.sockname === null || message.sockname === undefined) delete handle.getsockname;
  handles.set(key, handle);
  cb(0, handle);
}

// A connection from the primary (round-robin).
function onconnection(message, handle) {
  const server = handles.get(message.key);
  const accepted = server !== undefined && typeof server.onconnection === 'function';
  send({ ack: message.seq, accepted });
  if (accepted) server.onconnection(0, handle);
  else if (handle) handle.close();
}

// Closes every server, waits until each has closed (their connections have
// ended), then disconnects the channel. `primaryAsked`: the primary sent
// 'disconnect' (otherwise worker.disconnect() was called here).
function disconnectWorker(worker, primaryAsked) {
  worker.exitedAfterDisconnect = true;
  const { kOwner } = require('internal/stream_base_commons');
  let waiting = 1;
  function checkWaitingCount() {
    waiting -= 1;
    if (waiting === 0) {
      if (primaryAsked) process.disconnect();
      else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    }
  }
  for (const handle of [...handles.values()]) {
    waiting += 1;
    const server = handle[kOwner];
    if (server && typeof server.close === 'function' && server._handle === handle) {
      // net.Server's close, even for an http.Server: its close() would also
      // destroy idle connections, among them one just handed over whose
      // request is not read yet. Idle keep-alive connections end with the
      // server's keepAliveTimeout instead.
      require('net').Server.prototype.close.call(server, checkWaitingCount);
    } else {
      handle.close(checkWaitingCount);
    }
  }
  handles.clear();
  checkWaitingCount();
}

Worker.prototype.disconnect = function() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnectWorker(this, false);
  }
  return this;
};

Worker.prototype.destroy = function() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

cluster._setupWorker = _setupWorker;
cluster._getServer = _getServer;

module.exports = { cluster, isSetUp, _setupWorker };
