# Shared by run.sh and production.sh (sourced): bounded waits and starting a
# supervisor in $TMP. Every wait has a time limit in milliseconds.

# wait_for FILE PATTERN [COUNT] [TIMEOUT_MS]: until PATTERN occurs COUNT times
# (a missing file counts as 0).
wait_for() {
  file=$1 pattern=$2 count=${3:-1} limit=${4:-10000} waited=0
  while [ "$(grep -c -- "$pattern" "$file" 2>/dev/null || true)" -lt "$count" ] 2>/dev/null ||
    [ ! -f "$file" ]; do
    if [ "$waited" -ge "$limit" ]; then return 1; fi
    sleep 0.02
    waited=$((waited + 20))
  done
  return 0
}

count() { grep -c -- "$2" "$1" 2>/dev/null || true; }

# wait_gone PID [TIMEOUT_MS] (a zombie counts as gone: its parent reaps it)
wait_gone() {
  pid=$1 limit=${2:-5000} waited=0
  while kill -0 "$pid" 2>/dev/null; do
    case "$(ps -o stat= -p "$pid" 2>/dev/null)" in Z*) return 0 ;; esac
    if [ "$waited" -ge "$limit" ]; then return 1; fi
    sleep 0.02
    waited=$((waited + 20))
  done
  return 0
}

# start COMMAND...: run it in $TMP in the background, output in $TMP/out, err.
start() {
  : > "$TMP/out"
  : > "$TMP/err"
  (cd "$TMP" && exec "$@" > "$TMP/out" 2> "$TMP/err") &
  SUPERVISOR=$!
}
