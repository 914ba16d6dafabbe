'use strict';
// Restart soak for `nodus --watch` / `nodus-watch` (issue 12):
//   node tests/soak/watch.js RUNTIME [--restarts N] [--supervisor CMD] [--grandchild BOOL] [--json]
// The supervisor runs app.js (which requires dep.js and, with --grandchild,
// starts a long-lived grandchild process) in a temporary directory; the program
// is restarted N times, in turn by saving app.js, saving dep.js and (for nodus,
// not node) SIGUSR2. --supervisor is the command that watches: default
// `RUNTIME --watch` (nodus execs nodus-watch; node 20 runs its own watch mode),
// or e.g. `/path/nodus-watch --nodus=RUNTIME`.
// Checks, failing with exit 1:
// - every restart starts a new program, and the previous program and its
//   grandchild are gone by then (no leaked processes; at the end, after
//   SIGTERM to the supervisor, no process started from the directory is left);
// - the supervisor's descriptors (/proc/PID/fd) and inotify watches (the
//   `inotify wd:` lines of /proc/PID/fdinfo/FD) after the last restart equal
//   those after the first.
// Prints the figures: restarts, descriptors and watches first/last/max, RSS of
// the supervisor first/last, restarts per second.
const fs = require('fs');
const os = require('os');
const path = require('path');
const L = require('./lib');

const opt = L.options({ restarts: 50, supervisor: '', grandchild: true, json: false, 'retouch-ms': 3000 });
if (!opt._) L.fail('usage: node watch.js RUNTIME [options]');
// The supervisor runs in a temporary directory: a relative path would not resolve.
const runtime = opt._[0].includes('/') ? path.resolve(opt._[0]) : opt._[0];
const isNode = path.basename(runtime) === 'node';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-soak-watch-'));
process.on('exit', () => {
  // Whatever a failed run left: the programs and grandchildren name dir.
  for (const line of processesInDir()) {
    try { process.kill(Number(line.split(' ')[0]), 'SIGKILL'); } catch {}
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
// The grandchild is a copy of sleep(1) inside dir: its command line names dir,
// so a leaked one is found by scanning /proc.
const grand = path.join(dir, 'soak-sleep');
fs.copyFileSync('/bin/sleep', grand);
fs.chmodSync(grand, 0o755);

let generation = 0;
function writeApp() {
  fs.writeFileSync(path.join(dir, 'app.js'), `'use strict';
// generation ${generation++}
require('./dep.js');
let g = 0;
${opt.grandchild ? `g = require('child_process').spawn(${JSON.stringify(grand)}, ['600'], { stdio: 'ignore' }).pid;` : ''}
console.log('started ' + process.pid + ' ' + g);
setInterval(() => {}, 1e6);
`);
}
function writeDep() {
  fs.writeFileSync(path.join(dir, 'dep.js'), `module.exports = ${generation++};\n`);
}

// Processes whose command line mentions dir (the programs and grandchildren).
function processesInDir() {
  const out = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (!cmd.includes(dir)) continue;
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z') out.push(`${p} ${cmd.replace(/\0/g, ' ').trim()}`);
    } catch {}
  }
  return out;
}
function gone(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}
function inotifyWatches(pid) {
  let n = 0;
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    let target;
    try { target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { continue; }
    if (target !== 'anon_inode:inotify') continue;
    n += fs.readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').filter((l) => l.startsWith('inotify wd:')).length;
  }
  return n;
}

async function main() {
  writeDep();
  writeApp();
  const sup = opt.supervisor ? opt.supervisor.split(' ').filter(Boolean) : [runtime, '--watch'];
  const p = L.start(sup[0], [...sup.slice(1), path.join(dir, 'app.js')], { cwd: dir });
  let m = await p.stdout.next(/^started (\d+) (\d+)$/, 20000);
  let prog = Number(m[1]);
  let gchild = Number(m[2]);
  const fig = { runtime, supervisor: sup.join(' '), restarts: 0, retouches: 0 };
  const triggers = isNode ? ['app', 'dep'] : ['app', 'dep', 'usr2'];
  const t0 = Date.now();
  let first = null;
  let fdMax = 0;
  let watchMax = 0;
  for (let i = 0; i < opt.restarts; i++) {
    const how = triggers[i % triggers.length];
    const trigger = () => {
      if (how === 'app') writeApp();
      else if (how === 'dep') writeDep();
      else process.kill(p.pid, 'SIGUSR2');
    };
    trigger();
    for (;;) {
      try {
        m = await p.stdout.next(/^started (\d+) (\d+)$/, opt['retouch-ms']);
        break;
      } catch (e) {
        L.check(p.alive(), `the supervisor exited: ${JSON.stringify(p.exited)}\n${p.stderr.text.slice(-2000)}`);
        // A save right after a start can land before the program reported
        // dep.js; save again (counted).
        if (fig.retouches++ > opt.restarts / 10 + 5) throw e;
        trigger();
      }
    }
    const next = Number(m[1]);
    L.check(next !== prog, `restart ${i + 1}: the same pid ${next}`);
    L.check(gone(prog), `restart ${i + 1} (${how}): the previous program ${prog} is still running`);
    if (opt.grandchild) {
      await L.until(() => gone(gchild), 5000, `restart ${i + 1} (${how}): the previous grandchild ${gchild} to be gone`);
    }
    prog = next;
    gchild = Number(m[2]);
    fig.restarts++;
    const fds = L.fdCount(p.pid);
    const watches = inotifyWatches(p.pid);
    fdMax = Math.max(fdMax, fds);
    watchMax = Math.max(watchMax, watches);
    if (!first) first = { fds, watches, rssKb: L.rssKb(p.pid), fdList: L.fdTargets(p.pid) };
    if (!opt.json && (i + 1) % 100 === 0) process.stderr.write(`  ${i + 1} restarts, supervisor fds ${fds}, inotify watches ${watches}\n`);
  }
  fig.seconds = (Date.now() - t0) / 1000;
  fig.restartsPerSecond = Math.round((fig.restarts / fig.seconds) * 10) / 10;
  // Transient descriptors (the check's pipes) settle once the program runs.
  let last;
  await L.until(() => {
    last = { fds: L.fdCount(p.pid), watches: inotifyWatches(p.pid) };
    return last.fds === first.fds && last.watches === first.watches;
  }, 5000, () => `the supervisor's descriptors/watches to return to ${JSON.stringify({ fds: first.fds, watches: first.watches })}, now ${JSON.stringify(last)}\nfirst:\n${first.fdList.join('\n')}\nnow:\n${L.fdTargets(p.pid).join('\n')}`);
  Object.assign(fig, {
    supervisorFds: { first: first.fds, last: last.fds, max: fdMax },
    inotifyWatches: { first: first.watches, last: last.watches, max: watchMax },
    supervisorRssKb: { first: first.rssKb, last: L.rssKb(p.pid) },
  });
  L.check(!gone(prog), `the last program ${prog} is not running`);
  const leaked = processesInDir().filter((l) => ![prog, gchild, p.pid].includes(Number(l.split(' ')[0])));
  L.check(leaked.length === 0, `after ${fig.restarts} restarts, leaked processes:\n${leaked.join('\n')}`);

  p.child.kill('SIGTERM');
  await L.within(p.exit, 10000, 'the supervisor to exit after SIGTERM');
  await L.until(() => processesInDir().length === 0, 5000, () => `no process left from the directory after SIGTERM:\n${processesInDir().join('\n')}`);
  fig.leftAfterExit = 0;
  if (opt.json) console.log(JSON.stringify(fig));
  else console.log(JSON.stringify(fig, null, 2));
}

L.run(main);
