// Stage 0 of the build: a nodus that runs a warm-up script and then writes
// the V8 code caches of every builtin it compiled, as C++ source for the
// final `nodus` to link (runtime/CMakeLists.txt).
//
//   nodus_code_cache OUT.cc WARMUP.js
#include <cstdio>

#include "start.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: nodus_code_cache OUT.cc WARMUP.js\n");
    return 2;
  }
  char* args[] = {argv[0], argv[2], nullptr};
  return nodus::Start(2, args, argv[1]);
}
