#pragma once

// Single-file answers that need no workspace: fuzzy matching for workspace
// symbols, selection ranges, the call around the cursor (signature help),
// semantic tokens, parameter lists. Byte offsets only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/core/document.h"
#include "lsp/core/scopes.h"
#include "lsp/core/summary.h"

namespace nodus::lsp {

// How well `query` matches `name`: its characters in order, case-insensitive
// (higher is better: prefixes, word starts and runs score more); -1: no match.
// An empty query matches everything with 0.
int FuzzyScore(std::string_view query, std::string_view name);

// The ranges around `offset`, innermost first, each strictly containing the
// previous one (the smallest node at the offset up to the program).
std::vector<ByteRange> SelectionChain(const Document& doc, uint32_t offset);

// The call whose argument list holds `offset`: where its callee's name is
// (the identifier, or the property of `x.f`) and which argument the cursor is in.
struct CallSite {
  ByteRange callee_name;
  uint32_t active_parameter = 0;
};
std::optional<CallSite> CallAt(const Document& doc, uint32_t offset);

// "(a, b = 1, ...rest)" -> {"a", "b = 1", "...rest"}.
std::vector<std::string> SplitParams(std::string_view params);

// Semantic tokens: the legend's types and modifiers (bit i = kTokenModifiers[i]).
inline constexpr const char* kTokenTypes[] = {"namespace", "class",     "function",
                                              "variable",  "parameter", "property"};
inline constexpr const char* kTokenModifiers[] = {"declaration", "readonly", "defaultLibrary"};
struct SemanticToken {
  ByteRange range;
  int type = 0;
  int modifiers = 0;
};
// Declarations and references of names (require bindings as namespaces),
// properties of required modules, the runtime's globals; in document order,
// never overlapping.
std::vector<SemanticToken> SemanticTokens(const Document& doc, const ScopeModel& model,
                                          const FileSummary& summary);

// Code actions.
// The specifier that requires `target` from `from_file`: "./x", "../lib"
// (".js" and a trailing "/index" dropped).
std::string RelativeSpecifier(const std::string& from_file, const std::string& target);
// Where a new `require` line goes: after the last of the leading top-level
// statements that call require() (or after "use strict" and a shebang), at
// the start of a line.
uint32_t RequireInsertOffset(const Document& doc);
// The whole lines of the top-level `const x = require(…)` statement that binds
// only the name at `local` (nothing else to keep); nullopt otherwise.
std::optional<ByteRange> RemovableRequire(const Document& doc, ByteRange local);

}  // namespace nodus::lsp
