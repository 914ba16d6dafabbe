// The resolver on the real disk (a copy of tests/fixtures/resolve/tree, plus
// symlinks made at run time), checked against recorded expectations and, when
// `node` is on PATH, against node's own require.resolve for the same cases.
// The committed tree names its package folders `_node_modules` (our own
// fixtures, not installed packages); the copy renames them `node_modules`.

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/fs.h"
#include "test_util.h"

using nodus::resolve::ErrorCodeName;
using nodus::resolve::Resolver;

namespace {

const std::string kSourceTree = std::string(NODUS_FIXTURES_DIR) + "/resolve/tree";
std::string kTree;  // the copy the cases run in, set by TempDir

struct Case {
  std::string parent;  // absolute
  std::string request;
  std::string expected;  // path relative to kTree, "builtin:<id>" or "<CODE>"
};

std::vector<Case> Cases(const std::string& tmp) {
  const std::string main = kTree + "/main.js";
  const std::string app = kTree + "/src/app.js";
  return {
      {main, "./lib/util", "lib/util.js"},
      {main, "./lib/data", "lib/data.json"},
      {main, "./lib/dir", "lib/dir/index.js"},
      {main, "./lib/dir/", "lib/dir/index.js"},
      {main, "./lib", "MODULE_NOT_FOUND"},
      {main, "./main", "main.js"},
      {app, "../main", "main.js"},
      {app, "..", "MODULE_NOT_FOUND"},  // a directory: "exports" do not apply, no index
      {main, "dep-main", "node_modules/dep-main/lib/entry.js"},
      {app, "dep-main", "src/node_modules/dep-main/index.js"},
      {main, "dep-exports", "node_modules/dep-exports/cjs.js"},
      {main, "dep-exports/feature/a", "node_modules/dep-exports/features/a.js"},
      {main, "dep-exports/feature/b", "MODULE_NOT_FOUND"},
      {main, "dep-exports/feature/internal/x", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
      {main, "dep-exports/hidden", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
      {main, "dep-exports/secret.js", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
      {main, "dep-exports/package.json", "node_modules/dep-exports/package.json"},
      {main, "@scope/pkg/sub", "node_modules/@scope/pkg/sub/index.js"},
      {main, "@scope/pkg", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
      {main, "dep-index", "node_modules/dep-index/index.json"},
      {main, "dep-badmain", "MODULE_NOT_FOUND"},
      {main, "nope-pkg-for-nodus-tests", "MODULE_NOT_FOUND"},
      {app, "fixture-app", "main.js"},
      {app, "fixture-app/lib/util", "lib/util.js"},
      {app, "fixture-app/main.js", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
      {app, "#util", "lib/util.js"},
      {app, "#dep", "node_modules/dep-main/lib/entry.js"},
      {app, "#lib/dir/index", "lib/dir/index.js"},
      {app, "#cond", "lib/util.js"},
      {app, "#nope", "ERR_PACKAGE_IMPORT_NOT_DEFINED"},
      {main, "fs", "builtin:fs"},
      {main, "node:fs", "builtin:fs"},
      {main, "node:test", "builtin:test"},
      {tmp + "/a.js", "linked", "node_modules/dep-main/lib/entry.js"},
      {tmp + "/a.js", "./link", "lib/util.js"},
      {tmp + "/a.js", "./link.js", "lib/util.js"},
  };
}

nodus::resolve::Options FixtureOptions() {
  nodus::resolve::Options options = nodus::resolve::testing::TestOptions();
  options.is_builtin = [](std::string_view id) { return id == "fs" || id == "path"; };
  return options;
}

// What we print for a case: the path relative to the tree, "builtin:x" or the error code.
std::string Outcome(const nodus::Result<nodus::resolve::Resolved, nodus::resolve::Error>& r) {
  if (!r.ok()) return ErrorCodeName(r.error().code);
  if (r.value().builtin) return "builtin:" + r.value().path;
  const std::string& p = r.value().path;
  return p.starts_with(kTree + "/") ? p.substr(kTree.size() + 1) : p;
}

struct TempDir {
  std::string path;
  std::string tree;
  bool made = false;
  TempDir() {
    char tmpl[] = "/tmp/nodus_resolve_fixture_XXXXXX";
    path = mkdtemp(tmpl);
    char tree_tmpl[] = "/tmp/nodus_resolve_tree_XXXXXX";
    tree = mkdtemp(tree_tmpl);
    std::string copy = "cp -R '" + kSourceTree + "/.' '" + tree + "' && find '" + tree +
                       "' -depth -type d -name _node_modules "
                       "-execdir mv _node_modules node_modules ';'";
    kTree = tree;
    // Symlinks are made here rather than committed.
    made = std::system(copy.c_str()) == 0 && mkdir((path + "/node_modules").c_str(), 0755) == 0 &&
           symlink((kTree + "/node_modules/dep-main").c_str(),
                   (path + "/node_modules/linked").c_str()) == 0 &&
           symlink((kTree + "/lib/util.js").c_str(), (path + "/link.js").c_str()) == 0;
  }
  ~TempDir() { std::system(("rm -rf '" + path + "' '" + tree + "'").c_str()); }
};

// Runs node on the cases; nullopt when node is not available.
std::optional<nlohmann::json> AskNode(const std::vector<Case>& cases, const std::string& tmp) {
  nlohmann::json input = nlohmann::json::array();
  for (const Case& c : cases) input.push_back({c.parent, c.request});
  std::ofstream(tmp + "/cases.json") << input.dump();
  std::ofstream(tmp + "/oracle.js") << R"JS(
const { createRequire } = require('module');
const cases = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const out = cases.map(([parent, request]) => {
  try { return { ok: createRequire(parent).resolve(request) }; }
  catch (e) { return { code: e.code, message: e.message.split('\nRequire stack:')[0] }; }
});
process.stdout.write(JSON.stringify(out));
)JS";
  std::string command = "node '" + tmp + "/oracle.js' '" + tmp + "/cases.json' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  if (pclose(pipe) != 0) return std::nullopt;
  nlohmann::json result = nlohmann::json::parse(text, nullptr, false);
  if (result.is_discarded()) return std::nullopt;
  return result;
}

}  // namespace

TEST_CASE("fixture tree: recorded expectations", "[resolve][fixtures]") {
  TempDir tmp;
  REQUIRE(tmp.made);
  nodus::base::RealFs fs;
  Resolver resolver(fs, FixtureOptions());
  for (const Case& c : Cases(tmp.path)) {
    INFO(c.parent << " requires " << c.request);
    CHECK(Outcome(resolver.Resolve(c.request, c.parent)) == c.expected);
  }
}

TEST_CASE("fixture tree: same answers and messages as node", "[resolve][fixtures][node]") {
  TempDir tmp;
  REQUIRE(tmp.made);
  std::vector<Case> cases = Cases(tmp.path);
  auto node = AskNode(cases, tmp.path);
  if (!node) {
    WARN("node is not on PATH: comparison skipped");
    return;
  }
  REQUIRE(node->size() == cases.size());
  nodus::base::RealFs fs;
  Resolver resolver(fs, FixtureOptions());
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const nlohmann::json& theirs = (*node)[i];
    INFO(c.parent << " requires " << c.request << "; node says " << theirs.dump());
    auto ours = resolver.Resolve(c.request, c.parent);
    if (theirs.contains("ok")) {
      REQUIRE(ours.ok());
      // node answers a builtin with the request itself ("fs", "node:test").
      std::string expected = theirs["ok"];
      if (ours.value().builtin) {
        CHECK(expected == c.request);
      } else {
        CHECK(ours.value().path == expected);
      }
    } else {
      REQUIRE_FALSE(ours.ok());
      CHECK(ErrorCodeName(ours.error().code) == theirs["code"].get<std::string>());
      CHECK(ours.error().message == theirs["message"].get<std::string>());
    }
  }
}
