#include "resolve/builtins.h"

#include <algorithm>

namespace nodus::resolve {

bool IsSchemeOnlyBuiltin(std::string_view id) {
  return std::find(kSchemeOnlyBuiltins.begin(), kSchemeOnlyBuiltins.end(), id) !=
         kSchemeOnlyBuiltins.end();
}

bool IsBuiltin(std::string_view id) {
  if (IsSchemeOnlyBuiltin(id)) return false;
  return std::find(kNodeBuiltins.begin(), kNodeBuiltins.end(), id) != kNodeBuiltins.end();
}

}  // namespace nodus::resolve
