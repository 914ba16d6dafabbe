'use strict';
// SCHED_NONE: the primary binds one listening handle per key and sends it to
// every worker that listens there; workers accept connections themselves
// (the kernel decides which). The primary's copy stays open while any worker
// uses the key.

const net = require('net');

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    let rval;
    if (addressType === 'udp4' || addressType === 'udp6') {
      rval = -97; // EAFNOSUPPORT: dgram is not built
    } else {
      rval = createHandle(address, port, addressType, fd, flags);
    }
    if (typeof rval === 'number') this.errno = rval;
    else this.handle = rval;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.has(worker.id)) return false;
    this.workers.delete(worker.id);
    if (this.workers.size !== 0) return false;
    this.close();
    return true;
  }

  close() {
    if (this.handle) this.handle.close();
    this.handle = null;
  }
}

// A bound handle (not yet listening), or a libuv error number. With no
// address, IPv6 any first, then IPv4 any, as net.Server.listen does.
function createHandle(address, port, addressType, fd, flags) {
  if (!address && addressType !== -1 && typeof fd !== 'number') {
    const rval = net._createServerHandle('::', port, 6, fd, flags);
    if (typeof rval !== 'number') return rval;
    return net._createServerHandle('0.0.0.0', port, 4, fd, flags);
  }
  return net._createServerHandle(address, port, addressType, fd, flags);
}

SharedHandle.createHandle = createHandle;
module.exports = SharedHandle;
