// Issue 12's security line: the workspace crawl never follows a symlink, so it
// neither leaves the workspace nor loops. Real files in a temporary directory.

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "lsp/core/index.h"
#include "lsp/server/server.h"

namespace nodus::lsp {
namespace {

namespace fs = std::filesystem;

// tmp/ws: a.js, sub/b.js, and symlinks: out -> ../outside (a folder),
// linked.js -> ../outside/secret.js, loop -> . , sub/up -> .. , dangling ->
// ../nope; tmp/outside/secret.js exports `secret`.
struct Tree {
  fs::path dir;
  Tree() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/nodus-lsp-symlinks-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    REQUIRE(::mkdtemp(buffer.data()) != nullptr);
    dir = buffer.data();
    fs::create_directories(dir / "ws" / "sub");
    fs::create_directories(dir / "outside" / "deep");
    Write(dir / "ws" / "a.js", "exports.inside = 1;\n");
    Write(dir / "ws" / "sub" / "b.js", "exports.alsoInside = 2;\n");
    Write(dir / "outside" / "secret.js", "exports.secret = 3;\n");
    Write(dir / "outside" / "deep" / "more.js", "exports.moreSecret = 4;\n");
    fs::create_directory_symlink("../outside", dir / "ws" / "out");
    fs::create_symlink("../outside/secret.js", dir / "ws" / "linked.js");
    fs::create_directory_symlink(".", dir / "ws" / "loop");
    fs::create_directory_symlink("..", dir / "ws" / "sub" / "up");
    fs::create_symlink("../nope", dir / "ws" / "dangling");
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  static void Write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
  std::string ws() const { return (dir / "ws").string(); }
};

TEST_CASE("index: the crawl does not follow symlinks out of the workspace or round a loop",
          "[lsp][index][security]") {
  Tree tree;
  base::RealFs disk;
  WorkspaceIndex index(disk);
  index.AddRoot(tree.ws(), ListRealDir);
  std::vector<std::string> files = index.workspace_files();
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{tree.ws() + "/a.js", tree.ws() + "/sub/b.js"});
  // Nothing outside was read either.
  CHECK(index.size() == 2);

  // The listing itself reports symlinks (require completion still lists them).
  std::vector<DirEntry> entries = ListRealDir(tree.ws());
  auto entry = [&](const std::string& name) {
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const DirEntry& e) { return e.name == name; });
    REQUIRE(it != entries.end());
    return *it;
  };
  CHECK(entry("out").symlink);
  CHECK(entry("out").directory);
  CHECK(entry("linked.js").symlink);
  CHECK(entry("dangling").symlink);
  CHECK_FALSE(entry("a.js").symlink);
  CHECK_FALSE(entry("sub").symlink);
}

TEST_CASE("server: workspace symbols come from the workspace's own files only",
          "[lsp][server][security]") {
  Tree tree;
  base::RealFs disk;
  std::vector<Json> sent;
  Server server(disk, [&](const Json& m) { sent.push_back(m); });
  auto request = [&](int id, const std::string& method, Json params) {
    sent.clear();
    server.HandleBody(
        Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    for (const Json& m : sent) {
      if (m.contains("id") && m["id"] == id) return m;
    }
    return Json();
  };
  request(1, "initialize", {{"rootUri", PathToUri(tree.ws())}, {"capabilities", Json::object()}});
  server.HandleBody(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  // workspace/symbol finishes the index first.
  Json inside = request(2, "workspace/symbol", {{"query", "Inside"}});
  std::vector<std::string> names;
  for (const Json& s : inside["result"]) names.push_back(s["name"].get<std::string>());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"alsoInside", "inside"});
  CHECK(request(3, "workspace/symbol", {{"query", "secret"}})["result"].empty());
  CHECK(request(4, "workspace/symbol", {{"query", "moreSecret"}})["result"].empty());
}

}  // namespace
}  // namespace nodus::lsp
