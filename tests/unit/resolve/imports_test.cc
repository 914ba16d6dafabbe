// package.json "imports" (LOAD_PACKAGE_IMPORTS): "#x" specifiers.

#include <catch2/catch.hpp>

#include "test_util.h"

using nodus::resolve::testing::Tree;

namespace {
Tree WithImports() {
  Tree t;
  t.File("/w/me/package.json", R"({"name": "me", "exports": {"./lib/*": "./lib/*.js"},
    "imports": {"#c": "./lib/c.js", "#dep": "dep", "#dep/*": "dep/*", "#fs": "fs",
                "#p/*": "./lib/*.js", "#n": null, "#bad": "../x", "#url": "data:text/javascript,1",
                "#cond": {"import": "./lib/m.mjs", "default": "./lib/d.js"},
                "#self": "me/lib/c", "#nopkg": "nopkg", "#exp": "withexp/x",
                "#arr": ["../bad", "./lib/d.js"], "#missing": "./lib/missing.js"}})");
  t.File("/w/me/lib/c.js");
  t.File("/w/me/lib/d.js");
  t.File("/w/me/lib/m.mjs");
  t.File("/w/me/sub/t.js");
  t.File("/w/me/node_modules/dep/package.json", R"({"main": "i.js"})");
  t.File("/w/me/node_modules/dep/i.js");
  t.File("/w/me/node_modules/dep/s.js");
  t.File("/w/node_modules/withexp/package.json", R"({"exports": {"./x": "./x.js"}})");
  t.File("/w/node_modules/withexp/x.js");
  return t;
}
const char* kFrom = "/w/me/sub/t.js";
}  // namespace

TEST_CASE("imports: relative targets, patterns, conditions, arrays", "[resolve][imports]") {
  Tree t = WithImports();
  CHECK(t.Resolve("#c", kFrom) == "/w/me/lib/c.js");
  CHECK(t.Resolve("#p/c", kFrom) == "/w/me/lib/c.js");
  CHECK(t.Resolve("#cond", kFrom) == "/w/me/lib/d.js");
  CHECK(t.Resolve("#arr", kFrom) == "/w/me/lib/d.js");
  CHECK(t.Resolve("#missing", kFrom) ==
        "MODULE_NOT_FOUND: Cannot find module '/w/me/lib/missing.js'");
}

TEST_CASE("imports: targets naming packages resolve like ESM", "[resolve][imports]") {
  Tree t = WithImports();
  CHECK(t.Resolve("#dep", kFrom) == "/w/me/node_modules/dep/i.js");
  CHECK(t.Resolve("#dep/s.js", kFrom) == "/w/me/node_modules/dep/s.js");
  // No extension search below a package without "exports".
  CHECK(t.Resolve("#dep/s", kFrom) ==
        "MODULE_NOT_FOUND: Cannot find module '/w/me/node_modules/dep/s'");
  CHECK(t.Resolve("#self", kFrom) == "/w/me/lib/c.js");
  CHECK(t.Resolve("#exp", kFrom) == "/w/node_modules/withexp/x.js");
  CHECK(t.Resolve("#nopkg", kFrom) == "MODULE_NOT_FOUND: Cannot find module '#nopkg'");
  // Node 20 maps "#fs" to node:fs and then refuses the URL.
  CHECK(t.Resolve("#fs", kFrom) == "ERR_INVALID_URL_SCHEME: The URL must be of scheme file");
}

TEST_CASE("imports: errors", "[resolve][imports]") {
  Tree t = WithImports();
  CHECK(t.Resolve("#n", kFrom) ==
        "ERR_PACKAGE_IMPORT_NOT_DEFINED: Package import specifier \"#n\" is not defined in package "
        "/w/me/package.json imported from /w/me/sub/t.js");
  CHECK(t.Resolve("#nope", kFrom) ==
        "ERR_PACKAGE_IMPORT_NOT_DEFINED: Package import specifier \"#nope\" is not defined in "
        "package /w/me/package.json imported from /w/me/sub/t.js");
  CHECK(t.Resolve("#bad", kFrom) ==
        "ERR_INVALID_PACKAGE_TARGET: Invalid \"imports\" target \"../x\" defined for '#bad' in the "
        "package config /w/me/package.json imported from /w/me/sub/t.js");
  CHECK(t.Resolve("#url", kFrom)
            .starts_with("ERR_INVALID_PACKAGE_TARGET: Invalid \"imports\" target \"data:"));
  for (const char* bad : {"#", "#/a", "#a/"}) {
    CHECK(t.Resolve(bad, kFrom) == std::string("ERR_INVALID_MODULE_SPECIFIER: Invalid module \"") +
                                       bad +
                                       "\" is not a valid internal imports specifier name imported "
                                       "from /w/me/sub/t.js");
  }
}

TEST_CASE("imports: without an imports field, #x is a bare name", "[resolve][imports]") {
  Tree t;
  t.File("/w/package.json", R"({"name": "w"})");
  t.File("/w/node_modules/#x/index.js");
  t.File("/w/a.js");
  CHECK(t.Resolve("#x", "/w/a.js") == "/w/node_modules/#x/index.js");
  CHECK(t.Resolve("#y", "/w/a.js") == "MODULE_NOT_FOUND: Cannot find module '#y'");
}

TEST_CASE("imports: the scope is the nearest package.json", "[resolve][imports]") {
  Tree t = WithImports();
  t.File("/w/me/nested/package.json", R"({"imports": {"#c": "./c2.js"}})");
  t.File("/w/me/nested/c2.js");
  t.File("/w/me/nested/t.js");
  CHECK(t.Resolve("#c", "/w/me/nested/t.js") == "/w/me/nested/c2.js");
  CHECK(t.Resolve("#c", "/w/me/[eval]") == "/w/me/lib/c.js");
}
