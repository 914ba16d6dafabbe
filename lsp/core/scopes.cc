#include "lsp/core/scopes.h"

#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lsp/core/tree_util.h"

namespace nodus::lsp {
namespace {

using tree::Field;
using tree::Is;
using tree::RangeOf;

bool IsFunctionScopeType(TSNode node) {
  static constexpr const char* kTypes[] = {"program",
                                           "function_declaration",
                                           "function_expression",
                                           "generator_function",
                                           "generator_function_declaration",
                                           "arrow_function",
                                           "method_definition",
                                           "class_static_block"};
  for (const char* type : kTypes) {
    if (Is(node, type)) return true;
  }
  return false;
}

// 1: not a scope, 2: a block scope, 3: a function scope; by symbol, computed
// once per symbol (every node of every file asks).
int ScopeKind(TSNode node) {
  if (ts_node_is_null(node)) return 1;
  static thread_local std::vector<uint8_t> kinds;
  TSSymbol symbol = ts_node_symbol(node);
  if (symbol >= kinds.size()) kinds.resize(static_cast<size_t>(symbol) + 1, 0);
  uint8_t& kind = kinds[symbol];
  if (kind == 0) {
    bool block = Is(node, "statement_block") || Is(node, "for_statement") ||
                 Is(node, "for_in_statement") || Is(node, "switch_body") ||
                 Is(node, "catch_clause") || Is(node, "class");
    kind = IsFunctionScopeType(node) ? 3 : block ? 2 : 1;
  }
  return kind;
}

bool IsFunctionScope(TSNode node) { return ScopeKind(node) == 3; }

bool IsBlockScope(TSNode node) { return ScopeKind(node) >= 2; }

// Like tree::Walk, but the visitor also gets the node's ancestors (root
// first). tree-sitter 0.20's ts_node_parent walks down from the root, which is
// quadratic on files with many top-level statements; this never calls it.
void WalkWithAncestors(TSNode root,
                       const std::function<void(TSNode, const std::vector<TSNode>&)>& visit) {
  std::vector<TSNode> ancestors;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  visit(root, ancestors);
  for (;;) {
    TSNode current = ts_tree_cursor_current_node(&cursor);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ancestors.push_back(current);
      visit(ts_tree_cursor_current_node(&cursor), ancestors);
      continue;
    }
    bool moved = false;
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        moved = true;
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
      ancestors.pop_back();
    }
    if (!moved) break;
    visit(ts_tree_cursor_current_node(&cursor), ancestors);
  }
  ts_tree_cursor_delete(&cursor);
}

class Builder {
 public:
  explicit Builder(const Document& doc) : doc_(doc) {}

  ScopeModel Build() {
    // The root is scope 0 even when the parse failed so badly that it is an ERROR node.
    AddScope(doc_.root(), {});
    WalkWithAncestors(doc_.root(), [&](TSNode node, const std::vector<TSNode>& ancestors) {
      ancestors_ = &ancestors;
      if (!ancestors.empty() && IsBlockScope(node)) AddScope(node, ancestors);
      CollectDeclarations(node);
    });
    WalkWithAncestors(doc_.root(), [&](TSNode node, const std::vector<TSNode>& ancestors) {
      ancestors_ = &ancestors;
      CollectReference(node);
    });
    ancestors_ = nullptr;
    return std::move(model_);
  }

 private:
  void AddScope(TSNode node, const std::vector<TSNode>& ancestors) {
    int parent = -1;
    for (size_t i = ancestors.size(); i-- > 0;) {
      auto it = scope_of_.find(ancestors[i].id);
      if (it != scope_of_.end()) {
        parent = it->second;
        break;
      }
    }
    scope_of_[node.id] = static_cast<int>(model_.scopes.size());
    model_.scopes.push_back({node, parent, IsFunctionScope(node)});
    names_.emplace_back();
  }

  int ScopeIndex(TSNode node) {
    auto it = scope_of_.find(node.id);
    return it == scope_of_.end() ? 0 : it->second;
  }

  // The parent of the node being visited at depth `up` (0: its parent).
  TSNode Ancestor(size_t up) const {
    const std::vector<TSNode>& a = *ancestors_;
    return up < a.size() ? a[a.size() - 1 - up] : TSNode{};
  }

  // The innermost scope at or above ancestor `up` (the visited node's
  // ancestors only; `function_scope`: where `var` lands).
  TSNode ScopeAbove(size_t up, bool function_scope) const {
    const std::vector<TSNode>& a = *ancestors_;
    for (size_t i = up; i < a.size(); ++i) {
      TSNode n = a[a.size() - 1 - i];
      if (function_scope ? IsFunctionScope(n) : IsBlockScope(n)) return n;
    }
    return a.empty() ? doc_.root() : a.front();
  }

  void Declare(TSNode name, TSNode scope, DeclKind kind, TSNode value, TSNode statement,
               bool in_pattern) {
    Declaration d;
    d.name = std::string(doc_.NodeText(name));
    d.range = RangeOf(name);
    d.kind = kind;
    d.scope = ScopeIndex(scope);
    d.name_node = name;
    d.value = value;
    d.statement = statement;
    d.in_pattern = in_pattern;
    int index = static_cast<int>(model_.declarations.size());
    names_[d.scope].emplace(d.name, index);  // the first declaration of a name wins
    declaring_.insert(d.range.start);
    model_.declarations.push_back(std::move(d));
  }

  void Pattern(TSNode pattern, TSNode scope, DeclKind kind, TSNode value, TSNode statement,
               bool nested = false) {
    if (ts_node_is_null(pattern)) return;
    if (Is(pattern, "identifier") || Is(pattern, "shorthand_property_identifier_pattern")) {
      Declare(pattern, scope, kind, nested ? TSNode{} : value, statement, nested);
    } else if (Is(pattern, "pair_pattern")) {
      Pattern(Field(pattern, "value"), scope, kind, value, statement, true);
    } else if (Is(pattern, "assignment_pattern") || Is(pattern, "object_assignment_pattern")) {
      Pattern(Field(pattern, "left"), scope, kind, value, statement, true);
    } else if (Is(pattern, "object_pattern") || Is(pattern, "array_pattern") ||
               Is(pattern, "rest_pattern") || Is(pattern, "formal_parameters")) {
      bool inner = nested || !Is(pattern, "formal_parameters");
      uint32_t count = ts_node_named_child_count(pattern);
      for (uint32_t i = 0; i < count; ++i) {
        Pattern(ts_node_named_child(pattern, i), scope, kind, value, statement, inner);
      }
    }
  }

  void CollectDeclarations(TSNode node) {
    if (Is(node, "variable_declarator")) {
      TSNode decl = Ancestor(0);
      bool is_var = Is(decl, "variable_declaration");
      DeclKind kind = DeclKind::kVar;
      if (!is_var) {
        TSNode k = Field(decl, "kind");
        kind =
            !ts_node_is_null(k) && doc_.NodeText(k) == "const" ? DeclKind::kConst : DeclKind::kLet;
      }
      Pattern(Field(node, "name"), ScopeAbove(1, is_var), kind, Field(node, "value"), decl);
    } else if (Is(node, "function_declaration") || Is(node, "generator_function_declaration")) {
      Pattern(Field(node, "name"), ScopeAbove(0, false), DeclKind::kFunction, node, node);
    } else if (Is(node, "class_declaration")) {
      Pattern(Field(node, "name"), ScopeAbove(0, false), DeclKind::kClass, node, node);
    } else if (Is(node, "function_expression") || Is(node, "generator_function")) {
      Pattern(Field(node, "name"), node, DeclKind::kFunction, node, node);
    } else if (Is(node, "class")) {
      Pattern(Field(node, "name"), node, DeclKind::kClass, node, node);
    }
    if (Is(node, "formal_parameters")) {
      Pattern(node, Ancestor(0), DeclKind::kParameter, TSNode{}, Ancestor(0));
    } else if (Is(node, "arrow_function")) {
      Pattern(Field(node, "parameter"), node, DeclKind::kParameter, TSNode{}, node);
    } else if (Is(node, "catch_clause")) {
      Pattern(Field(node, "parameter"), node, DeclKind::kCatch, TSNode{}, node, true);
    } else if (Is(node, "for_in_statement")) {
      TSNode kind = Field(node, "kind");
      if (!ts_node_is_null(kind)) {
        std::string_view k = doc_.NodeText(kind);
        bool is_var = k == "var";
        TSNode scope = is_var ? ScopeAbove(0, true) : node;
        DeclKind dk = is_var ? DeclKind::kVar : k == "const" ? DeclKind::kConst : DeclKind::kLet;
        Pattern(Field(node, "left"), scope, dk, TSNode{}, node, true);
      }
    } else if (Is(node, "import_clause") || Is(node, "namespace_import")) {
      uint32_t count = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode child = ts_node_named_child(node, i);
        if (Is(child, "identifier")) {
          Declare(child, doc_.root(), DeclKind::kImport, TSNode{}, Ancestor(0), false);
        }
      }
    } else if (Is(node, "import_specifier")) {
      TSNode alias = Field(node, "alias");
      TSNode name = ts_node_is_null(alias) ? Field(node, "name") : alias;
      if (Is(name, "identifier")) {
        Declare(name, doc_.root(), DeclKind::kImport, TSNode{}, node, false);
      }
    } else if (Is(node, "comment")) {
      GlobalComment(doc_.NodeText(node));
    }
  }

  // `/* global a, b:writable */` (also `globals`), as ESLint reads them.
  void GlobalComment(std::string_view text) {
    if (!text.starts_with("/*")) return;
    text.remove_prefix(2);
    if (text.ends_with("*/")) text.remove_suffix(2);
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return;
    text.remove_prefix(first);
    if (text.starts_with("globals")) {
      text.remove_prefix(7);
    } else if (text.starts_with("global")) {
      text.remove_prefix(6);
    } else {
      return;
    }
    if (text.empty() || (text[0] != ' ' && text[0] != '\t' && text[0] != '\n')) return;
    std::string current;
    auto flush = [&] {
      size_t colon = current.find(':');
      if (colon != std::string::npos) current.resize(colon);
      if (!current.empty()) model_.declared_globals.push_back(current);
      current.clear();
    };
    for (char c : text) {
      if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        flush();
      } else {
        current += c;
      }
    }
    flush();
  }

  void CollectReference(TSNode node) {
    if (!Is(node, "identifier") && !Is(node, "shorthand_property_identifier")) return;
    ByteRange range = RangeOf(node);
    if (declaring_.contains(range.start)) return;
    TSNode parent = Ancestor(0);
    // `import x from`, `export { a as b }` name positions are not references.
    if (Is(parent, "export_specifier") || Is(parent, "import_specifier")) return;
    Reference ref;
    ref.range = range;
    if (Is(parent, "unary_expression")) {
      TSNode op = Field(parent, "operator");
      ref.typeof_guard = !ts_node_is_null(op) && doc_.NodeText(op) == "typeof";
    }
    std::string name(doc_.NodeText(node));
    const std::vector<TSNode>& ancestors = *ancestors_;
    for (size_t i = ancestors.size(); i-- > 0;) {
      auto it = scope_of_.find(ancestors[i].id);
      if (it == scope_of_.end()) continue;
      auto found = names_[it->second].find(name);
      if (found != names_[it->second].end()) {
        ref.declaration = found->second;
        break;
      }
    }
    model_.references.push_back(ref);
  }

  const Document& doc_;
  ScopeModel model_;
  std::unordered_map<const void*, int> scope_of_;
  std::vector<std::unordered_map<std::string, int>> names_;  // per scope
  std::unordered_set<uint32_t> declaring_;                   // start bytes of declaring names
  const std::vector<TSNode>* ancestors_ = nullptr;           // of the node being visited
};

bool Touches(ByteRange range, uint32_t offset) {
  return range.start <= offset && offset <= range.end;
}

}  // namespace

std::string_view DeclKindName(DeclKind kind) {
  switch (kind) {
    case DeclKind::kVar:
      return "var";
    case DeclKind::kLet:
      return "let";
    case DeclKind::kConst:
      return "const";
    case DeclKind::kFunction:
      return "function";
    case DeclKind::kClass:
      return "class";
    case DeclKind::kParameter:
      return "parameter";
    case DeclKind::kCatch:
      return "catch parameter";
    case DeclKind::kImport:
      return "import";
  }
  return "";
}

ScopeModel BuildScopes(const Document& doc) { return Builder(doc).Build(); }

int ScopeModel::DeclarationAt(uint32_t offset) const {
  for (size_t i = 0; i < declarations.size(); ++i) {
    if (Touches(declarations[i].range, offset)) return static_cast<int>(i);
  }
  for (const Reference& ref : references) {
    if (Touches(ref.range, offset)) return ref.declaration;
  }
  return -1;
}

std::vector<int> ScopeModel::VisibleAt(const Document& doc, uint32_t offset) const {
  int inner = 0;
  uint32_t best_start = 0;
  for (size_t i = 0; i < scopes.size(); ++i) {
    ByteRange r = RangeOf(scopes[i].node);
    if (r.start <= offset && offset <= r.end && r.start >= best_start) {
      inner = static_cast<int>(i);
      best_start = r.start;
    }
  }
  (void)doc;
  std::vector<int> out;
  std::unordered_set<std::string> seen;
  for (int s = inner; s >= 0; s = scopes[s].parent) {
    for (size_t i = 0; i < declarations.size(); ++i) {
      if (declarations[i].scope == s && seen.insert(declarations[i].name).second) {
        out.push_back(static_cast<int>(i));
      }
    }
  }
  return out;
}

std::vector<ByteRange> ScopeModel::ReferencesTo(int index) const {
  std::vector<ByteRange> out;
  for (const Reference& ref : references) {
    if (ref.declaration == index) out.push_back(ref.range);
  }
  return out;
}

}  // namespace nodus::lsp
