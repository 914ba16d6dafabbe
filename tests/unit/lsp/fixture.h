#pragma once

// Fixture workspaces written as one string:
//   //- /a.js
//   const b = require('./b');
//   b$0.run();
//   //- /b.js
//   ...
// Each "//- <path>" line starts a file (paths are absolute). "$0" marks the
// cursor (at most one, removed from the text).

#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/fs.h"
#include "lsp/core/index.h"
#include "resolve/builtins.h"
#include "resolve/resolve.h"

namespace nodus::lsp::testing {

// A document's tree as tree-sitter prints it (S-expression), to compare parses.
inline std::string Sexp(const Document& doc) {
  char* s = ts_node_string(doc.root());
  std::string out(s);
  std::free(s);
  return out;
}

struct Fixture {
  std::map<std::string, std::string> files;
  std::string cursor_file;  // "" when there is no $0
  uint32_t cursor = 0;      // byte offset in cursor_file

  void AddTo(base::MemoryFs& fs) const {
    for (const auto& [path, text] : files) fs.AddFile(path, text);
  }

  // The entries of directory `dir` ("/" included) as the workspace crawl lists
  // a real one: each name once, folders marked.
  std::vector<DirEntry> ListDir(const std::string& dir) const {
    std::string prefix = dir.ends_with("/") ? dir : dir + "/";
    std::vector<DirEntry> out;
    std::set<std::string> seen;
    for (const auto& [path, text] : files) {
      if (!path.starts_with(prefix)) continue;
      std::string rest = path.substr(prefix.size());
      size_t slash = rest.find('/');
      std::string name = rest.substr(0, slash);
      if (seen.insert(name).second) out.push_back({name, slash != std::string::npos});
    }
    return out;
  }
};

// The runtime's builtin list, as nodus-lsp resolves with it.
inline resolve::Options TestResolveOptions() {
  resolve::Options options;
  options.is_builtin = resolve::IsBuiltin;
  options.is_scheme_only_builtin = resolve::IsSchemeOnlyBuiltin;
  return options;
}

inline Fixture ParseFixture(std::string_view spec) {
  Fixture fixture;
  std::string* current = nullptr;
  std::string current_path;
  while (!spec.empty()) {
    size_t eol = spec.find('\n');
    std::string_view line = spec.substr(0, eol == std::string_view::npos ? spec.size() : eol + 1);
    spec.remove_prefix(line.size());
    if (line.starts_with("//- ")) {
      std::string_view path = line.substr(4);
      while (!path.empty() && (path.back() == '\n' || path.back() == ' ')) path.remove_suffix(1);
      current_path = std::string(path);
      current = &fixture.files[current_path];
      continue;
    }
    if (current == nullptr) continue;
    size_t marker = line.find("$0");
    if (marker != std::string_view::npos) {
      fixture.cursor_file = current_path;
      fixture.cursor = static_cast<uint32_t>(current->size() + marker);
      *current += line.substr(0, marker);
      *current += line.substr(marker + 2);
    } else {
      *current += line;
    }
  }
  return fixture;
}

}  // namespace nodus::lsp::testing
