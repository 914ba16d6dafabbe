'use strict';
// Shared by the inspector drivers (run with node; the runtime under test is a
// child). Every wait is bounded; every child is killed at exit.
//
// Drivers are invoked as
//   node DRIVER.js CASE RUNTIME [FIXTURE_DIR]
// and define cases as async functions of a context `t` (see run()).

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const APPS = path.join(__dirname, 'apps');
// The whole case must finish well inside CTest's 30 s.
const CASE_LIMIT_MS = 25000;
const WAIT_MS = 10000;

const children = new Set();
const tmpdirs = [];

function killAll() {
  for (const c of children) {
    try {
      // A child started with {group: true} leads its own process group
      // (Chromium's helpers): kill the whole group.
      if (c.nodusGroup) process.kill(-c.pid, 'SIGKILL');
      else c.kill('SIGKILL');
    } catch {}
  }
  for (const d of tmpdirs) fs.rmSync(d, { recursive: true, force: true });
}
process.on('exit', killAll);

function fail(msg) {
  const e = new Error(msg);
  e.testFailure = true;
  throw e;
}

function check(cond, msg, detail) {
  if (!cond) fail(msg + (detail === undefined ? '' : `\n  got: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`));
}

function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) fail(`${what}: expected ${b}, got ${a}`);
}

// Resolves with the promise's value, or rejects after ms naming `what` (a
// string, or a function called at the timeout).
function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`), { testFailure: true })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tmpdir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-inspector-'));
  tmpdirs.push(d);
  return d;
}

// A text stream accumulated, with bounded waits for a pattern.
class Output {
  constructor(stream, name) {
    this.name = name;
    this.text = '';
    this.waiters = [];
    stream.setEncoding('utf8');
    stream.on('data', (s) => {
      this.text += s;
      if (process.env.INSPECTOR_E2E_VERBOSE) process.stderr.write(`[${name}] ${s}`);
      this.poll();
    });
  }
  poll() {
    this.waiters = this.waiters.filter((w) => {
      const m = w.from < this.text.length ? this.text.slice(w.from).match(w.re) : null;
      if (m) w.resolve(m);
      return !m;
    });
  }
  // Waits for `re` in the text after offset `from` (default: anywhere).
  wait(re, ms = WAIT_MS, from = 0) {
    return within(
      new Promise((resolve) => {
        this.waiters.push({ re, from, resolve });
        this.poll();
      }),
      ms,
      `${re} on ${this.name}; it holds:\n${this.text}`,
    ).catch((e) => {
      e.message = `timed out after ${ms} ms waiting for ${re} on ${this.name}; it holds:\n---\n${this.text}---`;
      throw e;
    });
  }
}

// Starts RUNTIME ARGS... in cwd (default: the apps directory); opts.group:
// in a process group of its own, killed as a whole at exit.
function start(runtime, args, opts = {}) {
  const child = spawn(runtime, args, {
    cwd: opts.cwd || APPS,
    env: { ...process.env, ...(opts.env || {}) },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: !!opts.group,
  });
  child.nodusGroup = !!opts.group;
  children.add(child);
  const p = {
    child,
    stdout: new Output(child.stdout, `${path.basename(runtime)} stdout`),
    stderr: new Output(child.stderr, `${path.basename(runtime)} stderr`),
    exited: new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        if (!child.nodusGroup) children.delete(child);
        resolve({ code, signal });
      });
      child.on('error', (e) => resolve({ code: null, signal: null, error: e.message }));
    }),
  };
  p.waitExit = (ms = WAIT_MS) =>
    within(p.exited, ms, `${runtime} ${args.join(' ')} to exit; stderr:\n${p.stderr.text}\nstdout:\n${p.stdout.text}`);
  return p;
}

// Starts the runtime with an inspector flag on port 0 and waits for the
// "Debugger listening on ws://HOST:PORT/ID" line.
async function startInspected(runtime, flag, app, opts = {}) {
  const extra = opts.args || [];
  const p = start(runtime, [`${flag}=127.0.0.1:${opts.port || 0}`, ...extra, app, ...(opts.appArgs || [])], opts);
  const m = await Promise.race([
    p.stderr.wait(/Debugger listening on (ws:\/\/([\d.]+):(\d+)\/([0-9a-f-]+))\n/),
    p.exited.then((r) => fail(`${runtime} ${flag} ${app} exited (${JSON.stringify(r)}) before "Debugger listening"; stderr:\n${p.stderr.text}`)),
  ]);
  p.wsUrl = m[1];
  p.host = m[2];
  p.port = Number(m[3]);
  p.id = m[4];
  return p;
}

// An HTTP GET to 127.0.0.1:port with the given Host header.
function httpGet(port, pathname, host, headers = {}) {
  const http = require('http');
  return within(
    new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: pathname, headers: { Host: host || `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
        res.on('error', reject);
      });
      req.on('error', reject);
    }),
    WAIT_MS,
    `GET ${pathname}`,
  );
}

// The fixture's packages (installed by setup.sh).
function fixtureRequire(fixture, name) {
  if (!fixture) fail('this case needs FIXTURE_DIR (run setup.sh first)');
  const { createRequire } = require('module');
  return createRequire(path.join(fixture, 'package.json'))(name);
}

// chrome-remote-interface client on the target (the first /json/list entry),
// with the helpers the cases use.
async function cri(fixture, port, opts = {}) {
  const CDP = fixtureRequire(fixture, 'chrome-remote-interface');
  const client = await within(CDP({ host: '127.0.0.1', port, local: !!opts.local, ...(opts.target ? { target: opts.target } : {}) }), WAIT_MS, `chrome-remote-interface to connect to 127.0.0.1:${port}`);
  // Every event, in order. client.next(method) waits for the first matching
  // event after client.mark (the index just past the last one next() returned;
  // markNow() skips everything seen so far).
  const events = [];
  let waiters = [];
  client.mark = 0;
  client.on('event', (msg) => {
    events.push(msg);
    const i = events.length - 1;
    waiters = waiters.filter((w) => {
      if (i < w.from || msg.method !== w.method || !w.pred(msg.params)) return true;
      client.mark = i + 1;
      w.resolve(msg.params);
      return false;
    });
  });
  client.events = events;
  client.markNow = () => (client.mark = events.length);
  client.next = (method, pred = () => true, ms = WAIT_MS) => {
    const from = client.mark;
    for (let i = from; i < events.length; i++) {
      if (events[i].method === method && pred(events[i].params)) {
        client.mark = i + 1;
        return Promise.resolve(events[i].params);
      }
    }
    return within(
      new Promise((resolve) => waiters.push({ method, pred, from, resolve })),
      ms,
      () => `CDP event ${method}; events so far: ${events.map((e) => e.method).join(', ')}`,
    );
  };
  // A command with a bounded wait.
  client.call = (method, params = {}, ms = WAIT_MS) => within(client.send(method, params), ms, `the answer to ${method}`);
  return client;
}

function fileUrl(p) {
  return require('url').pathToFileURL(p).href;
}

// Runs the case named by argv[2] from `cases` with
// t = { runtime, fixture, name, app(name) }.
function run(cases) {
  const [name, runtime, fixture] = process.argv.slice(2);
  if (!name || !runtime || !cases[name]) {
    console.error(`usage: node ${path.basename(process.argv[1])} CASE RUNTIME [FIXTURE_DIR]\ncases: ${Object.keys(cases).join(' ')}`);
    process.exit(2);
  }
  const t = {
    // Programs start in the apps directory: a relative path must not change.
    runtime: runtime.includes('/') ? path.resolve(runtime) : runtime,
    fixture: fixture && path.resolve(fixture),
    name,
    app: (n) => path.join(APPS, n),
  };
  const watchdog = setTimeout(() => {
    console.error(`FAIL ${name}: the case took longer than ${CASE_LIMIT_MS} ms`);
    process.exit(1);
  }, CASE_LIMIT_MS);
  watchdog.unref();
  Promise.resolve()
    .then(() => cases[name](t))
    .then(
      () => {
        console.log(`ok   ${name}`);
        killAll();
        process.exit(0);
      },
      (e) => {
        console.error(`FAIL ${name}: ${e && e.testFailure ? e.message : (e && e.stack) || e}`);
        killAll();
        process.exit(1);
      },
    );
}

module.exports = { APPS, WAIT_MS, check, eq, fail, within, sleep, tmpdir, start, startInspected, httpGet, fixtureRequire, cri, fileUrl, run };
