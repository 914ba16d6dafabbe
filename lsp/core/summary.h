#pragma once

// A per-file summary: what one CommonJS file requires, what names those
// requires bind, the shape of its `module.exports`, and where it uses the
// exports of the modules it requires. Pure strings and byte ranges (no tree
// nodes), so it outlives the parse and is recomputed only when the file
// changes. The workspace index (index.h) answers cross-file questions over these.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "lsp/core/analysis.h"
#include "lsp/core/document.h"

namespace nodus::lsp {

// What a name or the module is bound to, for hover and completion.
struct ValueInfo {
  std::string kind;    // "function", "class", "variable", "property", "method", "module"
  std::string doc;     // the JSDoc comment above the definition
  std::string params;  // "(a, b)" for functions
};

struct ExportEntry {
  std::string name;
  ByteRange name_range;  // the exported name (`a` in exports.a = / { a: … })
  ByteRange definition;  // the local declaration it refers to, else name_range
  ValueInfo info;
  // A re-export: `exports.a = require('./y').b` (from_specifier "./y",
  // from_name "b") or `exports.y = require('./y')` (from_name "").
  std::string from_specifier;
  std::string from_name;
};

// `const x = require('./m')` (member "") or `const {a, b: c} = require('./m')`
// (member "a", "b") or `const a = require('./m').a`.
struct RequireBinding {
  std::string local;
  ByteRange local_range;
  std::string specifier;
  std::string member;
};

// A use of an export of a required module: `x.a` for a binding x, the key of a
// destructuring pattern, `require('./m').a`.
struct ImportUse {
  std::string specifier;
  std::string name;
  ByteRange range;         // the property name (or the shorthand pattern's name)
  bool shorthand = false;  // `{a}` in a pattern: renaming it needs `{b: a}`
};

struct ModuleValue {
  bool assigned = false;  // module.exports = … appears
  ByteRange definition;   // what it is assigned (or the local declaration of it)
  ValueInfo info;
  std::string reexport;  // module.exports = require('./y'): "./y"
};

// A top-level declaration (function, class, variable), for workspace symbols.
struct TopLevelName {
  std::string name;
  ByteRange range;
  SymbolKind kind = SymbolKind::kVariable;
};

struct FileSummary {
  std::vector<RequireCall> require_calls;
  std::vector<TopLevelName> top_level;
  std::vector<RequireBinding> bindings;
  std::vector<ExportEntry> exports;
  std::vector<ImportUse> uses;
  ModuleValue module;
};

FileSummary Summarize(const Document& doc);

// The exports of a summary being built: a later export of a name replaces the
// earlier one in place (`exports.a = 1; exports.a = 2`), found by name in
// constant time (a module may export thousands).
class ExportList {
 public:
  explicit ExportList(std::vector<ExportEntry>& exports) : exports_(exports) {}
  void Add(ExportEntry entry);
  void Clear();  // `module.exports = …` replaces everything added before

 private:
  std::vector<ExportEntry>& exports_;
  std::unordered_map<std::string, size_t> index_;
};

struct ScopeModel;

// What the name at `offset` refers to.
struct CursorTarget {
  bool found = false;
  ByteRange range;         // the name under the cursor
  int declaration = -1;    // its local declaration (ScopeModel index), or -1
  std::string specifier;   // set when it names an export of a required module:
  std::string name;        //   export `name` ("" = the module itself) of `specifier`
  std::string own_export;  // `a` of `exports.a = …` in this very file
  bool shorthand = false;  // a `{a}` destructuring pattern
};
CursorTarget TargetAt(const Document& doc, const ScopeModel& model, const FileSummary& summary,
                      uint32_t offset);

// Describes a declaration or value node for hover: kind, JSDoc, parameters.
// `statement_parent`: the statement's parent when known (see tree::JsDocAbove).
ValueInfo DescribeValue(const Document& doc, TSNode value, TSNode statement,
                        TSNode statement_parent = TSNode{});

}  // namespace nodus::lsp
