#include "lsp/core/document.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>
#include <vector>

#include "fixture.h"
#include "lsp/core/tree_util.h"

namespace nodus::lsp {
namespace {

using testing::Sexp;

TEST_CASE("document: incremental edits equal a fresh parse", "[lsp][document]") {
  Document doc("function f(a) {\n  return a;\n}\n");
  CHECK_FALSE(ts_node_has_error(doc.root()));
  // Insert, delete and replace, checking the tree against a from-scratch parse each time.
  doc.Edit(30, 30, "const x = 1;\n");
  CHECK(doc.text() == "function f(a) {\n  return a;\n}\nconst x = 1;\n");
  CHECK(Sexp(doc) == Sexp(Document(doc.text())));
  doc.Edit(25, 26, "a + x");
  CHECK(doc.text() == "function f(a) {\n  return a + x;\n}\nconst x = 1;\n");
  CHECK(Sexp(doc) == Sexp(Document(doc.text())));
  doc.Edit(0, 8, "");
  CHECK(ts_node_has_error(doc.root()));
  CHECK(Sexp(doc) == Sexp(Document(doc.text())));
  doc.Edit(0, 0, "function");
  CHECK_FALSE(ts_node_has_error(doc.root()));
  // 1 + 1 + 1 + 2 (the incremental result had an error: parsed again from
  // scratch) + 1 (the old tree had an error: from scratch only).
  CHECK(doc.parse_count() == 6);
  // Out-of-range edits clamp to the text.
  doc.Edit(1000, 2000, "\n// end");
  CHECK(doc.text().ends_with("const x = 1;\n\n// end"));
}

TEST_CASE("document: random edit storm stays equal to fresh parses", "[lsp][document]") {
  std::mt19937 rng(8);
  const char* snippets[] = {"{",
                            "}",
                            "(",
                            ")",
                            "x",
                            " ",
                            "\n",
                            "é",
                            "require('./a')",
                            ";",
                            "'",
                            "function g() {}",
                            "// c\n",
                            "const y = [1,\n2];"};
  Document doc("const a = require('a');\nmodule.exports = { a };\n");
  for (int i = 0; i < 300; ++i) {
    uint32_t size = static_cast<uint32_t>(doc.text().size());
    uint32_t start = size == 0 ? 0 : rng() % (size + 1);
    uint32_t len = size == start ? 0 : rng() % std::min<uint32_t>(size - start + 1, 6);
    // Keep UTF-8 boundaries: never cut inside 'é'.
    while (start < size && (static_cast<unsigned char>(doc.text()[start]) & 0xC0) == 0x80) {
      --start;
    }
    uint32_t end = start + len;
    while (end < size && (static_cast<unsigned char>(doc.text()[end]) & 0xC0) == 0x80) ++end;
    doc.Edit(start, end, snippets[rng() % std::size(snippets)]);
    if (i % 25 == 0) REQUIRE(Sexp(doc) == Sexp(Document(doc.text())));
  }
  CHECK(Sexp(doc) == Sexp(Document(doc.text())));
}

TEST_CASE("document: the line table", "[lsp][document]") {
  LineTable lines("ab\ncd\n\nx");
  CHECK(lines.line_count() == 4);
  CHECK(lines.LineOf(0) == 0);
  CHECK(lines.LineOf(2) == 0);
  CHECK(lines.LineOf(3) == 1);
  CHECK(lines.LineOf(6) == 2);
  CHECK(lines.LineOf(100) == 3);
  CHECK(lines.PointAt(4).row == 1);
  CHECK(lines.PointAt(4).column == 1);
}

// The walk skips the cursor's steps it can predict from ts_node_child_count;
// it must still enter every node, in document order, and leave each once.
TEST_CASE("document: the tree walk and named children match index access", "[lsp][document]") {
  const char* sources[] = {
      "'use strict';\nconst a = require('./a'), {b, c: [d = 1]} = require(`./${x}`);\n"
      "function f(p, {q}, ...r) { for (const k in o) { if (k) break; } return p ?? q?.r; }\n"
      "class C extends B { static #x = 1; constructor(y) { super(y); } get z() { return /a+/g; } "
      "}\n"
      "module.exports = { f, C, g: async () => { await f(1, 2, 3); }, 'h': 1 };\n",
      "label: for (;;) { switch (x) { case 1: y(); default: } }\n/* global a, b */\n",
      "const = ;\nfunction (a, { ) {\n  let x = [1, 2,, ...y\n",  // errors and missing nodes
      "",
  };
  for (const char* source : sources) {
    Document doc(source);
    std::vector<TSNode> expected;
    std::vector<TSNode> todo = {doc.root()};
    while (!todo.empty()) {  // preorder through ts_node_child(i)
      TSNode node = todo.back();
      todo.pop_back();
      expected.push_back(node);
      for (uint32_t i = ts_node_child_count(node); i-- > 0;) todo.push_back(ts_node_child(node, i));
    }
    std::vector<TSNode> walked;
    int depth = 0, leaves = 0;
    tree::WalkEnterLeave(
        doc.root(),
        [&](TSNode node) {
          walked.push_back(node);
          ++depth;
          return true;
        },
        [&] {
          --depth;
          ++leaves;
        });
    REQUIRE(walked.size() == expected.size());
    for (size_t i = 0; i < walked.size(); ++i) CHECK(ts_node_eq(walked[i], expected[i]));
    CHECK(depth == 0);
    CHECK(leaves == static_cast<int>(walked.size()));
    for (TSNode node : expected) {
      std::vector<TSNode> named;
      tree::ForEachNamedChild(node, [&](TSNode child) { named.push_back(child); });
      REQUIRE(named.size() == ts_node_named_child_count(node));
      for (uint32_t i = 0; i < named.size(); ++i) {
        CHECK(ts_node_eq(named[i], ts_node_named_child(node, i)));
      }
    }
  }
}

}  // namespace
}  // namespace nodus::lsp
