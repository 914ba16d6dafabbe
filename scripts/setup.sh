#!/usr/bin/env bash
# Installs everything nodus needs to build and test, idempotently, from Debian's
# packages (and later the npm registry). Safe to run again: it only installs what
# is missing. V8 comes from Debian's libnode (DESIGN.md §2), with a fallback for
# machines where another `nodejs` package makes apt refuse libnode-dev.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

packages=(
  cmake ninja-build g++ ccache pkg-config
  libuv1-dev nlohmann-json3-dev catch2
  libhttp-parser-dev libssl-dev zlib1g-dev libbrotli-dev libicu-dev
  clang-format clang libclang-rt-14-dev curl wrk hyperfine chromium tmux
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node (the test oracle and npm) – only if no node is present at all.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

apt_updated=0
apt_update() {
  if [ "$apt_updated" -eq 0 ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
}

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# V8: 1) libnode-dev installed  2) apt-get install  3) dpkg -x into .deps/libnode
libnode_prefix="$root/.deps/libnode"
if dpkg-query -W -f='${Status}' libnode-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "setup: V8 from the installed libnode-dev"
elif [ -f "$libnode_prefix/usr/include/node/v8.h" ] && [ -e "$libnode_prefix/usr/lib/x86_64-linux-gnu/libnode.so.108" ]; then
  echo "setup: V8 from $libnode_prefix"
else
  apt_update
  if DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libnode-dev >/dev/null 2>&1; then
    echo "setup: installed libnode-dev with apt"
  else
    echo "setup: apt refused libnode-dev (another nodejs is installed); unpacking it into .deps/libnode"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      libicu72 libc-ares2 libnghttp2-14 libbrotli1 libssl3 libuv1 zlib1g
    tmp="$(mktemp -d)"
    (cd "$tmp" && apt-get download libnode108 libnode-dev >/dev/null)
    rm -rf "$libnode_prefix"
    mkdir -p "$libnode_prefix"
    for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$libnode_prefix"; done
    rm -rf "$tmp"
    # libnode-dev's libnode.so is a relative symlink; make sure it exists.
    ln -sf libnode.so.108 "$libnode_prefix/usr/lib/x86_64-linux-gnu/libnode.so"
  fi
fi
echo "setup: done"
