#!/bin/sh
# Acceptance: the seed's servers (302 redirect, Set-Cookie) and the parser's
# robustness rules, checked with curl against a real server on 127.0.0.1.
# Usage: tests/e2e/http/run.sh [program]   (default build/runtime/nodus; pass node for the oracle)
set -u
PROGRAM=${1:-build/runtime/nodus}
DIR=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp -d)
trap 'kill $PID 2>/dev/null; rm -rf "$OUT"' EXIT
"$PROGRAM" "$DIR/server.js" 8000 >"$OUT/server.log" 2>&1 &
PID=$!
i=0
while ! grep -q '^port ' "$OUT/server.log" 2>/dev/null; do
  i=$((i + 1)); [ $i -gt 50 ] && { echo "server did not start"; cat "$OUT/server.log"; exit 1; }
  sleep 0.1
done
PORT=$(sed -n 's/^port //p' "$OUT/server.log")
URL=http://127.0.0.1:$PORT
fail=0
check() { # name, file, pattern
  if grep -q "$3" "$2"; then echo "ok   $1"; else echo "FAIL $1: no '$3'"; cat "$2"; fail=1; fi
}
raw() { printf "$1" | curl -s --max-time 2 "telnet://127.0.0.1:$PORT" >"$2" 2>/dev/null; }

curl -s -i --max-time 2 "$URL/redirect" >"$OUT/r1"
check redirect-status "$OUT/r1" '^HTTP/1.1 302 Found'
check redirect-location "$OUT/r1" '^Location: http://127.0.0.1/target'
curl -s -L --max-redirs 0 -o /dev/null -w '%{http_code} %{redirect_url}\n' --max-time 2 "$URL/redirect" >"$OUT/r2"
check redirect-curl "$OUT/r2" '^302 http://127.0.0.1/target'

curl -s -i --max-time 2 -c "$OUT/jar" "$URL/cookies" >"$OUT/c1"
check cookie-line-1 "$OUT/c1" '^Set-Cookie: a=1; Path=/'
check cookie-line-2 "$OUT/c1" '^Set-Cookie: b=2; HttpOnly'
check cookie-jar "$OUT/jar" 'b	2'
check cookie-body "$OUT/c1" '^cookies set'

curl -s --max-time 2 -d hello "$URL/echo" >"$OUT/p1"
check post-body "$OUT/p1" '^got POST 5'

raw 'GARBAGE\r\n\r\n' "$OUT/b1"
check bad-request "$OUT/b1" '^HTTP/1.1 400 Bad Request'
raw 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n' "$OUT/b2"
check smuggle-cl-te "$OUT/b2" '^HTTP/1.1 400 Bad Request'
raw 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab' "$OUT/b3"
check smuggle-cl-cl "$OUT/b3" '^HTTP/1.1 400 Bad Request'
curl -s -i --max-time 2 -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)" "$URL/big" >"$OUT/b4"
check header-overflow "$OUT/b4" '^HTTP/1.1 431 Request Header Fields Too Large'
curl -s -i --max-time 2 "$URL/cookies" >"$OUT/c2"
check still-serving "$OUT/c2" '^HTTP/1.1 200 OK'
exit $fail
