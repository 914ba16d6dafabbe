'use strict';
// The primary side of node:cluster: forking workers, their lifecycle events,
// and the servers workers share. A worker's net.Server.listen() asks the
// primary ('queryServer'); the primary keeps one listening handle per
// address key and either accepts connections itself and hands each to the
// next free worker (SCHED_RR, RoundRobinHandle) or sends the listening
// handle to every worker, which accept on it themselves (SCHED_NONE,
// SharedHandle).

const EventEmitter = require('events');
const { fork } = require('child_process');
const path = require('path');
const Worker = require('internal/cluster/worker');
const RoundRobinHandle = require('internal/cluster/round_robin_handle');
const SharedHandle = require('internal/cluster/shared_handle');
const { sendHelper, internal } = require('internal/cluster/utils');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

const handles = new Map();
let ids = 0;
let initialized = false;

const policyFromEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
if (policyFromEnv === 'rr') cluster.schedulingPolicy = SCHED_RR;
else if (policyFromEnv === 'none') cluster.schedulingPolicy = SCHED_NONE;
else cluster.schedulingPolicy = process.platform === 'win32' ? SCHED_NONE : SCHED_RR;

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (initialized === true) {
    process.nextTick(() => cluster.emit('setup', settings));
    return;
  }
  initialized = true;
  // The policy is fixed from here on.
  const policy = cluster.schedulingPolicy;
  if (policy !== SCHED_NONE && policy !== SCHED_RR) {
    throw new Error(`Bad cluster.schedulingPolicy: ${policy}`);
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function createWorkerProcess(id, env) {
  const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
  const execArgv = [...cluster.settings.execArgv];
  return fork(cluster.settings.exec, cluster.settings.args, {
    cwd: cluster.settings.cwd,
    env: workerEnv,
    serialization: cluster.settings.serialization,
    silent: cluster.settings.silent,
    windowsHide: cluster.settings.windowsHide,
    execArgv,
    stdio: cluster.settings.stdio,
    gid: cluster.settings.gid,
    uid: cluster.settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) {
    // Every worker is gone: no server stays open on their behalf, and
    // cluster.disconnect(cb)'s callback runs.
    for (const handle of handles.values()) handle.close();
    handles.clear();
    intercom.emit('disconnect');
  }
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });

  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  worker.process.once('exit', (exitCode, signalCode) => {
    // Removed once both disconnected and exited.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  worker.process.once('disconnect', () => {
    // Its servers no longer get connections.
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  worker.process.on('internalMessage', internal(worker, onmessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function(cb) {
  const workers = Object.keys(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const key of workers) {
      if (cluster.workers[key].isConnected()) cluster.workers[key].disconnect();
    }
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

// 'disconnect' whenever cluster.workers becomes empty (for cluster.disconnect(cb)).
const intercom = new EventEmitter();

function onmessage(message, handle) {
  const worker = this;
  switch (message.act) {
    case 'online': online(worker); break;
    case 'queryServer': queryServer(worker, message); break;
    case 'listening': listening(worker, message); break;
    case 'exitedAfterDisconnect': exitedAfterDisconnect(worker, message); break;
    case 'close': close(worker, message); break;
    default: break;
  }
}

function online(worker) {
  worker.state = 'online';
  worker.emit('online');
  cluster.emit('online', worker);
}

function exitedAfterDisconnect(worker, message) {
  worker.exitedAfterDisconnect = true;
  sendHelper(worker.process, { ack: message.seq });
}

function queryServer(worker, message) {
  // The worker may have gone away while the query was in flight.
  if (worker.exitedAfterDisconnect) return;
  const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:` +
              `${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    let address = message.address;
    // Only TCP servers are round-robin; pipes and descriptors are shared.
    let constructor = RoundRobinHandle;
    if (cluster.schedulingPolicy !== SCHED_RR || message.addressType === 'udp4' ||
        message.addressType === 'udp6' || message.addressType === -1 ||
        typeof message.fd === 'number') {
      constructor = SharedHandle;
    }
    if (message.addressType === -1 && typeof address === 'string' && !path.isAbsolute(address)) {
      // A relative pipe path names the same file from the worker's cwd.
      address = path.resolve(cluster.settings.cwd || process.cwd(), address);
    }
    handle = new constructor(key, address, message);
    handles.set(key, handle);
  }
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, reply, rawHandle) => {
    const { data } = handles.get(key) || handle;
    if (errno) handles.delete(key);
    sendHelper(worker.process, { errno, key, ack: message.seq, data, ...reply }, rawHandle);
  });
}

function listening(worker, message) {
  const info = {
    addressType: message.addressType,
    address: message.address,
    port: message.port,
    fd: message.fd,
  };
  worker.state = 'listening';
  worker.emit('listening', info);
  cluster.emit('listening', worker, info);
}

// A worker closed one of its servers.
function close(worker, message) {
  const handle = handles.get(message.key);
  if (handle && handle.remove(worker)) handles.delete(message.key);
}

// As in node, the worker leaves cluster.workers at once: its channel's end
// may never be seen if the process exits first (the channel is unref'd once
// no write is pending), so waiting for it could strand cluster.disconnect(cb).
Worker.prototype.disconnect = function() {
  this.exitedAfterDisconnect = true;
  sendHelper(this.process, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

Worker.prototype.destroy = function(signo) {
  const proc = this.process;
  const signal = signo || 'SIGTERM';
  if (this.isConnected()) {
    this.once('disconnect', () => proc.kill(signal));
    proc.disconnect();
    return;
  }
  proc.kill(signal);
};

module.exports = cluster;
