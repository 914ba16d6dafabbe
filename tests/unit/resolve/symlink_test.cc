// Symlinks: results are realpath'd unless --preserve-symlinks(-main).

#include <catch2/catch.hpp>

#include "test_util.h"

using nodus::resolve::Resolver;
using nodus::resolve::testing::Show;
using nodus::resolve::testing::Tree;

namespace {
Tree Linked() {
  Tree t;
  t.File("/store/pkg@1/package.json", R"({"name": "pkg", "main": "lib/main.js"})");
  t.File("/store/pkg@1/lib/main.js");
  t.File("/store/pkg@1/lib/util.js");
  t.fs.AddSymlink("/app/node_modules/pkg", "../../store/pkg@1");
  t.File("/app/real.js");
  t.fs.AddSymlink("/app/link.js", "real.js");
  t.fs.AddSymlink("/app/dangling.js", "/nowhere.js");
  t.File("/app/x.js");
  return t;
}
}  // namespace

TEST_CASE("symlinks are resolved to real paths", "[resolve][symlinks]") {
  Tree t = Linked();
  CHECK(t.Resolve("pkg", "/app/x.js") == "/store/pkg@1/lib/main.js");
  CHECK(t.Resolve("pkg/lib/util", "/app/x.js") == "/store/pkg@1/lib/util.js");
  CHECK(t.Resolve("./link", "/app/x.js") == "/app/real.js");
  CHECK(t.Resolve("./dangling", "/app/x.js") ==
        "MODULE_NOT_FOUND: Cannot find module './dangling'");
}

TEST_CASE("preserve_symlinks (--preserve-symlinks) keeps the path as requested",
          "[resolve][symlinks]") {
  Tree t = Linked();
  t.options.preserve_symlinks = true;
  CHECK(t.Resolve("pkg", "/app/x.js") == "/app/node_modules/pkg/lib/main.js");
  CHECK(t.Resolve("./link.js", "/app/x.js") == "/app/link.js");
  Resolver r(t.fs, t.options);
  CHECK(Show(r.ResolveMain("link.js", "/app")) == "/app/real.js");  // main: its own flag
}

TEST_CASE("preserve_symlinks_main (--preserve-symlinks-main) applies to the main module only",
          "[resolve][symlinks]") {
  Tree t = Linked();
  t.options.preserve_symlinks_main = true;
  Resolver r(t.fs, t.options);
  CHECK(Show(r.ResolveMain("link.js", "/app")) == "/app/link.js");
  CHECK(Show(r.Resolve("./link.js", "/app/x.js")) == "/app/real.js");
}

TEST_CASE("a symlinked parent finds dependencies next to its real path", "[resolve][symlinks]") {
  Tree t = Linked();
  t.File("/store/pkg@1/node_modules/inner/index.js");
  // The runtime passes the realpath'd file of the parent, so the walk starts there.
  CHECK(t.Resolve("inner", "/store/pkg@1/lib/main.js") ==
        "/store/pkg@1/node_modules/inner/index.js");
}
