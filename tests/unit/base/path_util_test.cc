#include "base/path_util.h"

#include <catch2/catch.hpp>

namespace path = nodus::base::path;

TEST_CASE("path::Normalize follows path.posix.normalize", "[base][path]") {
  CHECK(path::Normalize("") == ".");
  CHECK(path::Normalize("/") == "/");
  CHECK(path::Normalize("//a//b/") == "/a/b/");
  CHECK(path::Normalize("/a/./b/../c") == "/a/c");
  CHECK(path::Normalize("/..") == "/");
  CHECK(path::Normalize("a/../..") == "..");
  CHECK(path::Normalize("./a/") == "a/");
  CHECK(path::Normalize("../x") == "../x");
}

TEST_CASE("path::Resolve follows path.posix.resolve", "[base][path]") {
  CHECK(path::Resolve("/cwd", "a") == "/cwd/a");
  CHECK(path::Resolve("/cwd", "/abs/") == "/abs");
  CHECK(path::Resolve("/cwd", "") == "/cwd");
  CHECK(path::Resolve("/cwd", "a", "../b") == "/cwd/b");
  CHECK(path::Resolve("/cwd", "/x", "/y") == "/y");
  CHECK(path::Resolve("/", "..") == "/");
  CHECK(path::Resolve("/a/b", "", "./c/") == "/a/b/c");
}

TEST_CASE("path::Dirname follows path.posix.dirname", "[base][path]") {
  CHECK(path::Dirname("/a/b") == "/a");
  CHECK(path::Dirname("/a/b/") == "/a");
  CHECK(path::Dirname("/a") == "/");
  CHECK(path::Dirname("/") == "/");
  CHECK(path::Dirname("a") == ".");
  CHECK(path::Dirname("a/b") == "a");
  CHECK(path::Dirname("/a//b") == "/a");
}
