// The stage-0 binary's empty code cache: it compiles builtins from source and
// writes the cache that the final `nodus` links (see runtime/CMakeLists.txt).
#include "builtins.h"

namespace nodus {

const BuiltinCodeCache kBuiltinCodeCache[] = {{nullptr, nullptr, 0}};
const size_t kBuiltinCodeCacheCount = 0;

}  // namespace nodus
