'use strict';

// ChildProcess over internalBinding('process_wrap') and the synchronous runner
// over internalBinding('spawn_sync'). Node's documentation is the
// specification: event order is 'spawn', then 'exit' (or 'error'), then
// 'close' once every readable stdio pipe has closed.

const EventEmitter = require('events');
const net = require('net');
const { Buffer } = require('buffer');
const { inspect } = require('util');
const { Process } = internalBinding('process_wrap');
const spawnSyncBinding = internalBinding('spawn_sync');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const { streamBaseState, kLastWriteWasAsync } = internalBinding('stream_wrap');
const { signals } = internalBinding('process_methods');
const {
  errnoException,
  notImplemented,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_MISSING_ARGS,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');
const { validateArray, validateObject, validateOneOf, validateString } =
  require('internal/validators');

const UV_EACCES = -13;
const UV_EAGAIN = -11;
const UV_EINVAL = -22;
const UV_EMFILE = -24;
const UV_ENFILE = -23;
const UV_ENOENT = -2;
const UV_ENOSYS = -38;
const UV_ESRCH = -3;

let signalNames;
function signalName(signum) {
  if (signalNames === undefined) {
    signalNames = new Map();
    for (const name of Object.keys(signals)) {
      if (!signalNames.has(signals[name])) signalNames.set(signals[name], name);
    }
  }
  return signalNames.get(signum) || null;
}

function convertToValidSignal(signal) {
  if (typeof signal === 'number') {
    if (signalName(signal) !== null) return signal;
  } else if (typeof signal === 'string') {
    const signum = signals[signal.toUpperCase()];
    if (signum) return signum;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe': options.push(stdio, stdio, stdio); break;
    case 'inherit': options.push(0, 1, 2); break;
    default: throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) options.push(channel);
  return options;
}

// A native stream handle (a Pipe, TCP or TTY object) or null.
function isStreamHandle(value) {
  return value != null && typeof value === 'object' && typeof value.readStart === 'function' &&
    typeof value.writeBuffer === 'function';
}

function getValidStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  } else {
    stdio = stdio.slice();
  }
  while (stdio.length < 3) stdio.push(undefined);
  const result = [];
  let ipc;
  let ipcFd;
  function cleanup() {
    for (const entry of result) {
      if (entry.type === 'pipe' && entry.handle) entry.handle.close();
    }
  }
  for (let i = 0; i < stdio.length; i++) {
    let entry = stdio[i];
    if (entry == null) entry = i < 3 ? 'pipe' : 'ignore';
    if (entry === 'ignore') {
      result.push({ type: 'ignore' });
    } else if (entry === 'pipe' || entry === 'overlapped') {
      const a = { type: entry, readable: i === 0, writable: i !== 0 };
      if (!sync) a.handle = new Pipe(PipeConstants.SOCKET);
      result.push(a);
    } else if (entry === 'ipc') {
      if (sync || ipc !== undefined) {
        cleanup();
        if (sync) throw new ERR_IPC_SYNC_FORK();
        throw new ERR_IPC_ONE_PIPE();
      }
      ipc = new Pipe(PipeConstants.IPC);
      ipcFd = i;
      result.push({ type: 'pipe', handle: ipc, ipc: true });
    } else if (entry === 'inherit') {
      result.push({ type: 'inherit', fd: i });
    } else if (typeof entry === 'number' || typeof entry.fd === 'number') {
      result.push({ type: 'fd', fd: typeof entry === 'number' ? entry : entry.fd });
    } else if (isStreamHandle(entry) || isStreamHandle(entry.handle) ||
               isStreamHandle(entry._handle)) {
      const handle = isStreamHandle(entry) ? entry :
        isStreamHandle(entry.handle) ? entry.handle : entry._handle;
      result.push({ type: 'wrap', handle, _stdio: entry });
    } else if (ArrayBuffer.isView(entry) || typeof entry === 'string') {
      if (!sync) {
        cleanup();
        throw new ERR_INVALID_SYNC_FORK_INPUT(inspect(entry));
      }
    } else {
      cleanup();
      throw new ERR_INVALID_ARG_VALUE('stdio', entry);
    }
  }
  return { stdio: result, ipc, ipcFd };
}

function createSocket(pipe, readable) {
  return net.Socket({ handle: pipe, readable });
}

function onErrorNT(self, err) {
  self._handle.onexit(err, 0);
}

function onSpawnNT(self) {
  self.emit('spawn');
}

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

// After 'exit', readable pipes nobody consumes are resumed so that they end
// and 'close' can follow.
function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable) continue;
    const state = stream._readableState;
    if (state && (state.flowing !== null || stream.listenerCount('data') > 0 ||
                  stream.listenerCount('readable') > 0)) {
      continue;
    }
    stream.resume();
  }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = new Process();
    this._handle.onexit = (exitCode, termSignal) => {
      const signalCode = termSignal ? signalName(termSignal) : null;
      if (signalCode) this.signalCode = signalCode;
      else this.exitCode = exitCode;
      if (this.stdin) this.stdin.destroy();
      if (this._handle) this._handle.close();
      this._handle = null;
      if (exitCode < 0) {
        const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
        const err = errnoException(exitCode, syscall);
        if (this.spawnfile) err.path = this.spawnfile;
        err.spawnargs = this.spawnargs.slice(1);
        this.emit('error', err);
      } else {
        this.emit('exit', this.exitCode, this.signalCode);
      }
      process.nextTick(flushStdio, this);
      maybeClose(this);
    };
  }

  spawn(options) {
    validateObject(options, 'options');
    validateOneOf(options.serialization, 'options.serialization',
                  [undefined, 'json', 'advanced']);
    const serialization = options.serialization || 'json';
    let stdio = options.stdio || 'pipe';
    const valid = getValidStdio(stdio, false);
    stdio = valid.stdio;
    const { ipc, ipcFd } = valid;
    if (ipc !== undefined) {
      if (options.envPairs === undefined) options.envPairs = [];
      else validateArray(options.envPairs, 'options.envPairs');
      options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
      options.envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }
    options.stdio = stdio;
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) {
      this.spawnargs = [];
    } else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }

    const err = this._handle.spawn(options);
    if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE || err === UV_ENFILE ||
        err === UV_ENOENT) {
      process.nextTick(onErrorNT, this, err);
      if (err === UV_EMFILE || err === UV_ENFILE) return err;
    } else if (err) {
      this._handle.close();
      this._handle = null;
      for (const entry of stdio) {
        if (entry.type === 'pipe' && entry.handle) entry.handle.close();
      }
      throw errnoException(err, 'spawn');
    } else {
      process.nextTick(onSpawnNT, this);
    }

    this.pid = this._handle.pid;

    for (let i = 0; i < stdio.length; i++) {
      const entry = stdio[i];
      if (entry.type === 'ignore') continue;
      // A stream handed over ('wrap') is not exposed again, as in node.
      if (entry.type === 'wrap') continue;
      if (entry.ipc) {
        if (err) {
          entry.handle.close();
        } else {
          // 'close' also waits for the channel to end from the child's side
          // (as in node, a parent's own disconnect() leaves 'close' unsent).
          this._closesNeeded++;
          this[kOnRemoteEnd] = () => { maybeClose(this); };
        }
        continue;
      }
      if (entry.handle) {
        if (err) {
          // The child never started: the pipe was never connected.
          entry.handle.close();
          entry.socket = createSocket(null, i > 0);
          entry.socket.destroy();
          continue;
        }
        entry.socket = createSocket(entry.handle, i > 0);
        if (i > 0) {
          this._closesNeeded++;
          entry.socket.on('close', () => { maybeClose(this); });
        }
      }
    }

    this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ? stdio[0].socket : null;
    this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ? stdio[1].socket : null;
    this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ? stdio[2].socket : null;
    this.stdio = [];
    for (let i = 0; i < stdio.length; i++) {
      this.stdio.push(stdio[i].socket === undefined ? null : stdio[i].socket);
    }
    if (ipc !== undefined && !err) setupChannel(this, ipc, serialization);
    return err;
  }

  kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === UV_ESRCH) {
        // Already dead.
      } else if (err === UV_EINVAL || err === UV_ENOSYS) {
        throw errnoException(err, 'kill');
      } else {
        this.emit('error', errnoException(err, 'kill'));
      }
    }
    return false;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() {
    if (this._handle) this._handle.ref();
  }

  unref() {
    if (this._handle) this._handle.unref();
  }
}
if (Symbol.dispose === undefined) delete ChildProcess.prototype[Symbol.dispose];

// The IPC channel: messages in Node's 'json' or 'advanced' serialization
// (internal/child_process_serialization) on a pipe; messages whose `cmd` starts with
// 'NODE_' are internal ('internalMessage'). `target` is a ChildProcess (parent
// side) or `process` (child side); `channel` is a pipe_wrap Pipe (IPC type).

const kPendingMessages = Symbol('kPendingMessages');
const kChannelHandle = Symbol('kChannelHandle');
const kWritesInFlight = Symbol('kWritesInFlight');
const kOnRemoteEnd = Symbol('kOnRemoteEnd');

// process.channel / child.channel: ref()/unref() of the pipe. The counted
// references (a pending asynchronous write; in a child, each 'message' or
// 'disconnect' listener) apply until ref() or unref() is called explicitly.
class Control extends EventEmitter {
  #channel;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
    this[kPendingMessages] = [];
  }

  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit('unref');
    }
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

function isInternalMessage(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > 4 && message.cmd.startsWith('NODE_');
}

// Passing handles (Node's wire protocol, so node and nodus interoperate): the
// message goes out as {cmd: 'NODE_HANDLE', type, msg[, key]} + '\n' in the
// same uv_write2 as the descriptor. The receiver answers NODE_HANDLE_ACK (or
// NODE_HANDLE_NACK when no descriptor arrived, and the sender sends again);
// until the ACK, the sender queues every other message, so at most one handle
// is in flight per channel. `send(handle, message, options)` returns the
// native handle to write (undefined: send the message alone); `postSend`
// runs once the write is done; `got(message, handle, emit)` rebuilds the
// object on the receiving side.
const handleConversion = {
  'net.Native': {
    simultaneousAccepts: true,
    send(handle) { return handle; },
    got(message, handle, emit) { emit(handle); },
  },
  'net.Server': {
    send(server) { return server._handle || undefined; },
    got(message, handle, emit) {
      const server = new net.Server();
      server.listen(handle, () => { emit(server); });
    },
  },
  'net.Socket': {
    send(socket, message, options) {
      const handle = socket._handle;
      if (!handle) return undefined;
      if (socket.server && socket.server._connectionKey !== undefined) {
        message.key = socket.server._connectionKey;
      }
      if (!options.keepOpen) {
        // The receiving process reads from now on.
        handle.reading = false;
        handle.readStop();
        socket.setTimeout(0);
      }
      return handle;
    },
    postSend(socket, message, options) {
      if (!options.keepOpen) socket.destroy();
    },
    got(message, handle, emit) {
      emit(new net.Socket({ handle, readable: true, writable: true }));
    },
  },
};

function handleTypeOf(handle) {
  if (handle instanceof net.Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  if (handle instanceof TCP || handle instanceof Pipe) return 'net.Native';
  if (handle !== null && typeof handle === 'object' && handle.constructor &&
      (handle.constructor.name === 'Socket' || handle.constructor.name === 'UDP') &&
      typeof handle.bind === 'function' && typeof handle.setBroadcast === 'function') {
    throw notImplemented('child_process send() of a dgram socket');
  }
  throw new ERR_INVALID_HANDLE_TYPE();
}

// Accepts the descriptors that arrived with the bytes read so far into new
// TCP or Pipe objects.
function acceptPendingHandles(channel, into) {
  let type;
  while ((type = channel.pendingType()) !== '') {
    let handle;
    if (type === 'TCP') handle = new TCP(TCPConstants.SOCKET);
    else handle = new Pipe(PipeConstants.SOCKET);
    const err = channel.acceptPending(handle);
    if (err) {
      handle.close();
      break;
    }
    if (type !== 'TCP' && type !== 'PIPE') {
      // UDP (dgram is not built) and others: dropped.
      handle.close();
      continue;
    }
    into.push(handle);
  }
}

function setupChannel(target, channel, serializationMode) {
  const { kOwner, kUpdateTimer, kBytesRead } = require('internal/stream_base_commons');
  const codec = require('internal/child_process_serialization').createCodec(serializationMode);
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;
  target[kWritesInFlight] = 0;
  target.connected = true;

  let closeWhenWritten = false;

  function emit(event, message, handle) {
    if (event === 'internalMessage' || target.listenerCount('message')) {
      target.emit(event, message, handle);
      return;
    }
    // Kept until someone listens for 'message'.
    control[kPendingMessages].push([event, message, handle]);
  }

  // Handles received and not yet matched with their NODE_HANDLE message.
  const receivedHandles = [];

  function onData(chunk) {
    acceptPendingHandles(channel, receivedHandles);
    for (const message of codec.decode(chunk)) {
      if (!target.channel) continue;
      const internal = isInternalMessage(message);
      let handle;
      if (internal && message.cmd === 'NODE_HANDLE') handle = receivedHandles.shift();
      process.nextTick(emit, internal ? 'internalMessage' : 'message', message, handle);
    }
  }

  function closeChannel() {
    if (target[kWritesInFlight] > 0) {
      // Queued messages go out first.
      closeWhenWritten = true;
      return;
    }
    channel.close();
  }

  // Reads arrive through stream_base_commons' onread, which treats the
  // handle's owner as a readable stream: this adapter is that owner.
  channel[kOwner] = {
    [kUpdateTimer]() {},
    [kBytesRead]: 0,
    _readableState: { endEmitted: false },
    push(chunk) {
      if (chunk === null) {
        this._readableState.endEmitted = true;
        onEnd();
      } else {
        onData(chunk);
      }
      return true;
    },
    read() {},
    destroy() {
      onEnd();
    },
  };

  function onEnd() {
    codec.reset();
    channel.readStop();
    if (target.connected || target.channel) {
      target.connected = false;
      target._disconnect(true);
    }
  }

  // The handle-passing handshake (see handleConversion).
  target._handleQueue = null;
  target._pendingMessage = null;
  target.on('internalMessage', function onHandleMessage(message, handle) {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      const pending = this._pendingMessage;
      this._pendingMessage = null;
      if (pending && pending.wrote) finishHandleSend(pending);
      else if (pending) pending.acked = true;
      const queue = this._handleQueue;
      this._handleQueue = null;
      if (queue) {
        for (const q of queue) this._send(q.message, q.handle, q.options, q.callback);
      }
      return;
    }
    if (message.cmd === 'NODE_HANDLE_NACK') {
      const pending = this._pendingMessage;
      this._pendingMessage = null;
      const queue = this._handleQueue;
      this._handleQueue = null;
      if (pending) this._send(pending.message, pending.handle, pending.options, pending.callback);
      if (queue) {
        for (const q of queue) this._send(q.message, q.handle, q.options, q.callback);
      }
      return;
    }
    if (message.cmd !== 'NODE_HANDLE') return;
    if (!handle) {
      // The descriptor did not arrive (say, truncated ancillary data).
      this._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);
      return;
    }
    this._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);
    const conversion = handleConversion[message.type];
    if (conversion === undefined) {
      handle.close();
      return;
    }
    const inner = message.msg;
    conversion.got(message, handle, (converted) => {
      if (!target.channel && !isInternalMessage(inner)) return;
      emit(isInternalMessage(inner) ? 'internalMessage' : 'message', inner, converted);
    });
  });

  function finishHandleSend(pending) {
    const conversion = handleConversion[pending.type];
    if (conversion.postSend) conversion.postSend(pending.handle, pending.message, pending.options);
  }

  target.on('newListener', function onNewListener() {
    process.nextTick(() => {
      if (!target.channel || !target.listenerCount('message')) return;
      const pending = control[kPendingMessages];
      control[kPendingMessages] = [];
      for (const [event, message, handle] of pending) target.emit(event, message, handle);
    });
  });

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) return this._send(message, handle, options, callback);
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') process.nextTick(callback, ex);
    else process.nextTick(() => this.emit('error', ex));
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'],
                                     message);
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };
    else if (options == null) options = { swallowErrors: false };
    let rawHandle;
    let pending;
    if (handle) {
      const type = handleTypeOf(handle);
      if (this._handleQueue) {
        // One handle in flight at a time.
        this._handleQueue.push({ message, handle, options, callback });
        return this._handleQueue.length === 1;
      }
      const wrapped = { cmd: 'NODE_HANDLE', type, msg: message };
      rawHandle = handleConversion[type].send(handle, wrapped, options);
      if (rawHandle) {
        pending = { message, handle, options, callback, type, wrote: false, acked: false };
        this._pendingMessage = pending;
        this._handleQueue = [];
        message = wrapped;
      }
    } else if (this._handleQueue &&
               !(isInternalMessage(message) && (message.cmd === 'NODE_HANDLE_ACK' ||
                                                message.cmd === 'NODE_HANDLE_NACK'))) {
      this._handleQueue.push({ message, handle: undefined, options, callback });
      return this._handleQueue.length === 1;
    }
    const string = codec.encode(message);
    const req = { oncomplete: null };
    const write = codec.encoding === 'latin1' ? channel.writeLatin1String : channel.writeUtf8String;
    const err = rawHandle ? write.call(channel, req, string, rawHandle) :
      write.call(channel, req, string);
    const wasAsync = streamBaseState[kLastWriteWasAsync] === 1;
    if (err !== 0 && pending) {
      this._pendingMessage = null;
      const queue = this._handleQueue;
      this._handleQueue = null;
      if (queue) process.nextTick(() => {
        for (const q of queue) this._send(q.message, q.handle, q.options, q.callback);
      });
    }
    if (err === 0) {
      if (wasAsync || pending) {
        target[kWritesInFlight]++;
        req.oncomplete = () => {
          target[kWritesInFlight]--;
          control.unrefCounted();
          if (pending) {
            // The sender lets go of a socket once it is written and acknowledged.
            pending.wrote = true;
            if (pending.acked) finishHandleSend(pending);
          }
          if (closeWhenWritten && target[kWritesInFlight] === 0) channel.close();
          if (typeof callback === 'function') callback(null);
        };
        control.refCounted();
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else if (!options.swallowErrors) {
      const ex = errnoException(err, 'write');
      if (typeof callback === 'function') process.nextTick(callback, ex);
      else process.nextTick(() => this.emit('error', ex));
    }
    // Stop sending when the other side is far behind.
    return channel.writeQueueSize < 65536 * 2;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    this._disconnect();
  };

  target._disconnect = function _disconnect(remoteEnded) {
    if (!this.channel) return;
    this.channel = null;
    this[kChannelHandle] = null;
    channel.readStop();
    process.nextTick(() => {
      closeChannel();
      target.emit('disconnect');
      if (remoteEnded === true && typeof target[kOnRemoteEnd] === 'function') {
        target[kOnRemoteEnd]();
      }
    });
  };

  channel.readStart();
  return control;
}

function spawnSync(options) {
  const raw = spawnSyncBinding.spawn(options);
  const result = {};
  if (raw.error) {
    const error = errnoException(raw.error, `spawnSync ${options.file}`);
    error.path = options.file;
    error.spawnargs = options.args.slice(1);
    result.error = error;
  }
  let output = null;
  if (raw.output) {
    output = raw.output.map((chunk) => {
      if (chunk === null) return null;
      const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (options.encoding && options.encoding !== 'buffer') {
        return buffer.toString(options.encoding);
      }
      return buffer;
    });
  }
  if (output !== null) {
    const signal = raw.termSignal ? signalName(raw.termSignal) : null;
    result.status = signal ? null : raw.status;
    result.signal = signal;
  } else {
    result.status = null;
    result.signal = null;
  }
  result.output = output;
  result.pid = raw.pid;
  result.stdout = output && output[1];
  result.stderr = output && output[2];
  return result;
}

module.exports = {
  ChildProcess,
  convertToValidSignal,
  getValidStdio,
  setupChannel,
  signalName,
  spawnSync,
  stdioStringToArray,
};
