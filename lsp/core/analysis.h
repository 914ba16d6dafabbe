#pragma once

// What the server asks of one document, answered from its tree in byte
// offsets: syntax errors, require() calls and whether they resolve, the
// declaration of a local name, symbols, folding ranges. Pure functions of the
// document (and, for requires, of the resolver). No JSON, no UTF-16.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/core/document.h"

namespace nodus::resolve {
class Resolver;
}

namespace nodus::lsp {

enum class Severity { kError = 1, kWarning = 2, kInformation = 3, kHint = 4 };

struct Diagnostic {
  ByteRange range;
  Severity severity = Severity::kError;
  std::string message;
  std::string code;          // e.g. "MODULE_NOT_FOUND"; empty for syntax errors
  std::string source;        // "syntax", "require" or "names"
  bool unnecessary = false;  // DiagnosticTag.Unnecessary (unused code, shown faded)
};

// One diagnostic per error region (an ERROR node or a MISSING token), in
// document order; regions that overlap or touch an earlier one are dropped so
// one typo does not cascade.
std::vector<Diagnostic> SyntaxDiagnostics(const Document& doc);

struct RequireCall {
  std::string specifier;   // the string's value, escapes decoded
  ByteRange string_range;  // the literal, quotes included
};

// Every `require('literal')` call (a single string or substitution-free template argument).
std::vector<RequireCall> FindRequires(const Document& doc);
// `node` as such a call, when it is one.
std::optional<RequireCall> RequireCallOf(const Document& doc, TSNode node);
// The require call whose string literal contains `offset` (quotes included).
std::optional<RequireCall> RequireAt(const Document& doc, uint32_t offset);

// One error diagnostic per require() whose specifier does not resolve from
// `path` (the document's absolute file path), with Node's message.
std::vector<Diagnostic> RequireDiagnostics(const Document& doc, const std::string& path,
                                           resolve::Resolver& resolver);

// Names: used but never declared (runtime globals, the module wrapper's
// names, `/* global */` comments and `typeof x` guards excepted; warnings),
// declared but never used (hints, tagged unnecessary; `_`-prefixed names and
// parameters excepted), declared twice in one scope where JavaScript forbids it
// (errors).
std::vector<Diagnostic> NameDiagnostics(const Document& doc);
// The runtime's global names plus the CommonJS wrapper's (module, exports,
// require, __dirname, __filename).
bool IsRuntimeGlobal(std::string_view name);

// The declaration of the identifier at `offset` (or just before it), by the
// scopes of the file: the declaring name's range. nullopt for globals, property
// names, and positions that are not on a name.
std::optional<ByteRange> LocalDefinition(const Document& doc, uint32_t offset);

// LSP SymbolKind values.
enum class SymbolKind {
  kModule = 2,
  kClass = 5,
  kMethod = 6,
  kProperty = 7,
  kField = 8,
  kConstructor = 9,
  kFunction = 12,
  kVariable = 13,
  kConstant = 14,
};

struct Symbol {
  std::string name;
  SymbolKind kind = SymbolKind::kVariable;
  ByteRange range;      // the whole declaration
  ByteRange selection;  // the name
  std::vector<Symbol> children;
};

// Hierarchical: functions, classes (with methods and fields), variables, and
// CommonJS exports (`module.exports = {...}`, `exports.a = ...`).
std::vector<Symbol> DocumentSymbols(const Document& doc);

struct FoldingRange {
  uint32_t start_line = 0;
  uint32_t end_line = 0;
  bool comment = false;
  bool operator==(const FoldingRange&) const = default;
};

// Blocks, object/array literals, argument and parameter lists, templates
// (ending on the line before the closing bracket), multi-line comments and
// runs of line comments. At most one range per start line, sorted.
std::vector<FoldingRange> FoldingRanges(const Document& doc);

}  // namespace nodus::lsp
