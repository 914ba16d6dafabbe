#pragma once

// Invariant checks that stay on in every build and abort with file:line.
// NODUS_DCHECK is for checks too costly for release builds.

#include <cstdio>
#include <cstdlib>

namespace nodus::base {
[[noreturn]] inline void CheckFailed(const char* file, int line, const char* expr) {
  std::fprintf(stderr, "nodus: %s:%d: check failed: %s\n", file, line, expr);
  std::fflush(stderr);
  std::abort();
}
}  // namespace nodus::base

#define NODUS_CHECK(expr) \
  ((expr) ? static_cast<void>(0) : ::nodus::base::CheckFailed(__FILE__, __LINE__, #expr))
#define NODUS_CHECK_EQ(a, b) NODUS_CHECK((a) == (b))
#define NODUS_CHECK_NE(a, b) NODUS_CHECK((a) != (b))
#define NODUS_CHECK_GE(a, b) NODUS_CHECK((a) >= (b))
#define NODUS_CHECK_LT(a, b) NODUS_CHECK((a) < (b))
#define NODUS_UNREACHABLE() ::nodus::base::CheckFailed(__FILE__, __LINE__, "unreachable")
#ifdef NDEBUG
#define NODUS_DCHECK(expr) static_cast<void>(0)
#else
#define NODUS_DCHECK(expr) NODUS_CHECK(expr)
#endif
