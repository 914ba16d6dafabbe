// A minimal LSP client over stdio for the express test and tests/bench/lsp.sh.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

class Client {
  constructor(command, args, options = {}) {
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', options.stderr || 'ignore'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];  // [{method, predicate, resolve}]
    this.notifications = [];
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = this.buffer.slice(0, end).toString();
      const match = /Content-Length: *(\d+)/i.exec(header);
      const length = match ? Number(match[1]) : 0;
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.slice(end + 4, end + 4 + length).toString();
      this.buffer = this.buffer.slice(end + 4 + length);
      this.onMessage(JSON.parse(body));
    }
  }

  onMessage(message) {
    if (message.id !== undefined && message.method !== undefined) {
      // A request from the server (workDoneProgress/create, configuration…): answer null.
      this.write({ jsonrpc: '2.0', id: message.id, result: null });
      return;
    }
    if (message.id !== undefined && this.pending.has(message.id)) {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve(message);
      return;
    }
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w.method === message.method && w.predicate(message.params)) {
        this.waiters.splice(i, 1);
        w.resolve(message.params);
        return;
      }
    }
    this.notifications.push(message);
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  // The next notification `method` whose params satisfy `predicate`.
  waitFor(method, predicate = () => true) {
    const i = this.notifications.findIndex((m) => m.method === method && predicate(m.params));
    if (i >= 0) return Promise.resolve(this.notifications.splice(i, 1)[0].params);
    return new Promise((resolve) => this.waiters.push({ method, predicate, resolve }));
  }

  async close() {
    await this.request('shutdown');
    this.notify('exit');
    await new Promise((resolve) => this.proc.on('exit', resolve));
  }
}

// The position of `needle` (its `offset`-th character) in `text`.
function positionOf(text, needle, offset = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  const character = before.length - before.lastIndexOf('\n') - 1;
  return { line, character };
}

// CPU seconds (user + system) process `pid` has used: less sensitive than
// wall time to whatever else the machine is running.
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;  // utime, stime in ticks (USER_HZ 100)
}

// Peak resident memory of process `pid` in KB (VmHWM).
function peakRssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]);
}

module.exports = { Client, positionOf, cpuSeconds, peakRssKb };
