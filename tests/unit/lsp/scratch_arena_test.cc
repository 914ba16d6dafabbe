#include "lsp/core/scratch_arena.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "fixture.h"
#include "lsp/core/document.h"
#include "lsp/core/summary.h"

namespace nodus::lsp {
namespace {

using testing::Sexp;

const char* const kSource =
    "'use strict';\nconst a = require('./a');\n/** Doc. */\nfunction f(x, y) {\n"
    "  return a.g(x) + y;\n}\nclass C { constructor(z) {} }\nmodule.exports = { f, C };\n";

TEST_CASE("scratch arena: parses and summaries equal the heap's", "[lsp][arena]") {
  Document outside(kSource);
  std::string tree = Sexp(outside);
  FileSummary expected = Summarize(outside);
  // Its parser and tree predate the arenas. Nothing may parse inside an arena
  // but the document made there (the index's Get), or the tree would be the
  // arena's.
  Document open_document("let kept = 1;\n");
  for (int round = 0; round < 3; ++round) {
    ScratchArena arena;
    CHECK(ScratchArena::Active() == ScratchArena::Enabled());
    Document inside(kSource);
    CHECK((ScratchArena::BytesUsed() > 0) == ScratchArena::Enabled());
    FileSummary summary = Summarize(inside);
    CHECK(summary.exports.size() == expected.exports.size());
    CHECK(summary.uses.size() == expected.uses.size());
    CHECK(summary.top_level.size() == expected.top_level.size());
    CHECK(summary.exports[0].info.doc == expected.exports[0].info.doc);
    CHECK(summary.exports[1].info.params == "(z)");
    CHECK(ts_node_child_count(open_document.root()) == 1);  // read, not parsed, inside
  }
  // Between arenas, a document made before them reparses on the heap.
  open_document.Edit(4, 8, "kept_0");
  CHECK_FALSE(ScratchArena::Active());
  CHECK(ScratchArena::BytesUsed() == 0);
  CHECK(Sexp(open_document) == Sexp(Document(open_document.text())));
  CHECK(Sexp(Document(kSource)) == tree);
}

TEST_CASE("scratch arena: a large text grows the arena past one chunk", "[lsp][arena]") {
  std::string big;
  for (int i = 0; i < 4000; ++i)
    big += "function f" + std::to_string(i) + "(a) { return a + 1; }\n";
  std::string expected;
  {
    Document heap(big);
    expected = Sexp(heap);
  }
  for (int round = 0; round < 2; ++round) {
    ScratchArena arena;
    Document doc(big);
    if (ScratchArena::Enabled()) CHECK(ScratchArena::BytesUsed() > (4u << 20));
    CHECK_FALSE(ts_node_has_error(doc.root()));
    CHECK(Summarize(doc).top_level.size() == 4000);
  }
  CHECK(Sexp(Document(big)) == expected);
}

}  // namespace
}  // namespace nodus::lsp
