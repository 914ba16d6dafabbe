#include "base/fs.h"

#include <unistd.h>

#include <catch2/catch.hpp>
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
