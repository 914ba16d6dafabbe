#pragma once

// Every field of a FileSummary (summary.h) as text, one entry per line, in the
// summary's own order: two summaries are equal exactly when their dumps are,
// and a failing comparison shows a readable line diff. Strings are quoted with
// C-style escapes so that newlines in JSDoc and odd bytes in specifiers stay
// on one line and visible.

#include <cstdio>
#include <string>
#include <string_view>

#include "lsp/core/summary.h"

namespace nodus::lsp::testing {

inline std::string DumpQuoted(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);  // UTF-8 passes through
        }
    }
  }
  return out + "\"";
}

inline std::string DumpRange(ByteRange r) {
  return "[" + std::to_string(r.start) + "," + std::to_string(r.end) + ")";
}

inline std::string DumpSymbolKind(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::kModule:
      return "module";
    case SymbolKind::kClass:
      return "class";
    case SymbolKind::kMethod:
      return "method";
    case SymbolKind::kProperty:
      return "property";
    case SymbolKind::kField:
      return "field";
    case SymbolKind::kConstructor:
      return "constructor";
    case SymbolKind::kFunction:
      return "function";
    case SymbolKind::kVariable:
      return "variable";
    case SymbolKind::kConstant:
      return "constant";
  }
  return "kind#" + std::to_string(static_cast<int>(kind));
}

inline std::string DumpInfo(const ValueInfo& info) {
  return "kind=" + DumpQuoted(info.kind) + " params=" + DumpQuoted(info.params) +
         " doc=" + DumpQuoted(info.doc);
}

inline std::string DumpSummary(const FileSummary& s) {
  std::string out;
  const ModuleValue& m = s.module;
  out += "module assigned=" + std::string(m.assigned ? "yes" : "no") +
         " definition=" + DumpRange(m.definition) + " reexport=" + DumpQuoted(m.reexport) + " " +
         DumpInfo(m.info) + "\n";
  for (const RequireCall& r : s.require_calls) {
    out += "require " + DumpQuoted(r.specifier) + " at " + DumpRange(r.string_range) + "\n";
  }
  for (const TopLevelName& t : s.top_level) {
    out += "top_level " + DumpQuoted(t.name) + " at " + DumpRange(t.range) + " " +
           DumpSymbolKind(t.kind) + "\n";
  }
  for (const RequireBinding& b : s.bindings) {
    out += "binding " + DumpQuoted(b.local) + " at " + DumpRange(b.local_range) +
           " specifier=" + DumpQuoted(b.specifier) + " member=" + DumpQuoted(b.member) + "\n";
  }
  for (const ExportEntry& e : s.exports) {
    out += "export " + DumpQuoted(e.name) + " at " + DumpRange(e.name_range) +
           " definition=" + DumpRange(e.definition) +
           " from_specifier=" + DumpQuoted(e.from_specifier) +
           " from_name=" + DumpQuoted(e.from_name) + " " + DumpInfo(e.info) + "\n";
  }
  for (const ImportUse& u : s.uses) {
    out += "use " + DumpQuoted(u.specifier) + " " + DumpQuoted(u.name) + " at " +
           DumpRange(u.range) + (u.shorthand ? " shorthand" : "") + "\n";
  }
  return out;
}

}  // namespace nodus::lsp::testing
