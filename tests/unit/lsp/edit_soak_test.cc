// Issue 12's soak of the document path: random edits to an open document sent
// through the server's real incremental didChange (UTF-16 ranges, non-ASCII
// and multi-line text). After each edit the incremental tree must equal a fresh
// parse of the same text; the published diagnostics must equal those a fresh
// server publishes for the text; RSS after warm-up is reported (and must stay
// flat, outside sanitizer builds). Two runs: edits of anything (the text is
// mostly broken, so it is parsed from scratch) and edits that mostly keep it
// valid (reparsed incrementally).
//
// 1,000 edits by default; the full run of the issue:
//   NODUS_LSP_EDIT_SOAK=10000 build/tests/unit/nodus_lsp_tests "lsp: random edits*"
// (NODUS_LSP_EDIT_SEED=N picks another seed.)

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "fixture.h"
#include "lsp/core/tree_util.h"
#include "lsp/server/server.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NODUS_SOAK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define NODUS_SOAK_SANITIZED 1
#endif
#endif

namespace nodus::lsp {
namespace {

constexpr const char* kUri = "file:///w/a.js";

using testing::Sexp;

long RssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

bool Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The LSP position (line, UTF-16 code units) of byte `offset` of `text`.
Json PositionOf(const std::string& text, size_t offset) {
  int line = 0;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int character = 0;
  for (size_t i = line_start; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (Continuation(text[i])) continue;
    character += c >= 0xF0 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
  }
  return {{"line", line}, {"character", character}};
}

// A server over a MemoryFs with /w/b.js, collecting what it sends.
struct Session {
  base::MemoryFs fs;
  std::vector<Json> sent;
  Server server{fs, [this](const Json& m) { sent.push_back(m); }};

  Session() {
    fs.AddFile("/w/b.js", "exports.run = function run(a) { return a; };\n");
    Send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", Json::object()}});
  }
  void Send(const Json& message) { server.HandleBody(message.dump()); }
  void Notify(const std::string& method, Json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void Open(const std::string& text) {
    Notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", kUri}, {"languageId", "javascript"}, {"version", 1}, {"text", text}}}});
  }
  // The diagnostics last published for kUri (null when none were).
  Json LastDiagnostics() const {
    for (auto it = sent.rbegin(); it != sent.rend(); ++it) {
      if ((*it).value("method", "") == "textDocument/publishDiagnostics" &&
          (*it)["params"]["uri"] == kUri) {
        return (*it)["params"];
      }
    }
    return nullptr;
  }
};

struct Edit {
  size_t start;
  size_t end;
  std::string text;
};

class Rng {
 public:
  explicit Rng(int seed) : engine_(static_cast<uint32_t>(seed)) {}
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(engine_() % n); }

 private:
  std::mt19937 engine_;
};

// A code point boundary at or before `at`.
size_t Boundary(const std::string& text, size_t at) {
  while (at < text.size() && Continuation(text[at])) --at;
  return at;
}

// Anything: an insertion, a deletion or a replacement of random pieces of
// JavaScript and text; the document is mostly full of syntax errors.
Edit AnyEdit(const std::string& text, Rng& rng) {
  static const char* const kPieces[] = {"a",
                                        "x1",
                                        " ",
                                        "\n",
                                        "é",
                                        "中文",
                                        "😀",
                                        "'ü'",
                                        "require('./b')",
                                        "require('./missing')",
                                        "const { run } = require('./b');\n",
                                        "{",
                                        "}",
                                        "(",
                                        ")",
                                        "[",
                                        "]",
                                        "'",
                                        "\"",
                                        "`",
                                        "${",
                                        "/*",
                                        "*/",
                                        "// note ☃\n",
                                        "/re+/g",
                                        "const ",
                                        "let y = 1;\n",
                                        "var y = 2;\n",
                                        "function f(a, b) {\n  return a + b;\n}\n",
                                        "class K { m() { return this; } }\n",
                                        "undefinedName",
                                        "x.",
                                        "=>",
                                        ";",
                                        ",",
                                        "module.exports = { f };\n",
                                        "`t ${a} é\nline`"};
  size_t size = text.size();
  Edit edit;
  edit.start = Boundary(text, rng.Below(size + 1));
  size_t span = rng.Below(4) == 0 ? rng.Below(200) : rng.Below(12);
  if (size > 4000) span = size / 3;  // keep the document small
  edit.end = std::min(size, edit.start + span);
  while (edit.end < size && Continuation(text[edit.end])) ++edit.end;
  size_t kind = rng.Below(3);  // 0 insert, 1 delete, 2 replace
  if (kind == 0) edit.end = edit.start;
  if (kind != 1) {
    for (size_t n = 1 + rng.Below(3); n > 0; --n)
      edit.text += kPieces[rng.Below(std::size(kPieces))];
  }
  return edit;
}

// Edits that keep a valid text valid (so that the tree is reparsed
// incrementally): whole statements inserted before a top-level statement or
// at the end, identifiers replaced by other names (non-ASCII ones too),
// top-level statements deleted. Positions come from a parse of the text.
Edit CleanEdit(const std::string& text, Rng& rng) {
  static const char* const kStatements[] = {"let v = 'é';\n",
                                            "const s = `中 ${1 + 2} 😀`;\n",
                                            "function h(a, b) {\n  return a * b; // ☃\n}\n",
                                            "// a comment, ü\n",
                                            "/** Doc 中. */\nclass Z { m(x) { return x; } }\n",
                                            "const { run } = require('./b');\n",
                                            "const m = require('./missing');\n",
                                            "run(undefinedName);\n",
                                            "if (v) {\n  v = [1, 2,\n    3];\n}\n",
                                            "module.exports.k = () => 'ü';\n"};
  static const char* const kNames[] = {"v", "déjà", "名前", "run", "b", "x", "undefinedName"};
  Document parsed(text);
  TSNode root = parsed.root();
  uint32_t count = ts_node_named_child_count(root);
  // Below 5 statements only insert; above 4 KB only delete (the text stays small).
  size_t kind = text.size() > 4000 ? 2 : rng.Below(count > 4 ? 3 : 1);
  if (kind == 0) {
    size_t at = text.size();
    if (size_t k = rng.Below(count + 1); k < count) {
      at = ts_node_start_byte(ts_node_named_child(root, static_cast<uint32_t>(k)));
    }
    std::string statement = kStatements[rng.Below(std::size(kStatements))];
    if (at > 0 && text[at - 1] != '\n') statement = "\n" + statement;
    return {at, at, statement};
  }
  if (kind == 1) {
    std::vector<TSNode> names;
    tree::Walk(root, [&](TSNode node) {
      if (std::string_view(ts_node_type(node)) == "identifier") names.push_back(node);
      return true;
    });
    if (!names.empty()) {
      TSNode name = names[rng.Below(names.size())];
      return {ts_node_start_byte(name), ts_node_end_byte(name),
              kNames[rng.Below(std::size(kNames))]};
    }
  }
  TSNode statement = ts_node_named_child(root, static_cast<uint32_t>(rng.Below(count)));
  size_t start = ts_node_start_byte(statement);
  size_t end = ts_node_end_byte(statement);
  if (end < text.size() && text[end] == '\n') ++end;
  return {start, end, ""};
}

// Applies `edits` edits made by `make` through didChange, checking the tree
// after each one; returns how many left the text free of syntax errors.
int Soak(const char* name, int edits, int seed, Edit (*make)(const std::string&, Rng&)) {
  Rng rng(seed);
  std::string text =
      "'use strict';\nconst b = require('./b');\n/** Doc é. */\nfunction g(x) {\n"
      "  return b.run(x) + '中';\n}\nmodule.exports = { g };\n";
  Session session;
  session.Open(text);
  long warm_rss = 0;
  const int warm_up = std::max(1, edits / 10);
  int clean = 0;
  for (int i = 0; i < edits; ++i) {
    Edit edit = make(text, rng);
    Json range = {{"start", PositionOf(text, edit.start)}, {"end", PositionOf(text, edit.end)}};
    text.replace(edit.start, edit.end - edit.start, edit.text);
    session.sent.clear();
    session.Notify("textDocument/didChange",
                   {{"textDocument", {{"uri", kUri}, {"version", i + 2}}},
                    {"contentChanges", Json::array({{{"range", range}, {"text", edit.text}}})}});

    const Document* doc = session.server.OpenDocumentAt(kUri);
    REQUIRE(doc != nullptr);
    INFO(name << ": edit " << i << " (seed " << seed << "), text:\n" << text);
    REQUIRE(doc->text() == text);
    REQUIRE(Sexp(*doc) == Sexp(Document(text)));
    if (!ts_node_has_error(doc->root())) ++clean;
    Json published = session.LastDiagnostics();
    REQUIRE(published.is_object());
    REQUIRE(published["version"] == i + 2);
    // Diagnostics against a fresh server given the same text: every 50 edits and the last.
    if (i % 50 == 49 || i == edits - 1) {
      Session fresh;
      fresh.Open(text);
      Json expected = fresh.LastDiagnostics();
      REQUIRE(expected.is_object());
      REQUIRE(published["diagnostics"] == expected["diagnostics"]);
    }
    if (i + 1 == warm_up) warm_rss = RssKb();
  }
  long end_rss = RssKb();
  std::fprintf(stderr,
               "lsp edit soak, %s: %d edits (seed %d), %d left the text without syntax errors, "
               "%zu bytes at the end; RSS after %d edits %ld KB, at the end %ld KB\n",
               name, edits, seed, clean, text.size(), warm_up, warm_rss, end_rss);
#ifndef NODUS_SOAK_SANITIZED
  // Flat: a generous bound (allocator noise is far below it); leaking a tree
  // or a document per edit would exceed it within a few hundred edits.
  CHECK(end_rss - warm_rss < 8 * 1024);
#endif
  return clean;
}

TEST_CASE("lsp: random edits through didChange keep the tree and diagnostics exact",
          "[lsp][soak]") {
  const int edits = EnvInt("NODUS_LSP_EDIT_SOAK", 1000);
  const int seed = EnvInt("NODUS_LSP_EDIT_SEED", 12);
  SECTION("any text (mostly with syntax errors: parsed from scratch)") {
    Soak("any", edits, seed, AnyEdit);
  }
  SECTION("text kept valid (reparsed incrementally)") {
    int clean = Soak("valid", edits, seed, CleanEdit);
    // The incremental path is what this half is for.
    CHECK(clean > edits * 9 / 10);
  }
}

}  // namespace
}  // namespace nodus::lsp
