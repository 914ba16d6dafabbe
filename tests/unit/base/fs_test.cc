#include "base/fs.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <climits>
#include <cstdlib>
#include <fstream>

using nodus::base::FileKind;
using nodus::base::MemoryFs;
using nodus::base::RealFs;

TEST_CASE("MemoryFs files, directories and parents", "[base][fs]") {
  MemoryFs fs;
  fs.AddFile("/a/b/c.txt", "hi");
  fs.AddDir("/d");
  CHECK(fs.Stat("/a/b/c.txt") == FileKind::kFile);
  CHECK(fs.Stat("/a/b") == FileKind::kDirectory);
  CHECK(fs.Stat("/a") == FileKind::kDirectory);
  CHECK(fs.Stat("/d") == FileKind::kDirectory);
  CHECK(fs.Stat("/") == FileKind::kDirectory);
  CHECK(fs.Stat("/nope") == FileKind::kNone);
  CHECK(fs.Stat("/a/b/c.txt/x") == FileKind::kNone);
  CHECK(fs.ReadFile("/a/b/c.txt") == "hi");
  CHECK(fs.ReadFile("/a/b") == std::nullopt);
  CHECK(fs.ReadFile("/nope") == std::nullopt);
}

TEST_CASE("MemoryFs symlinks", "[base][fs]") {
  MemoryFs fs;
  fs.AddFile("/real/dir/f.js", "x");
  fs.AddSymlink("/l/abs", "/real/dir");
  fs.AddSymlink("/l/rel", "../real/dir");
  fs.AddSymlink("/l/chain", "rel");
  fs.AddSymlink("/l/up", "rel/..");
  fs.AddSymlink("/l/loop", "loop");
  fs.AddSymlink("/l/dangling", "/missing");
  CHECK(fs.RealPath("/l/abs/f.js") == "/real/dir/f.js");
  CHECK(fs.RealPath("/l/rel/f.js") == "/real/dir/f.js");
  CHECK(fs.RealPath("/l/chain") == "/real/dir");
  CHECK(fs.RealPath("/l/up") == "/real");
  CHECK(fs.Stat("/l/chain/f.js") == FileKind::kFile);
  CHECK(fs.ReadFile("/l/abs/f.js") == "x");
  CHECK(fs.Stat("/l/loop") == FileKind::kNone);
  CHECK(fs.RealPath("/l/loop") == "/l/loop");
  CHECK(fs.Stat("/l/dangling") == FileKind::kNone);
  CHECK(fs.RealPath("/l/dangling") == "/l/dangling");
}

TEST_CASE("RealFs reads, stats with a cache, and resolves symlinks", "[base][fs]") {
  char tmpl[] = "/tmp/nodus_fs_test_XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  std::string dir = tmpl;
  { std::ofstream(dir + "/f.txt") << "data"; }
  REQUIRE(symlink("f.txt", (dir + "/link").c_str()) == 0);
  RealFs fs;
  CHECK(fs.Stat(dir) == FileKind::kDirectory);
  CHECK(fs.Stat(dir + "/f.txt") == FileKind::kFile);
  CHECK(fs.Stat(dir + "/link") == FileKind::kFile);
  CHECK(fs.Stat(dir + "/nope") == FileKind::kNone);
  CHECK(fs.ReadFile(dir + "/f.txt") == "data");
  CHECK(fs.ReadFile(dir) == std::nullopt);
  CHECK(fs.RealPath(dir + "/link") == fs.RealPath(dir + "/f.txt"));
  CHECK(fs.RealPath(dir + "/nope") == dir + "/nope");
  { std::ofstream(dir + "/nope") << ""; }
  CHECK(fs.Stat(dir + "/nope") == FileKind::kNone);  // cached
  fs.ClearStatCache();
  CHECK(fs.Stat(dir + "/nope") == FileKind::kFile);
  std::system(("rm -rf " + dir).c_str());
}

// RealPath's directory cache must give libc realpath's answers through
// symlinked directories, symlinked files and odd spellings, and forget them
// only on ClearCaches().
TEST_CASE("RealFs real paths through symlinked directories", "[base][fs]") {
  char tmpl[] = "/tmp/nodus_fs_real_XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  char canonical[PATH_MAX];
  REQUIRE(realpath(tmpl, canonical) != nullptr);
  std::string dir = canonical;
  REQUIRE(std::system(("mkdir -p " + dir + "/real/sub " + dir + "/other").c_str()) == 0);
  { std::ofstream(dir + "/real/sub/m.js") << "x"; }
  { std::ofstream(dir + "/other/m.js") << "y"; }
  REQUIRE(symlink("real", (dir + "/via").c_str()) == 0);
  REQUIRE(symlink(("../real/sub/m.js"), (dir + "/other/link.js").c_str()) == 0);
  RealFs fs;
  auto libc = [](const std::string& p) {
    char buf[PATH_MAX];
    return realpath(p.c_str(), buf) ? std::string(buf) : p;
  };
  for (std::string p : {dir + "/real/sub/m.js", dir + "/via/sub/m.js", dir + "/other/link.js",
                        dir + "/via/sub", dir + "/via", dir + "/via/../other/m.js",
                        dir + "//via/./sub/m.js", dir + "/via/sub/", std::string("/"), dir}) {
    CHECK(fs.RealPath(p) == libc(p));
  }
  CHECK(fs.RealPath(dir + "/via/sub/missing.js") == dir + "/via/sub/missing.js");

  // Re-pointing a directory link is seen after ClearCaches(), not before.
  REQUIRE(unlink((dir + "/via").c_str()) == 0);
  REQUIRE(symlink("other", (dir + "/via").c_str()) == 0);
  fs.ClearStatCache();
  CHECK(fs.RealPath(dir + "/via/m.js") == dir + "/real/m.js");
  fs.ClearCaches();
  CHECK(fs.RealPath(dir + "/via/m.js") == dir + "/other/m.js");
  std::system(("rm -rf " + dir).c_str());
}
