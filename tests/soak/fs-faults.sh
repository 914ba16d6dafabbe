#!/bin/sh
# ENOSPC, EACCES and EROFS during writes (issue 12): fixtures/fs-write-errors.js
# run by RUNTIME against
#   /dev/full                         ENOSPC from write (always)
#   a 64 KiB tmpfs, 300 KB of data    ENOSPC after a short write (needs root: mount)
#   a 0555 directory, as nobody       EACCES from open (root: setpriv to nobody;
#                                     otherwise the current user)
#   a read-only tmpfs                 EROFS from open (needs root: mount)
# A case that cannot be set up here prints `skip: CASE: why` (and is not a
# failure); every case that runs must pass.
#   sh tests/soak/fs-faults.sh RUNTIME
set -u
runtime=$(command -v "$1" || echo "$1")
here=$(cd "$(dirname "$0")" && pwd)
fixture="$here/fixtures/fs-write-errors.js"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nodus-soak-fs-XXXXXX")
mounts=""
cleanup() {
  for m in $mounts; do umount "$m" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
chmod 755 "$tmp"
failed=0
ran=0

check() { # NAME PREFIX... -- ARGS
  name=$1
  shift
  if out=$("$@" 2>&1); then
    echo "ok: $name ($out)"
    ran=$((ran + 1))
  else
    echo "FAIL: $name"
    echo "$out" | sed 's/^/  /'
    failed=1
  fi
}

check "ENOSPC on /dev/full" "$runtime" "$fixture" /dev/full ENOSPC write

if [ "$(id -u)" -eq 0 ] && mkdir "$tmp/small" && mount -t tmpfs -o size=64k nodus-soak "$tmp/small" 2>/dev/null; then
  mounts="$mounts $tmp/small"
  check "ENOSPC after a short write (64 KiB tmpfs)" "$runtime" "$fixture" "$tmp/small/f" ENOSPC write 300000
else
  echo "skip: ENOSPC after a short write: cannot mount a tmpfs here (needs root)"
fi

mkdir "$tmp/ro"
chmod 555 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
  check "EACCES in a 0555 directory" "$runtime" "$fixture" "$tmp/ro/f" EACCES open
elif command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null &&
  setpriv --reuid=nobody --regid=nogroup --clear-groups test -r "$fixture" -a -x "$runtime"; then
  check "EACCES in a 0555 directory (as nobody)" \
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$runtime" "$fixture" "$tmp/ro/f" EACCES open
else
  echo "skip: EACCES: root bypasses permissions and cannot run RUNTIME as nobody (setpriv, or the files are not readable by nobody)"
fi

if [ "$(id -u)" -eq 0 ] && mkdir "$tmp/rofs" && mount -t tmpfs -o ro,size=64k nodus-soak "$tmp/rofs" 2>/dev/null; then
  mounts="$mounts $tmp/rofs"
  check "EROFS on a read-only tmpfs" "$runtime" "$fixture" "$tmp/rofs/f" EROFS open
else
  echo "skip: EROFS: cannot mount a read-only tmpfs here (needs root)"
fi

echo "$ran cases ran"
exit $failed
