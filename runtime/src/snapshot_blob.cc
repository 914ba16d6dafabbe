// The startup snapshot the build made (nodus_snapshot), embedded in `nodus`
// as it is on disk. NODUS_SNAPSHOT_BLOB_FILE is its path in the build
// directory; .incbin makes ccache compile this file every time, so a new
// blob is never served from a stale object.
#include "snapshot.h"

#ifndef NODUS_SNAPSHOT_BLOB_FILE
#error "NODUS_SNAPSHOT_BLOB_FILE must name the blob"
#endif

// 16-byte aligned: V8 reads the blob in place.
__asm__(
    ".pushsection .rodata.nodus_snapshot,\"a\",@progbits\n"
    ".balign 16\n"
    ".globl nodus_snapshot_blob_start\n"
    ".hidden nodus_snapshot_blob_start\n"
    ".globl nodus_snapshot_blob_end\n"
    ".hidden nodus_snapshot_blob_end\n"
    "nodus_snapshot_blob_start:\n"
    ".incbin \"" NODUS_SNAPSHOT_BLOB_FILE
    "\"\n"
    "nodus_snapshot_blob_end:\n"
    ".popsection\n");

extern "C" __attribute__((visibility("hidden"))) const unsigned char nodus_snapshot_blob_start[];
extern "C" __attribute__((visibility("hidden"))) const unsigned char nodus_snapshot_blob_end[];

namespace nodus::snapshot {

EmbeddedBlob GetEmbeddedBlob() {
  return {nodus_snapshot_blob_start,
          static_cast<size_t>(nodus_snapshot_blob_end - nodus_snapshot_blob_start)};
}

}  // namespace nodus::snapshot
