#include "lsp/core/scopes.h"

#include <algorithm>
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

// The node types that open a scope: functions (and the program) hold `var`s,
// blocks hold `let`, `const` and `class`. The one list of both.
const tree::TypeSet& FunctionScopeTypes() {
  static const tree::TypeSet kTypes = {"program",
                                       "function_declaration",
                                       "function_expression",
                                       "generator_function",
                                       "generator_function_declaration",
                                       "arrow_function",
                                       "method_definition",
                                       "class_static_block"};
  return kTypes;
}

const tree::TypeSet& BlockScopeTypes() {
  static const tree::TypeSet kTypes = {"statement_block", "for_statement", "for_in_statement",
                                       "switch_body",     "catch_clause",  "class"};
  return kTypes;
}

// 1: not a scope, 2: a block scope, 3: a function scope.
int ScopeKind(TSSymbol symbol) {
  return FunctionScopeTypes().Contains(symbol) ? 3 : BlockScopeTypes().Contains(symbol) ? 2 : 1;
}

int ScopeKind(TSNode node) { return ts_node_is_null(node) ? 1 : ScopeKind(ts_node_symbol(node)); }

bool IsFunctionScope(TSNode node) { return ScopeKind(node) == 3; }

// Declarations are collected in one walk of the tree; references are noted
// with the scope they sit in and resolved after the walk (a name may be
// declared after its use), through the scopes' parent chain. tree-sitter
// 0.20's ts_node_parent walks down from the root, which is quadratic on files
// with many top-level statements; this never calls it.
class Builder {
 public:
  Builder(const Document& doc, const std::function<void(TSNode)>& also,
          const tree::TypeSet* also_types)
      : doc_(doc), also_(also), also_types_(also_types) {}

  ScopeModel Build() {
    // The root is scope 0 even when the parse failed so badly that it is an ERROR node.
    AddScope(doc_.root(), -1);
    tree::WalkEnterLeave(
        doc_.root(),
        [&](TSNode node) {
          TSSymbol symbol = ts_node_symbol(node);
          int own = 0;  // the root is scope 0
          if (!stack_.empty()) own = ScopeKind(symbol) != 1 ? AddScope(node, InnerScope()) : -1;
          current_ = node;
          current_scope_ = own;
          static const tree::TypeSet kDeclaring = {"variable_declarator",
                                                   "function_declaration",
                                                   "generator_function_declaration",
                                                   "class_declaration",
                                                   "function_expression",
                                                   "generator_function",
                                                   "class",
                                                   "formal_parameters",
                                                   "arrow_function",
                                                   "catch_clause",
                                                   "for_in_statement",
                                                   "import_clause",
                                                   "namespace_import",
                                                   "import_specifier",
                                                   "comment"};
          static const tree::TypeSet kNames = {"identifier", "shorthand_property_identifier"};
          if (kDeclaring.Contains(symbol)) CollectDeclarations(node);
          if (kNames.Contains(symbol)) CollectReference(node);
          if (also_ && (also_types_ == nullptr || also_types_->Contains(symbol))) also_(node);
          if (stack_.size() == 1 && ts_node_is_named(node)) model_.statements.push_back(node);
          stack_.push_back({node, own});
          // Quotes, fragments and escapes declare and reference nothing (a
          // template string's substitutions are walked).
          static const tree::TypeSet kOpaque = {"string", "regex"};
          return !kOpaque.Contains(symbol);
        },
        [&] { stack_.pop_back(); });
    ResolveReferences();
    return std::move(model_);
  }

 private:
  struct Ancestry {
    TSNode node;
    int scope;  // the scope the node opens, or -1
  };
  struct NameKey {
    int scope;
    std::string_view name;
    bool operator==(const NameKey&) const = default;
  };
  struct NameKeyHash {
    size_t operator()(const NameKey& k) const {
      return std::hash<std::string_view>()(k.name) * 31 + static_cast<size_t>(k.scope);
    }
  };
  struct PendingReference {
    Reference ref;
    int scope;
  };

  int AddScope(TSNode node, int parent) {
    int index = static_cast<int>(model_.scopes.size());
    model_.scopes.push_back({node, parent, IsFunctionScope(node)});
    return index;
  }

  // The innermost scope holding the node being visited (its ancestors only).
  int InnerScope() const {
    for (size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i].scope >= 0) return stack_[i].scope;
    }
    return 0;
  }

  // The scope a node opens (the node being visited or one of its ancestors); 0 if none.
  int ScopeOf(TSNode node) const {
    if (ts_node_eq(node, current_)) return current_scope_ < 0 ? 0 : current_scope_;
    for (size_t i = stack_.size(); i-- > 0;) {
      if (ts_node_eq(stack_[i].node, node)) return stack_[i].scope < 0 ? 0 : stack_[i].scope;
    }
    return 0;
  }

  // The parent of the node being visited at depth `up` (0: its parent).
  TSNode Ancestor(size_t up) const {
    return up < stack_.size() ? stack_[stack_.size() - 1 - up].node : TSNode{};
  }

  // The innermost scope at or above ancestor `up` (the visited node's
  // ancestors only; `function_scope`: where `var` lands).
  int ScopeAbove(size_t up, bool function_scope) const {
    for (size_t i = up; i < stack_.size(); ++i) {
      const Ancestry& a = stack_[stack_.size() - 1 - i];
      if (a.scope < 0) continue;
      if (!function_scope || model_.scopes[a.scope].function) return a.scope;
    }
    return 0;
  }

  void Declare(TSNode name, int scope, DeclKind kind, TSNode value, TSNode statement,
               bool in_pattern) {
    Declaration d;
    std::string_view text = doc_.NodeText(name);
    d.name = std::string(text);
    d.range = RangeOf(name);
    d.kind = kind;
    d.scope = scope;
    d.name_node = name;
    d.value = value;
    d.statement = statement;
    // The walk's ancestors: the statement is the node visited or one of them.
    if (ts_node_eq(statement, current_)) {
      d.statement_parent = Ancestor(0);
    } else {
      for (size_t up = 0; up + 1 < stack_.size(); ++up) {
        if (ts_node_eq(stack_[stack_.size() - 1 - up].node, statement)) {
          d.statement_parent = Ancestor(up + 1);
          break;
        }
      }
    }
    d.in_pattern = in_pattern;
    int index = static_cast<int>(model_.declarations.size());
    names_.emplace(NameKey{scope, text}, index);  // the first declaration of a name wins
    declaring_.push_back(d.range.start);
    model_.declarations.push_back(std::move(d));
  }

  void Pattern(TSNode pattern, int scope, DeclKind kind, TSNode value, TSNode statement,
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
      tree::ForEachNamedChild(
          pattern, [&](TSNode child) { Pattern(child, scope, kind, value, statement, inner); });
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
      Pattern(Field(node, "name"), ScopeOf(node), DeclKind::kFunction, node, node);
    } else if (Is(node, "class")) {
      Pattern(Field(node, "name"), ScopeOf(node), DeclKind::kClass, node, node);
    }
    if (Is(node, "formal_parameters")) {
      Pattern(node, ScopeOf(Ancestor(0)), DeclKind::kParameter, TSNode{}, Ancestor(0));
    } else if (Is(node, "arrow_function")) {
      Pattern(Field(node, "parameter"), ScopeOf(node), DeclKind::kParameter, TSNode{}, node);
    } else if (Is(node, "catch_clause")) {
      Pattern(Field(node, "parameter"), ScopeOf(node), DeclKind::kCatch, TSNode{}, node, true);
    } else if (Is(node, "for_in_statement")) {
      TSNode kind = Field(node, "kind");
      if (!ts_node_is_null(kind)) {
        std::string_view k = doc_.NodeText(kind);
        bool is_var = k == "var";
        int scope = is_var ? ScopeAbove(0, true) : ScopeOf(node);
        DeclKind dk = is_var ? DeclKind::kVar : k == "const" ? DeclKind::kConst : DeclKind::kLet;
        Pattern(Field(node, "left"), scope, dk, TSNode{}, node, true);
      }
    } else if (Is(node, "import_clause") || Is(node, "namespace_import")) {
      tree::ForEachNamedChild(node, [&](TSNode child) {
        if (Is(child, "identifier"))
          Declare(child, 0, DeclKind::kImport, TSNode{}, Ancestor(0), false);
      });
    } else if (Is(node, "import_specifier")) {
      TSNode alias = Field(node, "alias");
      TSNode name = ts_node_is_null(alias) ? Field(node, "name") : alias;
      if (Is(name, "identifier")) Declare(name, 0, DeclKind::kImport, TSNode{}, node, false);
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
    TSNode parent = Ancestor(0);
    // `import x from`, `export { a as b }` name positions are not references.
    if (Is(parent, "export_specifier") || Is(parent, "import_specifier")) return;
    PendingReference pending;
    pending.ref.range = RangeOf(node);
    pending.scope = InnerScope();
    if (Is(parent, "unary_expression")) {
      TSNode op = Field(parent, "operator");
      pending.ref.typeof_guard = !ts_node_is_null(op) && doc_.NodeText(op) == "typeof";
    }
    pending_.push_back(pending);
  }

  void ResolveReferences() {
    const std::string& text = doc_.text();
    model_.references.reserve(pending_.size());
    std::sort(declaring_.begin(), declaring_.end());
    for (PendingReference& p : pending_) {
      if (std::binary_search(declaring_.begin(), declaring_.end(), p.ref.range.start)) continue;
      std::string_view name =
          std::string_view(text).substr(p.ref.range.start, p.ref.range.end - p.ref.range.start);
      for (int s = p.scope; s >= 0; s = model_.scopes[s].parent) {
        auto found = names_.find(NameKey{s, name});
        if (found != names_.end()) {
          p.ref.declaration = found->second;
          break;
        }
      }
      model_.references.push_back(p.ref);
    }
  }

  const Document& doc_;
  const std::function<void(TSNode)>& also_;
  const tree::TypeSet* also_types_;
  ScopeModel model_;
  std::vector<Ancestry> stack_;  // the ancestors of the node being visited, root first
  TSNode current_{};             // the node being visited
  int current_scope_ = -1;       // the scope it opens, or -1
  std::unordered_map<NameKey, int, NameKeyHash> names_;  // (scope, name) -> its first declaration
  std::vector<uint32_t> declaring_;                      // start bytes of declaring names
  std::vector<PendingReference> pending_;                // references in document order, unresolved
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

ScopeModel BuildScopes(const Document& doc, const std::function<void(TSNode)>& also,
                       const tree::TypeSet* also_types) {
  return Builder(doc, also, also_types).Build();
}

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
