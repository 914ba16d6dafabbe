// What the supervisor reads from its child: loaded-file reports, the ready
// signal and the line framing under them (cases found by tests/fuzz/fuzz_watch_ipc.cc).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "watch_logic.h"

using nodus::watch::LineSplitter;
using nodus::watch::ReadyDetector;
using nodus::watch::ReportReader;
using namespace std::string_literals;

TEST_CASE("ReportReader passes whole absolute paths, in any reads") {
  std::string stream = "/a/b.js\nrelative.js\n\n/c\0d\n/e/f.json\n/tail"s;  // a NUL in /c\0d
  for (size_t cut = 0; cut <= stream.size(); cut++) {
    ReportReader reader;
    std::vector<std::string> paths;
    auto emit = [&](std::string_view path) { paths.emplace_back(path); };
    reader.Feed(std::string_view(stream).substr(0, cut), emit);
    reader.Feed(std::string_view(stream).substr(cut), emit);
    reader.Finish(emit);
    CHECK(paths == std::vector<std::string>{"/a/b.js", "/e/f.json", "/tail"});
  }
}

TEST_CASE("ReportReader drops a line too long to be a path, never a piece of it") {
  std::string stream = "/" + std::string(ReportReader::kMaxPath, 'a') + "/x.js\n/ok.js\n";
  ReportReader reader;
  std::vector<std::string> paths;
  reader.Feed(stream, [&](std::string_view path) { paths.emplace_back(path); });
  CHECK(paths == std::vector<std::string>{"/ok.js"});
  // The longest path that fits.
  std::string longest = "/" + std::string(ReportReader::kMaxPath - 1, 'b');
  paths.clear();
  reader.Feed(longest + "\n", [&](std::string_view path) { paths.emplace_back(path); });
  CHECK(paths == std::vector<std::string>{longest});
}

TEST_CASE("ReadyDetector ignores `ready` at the end of a longer line") {
  ReadyDetector detector;
  CHECK_FALSE(detector.Feed(std::string(256, 'x') + "ready\n"));
  CHECK(detector.Feed("ready\n"));
}

TEST_CASE("LineSplitter cuts a line of exactly the limit the same in any reads") {
  for (size_t cut = 0; cut <= 8; cut++) {
    LineSplitter splitter(4);
    std::vector<std::pair<std::string, bool>> out;
    auto emit = [&](std::string_view text) { out.emplace_back(text, splitter.piece()); };
    std::string stream = "abcd\nxy\n";
    splitter.Feed(std::string_view(stream).substr(0, cut), emit);
    splitter.Feed(std::string_view(stream).substr(cut), emit);
    CHECK(out == std::vector<std::pair<std::string, bool>>{{"abcd", true}, {"xy", false}});
  }
}
