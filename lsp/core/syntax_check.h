#pragma once

// The small API the watcher uses before a restart (DESIGN.md §3: nothing else
// outside lsp/ depends on lsp). tree-sitter parses in about a millisecond; it
// accepts some programs V8 rejects (early errors), and may reject a few V8
// accepts, so "has errors" means "ask V8" (`nodus --check`), not "invalid".

#include <string_view>

namespace nodus::lsp {

// True when tree-sitter finds no ERROR or MISSING node in `source`.
bool ParsesWithoutErrors(std::string_view source);

}  // namespace nodus::lsp
