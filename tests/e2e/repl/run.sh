#!/usr/bin/env bash
# The REPL in a pseudo-terminal: tmux (its own server per run, -L) runs the
# runtime, keys are sent and the screen is read back.
#
#   run.sh CASE RUNTIME      RUNTIME: path to nodus, or node
#
# Every wait is bounded (WAIT_S seconds); the tmux server, and with it the
# runtime, is killed on exit whatever happens. Exit 0 passes.
set -u

case_name=$1
runtime=$2
WAIT_S=${WAIT_S:-8}

work=$(mktemp -d "${TMPDIR:-/tmp}/nodus-repl-e2e.XXXXXX")
sock="nodus-repl-$$-$RANDOM"
T() { tmux -L "$sock" "$@"; }
cleanup() {
  T kill-server >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL ($case_name, $runtime): $*" >&2
  echo "--- screen ---" >&2
  screen >&2
  exit 1
}

# Starts the runtime (plus arguments) in a fresh session; the pane stays
# after it exits so the exit code can be read (EXIT=N).
start() {
  T kill-server >/dev/null 2>&1
  local tries=0
  until T -f /dev/null new-session -d -x "${COLS:-100}" -y 30 -c "$work" \
    "env NODUS_REPL_HISTORY='$work/history' NODE_REPL_HISTORY='$work/history' TERM=xterm-256color $runtime $*; echo EXIT=\$?; sleep 60" 2>/dev/null; do
    tries=$((tries + 1))
    [ $tries -lt 20 ] || fail "tmux did not start"
    sleep 0.1
  done
  wait_for '^> $' || fail "no first prompt"
}

screen() { T capture-pane -p -J 2>/dev/null; }

# wait_for REGEX: until a line of the screen matches (grep -E).
wait_for() {
  local deadline=$((SECONDS + WAIT_S))
  while [ $SECONDS -lt $deadline ]; do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.05
  done
  return 1
}

# The number of lines matching, to wait for the next one.
count() { screen | grep -Ec -- "$1"; }

wait_count() {
  local deadline=$((SECONDS + WAIT_S))
  while [ $SECONDS -lt $deadline ]; do
    if [ "$(count "$1")" -ge "$2" ]; then return 0; fi
    sleep 0.05
  done
  return 1
}

keys() { T send-keys "$@"; }
# Types a line and waits for the next prompt.
line() {
  local prompts
  prompts=$(count '^(>|\.\.\.) ')
  keys -l "$1"
  keys Enter
  wait_count '^(>|\.\.\.) ' $((prompts + 1)) || fail "no prompt after: $1"
}

expect() { wait_for "$1" || fail "expected /$1/"; }
expect_not() { if screen | grep -Eq -- "$1"; then fail "unexpected /$1/"; fi; }

case "$case_name" in
  expressions)
    start
    line '1 + 1'
    expect '^2$'
    line '[1, 2, 3].map(x => x * 2)'
    expect '^\[ 2, 4, 6 \]$'
    line 'throw new Error("boom")'
    expect '^Uncaught Error: boom$'
    line 'typeof fs.readFileSync'
    expect "^'function'$"
    ;;
  sigint-loop)
    # Ctrl-C stops a runaway evaluation; the session goes on.
    start
    keys -l 'while (true) {}'
    keys Enter
    sleep 0.5
    keys C-c
    expect '^(\^C)?Uncaught Error: Script execution was interrupted by `SIGINT`$'
    line '40 + 2'
    expect '^42$'
    ;;
  multiline)
    start
    line 'function f() {'
    expect '^\.\.\. $'
    line '  return 42'
    line '}'
    line 'f()'
    expect '^42$'
    ;;
  top-level-await)
    start
    line 'const v = await new Promise(r => setTimeout(() => r(7), 50))'
    line 'v * 6'
    expect '^42$'
    ;;
  underscore)
    start
    line '6 * 7'
    line '_ + 1'
    expect '^43$'
    line '_ = 5'
    expect '^Expression assignment to _ now disabled\.$'
    ;;
  completion)
    start
    keys -l 'process.ver'
    expect '^> process\.ver'
    keys Tab
    expect '^> process\.version'
    sleep 0.2
    keys Tab
    expect 'versions'
    keys C-u
    keys -l "require('chi"
    expect "^> require\('chi"
    sleep 0.2
    keys Tab
    expect "^> require\('child_process"
    ;;
  preview)
    start
    keys -l '[1, 2, 3].map(x => x * 2)'
    expect '^\[ 2, 4, 6 \]$'
    keys C-u
    line 'const o = { answer: 42 }'
    keys -l 'o.ans'
    # The grey completion suffix and the value below.
    expect '^> o\.answer$'
    expect '^42$'
    ;;
  reverse-search)
    start
    line '"needle-" + 1'
    line '"other" + 2'
    keys C-r
    keys -l 'needle'
    expect 'needle-'
    keys Enter
    wait_count "^'needle-1'$" 2 || fail "the found entry did not run"
    ;;
  editor)
    start
    keys -l '.editor'
    keys Enter
    expect 'Entering editor mode'
    keys -l 'const a = 5'
    keys Enter
    keys -l 'a * 2'
    keys C-d
    expect '^10$'
    ;;
  save-load)
    start
    line 'let saved = 41'
    line '.save saved.js'
    expect '^Session saved to: saved\.js$'
    keys C-d
    expect '^EXIT=0$'
    start
    line '.load saved.js'
    line 'saved + 1'
    expect '^42$'
    ;;
  history)
    start
    line '"from-" + "the-first-session"'
    keys C-d
    expect '^EXIT=0$'
    # Others on the machine must not read what was typed (passwords, tokens).
    mode=$(stat -c %a "$work/history")
    [ "$mode" = 600 ] || fail "the history file is created with mode 0600, not $mode"
    start
    keys Up
    expect '^> "from-" \+ "the-first-session"$'
    keys Enter
    expect "^'from-the-first-session'$"
    ;;
  exit-codes)
    start
    keys C-d
    expect '^EXIT=0$'
    start
    keys -l '.exit'
    keys Enter
    expect '^EXIT=0$'
    start
    keys -l 'process.exit(3)'
    keys Enter
    expect '^EXIT=3$'
    start
    keys C-c
    expect '^\(To exit, press Ctrl\+C again or Ctrl\+D or type \.exit\)$'
    keys C-c
    expect '^EXIT=0$'
    ;;
  resize)
    start
    keys -l '"abcdefghij".repeat(3) + "klmnopqrstuvwxyz" + "0123456789".length'
    T resize-window -x 40 >/dev/null 2>&1 || T resize-pane -x 40
    sleep 0.2
    keys Enter
    expect "^'abcdefghijabcdefghijabcdefghijklmnopqrstuvwxyz10'$"
    keys -l '"still" + " fine"'
    keys Enter
    expect "^'still fine'$"
    ;;
  paste)
    start
    T set-buffer "function pasted() {
  return 'pasted ' + 'ok'
}
pasted()"
    T paste-buffer -p
    keys Enter
    expect "^'pasted ok'$"
    ;;
  timers)
    start
    line 'let ticks = 0; const t = setInterval(() => ticks++, 10)'
    sleep 0.3
    line 'ticks > 5'
    expect '^true$'
    line 'clearInterval(t)'
    ;;
  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
echo "ok $case_name"
