#pragma once

// Small helpers over tree-sitter nodes shared by the analyses in lsp/core.
// Internal to lsp/core.

#include <tree_sitter/api.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>

#include "lsp/core/document.h"

namespace nodus::lsp::tree {

// `type` must be a string literal (or other static storage): answers are
// cached by its address and the node's symbol, which spares the string
// comparison on the hot paths of the analyses (the workspace index).
inline bool Is(TSNode node, const char* type) {
  if (ts_node_is_null(node)) return false;
  struct Entry {
    const char* type;
    TSSymbol symbol;
    bool value;
  };
  static thread_local Entry cache[2048];
  TSSymbol symbol = ts_node_symbol(node);
  Entry& entry = cache[((reinterpret_cast<uintptr_t>(type) >> 3) * 31 + symbol) & 2047];
  if (entry.type == type && entry.symbol == symbol) return entry.value;
  bool value = std::strcmp(ts_node_type(node), type) == 0;
  entry = {type, symbol, value};
  return value;
}

inline ByteRange RangeOf(TSNode node) { return {ts_node_start_byte(node), ts_node_end_byte(node)}; }

inline TSNode Field(TSNode node, const char* name) {
  return ts_node_child_by_field_name(node, name, static_cast<uint32_t>(std::strlen(name)));
}

// Calls `visit` on every node in document order; `visit` returns false to skip
// the node's children. Iterative, so deep trees do not exhaust the stack.
void Walk(TSNode root, const std::function<bool(TSNode)>& visit);

// The value of a string or substitution-free template literal; nullopt otherwise.
std::optional<std::string> StringValue(const Document& doc, TSNode node);

// The specifier of `require('literal')` when `call` is such a call.
std::optional<std::string> RequireSpecifier(const Document& doc, TSNode call);

// The JSDoc block (`/** ... */`) directly above the statement holding `node`,
// without its delimiters and leading `*`s; "" when there is none.
std::string JsDocAbove(const Document& doc, TSNode node);

}  // namespace nodus::lsp::tree
