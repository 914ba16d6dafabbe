#!/bin/sh
# End-to-end tests of `nodus --watch` and `nodus-watch`: real files edited in a
# temporary directory, every wait bounded.
#   tests/e2e/watch/run.sh path/to/nodus path/to/nodus-watch
set -u
NODUS=$(realpath "$1")
WATCH=$(realpath "$2")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/nodus-watch-e2e.XXXXXX")
FAILED=0
SUPERVISOR=

cleanup() {
  if [ -n "$SUPERVISOR" ] && kill -0 "$SUPERVISOR" 2>/dev/null; then
    kill -KILL "$SUPERVISOR" 2>/dev/null
  fi
  for f in "$TMP"/*.pid; do
    [ -f "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null
  done
  rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  echo "--- stdout"; cat "$TMP/out" 2>/dev/null
  echo "--- stderr"; cat "$TMP/err" 2>/dev/null
  FAILED=1
}

. "$(dirname "$0")/lib.sh"

stop() {
  kill -INT "$SUPERVISOR" 2>/dev/null
  if ! wait_gone "$SUPERVISOR" 5000; then
    fail "the supervisor did not exit after SIGINT"
    kill -KILL "$SUPERVISOR" 2>/dev/null
  fi
  wait "$SUPERVISOR" 2>/dev/null
  STATUS=$?
  SUPERVISOR=
}

# Saves: settle a little so an extra restart would show.
settle() { sleep 0.3; }

echo "== plain and atomic saves of a required file: one restart each"
cat > "$TMP/app.js" <<'EOF'
const v = require('./lib');
const data = require('./data.json');
require('fs').writeFileSync(__dirname + '/app.pid', String(process.pid));
console.log(`v=${v} d=${data.d}`);
setInterval(() => {}, 1000);
EOF
echo 'module.exports = 1;' > "$TMP/lib.js"
echo '{"d": 1}' > "$TMP/data.json"
start "$NODUS" --watch app.js
wait_for "$TMP/out" 'v=1 d=1' || fail "first run"
echo 'module.exports = 2;' > "$TMP/lib.js"
wait_for "$TMP/out" 'v=2 d=1' || fail "plain save"
settle
[ "$(count "$TMP/out" "Restarting 'app.js'")" = 1 ] || fail "one restart for a plain save"
# An editor's atomic save: write a temporary file, rename it over the original.
echo 'module.exports = 3;' > "$TMP/.lib.js.swp"
echo 'module.exports = 3;' > "$TMP/lib.js.tmp"
mv "$TMP/lib.js.tmp" "$TMP/lib.js"
wait_for "$TMP/out" 'v=3 d=1' || fail "atomic save"
settle
[ "$(count "$TMP/out" "Restarting 'app.js'")" = 2 ] || fail "one restart for an atomic save"
for i in 4 5 6; do
  echo "module.exports = $i;" > "$TMP/lib.js"
  wait_for "$TMP/out" "v=$i d=1" || fail "plain save $i after an atomic save"
  settle
done
[ "$(count "$TMP/out" "Restarting 'app.js'")" = 5 ] || fail "one restart per save after an atomic save"
echo '{"d": 2}' > "$TMP/data.json"
wait_for "$TMP/out" 'v=6 d=2' || fail "a JSON file's change restarts"
rm -f "$TMP/.lib.js.swp"
touch "$TMP/unrelated.js" "$TMP/lib.js~"
settle
[ "$(count "$TMP/out" "Restarting 'app.js'")" = 6 ] || fail "files the program did not load restart nothing"

echo "== a syntax error keeps the old program running"
OLD_PID=$(cat "$TMP/app.pid")
echo 'module.exports = (;' > "$TMP/lib.js"
wait_for "$TMP/err" 'SyntaxError' || fail "the syntax error is shown"
wait_for "$TMP/out" "Not restarting 'app.js'" || fail "the supervisor says it keeps the program"
grep -q "lib.js:1" "$TMP/err" || fail "the error names the file and line"
kill -0 "$OLD_PID" 2>/dev/null || fail "the old program is still running"
[ "$(count "$TMP/out" "Restarting 'app.js'")" = 6 ] || fail "no restart on a syntax error"
echo 'module.exports = 7;' > "$TMP/lib.js"
wait_for "$TMP/out" 'v=7 d=2' || fail "fixing the file restarts"
wait_gone "$OLD_PID" 2000 || fail "the old program is gone after the restart"
stop
[ "$STATUS" = 130 ] || fail "Ctrl-C exits with the child's status (got $STATUS)"
NEW_PID=$(cat "$TMP/app.pid")
wait_gone "$NEW_PID" 2000 || fail "Ctrl-C leaves no program running"

echo "== completed and failed runs wait for changes"
echo 'console.log("done", require("./lib"));' > "$TMP/once.js"
start "$NODUS" --watch once.js a b
wait_for "$TMP/out" "Completed running 'once.js a b'" || fail "Completed running"
echo 'throw new Error("boom");' > "$TMP/lib.js"
wait_for "$TMP/out" "Failed running 'once.js a b'" || fail "Failed running"
grep -q "Error: boom" "$TMP/err" || fail "the child's error is shown"
echo 'module.exports = 8;' > "$TMP/lib.js"
wait_for "$TMP/out" "done 8" || fail "a change after a failure restarts"
stop

echo "== a grandchild of the program is gone after a restart and after Ctrl-C"
cat > "$TMP/prog.sh" <<'EOF'
sleep 60 &
echo $! > grandchild.pid
echo "started $(cat version)"
wait
EOF
echo 1 > "$TMP/version"
start "$WATCH" --watch-path=version --watch-path=prog.sh -- sh prog.sh
wait_for "$TMP/out" 'started 1' || fail "the shell program starts"
GRANDCHILD=$(cat "$TMP/grandchild.pid")
echo 2 > "$TMP/version"
wait_for "$TMP/out" 'started 2' || fail "the shell program restarts"
wait_gone "$GRANDCHILD" 2000 || fail "the old grandchild is gone after the restart"
GRANDCHILD=$(cat "$TMP/grandchild.pid")
stop
wait_gone "$GRANDCHILD" 2000 || fail "Ctrl-C leaves no grandchild running"

echo "== a program that ignores SIGTERM is killed after the grace period"
cat > "$TMP/stubborn.sh" <<'EOF'
trap '' TERM
echo "stubborn $(cat version)"
while :; do sleep 0.05; done
EOF
start "$WATCH" --watch-grace=200 --watch-path=version -- sh stubborn.sh
wait_for "$TMP/out" 'stubborn 2' || fail "the stubborn program starts"
echo 3 > "$TMP/version"
wait_for "$TMP/out" 'stubborn 3' 1 5000 || fail "the stubborn program is replaced"
[ "$(count "$TMP/out" '^stubborn')" = 2 ] || fail "restarts never overlap"
stop

echo "== rs + Enter restarts by hand; other input reaches the program"
cat > "$TMP/stdin.js" <<'EOF'
require('fs').writeFileSync(__dirname + '/stdin.pid', String(process.pid));
console.log(`start ${require('./lib')}`);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { for (const l of d.split('\n')) if (l) console.log(`got ${l}`); });
process.stdin.on('end', () => console.log('stdin ended'));
setInterval(() => {}, 1000);
EOF
echo 'module.exports = 1;' > "$TMP/lib.js"
mkfifo "$TMP/in"
# This shell holds the FIFO open (read-write: the open never waits) and
# writes to it; closing fd 7 is the end of input.
exec 7<> "$TMP/in"
: > "$TMP/out"
: > "$TMP/err"
(cd "$TMP" && exec "$NODUS" --watch stdin.js < in > out 2> err 7>&-) &
SUPERVISOR=$!
wait_for "$TMP/out" 'start 1' || fail "the stdin program starts"
FIRST=$(cat "$TMP/stdin.pid")
echo hello >&7
wait_for "$TMP/out" 'got hello' || fail "a line reaches the program"
echo rs >&7
wait_for "$TMP/out" "Restarting 'stdin.js'" || fail "rs restarts"
wait_for "$TMP/out" 'start 1' 2 || fail "the program runs again after rs"
wait_gone "$FIRST" 2000 || fail "rs stops the old program"
echo again >&7
wait_for "$TMP/out" 'got again' || fail "input reaches the restarted program"
printf '  rs  \r\n' >&7
wait_for "$TMP/out" 'start 1' 3 || fail "rs with blanks around it restarts"
grep -q 'got.*rs' "$TMP/out" && fail "rs is not passed to the program"
exec 7>&-
wait_for "$TMP/out" 'stdin ended' || fail "the end of input reaches the program"
echo 'module.exports = 2;' > "$TMP/lib.js"
wait_for "$TMP/out" 'start 2' || fail "a save restarts after the end of input"
wait_for "$TMP/out" 'stdin ended' 2 || fail "a program started after the end of input reads its end"
stop
[ "$(count "$TMP/out" "Restarting 'stdin.js'")" = 3 ] || fail "two rs and one save: three restarts"
# --watch-inherit-stdin: the program reads stdin itself, as under node --watch.
: > "$TMP/out"
exec 7<> "$TMP/in"
(cd "$TMP" && exec "$NODUS" --watch --watch-inherit-stdin stdin.js < in > out 2> err 7>&-) &
SUPERVISOR=$!
wait_for "$TMP/out" 'start 2' || fail "the program starts with --watch-inherit-stdin"
echo rs >&7
wait_for "$TMP/out" 'got rs' || fail "with --watch-inherit-stdin, rs is the program's input"
exec 7>&-
wait_for "$TMP/out" 'stdin ended' || fail "with --watch-inherit-stdin, the program reads to the end"
[ "$(count "$TMP/out" "Restarting")" = 0 ] || fail "with --watch-inherit-stdin, rs does not restart"
stop
rm -f "$TMP/in"

echo "== ENOSPC from inotify is reported with the fix"
if cc -shared -fPIC -o "$TMP/enospc.so" -x c - 2> /dev/null <<'EOF'
#include <errno.h>
#include <stdint.h>
int inotify_add_watch(int fd, const char* path, uint32_t mask) {
  (void)fd; (void)path; (void)mask;
  errno = ENOSPC;
  return -1;
}
EOF
then
  start env LD_PRELOAD="$TMP/enospc.so" "$NODUS" --watch once.js
  wait_for "$TMP/err" 'fs.inotify.max_user_watches=' || fail "the ENOSPC message names the sysctl"
  grep -q "cannot watch $(realpath "$TMP").*inotify watch limit is reached (ENOSPC)" "$TMP/err" ||
    fail "the ENOSPC message names the directory"
  wait_for "$TMP/out" "Completed running 'once.js'" || fail "the program still runs without watches"
  stop
else
  echo "(skipped: no C compiler for the inotify shim)"
fi

echo "== --inspect: every restarted program gets the same port back"
PORT=$("$NODUS" -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => {
  console.log(s.address().port); s.close(); });")
cat > "$TMP/inspected.js" <<'EOF'
console.log(`inspected ${require('./lib')}`);
setInterval(() => {}, 1000);
EOF
echo 'module.exports = 1;' > "$TMP/lib.js"
start "$NODUS" --watch --inspect=127.0.0.1:"$PORT" inspected.js
for i in 1 2 3; do
  wait_for "$TMP/out" "inspected $i" || fail "inspected run $i"
  wait_for "$TMP/err" "Debugger listening on ws://127.0.0.1:$PORT/" "$i" ||
    fail "run $i listens on port $PORT"
  curl -sf --max-time 5 "http://127.0.0.1:$PORT/json/version" | grep -q '"Browser"' ||
    fail "run $i answers /json/version on port $PORT"
  [ "$i" = 3 ] || echo "module.exports = $((i + 1));" > "$TMP/lib.js"
done
grep -q "address already in use" "$TMP/err" && fail "no restart finds the port still taken"
stop

echo "== production: a program that crashes at once backs off and is reported as spinning"
start "$WATCH" --restart=on-failure --max-restarts=3 --min-uptime=2000 -- sh -c 'echo run; exit 3'
if ! wait_gone "$SUPERVISOR" 8000; then
  fail "the supervisor gives up on a spinning program"
fi
wait "$SUPERVISOR" 2>/dev/null
STATUS=$?
SUPERVISOR=
[ "$STATUS" = 3 ] || fail "gives up with the program's exit code (got $STATUS)"
[ "$(count "$TMP/out" 'run')" = 4 ] || fail "one run and three restarts"
grep -q "is spinning" "$TMP/err" || fail "a clear spinning message"
start "$WATCH" --restart=on-failure -- sh -c 'echo ok; exit 0'
wait_gone "$SUPERVISOR" 5000 || fail "on-failure does not restart a clean exit"
wait "$SUPERVISOR" 2>/dev/null
STATUS=$?
SUPERVISOR=
[ "$STATUS" = 0 ] || fail "a clean exit is exit 0 (got $STATUS)"

echo "== option errors"
"$NODUS" --watch > "$TMP/out" 2> "$TMP/err"
[ $? = 9 ] && grep -q -- "--watch requires specifying a file" "$TMP/err" || fail "--watch without a file"
"$WATCH" --bogus app.js > "$TMP/out" 2> "$TMP/err"
[ $? = 9 ] && grep -q "bad option: --bogus" "$TMP/err" || fail "nodus-watch bad option"

echo "== production: logs, pidfile, daemon, status/stop, ready signal (production.sh)"
sh "$(dirname "$0")/production.sh" "$WATCH" "$NODUS" || FAILED=1

if [ "$FAILED" = 0 ]; then
  echo "all watch tests passed"
fi
exit "$FAILED"
