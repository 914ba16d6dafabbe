// package.json parsing, malformed files, package scopes, the files-read list.

#include "resolve/package_json.h"

#include <catch2/catch.hpp>

#include "test_util.h"

using nodus::resolve::ErrorCode;
using nodus::resolve::Resolver;
using nodus::resolve::internal::ParsePackageJson;
using nodus::resolve::testing::Tree;

TEST_CASE("ParsePackageJson keeps only well-typed fields", "[resolve][package_json]") {
  auto pkg = ParsePackageJson("/p/package.json",
                              R"({"name": 1, "main": "m.js", "type": "module", "exports": null,
                                  "imports": {"#a": "./a.js"}})");
  REQUIRE(pkg.ok());
  CHECK_FALSE(pkg.value()->name);
  CHECK(pkg.value()->main == "m.js");
  CHECK(pkg.value()->type == "module");
  CHECK(pkg.value()->exports.is_null());
  CHECK(pkg.value()->imports.is_object());
  CHECK(pkg.value()->dir == "/p");
  auto array = ParsePackageJson("/p/package.json", "[]");
  REQUIRE(array.ok());
  CHECK_FALSE(array.value()->main);
}

TEST_CASE("ParsePackageJson keeps key order", "[resolve][package_json]") {
  auto pkg = ParsePackageJson("/p/package.json", R"({"exports": {"z": "./z.js", "a": "./a.js"}})");
  REQUIRE(pkg.ok());
  CHECK(pkg.value()->exports.begin().key() == "z");
}

TEST_CASE("malformed package.json is a SyntaxError naming the file", "[resolve][package_json]") {
  auto bad = ParsePackageJson("/p/package.json", "{bad");
  REQUIRE(!bad.ok());
  CHECK(bad.error().code == ErrorCode::kInvalidPackageConfig);
  CHECK(bad.error().syntax_error);
  CHECK(bad.error().path == "/p/package.json");
  CHECK(bad.error().message ==
        "Error parsing /p/package.json: Unexpected token b in JSON at position 1");
  CHECK(ParsePackageJson("/p/package.json", "").error().message ==
        "Error parsing /p/package.json: Unexpected end of JSON input");
  CHECK(ParsePackageJson("/p/package.json", "{\"a\": 1,").error().message ==
        "Error parsing /p/package.json: Unexpected end of JSON input");
  CHECK(ParsePackageJson("/p/package.json", "{\"a\" 1}").error().message ==
        "Error parsing /p/package.json: Unexpected number in JSON at position 5");
}

TEST_CASE("where Node reports a malformed package.json", "[resolve][package_json]") {
  Tree t;
  t.File("/p/node_modules/bad/package.json", "{bad");
  t.File("/p/node_modules/bad/index.js");
  t.File("/p/brk/package.json", "{x");
  t.File("/p/brk/a.js");
  t.File("/p/brk/index.js");
  t.File("/p/ok/b.js");
  t.File("/p/x.js");
  const std::string bad_nm =
      "ERR_INVALID_PACKAGE_CONFIG: Error parsing /p/node_modules/bad/package.json: Unexpected "
      "token b in JSON at position 1";
  const std::string bad_brk =
      "ERR_INVALID_PACKAGE_CONFIG: Error parsing /p/brk/package.json: Unexpected token x in JSON "
      "at position 1";
  CHECK(t.Resolve("bad", "/p/x.js") == bad_nm);             // the exports lookup reads it
  CHECK(t.Resolve("bad/index", "/p/x.js") == bad_nm);       // even for a deep path
  CHECK(t.Resolve("./brk", "/p/x.js") == bad_brk);          // the directory's "main"
  CHECK(t.Resolve("./brk/a", "/p/x.js") == "/p/brk/a.js");  // a file: not read here
  CHECK(t.Resolve("zz", "/p/brk/a.js") == bad_brk);         // the self-reference scope
  CHECK(t.Resolve("./b", "/p/ok/b.js") == "/p/ok/b.js");
  Resolver r(t.fs, t.options);
  CHECK(r.ReadPackageScope("/p/brk/a.js").error().syntax_error);
}

TEST_CASE("ReadPackageScope finds the nearest package.json, not past node_modules",
          "[resolve][package_json]") {
  Tree t;
  t.File("/w/package.json", R"({"type": "module"})");
  t.File("/w/sub/deep/x.js");
  t.File("/w/node_modules/dep/lib/y.js");
  t.File("/w/node_modules/pkg/package.json", R"({"type": "commonjs"})");
  t.File("/w/node_modules/pkg/lib/z.js");
  Resolver r(t.fs, t.options);
  auto scope = r.ReadPackageScope("/w/sub/deep/x.js");
  REQUIRE(scope.ok());
  REQUIRE(scope.value());
  CHECK(scope.value()->package_json_path == "/w/package.json");
  CHECK(scope.value()->type == "module");
  CHECK_FALSE(r.ReadPackageScope("/w/node_modules/dep/lib/y.js").value());
  CHECK(r.ReadPackageScope("/w/node_modules/pkg/lib/z.js").value()->type == "commonjs");
  CHECK_FALSE(r.ReadPackageScope("/other/a.js").value());
}

TEST_CASE("package_json_files lists every package.json read, once", "[resolve][package_json]") {
  Tree t;
  t.File("/w/package.json", R"({"name": "w"})");
  t.File("/w/node_modules/a/package.json", R"({"main": "m.js"})");
  t.File("/w/node_modules/a/m.js");
  t.File("/w/x.js");
  Resolver r(t.fs, t.options);
  REQUIRE(r.Resolve("a", "/w/x.js").ok());
  REQUIRE(r.Resolve("a", "/w/x.js").ok());
  CHECK(r.package_json_files() ==
        std::vector<std::string>{"/w/package.json", "/w/node_modules/a/package.json"});
  // package.json contents survive ClearCaches(), as in Node.
  t.fs.AddFile("/w/node_modules/a/package.json", R"({"main": "other.js"})");
  r.ClearCaches();
  CHECK(nodus::resolve::testing::Show(r.Resolve("a", "/w/x.js")) == "/w/node_modules/a/m.js");
}
