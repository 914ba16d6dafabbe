// Stage binaries (nodus_code_cache, nodus_snapshot) embed no snapshot: they
// start from source (see runtime/CMakeLists.txt).
#include "snapshot.h"

namespace nodus::snapshot {

EmbeddedBlob GetEmbeddedBlob() { return {nullptr, 0}; }

}  // namespace nodus::snapshot
