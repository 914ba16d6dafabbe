// package.json "exports" (LOAD_PACKAGE_EXPORTS) and self-reference
// (LOAD_PACKAGE_SELF). Messages are node v20's.

#include <catch2/catch.hpp>

#include "test_util.h"

using nodus::resolve::ErrorCode;
using nodus::resolve::testing::Tree;

namespace {
// A package "ex" under /p/node_modules with the given exports and a few files.
Tree WithExports(const std::string& exports, const std::string& extra_fields = "") {
  Tree t;
  t.File("/p/node_modules/ex/package.json",
         R"({"name": "ex", )" + extra_fields + R"("exports": )" + exports + "}");
  for (const char* f : {"a.js", "b.js", "lib/c.js", "lib/d.js", "lib/deep/e.js", "main.js",
                        "index.js", "req.js", "imp.mjs", "node.js", "def.js"}) {
    t.File(std::string("/p/node_modules/ex/") + f);
  }
  t.File("/p/x.js");
  return t;
}
const char* kPkg = "/p/node_modules/ex/package.json";
}  // namespace

TEST_CASE("exports: a string is the main entry only", "[resolve][exports]") {
  Tree t = WithExports(R"("./main.js")", R"("main": "a.js", )");
  CHECK(t.Resolve("ex", "/p/x.js") == "/p/node_modules/ex/main.js");
  CHECK(t.Resolve("ex/a.js", "/p/x.js") ==
        std::string("ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './a.js' is not defined by "
                    "\"exports\" in ") +
            kPkg);
  CHECK(t.Resolve("ex/", "/p/x.js") ==
        std::string("ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './' is not defined by "
                    "\"exports\" in ") +
            kPkg);
}

TEST_CASE("exports: subpath maps block everything else", "[resolve][exports]") {
  Tree t = WithExports(R"({"./a": "./a.js", "./lib/c": "./lib/c.js", "./n": null})",
                       R"("main": "main.js", )");
  CHECK(t.Resolve("ex/a", "/p/x.js") == "/p/node_modules/ex/a.js");
  CHECK(t.Resolve("ex/lib/c", "/p/x.js") == "/p/node_modules/ex/lib/c.js");
  // b.js exists but is not exported; the "main" field no longer counts.
  CHECK(t.Resolve("ex/b", "/p/x.js") ==
        std::string("ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './b' is not defined by "
                    "\"exports\" in ") +
            kPkg);
  CHECK(t.Resolve("ex/a.js", "/p/x.js").starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED"));
  CHECK(t.Resolve("ex", "/p/x.js") ==
        std::string("ERR_PACKAGE_PATH_NOT_EXPORTED: No \"exports\" main defined in ") + kPkg);
  CHECK(t.Resolve("ex/n", "/p/x.js") ==
        std::string("ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './n' is not defined by "
                    "\"exports\" in ") +
            kPkg);
  CHECK(t.Resolve("ex/a/", "/p/x.js").starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED"));
  CHECK(t.Resolve("ex/./a", "/p/x.js").starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED"));
}

TEST_CASE("exports: \".\" and sugar forms", "[resolve][exports]") {
  CHECK(WithExports(R"({".": "./main.js"})").Resolve("ex", "/p/x.js") ==
        "/p/node_modules/ex/main.js");
  CHECK(WithExports(R"(["./main.js"])").Resolve("ex", "/p/x.js") == "/p/node_modules/ex/main.js");
  CHECK(WithExports(R"({"require": "./req.js", "default": "./def.js"})").Resolve("ex", "/p/x.js") ==
        "/p/node_modules/ex/req.js");
  CHECK(WithExports(R"({})")
            .Resolve("ex", "/p/x.js")
            .starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: No"));
  CHECK(WithExports("false")
            .Resolve("ex", "/p/x.js")
            .starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: No"));
  CHECK(WithExports("5").Resolve("ex", "/p/x.js").starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: No"));
  CHECK(
      WithExports("[]").Resolve("ex", "/p/x.js").starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: No"));
  CHECK(WithExports("[null]")
            .Resolve("ex", "/p/x.js")
            .starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: No"));
  // "exports": null is no exports at all.
  CHECK(WithExports("null", R"("main": "a.js", )").Resolve("ex", "/p/x.js") ==
        "/p/node_modules/ex/a.js");
}

TEST_CASE("exports: conditions in file order, nested, with default", "[resolve][exports]") {
  CHECK(WithExports(R"({"import": "./imp.mjs", "node": "./node.js", "require": "./req.js"})")
            .Resolve("ex", "/p/x.js") == "/p/node_modules/ex/node.js");
  CHECK(WithExports(R"({"default": "./def.js", "require": "./req.js"})").Resolve("ex", "/p/x.js") ==
        "/p/node_modules/ex/def.js");
  CHECK(
      WithExports(
          R"({".": {"import": "./imp.mjs", "require": {"node": "./node.js", "default": "./def.js"}}})")
          .Resolve("ex", "/p/x.js") == "/p/node_modules/ex/node.js");
  CHECK(WithExports(R"({".": {"browser": "./a.js", "worker": "./b.js"}})")
            .Resolve("ex", "/p/x.js")
            .starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: No"));
  // A matching condition whose target matches nothing lets the next key try.
  CHECK(WithExports(R"({"node": {"import": "./imp.mjs"}, "default": "./def.js"})")
            .Resolve("ex", "/p/x.js") == "/p/node_modules/ex/def.js");
  CHECK(WithExports(R"({".": {"node": {"import": "./imp.mjs"}}})")
            .Resolve("ex", "/p/x.js")
            .starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: No"));
  // null under a matching condition stops the search.
  CHECK(WithExports(R"({"./a": {"require": null, "default": "./a.js"}})")
            .Resolve("ex/a", "/p/x.js")
            .starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './a'"));
  Tree custom = WithExports(R"({"custom": "./a.js", "default": "./def.js"})");
  custom.options.conditions = {"custom", "require"};
  CHECK(custom.Resolve("ex", "/p/x.js") == "/p/node_modules/ex/a.js");
}

TEST_CASE("exports: arrays are fallbacks for invalid targets only", "[resolve][exports]") {
  Tree t = WithExports(R"({"./x": ["./nope.js", "./a.js"], "./bad": ["../a", "./lib/d.js"],
                            "./badonly": ["../a"], "./cond": [{"import": "./imp.mjs"}, "./b.js"],
                            "./nul": [null, "../a"]})");
  // The first valid target wins even if the file is missing.
  auto missing = t.Raw("ex/x", "/p/x.js");
  REQUIRE(!missing.ok());
  CHECK(missing.error().code == ErrorCode::kModuleNotFound);
  CHECK(missing.error().message == "Cannot find module '/p/node_modules/ex/nope.js'");
  CHECK(missing.error().path == kPkg);
  CHECK_FALSE(missing.error().require_stack);
  CHECK(t.Resolve("ex/bad", "/p/x.js") == "/p/node_modules/ex/lib/d.js");
  CHECK(t.Resolve("ex/badonly", "/p/x.js") ==
        std::string("ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"../a\" defined for "
                    "'./badonly' in the package config ") +
            kPkg + "; targets must start with \"./\"");
  CHECK(t.Resolve("ex/cond", "/p/x.js") == "/p/node_modules/ex/b.js");
  CHECK(t.Resolve("ex/nul", "/p/x.js").starts_with("ERR_INVALID_PACKAGE_TARGET"));
}

TEST_CASE("exports: invalid targets", "[resolve][exports]") {
  Tree t = WithExports(R"({"./up": "../x.js", "./bare": "x.js", "./nm": "./node_modules/dep/i.js",
                            "./dot": "./lib/../a.js", "./abs": "/p/node_modules/ex/a.js",
                            "./num": 5, "./url": "file:///etc/passwd"})");
  CHECK(t.Resolve("ex/up", "/p/x.js") ==
        std::string("ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"../x.js\" defined "
                    "for './up' in the package config ") +
            kPkg + "; targets must start with \"./\"");
  CHECK(t.Resolve("ex/bare", "/p/x.js").ends_with("; targets must start with \"./\""));
  CHECK(t.Resolve("ex/nm", "/p/x.js") ==
        std::string("ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target "
                    "\"./node_modules/dep/i.js\" defined for './nm' in the package config ") +
            kPkg);
  CHECK(t.Resolve("ex/dot", "/p/x.js").starts_with("ERR_INVALID_PACKAGE_TARGET"));
  CHECK(t.Resolve("ex/abs", "/p/x.js").starts_with("ERR_INVALID_PACKAGE_TARGET"));
  CHECK(t.Resolve("ex/num", "/p/x.js") ==
        std::string("ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"5\" defined for "
                    "'./num' in the package config ") +
            kPkg + "; targets must start with \"./\"");
  CHECK(t.Resolve("ex/url", "/p/x.js").starts_with("ERR_INVALID_PACKAGE_TARGET"));
  CHECK(WithExports(R"("../main.js")").Resolve("ex", "/p/x.js") ==
        std::string("ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" main target \"../main.js\" "
                    "defined in the package config ") +
            kPkg + "; targets must start with \"./\"");
}

TEST_CASE("exports: invalid package configs", "[resolve][exports]") {
  CHECK(WithExports(R"({".": "./a.js", "b": "./b.js"})").Resolve("ex", "/p/x.js") ==
        std::string("ERR_INVALID_PACKAGE_CONFIG: Invalid package config ") + kPkg +
            ". \"exports\" cannot contain some keys starting with '.' and some not. The exports "
            "object must either be an object of package subpath keys or an object of main entry "
            "condition name keys only.");
  CHECK(WithExports(R"({".": {"0": "./a.js"}})").Resolve("ex", "/p/x.js") ==
        std::string("ERR_INVALID_PACKAGE_CONFIG: Invalid package config ") + kPkg +
            ". \"exports\" cannot contain numeric property keys.");
}

TEST_CASE("exports: patterns, most specific key wins", "[resolve][exports]") {
  Tree t = WithExports(R"({"./*": "./*.js", "./a*": "./a.js", "./ab/*": "./b.js",
                            "./lib/*": "./lib/*.js", "./lib/deep/*": "./lib/d.js",
                            "./x/*": "./*/a/*.js", "./*.js": "./b.js",
                            "./sec/*": "./lib/*", "./lib/internal/*": null})");
  CHECK(t.Resolve("ex/main", "/p/x.js") == "/p/node_modules/ex/main.js");
  CHECK(t.Resolve("ex/a", "/p/x.js") == "/p/node_modules/ex/a.js");
  CHECK(t.Resolve("ex/abc", "/p/x.js") == "/p/node_modules/ex/a.js");
  CHECK(t.Resolve("ex/ab/c", "/p/x.js") == "/p/node_modules/ex/b.js");
  CHECK(t.Resolve("ex/lib/c", "/p/x.js") == "/p/node_modules/ex/lib/c.js");
  CHECK(t.Resolve("ex/lib/deep/zz", "/p/x.js") == "/p/node_modules/ex/lib/d.js");
  CHECK(t.Resolve("ex/b.js", "/p/x.js") == "/p/node_modules/ex/b.js");
  CHECK(t.Resolve("ex/x/y", "/p/x.js") ==
        "MODULE_NOT_FOUND: Cannot find module '/p/node_modules/ex/y/a/y.js'");
  CHECK(t.Resolve("ex/nope", "/p/x.js") ==
        "MODULE_NOT_FOUND: Cannot find module '/p/node_modules/ex/nope.js'");
  CHECK(t.Resolve("ex/sec/c.js", "/p/x.js") == "/p/node_modules/ex/lib/c.js");
  CHECK(
      t.Resolve("ex/sec/a/../c.js", "/p/x.js") ==
      std::string("ERR_INVALID_MODULE_SPECIFIER: Invalid module \"./sec/a/../c.js\" request is not "
                  "a valid match in pattern \"./sec/*\" for the \"exports\" resolution of ") +
          kPkg);
  CHECK(t.Resolve("ex/lib/internal/c", "/p/x.js")
            .starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './lib/internal/c'"));
}

TEST_CASE("exports: targets are URLs", "[resolve][exports]") {
  Tree t = WithExports(R"({"./enc": "./lib/%63.js", "./q": "./a.js?x=1", "./sep": "./lib%2fc.js",
                            "./*": "./lib/*.js"})");
  t.File("/p/node_modules/ex/lib/sp ace.js");
  CHECK(t.Resolve("ex/enc", "/p/x.js") == "/p/node_modules/ex/lib/c.js");
  CHECK(t.Resolve("ex/q", "/p/x.js") == "/p/node_modules/ex/a.js");
  CHECK(t.Resolve("ex/sp%20ace", "/p/x.js") == "/p/node_modules/ex/lib/sp ace.js");
  CHECK(t.Resolve("ex/sep", "/p/x.js") ==
        "ERR_INVALID_MODULE_SPECIFIER: Invalid module \"file:///p/node_modules/ex/lib%2fc.js\" "
        "must not include "
        "encoded \"/\" or \"\\\" characters");
}

TEST_CASE("exports: self-reference by package name", "[resolve][exports][self]") {
  Tree t;
  t.File("/w/me/package.json",
         R"({"name": "me", "exports": {".": "./lib/main.js", "./util": "./lib/util.js"}})");
  t.File("/w/me/lib/main.js");
  t.File("/w/me/lib/util.js");
  t.File("/w/me/lib/other.js");
  t.File("/w/me/test/t.js");
  t.File("/w/node_modules/me/index.js");  // never reached from inside the package
  t.File("/w/other/x.js");
  CHECK(t.Resolve("me", "/w/me/test/t.js") == "/w/me/lib/main.js");
  CHECK(t.Resolve("me/util", "/w/me/test/t.js") == "/w/me/lib/util.js");
  CHECK(t.Resolve("me/lib/other", "/w/me/test/t.js") ==
        "ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './lib/other' is not defined by "
        "\"exports\" in /w/me/package.json imported from /w/me/test/t.js");
  CHECK(t.Resolve("me", "/w/other/x.js") == "/w/node_modules/me/index.js");
  // Without "exports" (or without "name") there is no self-reference.
  t.File("/w/noexp/package.json", R"({"name": "noexp", "main": "i.js"})");
  t.File("/w/noexp/i.js");
  CHECK(t.Resolve("noexp", "/w/noexp/i.js") == "MODULE_NOT_FOUND: Cannot find module 'noexp'");
}

TEST_CASE("exports: self-reference errors name the importing file", "[resolve][exports][self]") {
  Tree t;
  t.File(
      "/w/me/package.json",
      R"({"name": "@s/me", "exports": {"./bad": ["../a"], "./mix": {".": "./a.js", "x": "./b.js"}}})");
  t.File("/w/me/src/t.js");
  CHECK(t.Resolve("@s/me/bad", "/w/me/src/t.js") ==
        "ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"../a\" defined for './bad' in "
        "the package config /w/me/package.json imported from /w/me/src/t.js; targets must start "
        "with \"./\"");
  CHECK(t.Resolve("@s/me", "/w/me/src/t.js") ==
        "ERR_PACKAGE_PATH_NOT_EXPORTED: No \"exports\" main defined in /w/me/package.json "
        "imported from /w/me/src/t.js");
}

TEST_CASE("exports: invalid configs name the importing file as a URL", "[resolve][exports][self]") {
  Tree t;
  t.File("/w/my pkg/package.json", R"({"name": "mix", "exports": {".": "./a.js", "b": "./b.js"}})");
  t.File("/w/my pkg/t.js");
  CHECK(t.Resolve("mix", "/w/my pkg/t.js") ==
        "ERR_INVALID_PACKAGE_CONFIG: Invalid package config /w/my pkg/package.json while importing "
        "file:///w/my%20pkg/t.js. \"exports\" cannot contain some keys starting with '.' and some "
        "not. The exports object must either be an object of package subpath keys or an object of "
        "main entry condition name keys only.");
}

TEST_CASE("exports apply to global paths and options.paths too", "[resolve][exports]") {
  Tree t = WithExports(R"({"./a": "./a.js"})");
  t.options.global_paths = {"/p/node_modules"};
  CHECK(t.Resolve("ex/b", "/elsewhere/x.js").starts_with("ERR_PACKAGE_PATH_NOT_EXPORTED"));
  CHECK(t.Resolve("ex/a", "/elsewhere/x.js") == "/p/node_modules/ex/a.js");
  // A relative path into the package bypasses exports, as in Node.
  CHECK(t.Resolve("./node_modules/ex/b", "/p/x.js") == "/p/node_modules/ex/b.js");
}
