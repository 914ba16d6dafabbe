#include "lsp/core/index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "fixture.h"
#include "lsp/core/scopes.h"
#include "resolve/builtins.h"
#include "resolve/resolve.h"

namespace nodus::lsp {
namespace {

using testing::Fixture;
using testing::ParseFixture;

std::string At(WorkspaceIndex& index, const std::optional<Location>& loc) {
  if (!loc) return "<none>";
  const WorkspaceIndex::File* file = index.Get(loc->path);
  std::string text = file->text.substr(loc->range.start, loc->range.end - loc->range.start);
  return loc->path + ":" + std::to_string(file->lines.LineOf(loc->range.start)) + ":" + text;
}

TEST_CASE("summary: requires, bindings and the shape of module.exports", "[lsp][summary]") {
  Document doc(R"(const m = require('./m');
const { a, b: c } = require('./n');
const d = require('./o').d;
/** Adds. */
function add(x, y) { return x + y; }
class Box {}
exports.add = add;
module.exports.Box = Box;
exports.z = require('./z').zz;
exports.mod = require('./mod');
m.use1; c; a;
)");
  FileSummary s = Summarize(doc);
  CHECK(s.require_calls.size() == 5);
  REQUIRE(s.bindings.size() == 4);
  CHECK(s.bindings[0].local == "m");
  CHECK(s.bindings[0].member.empty());
  CHECK(s.bindings[1].member == "a");
  CHECK(s.bindings[2].local == "c");
  CHECK(s.bindings[2].member == "b");
  CHECK(s.bindings[3].member == "d");
  REQUIRE(s.exports.size() == 4);
  CHECK(s.exports[0].name == "add");
  CHECK(s.exports[0].info.kind == "function");
  CHECK(s.exports[0].info.params == "(x, y)");
  CHECK(s.exports[0].info.doc == "Adds.");
  CHECK(s.exports[1].info.kind == "class");
  CHECK(s.exports[2].from_specifier == "./z");
  CHECK(s.exports[2].from_name == "zz");
  CHECK(s.exports[3].from_specifier == "./mod");
  CHECK(s.exports[3].from_name.empty());
  std::vector<std::string> uses;
  for (const ImportUse& u : s.uses) uses.push_back(u.specifier + "." + u.name);
  CHECK(uses == std::vector<std::string>{"./n.a", "./n.b", "./m.use1", "./o.d", "./z.zz"});

  Document object("const x = 1;\nmodule.exports = { x, y: () => 1, run() {} };\n");
  FileSummary o = Summarize(object);
  REQUIRE(o.exports.size() == 3);
  CHECK(o.exports[0].definition.start == 6);
  CHECK(o.exports[1].info.kind == "function");
  CHECK(o.exports[2].info.kind == "method");
  CHECK(o.module.assigned);

  Document aliased(
      "var proto = module.exports = function (opts) {};\nproto.use = function use(fn) {};\n"
      "exports = module.exports = proto;\nexports.more = 1;\n");
  FileSummary a = Summarize(aliased);
  std::vector<std::string> names;
  for (const ExportEntry& e : a.exports) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{"use", "more"});
  CHECK(a.module.info.kind == "function");

  Document reexport("module.exports = require('./y');\n");
  CHECK(Summarize(reexport).module.reexport == "./y");
}

// Found by tests/fuzz/fuzz_lsp_messages: an ERROR node inside a destructuring
// pattern left the pattern's key and local uninitialized.
TEST_CASE("summary: broken destructuring of a require binds what it can", "[lsp][summary]") {
  for (const char* text :
       {"const {%f } = require('./lib');\n", "const { a, %, b } = require('./m');\n",
        "const { [k]: v, ...rest } = require('./m');\n", "const {} = require('./m');\n"}) {
    Document doc(text);
    FileSummary s = Summarize(doc);
    for (const RequireBinding& b : s.bindings) CHECK_FALSE(b.local.empty());
  }
  Document partial("const { a, %, b } = require('./m');\n");
  FileSummary p = Summarize(partial);
  std::vector<std::string> locals;
  for (const RequireBinding& b : p.bindings) locals.push_back(b.local);
  CHECK(std::find(locals.begin(), locals.end(), "a") != locals.end());
}

TEST_CASE("index: cross-file definitions through re-exports", "[lsp][index]") {
  Fixture fixture = ParseFixture(R"(//- /w/app.js
const lib = require('./lib');
lib.helper();
//- /w/lib/index.js
module.exports = require('./impl');
//- /w/lib/impl.js
const inner = require('./inner');
exports.helper = inner.helper;
exports.Widget = require('./widget');
//- /w/lib/inner.js
/** Helps. */
function helper() {}
module.exports = { helper };
//- /w/lib/widget.js
class Widget {}
module.exports = Widget;
)");
  base::MemoryFs fs;
  fixture.AddTo(fs);
  resolve::Resolver resolver(fs, testing::TestResolveOptions());
  WorkspaceIndex index(fs);
  CHECK(At(index, index.FindExport(resolver, "/w/lib/index.js", "helper")) ==
        "/w/lib/inner.js:1:helper");
  CHECK(At(index, index.FindExport(resolver, "/w/lib/impl.js", "Widget")) ==
        "/w/lib/widget.js:0:Widget");
  CHECK(At(index, index.FindExport(resolver, "/w/lib/index.js", "nope")) == "<none>");
  std::vector<ExportEntry> exports = index.ExportsOf(resolver, "/w/lib/index.js");
  REQUIRE(exports.size() == 2);
  CHECK(exports[0].name == "helper");

  // Uses: the importer's lib.helper and the intermediate re-export.
  index.AddRoot("/w", [&](const std::string& dir) { return fixture.ListDir(dir); });
  CHECK(index.workspace_files().size() == 5);
  std::optional<Location> def = index.FindExport(resolver, "/w/lib/index.js", "helper");
  std::vector<std::string> uses;
  for (const auto& [loc, shorthand] : index.Uses(resolver, *def)) uses.push_back(At(index, loc));
  std::sort(uses.begin(), uses.end());
  // impl.js names it twice: `inner.helper` (a use) and `exports.helper` (a re-export).
  CHECK(uses == std::vector<std::string>{"/w/app.js:1:helper", "/w/lib/impl.js:1:helper",
                                         "/w/lib/impl.js:1:helper"});

  // An open buffer shadows the disk and only it is re-summarized.
  int before = index.summaries_computed();
  Document edited("function helper2() {}\nmodule.exports = { helper: helper2 };\n");
  index.SetOpen("/w/lib/inner.js", edited);
  CHECK(index.summaries_computed() == before + 1);
  CHECK(At(index, index.FindExport(resolver, "/w/lib/index.js", "helper")) ==
        "/w/lib/inner.js:0:helper2");
}

TEST_CASE("scopes: references, globals comments, typeof", "[lsp][scopes]") {
  Document doc(
      "/* global later, other:writable */\nlet a = 1;\nfunction f(p) { return a + p + "
      "typeof q; }\nundeclared;\n");
  ScopeModel model = BuildScopes(doc);
  CHECK(model.declared_globals == std::vector<std::string>{"later", "other"});
  int unresolved = 0, guarded = 0;
  for (const Reference& r : model.references) {
    if (r.declaration < 0) ++unresolved;
    if (r.typeof_guard) ++guarded;
  }
  CHECK(unresolved == 2);  // q and undeclared
  CHECK(guarded == 1);

  // Broken input (the root may be an ERROR node) never crashes the analyses.
  for (const char* text :
       {"}}} var a = 1; ))) let b", "var x = function (a, {b", "@@ const {", "let [a, ...", ""}) {
    Document broken(text);
    ScopeModel m = BuildScopes(broken);
    CHECK(m.scopes.size() >= 1);
    NameDiagnostics(broken);
    Summarize(broken);
  }
}

}  // namespace
}  // namespace nodus::lsp
