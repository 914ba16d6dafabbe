#include "lsp/core/features.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "lsp/core/tree_util.h"

namespace nodus::lsp {

using tree::Is;
using tree::RangeOf;

int FuzzyScore(std::string_view query, std::string_view name) {
  if (query.empty()) return 0;
  int score = 0;
  size_t q = 0;
  bool previous_matched = false;
  for (size_t i = 0; i < name.size() && q < query.size(); ++i) {
    char n = name[i];
    bool matched = std::tolower(static_cast<unsigned char>(n)) ==
                   std::tolower(static_cast<unsigned char>(query[q]));
    if (!matched) {
      previous_matched = false;
      continue;
    }
    score += 1;
    if (n == query[q]) score += 1;  // same case
    if (previous_matched) score += 4;
    bool word_start = i == 0 || name[i - 1] == '_' || name[i - 1] == '$' ||
                      (std::isupper(static_cast<unsigned char>(n)) &&
                       std::islower(static_cast<unsigned char>(name[i - 1])));
    if (word_start) score += i == 0 ? 8 : 4;
    previous_matched = true;
    ++q;
  }
  if (q < query.size()) return -1;
  if (name.size() == query.size()) score += 4;  // the whole name
  return score;
}

std::vector<ByteRange> SelectionChain(const Document& doc, uint32_t offset) {
  std::vector<ByteRange> out;
  TSNode node = ts_node_descendant_for_byte_range(doc.root(), offset, offset);
  // One parent chain per request (ts_node_parent walks down from the root).
  for (; !ts_node_is_null(node); node = ts_node_parent(node)) {
    ByteRange range = RangeOf(node);
    if (!out.empty() && range.start == out.back().start && range.end == out.back().end) continue;
    if (!out.empty() && (range.start > out.back().start || range.end < out.back().end)) continue;
    out.push_back(range);
  }
  return out;
}

std::optional<CallSite> CallAt(const Document& doc, uint32_t offset) {
  TSNode node = ts_node_descendant_for_byte_range(doc.root(), offset, offset);
  for (; !ts_node_is_null(node); node = ts_node_parent(node)) {
    if (!Is(node, "arguments")) continue;
    TSNode call = ts_node_parent(node);
    if (!Is(call, "call_expression") && !Is(call, "new_expression")) continue;
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    // Inside the parentheses: after "(", and before ")" unless it is missing.
    TSNode last = ts_node_child(node, ts_node_child_count(node) - 1);
    bool closed = Is(last, ")") && !ts_node_is_missing(last);
    if (offset <= start || (closed && offset >= end)) continue;
    CallSite site;
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode child = ts_node_child(node, i);
      if (Is(child, ",") && ts_node_start_byte(child) < offset) ++site.active_parameter;
    }
    TSNode callee = tree::Field(call, Is(call, "new_expression") ? "constructor" : "function");
    if (Is(callee, "member_expression")) callee = tree::Field(callee, "property");
    if (!Is(callee, "identifier") && !Is(callee, "property_identifier")) return std::nullopt;
    site.callee_name = RangeOf(callee);
    return site;
  }
  // While typing, `f(a, ` is often not a call in the tree yet: find the
  // unclosed "(" before the cursor in the text and the name before it.
  const std::string& text = doc.text();
  constexpr uint32_t kLookBack = 4096;
  int depth = 0;
  uint32_t commas = 0;
  for (uint32_t i = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
       i > 0 && offset - i < kLookBack; --i) {
    char c = text[i - 1];
    if (c == ')' || c == ']' || c == '}') ++depth;
    if (c == '[' || c == '{') {
      if (depth == 0) return std::nullopt;
      --depth;
    }
    if (c == ',' && depth == 0) ++commas;
    if (c == ';' && depth == 0) return std::nullopt;
    if (c != '(') continue;
    if (depth > 0) {
      --depth;
      continue;
    }
    uint32_t end = i - 1;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    uint32_t start = end;
    auto ident = [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '$';
    };
    while (start > 0 && ident(text[start - 1])) --start;
    if (start == end || std::isdigit(static_cast<unsigned char>(text[start]))) return std::nullopt;
    return CallSite{{start, end}, commas};
  }
  return std::nullopt;
}

std::vector<std::string> SplitParams(std::string_view params) {
  std::vector<std::string> out;
  if (params.size() >= 2 && params.front() == '(' && params.back() == ')') {
    params = params.substr(1, params.size() - 2);
  }
  int depth = 0;
  std::string current;
  auto flush = [&] {
    size_t a = current.find_first_not_of(" \t\r\n");
    size_t b = current.find_last_not_of(" \t\r\n");
    if (a != std::string::npos) out.push_back(current.substr(a, b - a + 1));
    current.clear();
  };
  for (char c : params) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (c == ',' && depth == 0) {
      flush();
      continue;
    }
    current += c;
  }
  flush();
  return out;
}

namespace {

enum TokenType { kNamespace, kClass, kFunction, kVariable, kParameter, kProperty };
enum TokenModifier { kDeclaration = 1, kReadonly = 2, kDefaultLibrary = 4 };

bool IsFunction(TSNode n) {
  return Is(n, "function_expression") || Is(n, "arrow_function") || Is(n, "generator_function") ||
         Is(n, "function_declaration") || Is(n, "generator_function_declaration");
}

}  // namespace

std::vector<SemanticToken> SemanticTokens(const Document& doc, const ScopeModel& model,
                                          const FileSummary& summary) {
  std::vector<int> types(model.declarations.size(), kVariable);
  for (size_t i = 0; i < model.declarations.size(); ++i) {
    const Declaration& d = model.declarations[i];
    int& type = types[i];
    if (d.kind == DeclKind::kParameter || d.kind == DeclKind::kCatch) type = kParameter;
    if (d.kind == DeclKind::kFunction || IsFunction(d.value)) type = kFunction;
    if (d.kind == DeclKind::kClass || Is(d.value, "class")) type = kClass;
    for (const RequireBinding& b : summary.bindings) {
      if (b.local_range == d.range && b.member.empty()) type = kNamespace;
    }
  }
  std::vector<SemanticToken> tokens;
  for (size_t i = 0; i < model.declarations.size(); ++i) {
    const Declaration& d = model.declarations[i];
    int modifiers = kDeclaration | (d.kind == DeclKind::kConst ? kReadonly : 0);
    tokens.push_back({d.range, types[i], modifiers});
  }
  for (const Reference& r : model.references) {
    if (r.declaration >= 0) {
      const Declaration& d = model.declarations[r.declaration];
      tokens.push_back({r.range, types[r.declaration], d.kind == DeclKind::kConst ? kReadonly : 0});
    } else if (IsRuntimeGlobal(doc.text().substr(r.range.start, r.range.end - r.range.start))) {
      tokens.push_back({r.range, kVariable, kDefaultLibrary});
    }
  }
  for (const ImportUse& use : summary.uses) {
    if (!use.shorthand) tokens.push_back({use.range, kProperty, 0});
  }
  std::sort(tokens.begin(), tokens.end(), [](const SemanticToken& a, const SemanticToken& b) {
    return a.range.start < b.range.start;
  });
  std::vector<SemanticToken> out;
  for (const SemanticToken& t : tokens) {
    if (t.range.end <= t.range.start) continue;
    if (!out.empty() && t.range.start < out.back().range.end) continue;
    out.push_back(t);
  }
  return out;
}

std::string RelativeSpecifier(const std::string& from_file, const std::string& target) {
  std::filesystem::path from_dir = std::filesystem::path(from_file).parent_path();
  std::string rel = std::filesystem::path(target).lexically_relative(from_dir).generic_string();
  if (rel.ends_with(".js")) rel.resize(rel.size() - 3);
  if (rel == "index") return ".";
  if (rel.ends_with("/index")) rel.resize(rel.size() - 6);
  if (!rel.starts_with("../")) rel = "./" + rel;
  return rel;
}

namespace {

bool CallsRequire(const Document& doc, TSNode statement) {
  bool found = false;
  tree::Walk(statement, [&](TSNode node) {
    if (found) return false;
    if (Is(node, "call_expression") && tree::RequireSpecifier(doc, node)) found = true;
    return !found;
  });
  return found;
}

uint32_t NextLineStart(const std::string& text, uint32_t offset) {
  size_t newline = text.find('\n', offset);
  return newline == std::string::npos ? static_cast<uint32_t>(text.size())
                                      : static_cast<uint32_t>(newline + 1);
}

}  // namespace

uint32_t RequireInsertOffset(const Document& doc) {
  TSNode root = doc.root();
  uint32_t count = ts_node_named_child_count(root);
  uint32_t after = 0;
  if (doc.text().starts_with("#!")) after = NextLineStart(doc.text(), 0);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode statement = ts_node_named_child(root, i);
    if (Is(statement, "comment") || Is(statement, "hash_bang_line")) continue;
    bool directive = Is(statement, "expression_statement") &&
                     Is(ts_node_named_child(statement, 0), "string") && i == 0;
    bool has_require =
        (Is(statement, "lexical_declaration") || Is(statement, "variable_declaration")) &&
        CallsRequire(doc, statement);
    if (!directive && !has_require) break;
    after = NextLineStart(doc.text(), ts_node_end_byte(statement));
  }
  return after;
}

std::optional<ByteRange> RemovableRequire(const Document& doc, ByteRange local) {
  TSNode root = doc.root();
  uint32_t count = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode statement = ts_node_named_child(root, i);
    if (ts_node_end_byte(statement) < local.end) continue;
    if (ts_node_start_byte(statement) > local.start) return std::nullopt;
    if (!Is(statement, "lexical_declaration") && !Is(statement, "variable_declaration")) {
      return std::nullopt;
    }
    if (ts_node_named_child_count(statement) != 1) return std::nullopt;
    TSNode declarator = ts_node_named_child(statement, 0);
    TSNode name = tree::Field(declarator, "name");
    bool single = Is(name, "identifier") ||
                  (Is(name, "object_pattern") && ts_node_named_child_count(name) == 1);
    if (!single || !CallsRequire(doc, declarator)) return std::nullopt;
    const std::string& text = doc.text();
    uint32_t start = ts_node_start_byte(statement);
    uint32_t line_start = start;
    while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
    bool alone = text.find_first_not_of(" \t", line_start) >= start;
    uint32_t end = ts_node_end_byte(statement);
    uint32_t line_end = NextLineStart(text, end);
    std::string_view rest(text.data() + end, line_end - end);
    if (alone && rest.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return ByteRange{line_start, line_end};
    }
    return ByteRange{start, end};
  }
  return std::nullopt;
}

}  // namespace nodus::lsp
