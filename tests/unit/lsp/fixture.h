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
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/fs.h"

namespace nodus::lsp::testing {

struct Fixture {
  std::map<std::string, std::string> files;
  std::string cursor_file;  // "" when there is no $0
  uint32_t cursor = 0;      // byte offset in cursor_file

  void AddTo(base::MemoryFs& fs) const {
    for (const auto& [path, text] : files) fs.AddFile(path, text);
  }
};

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
