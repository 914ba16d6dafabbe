// LOAD_AS_FILE and LOAD_AS_DIRECTORY: relative and absolute requests,
// extensions, package.json "main", index files, trailing slashes.

#include <catch2/catch.hpp>

#include "test_util.h"

using nodus::resolve::ErrorCode;
using nodus::resolve::testing::Tree;

TEST_CASE("relative and absolute requests", "[resolve][files]") {
  Tree t;
  t.File("/app/main.js");
  t.File("/app/lib/a.js");
  t.File("/app/b.js");
  t.File("/app/index.js");
  t.File("/index.js");
  CHECK(t.Resolve("./lib/a", "/app/main.js") == "/app/lib/a.js");
  CHECK(t.Resolve("./lib/a.js", "/app/main.js") == "/app/lib/a.js");
  CHECK(t.Resolve("../b", "/app/lib/a.js") == "/app/b.js");
  CHECK(t.Resolve("..", "/app/lib/a.js") == "/app/index.js");
  CHECK(t.Resolve(".", "/app/main.js") == "/app/index.js");
  CHECK(t.Resolve("/app/lib/a", "/elsewhere/x.js") == "/app/lib/a.js");
  CHECK(t.Resolve("/app//lib/../b", "/x.js") == "/app/b.js");
  CHECK(t.Resolve("../../../..", "/app/lib/a.js") == "/index.js");
}

TEST_CASE("extensions are tried in the order .js, .json, .node", "[resolve][files]") {
  Tree t;
  t.File("/p/a.js");
  t.File("/p/a.json");
  t.File("/p/a.node");
  t.File("/p/b.json");
  t.File("/p/b.node");
  t.File("/p/c.node");
  t.File("/p/d");
  t.File("/p/d.js");
  t.File("/p/e.mjs");
  t.File("/p/f.js.js");
  CHECK(t.Resolve("./a", "/p/x.js") == "/p/a.js");
  CHECK(t.Resolve("./b", "/p/x.js") == "/p/b.json");
  CHECK(t.Resolve("./c", "/p/x.js") == "/p/c.node");
  CHECK(t.Resolve("./d", "/p/x.js") == "/p/d");  // the exact file first
  CHECK(t.Resolve("./e", "/p/x.js") == "MODULE_NOT_FOUND: Cannot find module './e'");
  CHECK(t.Resolve("./f.js", "/p/x.js") == "/p/f.js.js");
}

TEST_CASE("a file beats a directory of the same name", "[resolve][files]") {
  Tree t;
  t.File("/p/lib.js");
  t.File("/p/lib/index.js");
  CHECK(t.Resolve("./lib", "/p/x.js") == "/p/lib.js");
  CHECK(t.Resolve("./lib/", "/p/x.js") == "/p/lib/index.js");
}

TEST_CASE("directories: index files", "[resolve][files]") {
  Tree t;
  t.File("/p/a/index.js");
  t.File("/p/a/index.json");
  t.File("/p/b/index.json");
  t.File("/p/b/index.node");
  t.File("/p/c/index.node");
  t.fs.AddDir("/p/empty");
  CHECK(t.Resolve("./a", "/p/x.js") == "/p/a/index.js");
  CHECK(t.Resolve("./b", "/p/x.js") == "/p/b/index.json");
  CHECK(t.Resolve("./c", "/p/x.js") == "/p/c/index.node");
  CHECK(t.Resolve("./empty", "/p/x.js") == "MODULE_NOT_FOUND: Cannot find module './empty'");
}

TEST_CASE("directories: package.json main", "[resolve][files]") {
  Tree t;
  t.File("/p/m1/package.json", R"({"main": "lib/entry"})");
  t.File("/p/m1/lib/entry.js");
  t.File("/p/m1/index.js");
  t.File("/p/m2/package.json", R"({"main": "./lib"})");
  t.File("/p/m2/lib/index.json");
  t.File("/p/m3/package.json", R"({"main": "exact.txt"})");
  t.File("/p/m3/exact.txt");
  t.File("/p/m4/package.json", R"({"main": ""})");
  t.File("/p/m4/index.js");
  t.File("/p/m5/package.json", R"({"main": 5})");
  t.File("/p/m5/index.js");
  t.File("/p/m6/package.json", R"({"main": "/p/m1/lib/entry.js"})");
  t.File("/p/m7/package.json", R"({"name": "no-main"})");
  t.File("/p/m7/index.json");
  CHECK(t.Resolve("./m1", "/p/x.js") == "/p/m1/lib/entry.js");
  CHECK(t.Resolve("./m2", "/p/x.js") == "/p/m2/lib/index.json");
  CHECK(t.Resolve("./m3", "/p/x.js") == "/p/m3/exact.txt");
  CHECK(t.Resolve("./m4", "/p/x.js") == "/p/m4/index.js");
  CHECK(t.Resolve("./m5", "/p/x.js") == "/p/m5/index.js");
  CHECK(t.Resolve("./m6", "/p/x.js") == "/p/m1/lib/entry.js");
  CHECK(t.Resolve("./m7", "/p/x.js") == "/p/m7/index.json");
}

TEST_CASE("directories: an invalid main falls back to index with DEP0128", "[resolve][files]") {
  Tree t;
  t.File("/p/fb/package.json", R"({"main": "nope.js"})");
  t.File("/p/fb/index.js");
  auto r = t.Raw("./fb", "/p/x.js");
  REQUIRE(r.ok());
  CHECK(r.value().path == "/p/fb/index.js");
  CHECK(r.value().warning ==
        "Invalid 'main' field in '/p/fb/package.json' of 'nope.js'. Please either fix that or "
        "report it to the module author");
  CHECK(t.Raw("./fb/index", "/p/x.js").value().warning.empty());
}

TEST_CASE("directories: an invalid main without index is an error", "[resolve][files]") {
  Tree t;
  t.File("/p/bad/package.json", R"({"main": "nope.js"})");
  auto r = t.Raw("./bad", "/p/x.js");
  REQUIRE(!r.ok());
  CHECK(r.error().code == ErrorCode::kModuleNotFound);
  CHECK(r.error().message ==
        "Cannot find module '/p/bad/nope.js'. Please verify that the package.json has a valid "
        "\"main\" entry");
  CHECK(r.error().path == "/p/bad/package.json");
  CHECK(r.error().request_path == "./bad");
  CHECK_FALSE(r.error().require_stack);
}

TEST_CASE("trailing slashes and dot segments name directories", "[resolve][files]") {
  Tree t;
  t.File("/p/t.js");
  t.File("/p/d.js");
  t.File("/p/d/index.js");
  t.File("/p/d/sub/index.js");
  CHECK(t.Resolve("./t.js/", "/p/x.js") == "MODULE_NOT_FOUND: Cannot find module './t.js/'");
  CHECK(t.Resolve("./d/", "/p/x.js") == "/p/d/index.js");
  CHECK(t.Resolve("./d/.", "/p/x.js") == "/p/d/index.js");
  CHECK(t.Resolve("./d/sub/..", "/p/x.js") == "/p/d/index.js");
  CHECK(t.Resolve("./d/sub/../", "/p/x.js") == "/p/d/index.js");
  CHECK(t.Resolve("./d", "/p/x.js") == "/p/d.js");
  CHECK(t.Resolve("./", "/p/d/sub/index.js") == "/p/d/sub/index.js");
}

TEST_CASE("the not-found error carries Node's message", "[resolve][files]") {
  Tree t;
  auto r = t.Raw("./nope", "/p/x.js");
  REQUIRE(!r.ok());
  CHECK(r.error().code == ErrorCode::kModuleNotFound);
  CHECK(r.error().message == "Cannot find module './nope'");
  CHECK(r.error().require_stack);
  CHECK(r.error().path.empty());
  Tree index;
  index.File("/p/node_modules/index.js");
  CHECK(index.Resolve("", "/p/x.js") == "MODULE_NOT_FOUND: Cannot find module ''");
}

TEST_CASE("ResolveMain resolves argv[1] against cwd, never node_modules", "[resolve][main]") {
  Tree t;
  t.File("/w/app.js");
  t.File("/w/pm/package.json", R"({"main": "m2"})");
  t.File("/w/pm/m2.js");
  t.File("/w/node_modules/q/index.js");
  nodus::resolve::Resolver r(t.fs, t.options);
  CHECK(nodus::resolve::testing::Show(r.ResolveMain("app", "/w")) == "/w/app.js");
  CHECK(nodus::resolve::testing::Show(r.ResolveMain("./app.js", "/w")) == "/w/app.js");
  CHECK(nodus::resolve::testing::Show(r.ResolveMain("pm", "/w")) == "/w/pm/m2.js");
  CHECK(nodus::resolve::testing::Show(r.ResolveMain("/w/app", "/elsewhere")) == "/w/app.js");
  CHECK(nodus::resolve::testing::Show(r.ResolveMain("fs", "/w")) ==
        "MODULE_NOT_FOUND: Cannot find module '/w/fs'");
  auto missing = r.ResolveMain("q", "/w");
  REQUIRE(!missing.ok());
  CHECK(missing.error().message == "Cannot find module '/w/q'");
  CHECK(nodus::resolve::testing::Show(r.ResolveMain(".", "/w")) ==
        "MODULE_NOT_FOUND: Cannot find module '/w'");
}
