'use strict';
// Internal cluster messages: {cmd: 'NODE_CLUSTER', act, seq, ...} over the
// IPC channel (never seen by 'message' listeners). A message sent with a
// callback carries `seq`; the answer carries `ack: seq` and calls it back
// with (answer, handle).

const callbacks = new Map();
let seq = 0;

// Returns false when the channel is already closed (nothing was sent).
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq += 1;
  proc.send(message, handle);
  return true;
}

// An 'internalMessage' listener for NODE_CLUSTER messages: answers go to
// their callback, the rest to `handler(message, handle)`.
function internal(worker, handler) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined) {
      const cb = callbacks.get(message.ack);
      if (cb !== undefined) {
        callbacks.delete(message.ack);
        cb.call(worker, message, handle);
        return;
      }
    }
    handler.call(worker, message, handle);
  };
}

module.exports = { sendHelper, internal };
