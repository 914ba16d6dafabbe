#pragma once

// Helpers for resolver tests: a MemoryFs tree plus a one-line rendering of a
// resolution outcome, so expectations read like node's output.

#include <string>
#include <string_view>

#include "base/fs.h"
#include "resolve/resolve.h"

namespace nodus::resolve::testing {

inline Options TestOptions() {
  Options options;
  options.is_builtin = [](std::string_view id) {
    return id == "fs" || id == "fs/promises" || id == "path" || id == "util";
  };
  options.is_scheme_only_builtin = [](std::string_view id) { return id == "test"; };
  return options;
}

// "/abs/path", "builtin:fs", or "CODE: message".
inline std::string Show(const Result<Resolved, Error>& r) {
  if (r.ok()) return r.value().builtin ? "builtin:" + r.value().path : r.value().path;
  return std::string(ErrorCodeName(r.error().code)) + ": " + r.error().message;
}

struct Tree {
  base::MemoryFs fs;
  Options options = TestOptions();

  void File(const std::string& path, std::string contents = "") {
    fs.AddFile(path, std::move(contents));
  }
  // Resolves with a fresh resolver so option tweaks made by a test apply.
  std::string Resolve(std::string_view request, std::string_view parent,
                      const std::vector<std::string>* paths = nullptr) {
    Resolver resolver(fs, options);
    return Show(resolver.Resolve(request, parent, paths));
  }
  Result<Resolved, Error> Raw(std::string_view request, std::string_view parent) {
    Resolver resolver(fs, options);
    return resolver.Resolve(request, parent);
  }
};

}  // namespace nodus::resolve::testing
