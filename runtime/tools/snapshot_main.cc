// The build's snapshot stage: a nodus (with the builtins' code caches) that
// evaluates the snapshot part of the bootstrap inside V8's SnapshotCreator
// and writes the blob the final `nodus` embeds (runtime/CMakeLists.txt).
//
//   nodus_snapshot OUT.blob
#include <cstdio>

#include "snapshot.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: nodus_snapshot OUT.blob\n");
    return 2;
  }
  return nodus::snapshot::Make(argv[1]);
}
