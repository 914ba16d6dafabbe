#pragma once

// Small helpers over tree-sitter nodes shared by the analyses in lsp/core.
// Internal to lsp/core.

#include <tree_sitter/api.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

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

// Calls `enter` on every node in document order (false: skip its children)
// and `leave` (no arguments) when the node and everything under it is done.
// tree-sitter 0.20's cursor steps are dear (a failed
// ts_tree_cursor_goto_next_sibling climbs and searches the parent's
// children again), so the walk counts each node's children
// (ts_node_child_count: the cursor's visible children) and never asks a leaf
// for its first child or the last child for its next sibling.
template <typename Enter, typename Leave>
void WalkEnterLeave(TSNode root, Enter&& enter, Leave&& leave) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::vector<uint32_t> left;  // per level below the root: the siblings still to come
  left.reserve(64);
  TSNode node = root;
  bool descend = enter(root);
  for (;;) {
    uint32_t children = descend ? ts_node_child_count(node) : 0;
    if (children > 0 && ts_tree_cursor_goto_first_child(&cursor)) {
      left.push_back(children - 1);
      node = ts_tree_cursor_current_node(&cursor);
      descend = enter(node);
      continue;
    }
    for (;;) {
      leave();
      if (left.empty()) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
      if (left.back() > 0 && ts_tree_cursor_goto_next_sibling(&cursor)) {
        --left.back();
        node = ts_tree_cursor_current_node(&cursor);
        descend = enter(node);
        break;
      }
      left.pop_back();
      ts_tree_cursor_goto_parent(&cursor);
    }
  }
}

// Calls `visit` on each named child of `node` in order. tree-sitter 0.20's
// ts_node_named_child(node, i) searches from the first child on every call
// (quadratic on wide nodes), but on a small node one such search costs
// about as much as one cursor step (~450 instructions) and needs no cursor:
// small nodes are read by index, wide ones with a cursor.
template <typename Visit>
void ForEachNamedChild(TSNode node, Visit&& visit) {
  uint32_t count = ts_node_is_null(node) ? 0 : ts_node_named_child_count(node);
  if (count == 0) return;
  if (ts_node_child_count(node) <= 8) {
    for (uint32_t i = 0; i < count; ++i) visit(ts_node_named_child(node, i));
    return;
  }
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(child)) visit(child);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

// A set of node types of the JavaScript grammar, tested by symbol: one table
// lookup per node where a chain of Is calls would hash each type. For the
// walks over every node of every indexed file.
class TypeSet {
 public:
  TypeSet(std::initializer_list<const char*> types) {
    const TSLanguage* language = JavascriptLanguage();
    uint32_t count = ts_language_symbol_count(language);
    member_.assign(count, 0);
    for (uint32_t symbol = 0; symbol < count; ++symbol) {
      const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(symbol));
      for (const char* type : types) {
        if (name != nullptr && std::strcmp(name, type) == 0) member_[symbol] = 1;
      }
    }
  }
  bool Contains(TSNode node) const {
    return !ts_node_is_null(node) && Contains(ts_node_symbol(node));
  }
  bool Contains(TSSymbol symbol) const { return symbol < member_.size() && member_[symbol]; }

 private:
  std::vector<uint8_t> member_;  // bytes, not bits: tested for every node walked
};

inline ByteRange RangeOf(TSNode node) { return {ts_node_start_byte(node), ts_node_end_byte(node)}; }

// `name` must be a string literal (or other static storage), as for Is: the
// field id is looked up once per name (tree-sitter's lookup compares every
// field name of the grammar).
inline TSNode Field(TSNode node, const char* name) {
  if (ts_node_is_null(node)) return TSNode{};
  struct Entry {
    const char* name;
    TSFieldId id;
  };
  static thread_local Entry cache[256];
  Entry& entry = cache[(reinterpret_cast<uintptr_t>(name) >> 3) & 255];
  if (entry.name != name) {
    entry = {name, ts_language_field_id_for_name(ts_tree_language(node.tree), name,
                                                 static_cast<uint32_t>(std::strlen(name)))};
  }
  if (entry.id == 0) return TSNode{};
  return ts_node_child_by_field_id(node, entry.id);
}

// Calls `visit` on every node in document order; `visit` returns false to skip
// the node's children. Iterative, so deep trees do not exhaust the stack.
template <typename Visit>
void Walk(TSNode root, Visit&& visit) {
  WalkEnterLeave(root, visit, [] {});
}

// The value of a string or substitution-free template literal; nullopt otherwise.
std::optional<std::string> StringValue(const Document& doc, TSNode node);

// The specifier of `require('literal')` when `call` is such a call.
std::optional<std::string> RequireSpecifier(const Document& doc, TSNode call);

// The JSDoc block (`/** ... */`) directly above the statement holding `node`,
// without its delimiters and leading `*`s; "" when there is none. `parent`:
// the node's parent when the caller knows it (null: asked of the tree, which
// tree-sitter 0.20 answers by descending from the root).
std::string JsDocAbove(const Document& doc, TSNode node, TSNode parent = TSNode{});

// The text of a JSDoc comment (`/** ... */`, delimiters and leading `*`s
// dropped) when `gap`, the text between it and the statement, is whitespace
// with at most one line break; "" otherwise.
std::string JsDocText(std::string_view comment, std::string_view gap);

}  // namespace nodus::lsp::tree
