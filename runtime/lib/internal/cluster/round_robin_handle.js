'use strict';
// SCHED_RR: the primary listens and accepts; each accepted connection goes
// to the next free worker as a 'newconn' message carrying the socket. A
// worker is busy until it answers (accepted or not: a worker whose server is
// closing refuses, and the connection goes to another worker). Connections
// wait in `pending` while every worker is busy.

const { sendHelper } = require('internal/cluster/utils');
const { createHandle } = require('internal/cluster/shared_handle');

class RoundRobinHandle {
  constructor(key, address, { port, addressType, fd, flags, backlog }) {
    this.key = key;
    this.all = new Map();
    this.free = new Map();
    this.pending = [];
    this.handle = null;
    this.errno = 0;
    this.sockname = null;
    this.waiting = [];
    const rval = createHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') {
      this.errno = rval;
      return;
    }
    const err = rval.listen(backlog || 511);
    if (err) {
      rval.close();
      this.errno = err;
      return;
    }
    this.handle = rval;
    if (rval.getsockname) {
      const out = {};
      if (rval.getsockname(out) === 0) this.sockname = out;
    }
    rval.onconnection = (status, client) => this.distribute(status, client);
  }

  add(worker, send) {
    this.all.set(worker.id, worker);
    if (this.errno) {
      send(this.errno, null);
      return;
    }
    send(0, { sockname: this.sockname }, null);
    this.handoff(worker);
  }

  remove(worker) {
    if (!this.all.has(worker.id)) return false;
    this.all.delete(worker.id);
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    this.close();
    return true;
  }

  close() {
    for (const client of this.pending) client.close();
    this.pending = [];
    if (this.handle) this.handle.close();
    this.handle = null;
  }

  distribute(status, client) {
    if (status) return; // accept() failed: nothing to hand out
    this.pending.push(client);
    const next = this.free.entries().next();
    if (next.done) return;
    const [id, worker] = next.value;
    this.free.delete(id);
    this.handoff(worker);
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return; // gone meanwhile
    const client = this.pending.shift();
    if (client === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    const sent = worker.process.connected &&
      sendHelper(worker.process, { act: 'newconn', key: this.key }, client, (reply) => {
        if (reply.accepted) client.close();
        else this.distribute(0, client);
        this.handoff(worker);
      });
    if (sent === false) {
      // The worker is going away: the connection goes to another.
      this.all.delete(worker.id);
      this.distribute(0, client);
    }
  }
}

module.exports = RoundRobinHandle;
