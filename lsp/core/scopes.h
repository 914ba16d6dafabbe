#pragma once

// The scopes of one file: every declaration (with its kind and scope), every
// reference to a name and the declaration it resolves to. Built in one walk of
// the tree; the TSNodes inside are valid until the document is next edited.

#include <tree_sitter/api.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/core/document.h"

namespace nodus::lsp {

enum class DeclKind { kVar, kLet, kConst, kFunction, kClass, kParameter, kCatch, kImport };

std::string_view DeclKindName(DeclKind kind);

struct Declaration {
  std::string name;
  ByteRange range;  // the declaring name
  DeclKind kind = DeclKind::kVar;
  int scope = 0;     // index into ScopeModel::scopes
  TSNode name_node;  // the declaring identifier
  // What the name is bound to: a declarator's initializer (for simple names),
  // the function or class node itself; null for patterns and parameters.
  TSNode value;
  TSNode statement;         // the declaration statement (JSDoc sits above it)
  TSNode statement_parent;  // its parent when the walk knew it, else null
  bool in_pattern = false;  // bound by destructuring
};

struct Scope {
  TSNode node;
  int parent = -1;
  bool function = false;  // program or a function: where `var` lands
};

struct Reference {
  ByteRange range;
  int declaration = -1;       // -1: a global (or undeclared) name
  bool typeof_guard = false;  // the operand of `typeof`
};

struct ScopeModel {
  std::vector<Scope> scopes;  // scopes[0] is the program
  std::vector<Declaration> declarations;
  std::vector<Reference> references;          // in document order
  std::vector<std::string> declared_globals;  // from /* global a, b */ comments
  std::vector<TSNode> statements;             // the root's named children, in order

  // The declaration whose name is at `offset`, or that the reference at
  // `offset` resolves to (the cursor may also sit just after the name); -1.
  int DeclarationAt(uint32_t offset) const;
  // Every name visible at `offset`, innermost scope first (shadowed ones once).
  std::vector<int> VisibleAt(const Document& doc, uint32_t offset) const;
  // References that resolve to declaration `index`.
  std::vector<ByteRange> ReferencesTo(int index) const;
};

namespace tree {
class TypeSet;
}

// `also` (optional) is called on every node in document order during the
// same walk of the tree (the summary rides along); only on nodes of
// `also_types` when given. The walk does not enter string and regex literals
// (their quotes, fragments and escapes).
ScopeModel BuildScopes(const Document& doc, const std::function<void(TSNode)>& also = nullptr,
                       const tree::TypeSet* also_types = nullptr);

}  // namespace nodus::lsp
