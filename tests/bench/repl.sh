#!/usr/bin/env bash
# REPL figures, nodus vs node, in a pseudo-terminal (python3's pty):
#   - launch to the first prompt;
#   - keystroke to screen for the eager preview: the closing ')' of
#     `[1, 2, 3].map(x => x * 2` until `[ 2, 4, 6 ]` is drawn;
#   - keystroke to screen for a completion: Tab after `process.versio` until
#     the inserted `n` is drawn.
# Medians of RUNS (default 15) runs each. Usage: tests/bench/repl.sh [path/to/nodus]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
nodus=${1:-$here/../../build/runtime/nodus}
runs=${RUNS:-15}
python3 - "$nodus" "$(command -v node)" "$runs" <<'PY'
import os, pty, select, statistics, sys, time

def session(cmd):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM='xterm-256color', NODUS_REPL_HISTORY='', NODE_REPL_HISTORY='')
        os.execve(cmd, [cmd], env)
    return pid, fd

def read_until(fd, needle, start, timeout=5.0):
    buf = b''
    while needle not in buf:
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            raise RuntimeError(f'timeout waiting for {needle!r}; got {buf[-200:]!r}')
        r, _, _ = select.select([fd], [], [], left)
        if r:
            buf += os.read(fd, 65536)
    return time.perf_counter() - start

def drain(fd, quiet=0.15):
    while select.select([fd], [], [], quiet)[0]:
        os.read(fd, 65536)

def one(cmd):
    t0 = time.perf_counter()
    pid, fd = session(cmd)
    launch = read_until(fd, b'> ', t0)
    drain(fd)
    os.write(fd, b'[1, 2, 3].map(x => x * 2')
    drain(fd)
    t1 = time.perf_counter()
    os.write(fd, b')')
    preview = read_until(fd, b'[ 2, 4, 6 ]', t1)
    drain(fd)
    os.write(fd, b'\x15process.versio')  # Ctrl-U, then the text
    drain(fd)
    t2 = time.perf_counter()
    os.write(fd, b'\t')
    complete = read_until(fd, b'n', t2)
    os.write(fd, b'\x15.exit\r')
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)
    return launch, preview, complete

nodus, node, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
results = {}
for name, cmd in (('nodus', nodus), ('node', node)):
    samples = [one(cmd) for _ in range(runs)]
    results[name] = [statistics.median(s[i] for s in samples) * 1000 for i in range(3)]
labels = ('launch to first prompt', 'keystroke to preview', 'Tab to completion')
print(f"{'':26}{'nodus ms':>10}{'node ms':>10}{'ratio':>8}")
for i, label in enumerate(labels):
    a, b = results['nodus'][i], results['node'][i]
    print(f'{label:26}{a:10.1f}{b:10.1f}{a / b:8.2f}')
PY
