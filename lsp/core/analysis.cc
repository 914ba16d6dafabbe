#include "lsp/core/analysis.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>

#include "lsp/core/scopes.h"
#include "lsp/core/tree_util.h"
#include "resolve/resolve.h"

namespace nodus::lsp {
namespace tree {

std::optional<std::string> StringValue(const Document& doc, TSNode node) {
  if (!Is(node, "string") && !Is(node, "template_string")) return std::nullopt;
  std::string value;
  uint32_t count = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode part = ts_node_named_child(node, i);
    std::string_view text = doc.NodeText(part);
    if (Is(part, "string_fragment")) {
      value += text;
    } else if (Is(part, "escape_sequence") && text.size() == 2) {
      switch (text[1]) {
        case 'n':
          value += '\n';
          break;
        case 't':
          value += '\t';
          break;
        case 'r':
          value += '\r';
          break;
        case '0':
          value += '\0';
          break;
        default:
          value += text[1];
          break;
      }
    } else if (!Is(part, "comment")) {
      return std::nullopt;  // \u escapes, substitutions: not a plain specifier
    }
  }
  return value;
}

// False when `call` cannot be `require(…)`: a node starts where its first
// child (here the callee) does, so the text there must read `require`. Spares
// the field lookups on every other call of every indexed file.
static bool MayBeRequire(const Document& doc, TSNode call) {
  std::string_view text = doc.text();
  uint32_t start = ts_node_start_byte(call);
  return start <= text.size() && text.substr(start).starts_with("require");
}

std::optional<std::string> RequireSpecifier(const Document& doc, TSNode call) {
  if (!Is(call, "call_expression") || !MayBeRequire(doc, call)) return std::nullopt;
  TSNode callee = Field(call, "function");
  if (!Is(callee, "identifier") || doc.NodeText(callee) != "require") return std::nullopt;
  TSNode args = Field(call, "arguments");
  if (!Is(args, "arguments") || ts_node_named_child_count(args) != 1) return std::nullopt;
  return StringValue(doc, ts_node_named_child(args, 0));
}

std::string JsDocAbove(const Document& doc, TSNode node, TSNode known_parent) {
  // Climb to the statement (or object member) that holds the node.
  TSNode n = node;
  TSNode parent;
  for (bool first = true;; first = false) {
    parent = first && !ts_node_is_null(known_parent) ? known_parent : ts_node_parent(n);
    if (ts_node_is_null(parent) || Is(parent, "program") || Is(parent, "statement_block") ||
        Is(parent, "class_body") || Is(parent, "object")) {
      break;
    }
    n = parent;
  }
  // A JSDoc block separated from the statement by whitespace only means that
  // the text before the statement, whitespace skipped, ends with `*/`: most
  // statements are answered from the text, without asking the tree for their
  // previous sibling (tree-sitter 0.20 finds it from the root down: the
  // workspace index asks for every export of every file).
  const std::string& all = doc.text();
  uint32_t start = ts_node_start_byte(n);
  if (start == 0 || ts_node_is_null(parent)) return "";
  size_t last = all.find_last_not_of(" \t\r\n", start - 1);
  if (last == std::string::npos || last == 0 || all[last] != '/' || all[last - 1] != '*') return "";
  // The sibling before `n` (named or not) is the child of `parent` that holds
  // that `/`, when the next sibling after it is `n`.
  TSNode prev{};
  bool found = false;
  TSTreeCursor cursor = ts_tree_cursor_new(parent);
  if (ts_tree_cursor_goto_first_child_for_byte(&cursor, static_cast<uint32_t>(last)) >= 0) {
    prev = ts_tree_cursor_current_node(&cursor);
    found = ts_tree_cursor_goto_next_sibling(&cursor) &&
            ts_node_eq(ts_tree_cursor_current_node(&cursor), n);
  }
  ts_tree_cursor_delete(&cursor);
  if (!found || !Is(prev, "comment")) return "";
  std::string_view gap =
      std::string_view(doc.text())
          .substr(ts_node_end_byte(prev), ts_node_start_byte(n) - ts_node_end_byte(prev));
  return JsDocText(doc.NodeText(prev), gap);
}

std::string JsDocText(std::string_view text, std::string_view gap) {
  if (!text.starts_with("/**") || !text.ends_with("*/") || text.size() < 5) return "";
  // Only when nothing but whitespace separates the comment from the statement.
  if (gap.find_first_not_of(" \t\r\n") != std::string_view::npos) return "";
  if (std::count(gap.begin(), gap.end(), '\n') > 1) return "";
  text = text.substr(3, text.size() - 5);
  std::string out;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    size_t first = line.find_first_not_of(" \t\r");
    line = first == std::string_view::npos ? std::string_view() : line.substr(first);
    if (line.starts_with("*")) line.remove_prefix(1);
    if (line.starts_with(" ")) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (!out.empty() || !line.empty()) out += std::string(line) + "\n";
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace tree

namespace {

using tree::Field;
using tree::Is;
using tree::RangeOf;
using tree::StringValue;
using tree::Walk;

// ---------------------------------------------------------------------------
// Syntax errors.

TSNode FirstLeaf(TSNode node) {
  while (ts_node_child_count(node) > 0) node = ts_node_child(node, 0);
  return node;
}

// The statement holding `node`: the ancestor that is a direct child of a
// program, block or class body. Errors after a first one inside the same
// statement are its cascade.
TSNode EnclosingStatement(TSNode node) {
  for (TSNode n = node;;) {
    TSNode parent = ts_node_parent(n);
    if (ts_node_is_null(parent) || Is(parent, "program") || Is(parent, "statement_block") ||
        Is(parent, "class_body") || Is(parent, "switch_body")) {
      return n;
    }
    n = parent;
  }
}

std::string Quote(std::string_view text) {
  if (text.size() > 40) text = text.substr(0, 40);
  std::string out = "'";
  out += text;
  out += "'";
  return out;
}

// ---------------------------------------------------------------------------
// Strings.

std::optional<RequireCall> AsRequire(const Document& doc, TSNode call) {
  if (!Is(call, "call_expression") || !tree::MayBeRequire(doc, call)) return std::nullopt;
  TSNode callee = Field(call, "function");
  if (ts_node_is_null(callee) || !Is(callee, "identifier") || doc.NodeText(callee) != "require") {
    return std::nullopt;
  }
  TSNode args = Field(call, "arguments");
  if (ts_node_is_null(args) || !Is(args, "arguments") || ts_node_named_child_count(args) != 1) {
    return std::nullopt;
  }
  TSNode arg = ts_node_named_child(args, 0);
  std::optional<std::string> value = StringValue(doc, arg);
  if (!value) return std::nullopt;
  return RequireCall{std::move(*value), RangeOf(arg)};
}

// ---------------------------------------------------------------------------
// Scopes.

struct PatternName {
  std::string_view name;
  TSNode name_node;
  TSNode scope;
};

void CollectPattern(const Document& doc, TSNode pattern, TSNode scope,
                    std::vector<PatternName>& out) {
  if (ts_node_is_null(pattern)) return;
  if (Is(pattern, "identifier") || Is(pattern, "shorthand_property_identifier_pattern")) {
    out.push_back({doc.NodeText(pattern), pattern, scope});
  } else if (Is(pattern, "pair_pattern")) {
    CollectPattern(doc, Field(pattern, "value"), scope, out);
  } else if (Is(pattern, "assignment_pattern") || Is(pattern, "object_assignment_pattern")) {
    CollectPattern(doc, Field(pattern, "left"), scope, out);
  } else if (Is(pattern, "object_pattern") || Is(pattern, "array_pattern") ||
             Is(pattern, "rest_pattern") || Is(pattern, "formal_parameters")) {
    uint32_t count = ts_node_named_child_count(pattern);
    for (uint32_t i = 0; i < count; ++i) {
      CollectPattern(doc, ts_node_named_child(pattern, i), scope, out);
    }
  }
}

// The identifier-like node at `offset`, or ending at it (the cursor just after a name).
TSNode NameAt(const Document& doc, uint32_t offset) {
  auto is_name = [](TSNode n) {
    return Is(n, "identifier") || Is(n, "shorthand_property_identifier") ||
           Is(n, "shorthand_property_identifier_pattern");
  };
  TSNode root = doc.root();
  TSNode node = ts_node_named_descendant_for_byte_range(root, offset, offset);
  if (!ts_node_is_null(node) && is_name(node)) return node;
  if (offset > 0) {
    node = ts_node_named_descendant_for_byte_range(root, offset - 1, offset - 1);
    if (!ts_node_is_null(node) && is_name(node)) return node;
  }
  return TSNode{};
}

// ---------------------------------------------------------------------------
// Symbols.

std::string_view NameText(const Document& doc, TSNode node) {
  return ts_node_is_null(node) ? std::string_view() : doc.NodeText(node);
}

void CollectSymbols(const Document& doc, TSNode container, std::vector<Symbol>& out);

void ClassMembers(const Document& doc, TSNode klass, Symbol& symbol) {
  TSNode body = Field(klass, "body");
  if (ts_node_is_null(body)) return;
  uint32_t count = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode member = ts_node_named_child(body, i);
    if (Is(member, "method_definition")) {
      TSNode name = Field(member, "name");
      if (ts_node_is_null(name)) continue;
      std::string_view text = doc.NodeText(name);
      Symbol method{std::string(text),
                    text == "constructor" ? SymbolKind::kConstructor : SymbolKind::kMethod,
                    RangeOf(member),
                    RangeOf(name),
                    {}};
      TSNode fn_body = Field(member, "body");
      if (!ts_node_is_null(fn_body)) CollectSymbols(doc, fn_body, method.children);
      symbol.children.push_back(std::move(method));
    } else if (Is(member, "field_definition")) {
      TSNode name = Field(member, "property");
      if (ts_node_is_null(name)) continue;
      symbol.children.push_back({std::string(doc.NodeText(name)),
                                 SymbolKind::kField,
                                 RangeOf(member),
                                 RangeOf(name),
                                 {}});
    }
  }
}

// A symbol for a value bound to `name`: functions and classes get their members.
Symbol ValueSymbol(const Document& doc, std::string name, SymbolKind plain, TSNode whole,
                   TSNode name_node, TSNode value) {
  Symbol symbol{std::move(name), plain, RangeOf(whole), RangeOf(name_node), {}};
  if (ts_node_is_null(value)) return symbol;
  if (Is(value, "function_expression") || Is(value, "arrow_function") ||
      Is(value, "generator_function")) {
    symbol.kind = SymbolKind::kFunction;
    TSNode body = Field(value, "body");
    if (!ts_node_is_null(body) && Is(body, "statement_block")) {
      CollectSymbols(doc, body, symbol.children);
    }
  } else if (Is(value, "class")) {
    symbol.kind = SymbolKind::kClass;
    ClassMembers(doc, value, symbol);
  } else if (Is(value, "object")) {
    uint32_t count = ts_node_named_child_count(value);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode entry = ts_node_named_child(value, i);
      if (Is(entry, "pair")) {
        TSNode key = Field(entry, "key");
        symbol.children.push_back(ValueSymbol(doc, std::string(NameText(doc, key)),
                                              SymbolKind::kProperty, entry, key,
                                              Field(entry, "value")));
      } else if (Is(entry, "shorthand_property_identifier")) {
        symbol.children.push_back({std::string(doc.NodeText(entry)),
                                   SymbolKind::kProperty,
                                   RangeOf(entry),
                                   RangeOf(entry),
                                   {}});
      } else if (Is(entry, "method_definition")) {
        TSNode key = Field(entry, "name");
        Symbol method{
            std::string(NameText(doc, key)), SymbolKind::kMethod, RangeOf(entry), RangeOf(key), {}};
        TSNode body = Field(entry, "body");
        if (!ts_node_is_null(body)) CollectSymbols(doc, body, method.children);
        symbol.children.push_back(std::move(method));
      }
    }
  }
  return symbol;
}

// "module.exports", "module.exports.a" or "exports.a" for such a member chain; "" otherwise.
std::string ExportsTarget(const Document& doc, TSNode left) {
  std::string_view text = doc.NodeText(left);
  if (!Is(left, "member_expression")) return "";
  if (text == "module.exports") return std::string(text);
  TSNode object = Field(left, "object");
  TSNode property = Field(left, "property");
  if (ts_node_is_null(object) || ts_node_is_null(property)) return "";
  std::string_view base = doc.NodeText(object);
  if (base == "exports" || base == "module.exports") return std::string(text);
  return "";
}

void CollectSymbols(const Document& doc, TSNode container, std::vector<Symbol>& out) {
  uint32_t count = ts_node_named_child_count(container);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode node = ts_node_named_child(container, i);
    if (Is(node, "function_declaration") || Is(node, "generator_function_declaration")) {
      TSNode name = Field(node, "name");
      if (ts_node_is_null(name)) continue;
      Symbol symbol{
          std::string(doc.NodeText(name)), SymbolKind::kFunction, RangeOf(node), RangeOf(name), {}};
      TSNode body = Field(node, "body");
      if (!ts_node_is_null(body)) CollectSymbols(doc, body, symbol.children);
      out.push_back(std::move(symbol));
    } else if (Is(node, "class_declaration")) {
      TSNode name = Field(node, "name");
      if (ts_node_is_null(name)) continue;
      Symbol symbol{
          std::string(doc.NodeText(name)), SymbolKind::kClass, RangeOf(node), RangeOf(name), {}};
      ClassMembers(doc, node, symbol);
      out.push_back(std::move(symbol));
    } else if (Is(node, "lexical_declaration") || Is(node, "variable_declaration")) {
      TSNode kind = Field(node, "kind");
      bool is_const = !ts_node_is_null(kind) && doc.NodeText(kind) == "const";
      SymbolKind plain = is_const ? SymbolKind::kConstant : SymbolKind::kVariable;
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t j = 0; j < n; ++j) {
        TSNode declarator = ts_node_named_child(node, j);
        if (!Is(declarator, "variable_declarator")) continue;
        TSNode name = Field(declarator, "name");
        if (ts_node_is_null(name)) continue;
        if (Is(name, "identifier")) {
          out.push_back(ValueSymbol(doc, std::string(doc.NodeText(name)), plain, declarator, name,
                                    Field(declarator, "value")));
        } else {
          TSNode scope = node;
          std::vector<PatternName> names;
          CollectPattern(doc, name, scope, names);
          for (const PatternName& d : names) {
            out.push_back(
                {std::string(d.name), plain, RangeOf(declarator), RangeOf(d.name_node), {}});
          }
        }
      }
    } else if (Is(node, "expression_statement")) {
      TSNode expr = ts_node_named_child(node, 0);
      if (ts_node_is_null(expr) || !Is(expr, "assignment_expression")) continue;
      TSNode left = Field(expr, "left");
      std::string target = ExportsTarget(doc, left);
      if (target.empty()) continue;
      SymbolKind plain = target == "module.exports" ? SymbolKind::kModule : SymbolKind::kProperty;
      out.push_back(ValueSymbol(doc, target, plain, node, left, Field(expr, "right")));
    }
  }
}

}  // namespace

std::vector<Diagnostic> SyntaxDiagnostics(const Document& doc) {
  std::vector<Diagnostic> out;
  uint32_t covered_until = 0;  // the end of the last reported region
  bool any = false;
  const LineTable& lines = doc.lines();
  Walk(doc.root(), [&](TSNode node) {
    if (!ts_node_has_error(node) && !ts_node_is_missing(node)) return false;
    bool missing = ts_node_is_missing(node);
    bool error = Is(node, "ERROR");
    if (!missing && !error) return true;
    ByteRange range = RangeOf(node);
    if (any && range.start <= covered_until) {
      covered_until = std::max(covered_until, range.end);
      return false;
    }
    Diagnostic d;
    d.source = "syntax";
    d.severity = Severity::kError;
    if (missing) {
      const char* type = ts_node_type(node);
      bool named = ts_node_is_named(node);
      d.message = std::string("Missing ") + (named ? std::string(type) : Quote(type));
      // A zero-width token: point at the character before it, where it belonged.
      uint32_t at = range.start;
      d.range = {at, at};
    } else {
      TSNode leaf = FirstLeaf(node);
      std::string_view text = doc.NodeText(leaf);
      d.message = text.empty() ? "Syntax error" : "Unexpected token " + Quote(text);
      // Keep the range on the error's first line: a region can swallow the rest of a file.
      uint32_t line = lines.LineOf(range.start);
      uint32_t line_end = line + 1 < lines.line_count() ? lines.LineStart(line + 1) - 1
                                                        : static_cast<uint32_t>(doc.text().size());
      d.range = {range.start, std::max(range.start, std::min(range.end, line_end))};
    }
    out.push_back(std::move(d));
    any = true;
    covered_until = std::max(range.end, ts_node_end_byte(EnclosingStatement(node)));
    return false;
  });
  return out;
}

std::optional<RequireCall> RequireCallOf(const Document& doc, TSNode node) {
  return AsRequire(doc, node);
}

std::vector<RequireCall> FindRequires(const Document& doc) {
  std::vector<RequireCall> out;
  Walk(doc.root(), [&](TSNode node) {
    if (std::optional<RequireCall> call = AsRequire(doc, node)) out.push_back(std::move(*call));
    return true;
  });
  return out;
}

std::optional<RequireCall> RequireAt(const Document& doc, uint32_t offset) {
  TSNode node = ts_node_descendant_for_byte_range(doc.root(), offset, offset);
  for (int depth = 0; !ts_node_is_null(node) && depth < 4; ++depth) {
    if (Is(node, "call_expression")) {
      std::optional<RequireCall> call = AsRequire(doc, node);
      if (call && offset >= call->string_range.start && offset <= call->string_range.end) {
        return call;
      }
      return std::nullopt;
    }
    node = ts_node_parent(node);
  }
  return std::nullopt;
}

std::vector<Diagnostic> RequireDiagnostics(const Document& doc, const std::string& path,
                                           resolve::Resolver& resolver) {
  std::vector<Diagnostic> out;
  for (const RequireCall& call : FindRequires(doc)) {
    if (call.specifier.empty()) continue;
    auto resolved = resolver.Resolve(call.specifier, path);
    if (resolved.ok()) continue;
    const resolve::Error& error = resolved.error();
    Diagnostic d;
    d.range = call.string_range;
    d.severity = Severity::kError;
    d.message = error.message;
    d.code = error.syntax_error ? "" : resolve::ErrorCodeName(error.code);
    d.source = "require";
    out.push_back(std::move(d));
  }
  return out;
}

std::optional<ByteRange> LocalDefinition(const Document& doc, uint32_t offset) {
  TSNode name = NameAt(doc, offset);
  if (ts_node_is_null(name)) return std::nullopt;
  ScopeModel model = BuildScopes(doc);
  int index = model.DeclarationAt(ts_node_start_byte(name));
  if (index < 0) return std::nullopt;
  return model.declarations[index].range;
}

std::vector<Symbol> DocumentSymbols(const Document& doc) {
  std::vector<Symbol> out;
  CollectSymbols(doc, doc.root(), out);
  return out;
}

std::vector<FoldingRange> FoldingRanges(const Document& doc) {
  static constexpr const char* kBracketed[] = {
      "statement_block",   "class_body",      "object",        "array",
      "switch_body",       "object_pattern",  "array_pattern", "arguments",
      "formal_parameters", "template_string", "named_imports", "export_clause"};
  std::map<uint32_t, FoldingRange> by_start;  // the widest range per start line
  auto add = [&](FoldingRange range) {
    if (range.end_line <= range.start_line) return;
    auto [it, inserted] = by_start.emplace(range.start_line, range);
    if (!inserted && range.end_line > it->second.end_line) it->second = range;
  };
  const LineTable& lines = doc.lines();
  std::optional<FoldingRange> comment_run;  // consecutive line comments
  uint32_t last_comment_end = 0;
  Walk(doc.root(), [&](TSNode node) {
    TSPoint start = ts_node_start_point(node);
    TSPoint end = ts_node_end_point(node);
    if (Is(node, "comment")) {
      bool line_comment = doc.NodeText(node).starts_with("//");
      if (!line_comment) {
        add({start.row, end.row, true});
        return false;
      }
      // Part of a run when it starts its line and follows the previous one directly.
      uint32_t line_start = lines.LineStart(start.row);
      bool starts_line = doc.text().find_first_not_of(" \t", line_start) ==
                         static_cast<size_t>(ts_node_start_byte(node));
      if (comment_run && starts_line && start.row == comment_run->end_line + 1 &&
          last_comment_end <= ts_node_start_byte(node)) {
        comment_run->end_line = start.row;
      } else {
        if (comment_run) add(*comment_run);
        comment_run.reset();
        if (starts_line) comment_run = FoldingRange{start.row, start.row, true};
      }
      last_comment_end = ts_node_end_byte(node);
      return false;
    }
    if (end.row > start.row + 1) {
      for (const char* type : kBracketed) {
        if (Is(node, type)) {
          add({start.row, end.row - 1, false});
          break;
        }
      }
    }
    return true;
  });
  if (comment_run) add(*comment_run);
  std::vector<FoldingRange> out;
  for (auto& [line, range] : by_start) out.push_back(range);
  return out;
}

}  // namespace nodus::lsp
