#include "lsp/core/analysis.h"

#include <catch2/catch.hpp>

#include "fixture.h"
#include "resolve/builtins.h"
#include "resolve/resolve.h"

namespace nodus::lsp {
namespace {

using testing::Fixture;
using testing::ParseFixture;

std::string Text(const Document& doc, ByteRange range) {
  return doc.text().substr(range.start, range.end - range.start);
}

std::vector<Diagnostic> AllDiagnostics(const Fixture& fixture, const std::string& path) {
  base::MemoryFs fs;
  fixture.AddTo(fs);
  resolve::Resolver resolver(fs, testing::TestResolveOptions());
  Document doc(fixture.files.at(path));
  std::vector<Diagnostic> out = SyntaxDiagnostics(doc);
  for (Diagnostic& d : RequireDiagnostics(doc, path, resolver)) out.push_back(std::move(d));
  return out;
}

TEST_CASE("diagnostics: unresolved requires, with node's messages", "[lsp][diagnostics]") {
  Fixture fixture = ParseFixture(R"(//- /w/a.js
const b = require('./b');
const c = require('./c');
const fs = require('fs');
const t = require('node:test');
const bad = require('node:nope');
const dep = require('dep');
const sub = require('dep/hidden');
const missing = require('missing-pkg');
const dynamic = require(name);
//- /w/b.js
module.exports = 1;
//- /w/node_modules/dep/package.json
{"name": "dep", "exports": {".": "./main.js"}}
//- /w/node_modules/dep/main.js
exports.x = 1;
)");
  std::vector<Diagnostic> diagnostics = AllDiagnostics(fixture, "/w/a.js");
  Document doc(fixture.files.at("/w/a.js"));
  REQUIRE(diagnostics.size() == 4);
  CHECK(Text(doc, diagnostics[0].range) == "'./c'");
  CHECK(diagnostics[0].message == "Cannot find module './c'");
  CHECK(diagnostics[0].code == "MODULE_NOT_FOUND");
  CHECK(diagnostics[1].code == "ERR_UNKNOWN_BUILTIN_MODULE");
  CHECK(diagnostics[1].message == "No such built-in module: node:nope");
  CHECK(diagnostics[2].code == "ERR_PACKAGE_PATH_NOT_EXPORTED");
  CHECK(Text(doc, diagnostics[3].range) == "'missing-pkg'");
}

TEST_CASE("diagnostics: one message per syntax error region", "[lsp][diagnostics]") {
  Document clean("const a = { b: [1, 2] };\nfunction f() { return `x${a}`; }\n");
  CHECK(SyntaxDiagnostics(clean).empty());

  Document missing("function f() {\n  return g(1, 2;\n}\n");
  std::vector<Diagnostic> d = SyntaxDiagnostics(missing);
  REQUIRE(d.size() == 1);
  CHECK(missing.lines().LineOf(d[0].range.start) == 1);

  // Two separate typos far apart: two messages, not a cascade to the end of the file.
  Document two("let a = (1 + ;\nconst ok = 1;\nconst ok2 = 2;\nif (a {\n}\nconst tail = 3;\n");
  d = SyntaxDiagnostics(two);
  REQUIRE(d.size() == 2);
  CHECK(two.lines().LineOf(d[0].range.start) == 0);
  CHECK(two.lines().LineOf(d[1].range.start) == 3);
  for (const Diagnostic& diagnostic : d) {
    CHECK(diagnostic.severity == Severity::kError);
    CHECK_FALSE(diagnostic.message.empty());
    // Ranges stay on one line.
    CHECK(two.lines().LineOf(diagnostic.range.start) == two.lines().LineOf(diagnostic.range.end));
  }

  Document unclosed("function f() {\n  if (x) {\n    y();\n");
  d = SyntaxDiagnostics(unclosed);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("'}'") != std::string::npos);
}

std::string DefinitionOf(std::string_view spec) {
  Fixture fixture = ParseFixture(spec);
  Document doc(fixture.files.at(fixture.cursor_file));
  std::optional<ByteRange> range = LocalDefinition(doc, fixture.cursor);
  if (!range) return "<none>";
  TSPoint p = doc.lines().PointAt(range->start);
  return Text(doc, *range) + "@" + std::to_string(p.row) + ":" + std::to_string(p.column);
}

TEST_CASE("definition: local names by scope", "[lsp][definition]") {
  CHECK(DefinitionOf("//- /a.js\nconst x = 1;\nfunction f() { return x$0; }\n") == "x@0:6");
  // Shadowing: the inner declaration wins inside, the outer one outside.
  CHECK(DefinitionOf("//- /a.js\nlet x;\nfunction f(x) { return x$0; }\n") == "x@1:11");
  CHECK(DefinitionOf("//- /a.js\nlet x;\n{ let x = 2; }\nx$0;\n") == "x@0:4");
  CHECK(DefinitionOf("//- /a.js\nlet x;\n{ let x = 2; x$0; }\n") == "x@1:6");
  // var hoists to the function; functions are visible before their line.
  CHECK(DefinitionOf("//- /a.js\nfunction f() { if (1) { var v = 1; } return v$0; }\n") ==
        "v@0:28");
  CHECK(DefinitionOf("//- /a.js\ng$0();\nfunction g() {}\n") == "g@1:9");
  // Destructuring, defaults, rest, catch, for-of, arrow parameters, classes.
  CHECK(DefinitionOf("//- /a.js\nconst { a, b: [c = 1, ...d] } = require('./m');\nd$0;\n") ==
        "d@0:25");
  CHECK(DefinitionOf("//- /a.js\nconst {a} = o;\na$0;\n") == "a@0:7");
  CHECK(DefinitionOf("//- /a.js\ntry {} catch (err) { err$0; }\n") == "err@0:14");
  CHECK(DefinitionOf("//- /a.js\nfor (const item of list) { item$0; }\n") == "item@0:11");
  CHECK(DefinitionOf("//- /a.js\nconst f = y => y$0 * 2;\n") == "y@0:10");
  CHECK(DefinitionOf("//- /a.js\nclass A {}\nnew A$0();\n") == "A@0:6");
  CHECK(DefinitionOf("//- /a.js\nconst f = function self() { self$0(); };\n") == "self@0:19");
  // The cursor right after a name counts; globals and properties have none.
  CHECK(DefinitionOf("//- /a.js\nconst abc = 1;\nabc$0\n") == "abc@0:6");
  CHECK(DefinitionOf("//- /a.js\nconsole$0.log(1);\n") == "<none>");
  CHECK(DefinitionOf("//- /a.js\nconst o = {};\no.pr$0op;\n") == "<none>");
  // A shorthand property refers to the variable.
  CHECK(DefinitionOf("//- /a.js\nconst x = 1;\nmodule.exports = { x$0 };\n") == "x@0:6");
}

TEST_CASE("definition: the require string under the cursor", "[lsp][definition]") {
  Fixture fixture = ParseFixture("//- /a.js\nconst b = require('./b$0');\n");
  Document doc(fixture.files.at("/a.js"));
  std::optional<RequireCall> call = RequireAt(doc, fixture.cursor);
  REQUIRE(call);
  CHECK(call->specifier == "./b");
  CHECK_FALSE(RequireAt(doc, 2));
  Document escaped("require('.\\/x'); require(`./t`); require(`./${x}`);");
  std::vector<RequireCall> calls = FindRequires(escaped);
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].specifier == "./x");
  CHECK(calls[1].specifier == "./t");
}

TEST_CASE("symbols: functions, classes, variables and exports", "[lsp][symbols]") {
  Document doc(R"(const path = require('path');
let counter = 0, { a, b } = {};
function outer(x) {
  function inner() {}
  const local = () => {};
}
class Box extends Base {
  size = 1;
  constructor() {}
  open() {}
}
exports.helper = function () {};
module.exports.VERSION = '1';
module.exports = { outer, run() {}, value: 2 };
)");
  std::vector<Symbol> symbols = DocumentSymbols(doc);
  std::vector<std::string> names;
  for (const Symbol& s : symbols) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"path", "counter", "a", "b", "outer", "Box",
                                          "exports.helper", "module.exports.VERSION",
                                          "module.exports"});
  CHECK(symbols[0].kind == SymbolKind::kConstant);
  CHECK(symbols[1].kind == SymbolKind::kVariable);
  CHECK(symbols[4].kind == SymbolKind::kFunction);
  REQUIRE(symbols[4].children.size() == 2);
  CHECK(symbols[4].children[0].name == "inner");
  CHECK(symbols[4].children[1].name == "local");
  CHECK(symbols[4].children[1].kind == SymbolKind::kFunction);
  CHECK(symbols[5].kind == SymbolKind::kClass);
  REQUIRE(symbols[5].children.size() == 3);
  CHECK(symbols[5].children[0].kind == SymbolKind::kField);
  CHECK(symbols[5].children[1].kind == SymbolKind::kConstructor);
  CHECK(symbols[5].children[2].kind == SymbolKind::kMethod);
  CHECK(symbols[6].kind == SymbolKind::kFunction);
  CHECK(symbols[8].kind == SymbolKind::kModule);
  REQUIRE(symbols[8].children.size() == 3);
  CHECK(symbols[8].children[1].kind == SymbolKind::kMethod);
  CHECK(Text(doc, symbols[4].selection) == "outer");
}

TEST_CASE("folding: blocks, literals and comments", "[lsp][folding]") {
  Document doc(R"(/**
 * doc
 */
function f() {
  const o = {
    a: 1,
  };
}
// one
// two
// three
const one = { a: 1 };
)");
  std::vector<FoldingRange> folds = FoldingRanges(doc);
  CHECK(folds ==
        std::vector<FoldingRange>{{0, 2, true}, {3, 6, false}, {4, 5, false}, {8, 10, true}});
}

}  // namespace
}  // namespace nodus::lsp
