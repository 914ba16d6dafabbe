#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "lsp/core/analysis.h"
#include "lsp/core/builtins_generated.h"
#include "lsp/core/scopes.h"
#include "lsp/core/summary.h"

namespace nodus::lsp {
namespace {

const std::unordered_set<std::string>& Globals() {
  static const std::unordered_set<std::string>* globals = [] {
    auto* set = new std::unordered_set<std::string>{
        "module",    "exports", "require",  "__dirname",  "__filename", "arguments",
        "undefined", "NaN",     "Infinity", "globalThis", "fetch"};
    std::string_view all = kRuntimeGlobals;
    while (!all.empty()) {
      size_t space = all.find(' ');
      set->insert(std::string(all.substr(0, space)));
      if (space == std::string_view::npos) break;
      all.remove_prefix(space + 1);
    }
    return set;
  }();
  return *globals;
}

bool IsLexical(DeclKind kind) {
  return kind == DeclKind::kLet || kind == DeclKind::kConst || kind == DeclKind::kClass ||
         kind == DeclKind::kImport;
}

}  // namespace

bool IsRuntimeGlobal(std::string_view name) { return Globals().contains(std::string(name)); }

std::vector<Diagnostic> NameDiagnostics(const Document& doc) {
  ScopeModel model = BuildScopes(doc);
  std::vector<Diagnostic> out;
  std::set<std::string> declared(model.declared_globals.begin(), model.declared_globals.end());
  std::vector<int> uses(model.declarations.size(), 0);
  for (const Reference& ref : model.references) {
    if (ref.declaration >= 0) {
      ++uses[ref.declaration];
      continue;
    }
    std::string name = doc.text().substr(ref.range.start, ref.range.end - ref.range.start);
    if (ref.typeof_guard || IsRuntimeGlobal(name) || declared.contains(name)) continue;
    out.push_back({ref.range, Severity::kWarning, "'" + name + "' is not defined", "no-undef",
                   "names", false});
  }
  // Bindings made by require() read better as "required but never used".
  std::set<uint32_t> required;
  for (const RequireBinding& b : Summarize(doc).bindings) required.insert(b.local_range.start);
  // A name declared twice in one scope: its uses count for the first declaration.
  std::map<std::pair<int, std::string>, int> per_scope;
  for (const Declaration& d : model.declarations) ++per_scope[{d.scope, d.name}];
  for (size_t i = 0; i < model.declarations.size(); ++i) {
    const Declaration& d = model.declarations[i];
    if (per_scope[{d.scope, d.name}] > 1) continue;
    if (uses[i] > 0 || d.name.empty() || d.name[0] == '_') continue;
    if (d.kind == DeclKind::kParameter || d.kind == DeclKind::kCatch) continue;
    // A function or class expression's own name.
    if (!ts_node_is_null(d.value) && ts_node_eq(model.scopes[d.scope].node, d.value)) continue;
    bool is_require = required.contains(d.range.start);
    out.push_back(
        {d.range, Severity::kHint,
         "'" + d.name +
             (is_require ? "' is required but never used" : "' is declared but never used"),
         "unused", "names", true});
  }
  // Redeclarations: lexical names may not share a scope with any other.
  std::map<std::pair<int, std::string>, std::vector<int>> earlier;
  for (size_t i = 0; i < model.declarations.size(); ++i) {
    const Declaration& d = model.declarations[i];
    std::vector<int>& before = earlier[{d.scope, d.name}];
    for (int j : before) {
      const Declaration& e = model.declarations[j];
      if (!IsLexical(d.kind) && !IsLexical(e.kind)) continue;
      if (d.kind == DeclKind::kParameter && e.kind == DeclKind::kParameter) continue;
      out.push_back({d.range, Severity::kError,
                     "Identifier '" + d.name + "' has already been declared", "redeclared", "names",
                     false});
      break;
    }
    before.push_back(static_cast<int>(i));
  }
  std::sort(out.begin(), out.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.range.start < b.range.start; });
  return out;
}

}  // namespace nodus::lsp
