'use strict';
// Shared by the soak drivers (run with node; the runtime under test is a
// child process). Every wait is bounded; every child is killed at exit.
const { spawn } = require('child_process');
const fs = require('fs');

const children = new Set();
process.on('exit', () => {
  for (const c of children) {
    try { c.kill('SIGKILL'); } catch {}
  }
});

function fail(msg) {
  const e = new Error(msg);
  e.soakFailure = true;
  throw e;
}

function check(cond, msg) {
  if (!cond) fail(msg);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(
        new Error(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`),
        { soakFailure: true })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// Polls cond() every 20 ms until it is true, or fails after ms.
async function until(cond, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) fail(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await sleep(20);
  }
}

// Command-line options: --name=value or --name value; numbers accept 1e6/100k/1M.
function options(defaults) {
  const out = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (!a.startsWith('--')) {
      (out._ = out._ || []).push(a);
      continue;
    }
    a = a.slice(2);
    let v;
    const eq = a.indexOf('=');
    if (eq >= 0) {
      v = a.slice(eq + 1);
      a = a.slice(0, eq);
    } else if (typeof defaults[a] === 'boolean') {
      v = 'true';
    } else {
      v = argv[++i];
    }
    if (!(a in defaults)) fail(`unknown option --${a}`);
    if (typeof defaults[a] === 'number') {
      const m = /^([0-9.]+(?:e[0-9]+)?)([kKmM]?)$/.exec(v);
      if (!m) fail(`--${a} wants a number, got ${v}`);
      out[a] = Number(m[1]) * ({ k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2]] || 1);
    } else if (typeof defaults[a] === 'boolean') {
      out[a] = v === 'true' || v === '1';
    } else {
      out[a] = v;
    }
  }
  return out;
}

// /proc figures of a live process.
function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}
function fdCount(pid) {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}
function fdTargets(pid) {
  const out = [];
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try { out.push(`${fd} -> ${fs.readlinkSync(`/proc/${pid}/fd/${fd}`)}`); } catch {}
  }
  return out;
}
// Whether the process runs under ASan or TSan (a shared runtime library in
// its maps, or NODUS_TEST_TIMEOUT_MULTIPLIER above 1 as the sanitizer presets
// set it): their allocators keep freed memory (quarantine), so RSS says
// nothing about leaks there.
function sanitized(pid) {
  if (Number(process.env.NODUS_TEST_TIMEOUT_MULTIPLIER || 1) > 1) return true;
  try {
    return /lib[at]san/.test(fs.readFileSync(`/proc/${pid}/maps`, 'utf8'));
  } catch {
    return false;
  }
}
// CPU time (user + system) in clock ticks (100 per second on Linux).
function cpuTicks(pid) {
  const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

// A text stream as lines, with bounded waits for a line matching a pattern.
class Lines {
  constructor(stream, name) {
    this.name = name;
    this.text = '';
    this.lines = [];
    this.waiters = [];
    this.pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (s) => {
      this.text += s;
      if (this.text.length > 1 << 20) this.text = this.text.slice(-(1 << 19));
      if (process.env.SOAK_VERBOSE) process.stderr.write(`[${name}] ${s}`);
      this.pending += s;
      let nl;
      while ((nl = this.pending.indexOf('\n')) >= 0) {
        this.lines.push(this.pending.slice(0, nl));
        this.pending = this.pending.slice(nl + 1);
      }
      this.wake();
    });
  }
  wake() {
    for (const w of [...this.waiters]) {
      const i = this.lines.findIndex((l) => w.re.test(l));
      if (i >= 0) {
        const line = this.lines.splice(0, i + 1)[i];
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(w.re.exec(line));
      }
    }
  }
  // The next line matching re (earlier lines are dropped).
  next(re, ms = 10000) {
    const p = new Promise((resolve) => { this.waiters.push({ re, resolve }); this.wake(); });
    return within(p, ms, () => `${this.name} to print a line matching ${re} (last output: ${JSON.stringify(this.text.slice(-400))})`);
  }
}

function start(runtime, args, opts = {}) {
  const child = spawn(runtime, args, { stdio: ['pipe', 'pipe', 'pipe'], ...opts });
  children.add(child);
  const p = {
    child,
    pid: child.pid,
    stdout: new Lines(child.stdout, 'stdout'),
    stderr: new Lines(child.stderr, 'stderr'),
    exited: null,
  };
  p.exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    children.delete(child);
    p.exited = { code, signal };
    resolve(p.exited);
  }));
  p.alive = () => p.exited === null;
  return p;
}

// The soak server fixture (fixtures/http-server.js) under runtime.
async function startHttpServer(runtime, opts = {}) {
  const p = start(opts.wrapper ? opts.wrapper[0] : runtime,
    [...(opts.wrapper ? [...opts.wrapper.slice(1), runtime] : []), ...(opts.args || []), `${__dirname}/fixtures/http-server.js`]);
  const m = await p.stdout.next(/^port (\d+)$/);
  p.port = Number(m[1]);
  p.stats = async () => {
    check(p.alive(), `the server died: ${JSON.stringify(p.exited)}; stderr: ${p.stderr.text.slice(-2000)}`);
    p.child.stdin.write('stats\n');
    return JSON.parse((await p.stdout.next(/^\{.*\}$/))[0]);
  };
  p.mem = async () => {
    p.child.stdin.write('mem\n');
    return JSON.parse((await p.stdout.next(/^\{"rss".*\}$/))[0]);
  };
  return p;
}

// A least-squares slope of ys over xs.
function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

// Runs main(); prints FAIL and exits 1 on failure.
function run(main) {
  main().then(() => process.exit(0), (e) => {
    process.stderr.write(`FAIL: ${e.soakFailure ? e.message : e.stack}\n`);
    process.exit(1);
  });
}

module.exports = {
  fail, check, sleep, within, until, options, rssKb, fdCount, fdTargets, cpuTicks, sanitized,
  Lines, start, startHttpServer, slope, run,
};
