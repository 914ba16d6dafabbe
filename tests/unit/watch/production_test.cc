// The production half of nodus-watch: log lines and rotation, pidfiles, the
// ready signal and their options.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "log_file.h"
#include "service.h"
#include "watch_logic.h"

using nodus::watch::AcquirePidfile;
using nodus::watch::Config;
using nodus::watch::FormatLogLine;
using nodus::watch::InspectPidfile;
using nodus::watch::IsoTimestamp;
using nodus::watch::LineSplitter;
using nodus::watch::LogFile;
using nodus::watch::ParseArgs;
using nodus::watch::ParsePid;
using nodus::watch::PidfileState;
using nodus::watch::ReadyDetector;
using nodus::watch::ReleasePidfile;
using nodus::watch::RotationRenames;
using nodus::watch::ShouldRotate;
using nodus::watch::Subcommand;

namespace {

std::string TempDir() {
  char name[] = "/tmp/nodus-watch-unit.XXXXXX";
  REQUIRE(mkdtemp(name) != nullptr);
  return name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

void RemoveTree(const std::string& dir) {
  std::string command = "rm -rf '" + dir + "'";
  CHECK(std::system(command.c_str()) == 0);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A pid that was in use a moment ago and is gone now.
int DeadPid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  return pid;
}

}  // namespace

TEST_CASE("production options parse", "[watch]") {
  auto parsed =
      ParseArgs({"--restart=always", "--log=app.log", "--log-max-size", "1000", "--log-keep=5",
                 "--pidfile=app.pid", "--daemon", "--ready-signal", "--", "sh", "prog.sh"});
  REQUIRE(parsed.ok());
  const Config& config = parsed.value();
  CHECK(config.subcommand == Subcommand::kRun);
  CHECK(config.log_file == "app.log");
  CHECK(config.log_max_size == 1000);
  CHECK(config.log_keep == 5);
  CHECK(config.pidfile == "app.pid");
  CHECK(config.daemon);
  CHECK(config.ready_signal);
  CHECK(config.command == std::vector<std::string>{"sh", "prog.sh"});

  auto defaults = ParseArgs({"--log=x", "--", "true"});
  REQUIRE(defaults.ok());
  CHECK(defaults.value().log_keep == 3);
  CHECK(defaults.value().log_max_size == 0);
  CHECK_FALSE(defaults.value().daemon);
}

TEST_CASE("production option errors", "[watch]") {
  auto message = [](std::vector<std::string> args) {
    auto parsed = ParseArgs(args);
    return parsed.ok() ? std::string() : parsed.error().message;
  };
  CHECK(message({"--daemon", "--", "true"}) == "nodus-watch: --daemon requires --pidfile=FILE");
  CHECK(message({"--log-max-size=10", "--", "true"}) ==
        "nodus-watch: --log-max-size requires --log=FILE");
  CHECK(message({"--log=", "--", "true"}) == "nodus-watch: --log requires a path");
  CHECK(message({"--log=x", "--log-max-size=big", "--", "true"}) ==
        "nodus-watch: --log-max-size requires a size in bytes");
  CHECK(message({"--log=x", "--log-keep=-1", "--", "true"}) ==
        "nodus-watch: --log-keep requires a count (0-1000)");
  CHECK(message({"--pidfile="}) == "nodus-watch: --pidfile requires a path");
}

TEST_CASE("status and stop subcommands parse", "[watch]") {
  auto status = ParseArgs({"status", "--pidfile=/run/app.pid"});
  REQUIRE(status.ok());
  CHECK(status.value().subcommand == Subcommand::kStatus);
  CHECK(status.value().pidfile == "/run/app.pid");

  auto stop = ParseArgs({"stop", "--pidfile", "app.pid", "--timeout=250"});
  REQUIRE(stop.ok());
  CHECK(stop.value().subcommand == Subcommand::kStop);
  CHECK(stop.value().stop_timeout_ms == 250);
  CHECK(ParseArgs({"stop", "--pidfile=a"}).value().stop_timeout_ms == 10000);

  CHECK(ParseArgs({"status"}).error().message == "nodus-watch: status requires --pidfile=FILE");
  CHECK(ParseArgs({"status", "--pidfile=a", "--timeout=5"}).error().message ==
        "nodus-watch: bad option for status: --timeout=5");
  CHECK(ParseArgs({"stop", "--pidfile=a", "--log=x"}).error().message ==
        "nodus-watch: bad option for stop: --log=x");
  CHECK(ParseArgs({"stop", "--pidfile=a", "app.js"}).error().message ==
        "nodus-watch: stop takes no command: app.js");
  // Only as the first word: a script argument named "status" is an argument.
  auto script = ParseArgs({"app.js", "status"});
  REQUIRE(script.ok());
  CHECK(script.value().subcommand == Subcommand::kRun);
}

TEST_CASE("log lines carry an ISO-8601 UTC timestamp and the stream", "[watch]") {
  CHECK(IsoTimestamp(0) == "1970-01-01T00:00:00.000Z");
  CHECK(IsoTimestamp(1700000000123) == "2023-11-14T22:13:20.123Z");
  CHECK(IsoTimestamp(951782400007) == "2000-02-29T00:00:00.007Z");
  CHECK(FormatLogLine(1700000000123, "err", "boom") == "2023-11-14T22:13:20.123Z [err] boom\n");
  CHECK(FormatLogLine(0, "out", "") == "1970-01-01T00:00:00.000Z [out] \n");
}

TEST_CASE("a byte stream is cut into whole lines", "[watch]") {
  LineSplitter splitter(8);
  std::vector<std::string> lines;
  auto emit = [&](std::string_view line) { lines.emplace_back(line); };
  splitter.Feed("one\ntw", emit);
  CHECK(lines == std::vector<std::string>{"one"});
  CHECK(splitter.buffered() == 2);
  splitter.Feed("o\n\nthree\r\n", emit);
  CHECK(lines == std::vector<std::string>{"one", "two", "", "three\r"});
  // A line longer than the limit comes out in pieces of the limit.
  lines.clear();
  splitter.Feed("abcdefghijkl\nxy", emit);
  CHECK(lines == std::vector<std::string>{"abcdefgh", "ijkl"});
  splitter.Finish(emit);
  CHECK(lines == std::vector<std::string>{"abcdefgh", "ijkl", "xy"});
  splitter.Finish(emit);  // nothing more
  CHECK(lines.size() == 3);
}

TEST_CASE("rotation happens at line boundaries before the limit is passed", "[watch]") {
  CHECK_FALSE(ShouldRotate(0, 100, 0));
  CHECK_FALSE(ShouldRotate(500, 100, 0));    // no limit
  CHECK_FALSE(ShouldRotate(0, 5000, 1000));  // an empty file takes an oversize line whole
  CHECK_FALSE(ShouldRotate(900, 100, 1000));
  CHECK(ShouldRotate(901, 100, 1000));
  using Renames = std::vector<std::pair<std::string, std::string>>;
  CHECK(RotationRenames("app.log", 3) ==
        Renames{{"app.log.2", "app.log.3"}, {"app.log.1", "app.log.2"}, {"app.log", "app.log.1"}});
  CHECK(RotationRenames("app.log", 1) == Renames{{"app.log", "app.log.1"}});
  CHECK(RotationRenames("app.log", 0).empty());
}

TEST_CASE("a rotated log loses no line and splits none", "[watch]") {
  std::string dir = TempDir();
  std::string path = dir + "/app.log";
  {
    auto opened = LogFile::Open(path, 200, 3);
    REQUIRE(opened.ok());
    LogFile& log = *opened.value();
    for (int i = 0; i < 40; i++) CHECK(log.AppendLine("out", "line " + std::to_string(i)));
    CHECK(log.rotations() > 3);
  }
  // The newest lines are in app.log, older ones in .1, .2, .3; what was
  // rotated past .3 is gone, but the kept files hold consecutive whole lines.
  std::vector<std::string> all;
  for (const char* suffix : {".3", ".2", ".1", ""}) {
    std::string text = ReadFile(path + suffix);
    INFO(suffix);
    CHECK(text.size() <= 200);
    CHECK((text.empty() || text.back() == '\n'));
    for (const std::string& line : Lines(text)) all.push_back(line);
  }
  CHECK_FALSE(all.empty());
  CHECK(ReadFile(path + ".4").empty());
  int first = std::atoi(all.front().substr(all.front().rfind(' ') + 1).c_str());
  for (size_t i = 0; i < all.size(); i++) {
    INFO(all[i]);
    CHECK(all[i].find(" [out] line " + std::to_string(first + static_cast<int>(i))) == 24);
  }
  CHECK(all.back().substr(24) == " [out] line 39");

  // An existing file is appended to, and one past the limit rotates first.
  WriteFile(dir + "/big.log", std::string(300, 'x') + "\n");
  {
    auto opened = LogFile::Open(dir + "/big.log", 200, 1);
    REQUIRE(opened.ok());
    CHECK(opened.value()->size() == 301);
    CHECK(opened.value()->AppendLine("err", "after"));
  }
  CHECK(ReadFile(dir + "/big.log.1") == std::string(300, 'x') + "\n");
  CHECK(ReadFile(dir + "/big.log").find(" [err] after\n") == 24);

  CHECK_FALSE(LogFile::Open(dir + "/missing/dir/app.log", 0, 3).ok());
  CHECK(LogFile::Open(dir, 0, 3).error().find("cannot open log file") != std::string::npos);
  RemoveTree(dir);
}

TEST_CASE("pid file text", "[watch]") {
  CHECK(ParsePid("1234\n") == 1234);
  CHECK(ParsePid("1234") == 1234);
  CHECK(ParsePid(" 1234") == -1);
  CHECK(ParsePid("") == -1);
  CHECK(ParsePid("0\n") == -1);
  CHECK(ParsePid("12ab\n") == -1);
  CHECK(ParsePid("99999999999999999999") == -1);
}

TEST_CASE("a pidfile is taken unless it names a live process", "[watch]") {
  std::string dir = TempDir();
  std::string path = dir + "/app.pid";
  CHECK(InspectPidfile(path).kind == PidfileState::Kind::kMissing);

  int me = getpid();
  REQUIRE(AcquirePidfile(path, me).ok());
  CHECK(ReadFile(path) == std::to_string(me) + "\n");
  // This test binary is live but is not nodus-watch: a reused pid.
  PidfileState state = InspectPidfile(path);
  CHECK(state.kind == PidfileState::Kind::kForeign);
  CHECK(state.pid == me);
  CHECK(state.program == "nodus_watch_tests");
  auto refused = AcquirePidfile(path, me + 1);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() == "nodus-watch: " + path + " names pid " + std::to_string(me) +
                               " (nodus_watch_tests), a live process; remove " + path +
                               " if it is stale, or pick another --pidfile");
  CHECK(ReadFile(path) == std::to_string(me) + "\n");

  // Released only by its owner.
  ReleasePidfile(path, me + 1);
  CHECK(InspectPidfile(path).kind != PidfileState::Kind::kMissing);
  ReleasePidfile(path, me);
  CHECK(InspectPidfile(path).kind == PidfileState::Kind::kMissing);

  // A stale pidfile (its process is gone) and a garbled one are replaced.
  int dead = DeadPid();
  WriteFile(path, std::to_string(dead) + "\n");
  CHECK(InspectPidfile(path).kind == PidfileState::Kind::kStale);
  REQUIRE(AcquirePidfile(path, me).ok());
  CHECK(ReadFile(path) == std::to_string(me) + "\n");
  WriteFile(path, "garbage");
  CHECK(InspectPidfile(path).kind == PidfileState::Kind::kInvalid);
  REQUIRE(AcquirePidfile(path, me).ok());
  CHECK(ReadFile(path) == std::to_string(me) + "\n");

  CHECK_FALSE(AcquirePidfile(dir + "/no/such/dir/app.pid", me).ok());
  RemoveTree(dir);
}

// A shared directory (/tmp, /run) lets others plant symlinks at the names the
// supervisor writes; none may redirect a write to their target.
TEST_CASE("pidfiles and logs never write through planted symlinks", "[watch]") {
  std::string dir = TempDir();
  std::string victim = dir + "/victim";
  WriteFile(victim, "precious\n");
  int me = getpid();

  std::string path = dir + "/app.pid";
  REQUIRE(symlink(victim.c_str(), (path + "." + std::to_string(me) + ".tmp").c_str()) == 0);
  REQUIRE(AcquirePidfile(path, me).ok());
  CHECK(ReadFile(path) == std::to_string(me) + "\n");
  CHECK(ReadFile(victim) == "precious\n");
  ReleasePidfile(path, me);

  std::string log = dir + "/app.log";
  REQUIRE(symlink(victim.c_str(), log.c_str()) == 0);
  auto opened = LogFile::Open(log, 0, 3);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error() ==
        "nodus-watch: log file " + log + " is a symbolic link; refusing to follow it");
  CHECK(ReadFile(victim) == "precious\n");
  RemoveTree(dir);
}

TEST_CASE("the ready signal is a line reading ready", "[watch]") {
  ReadyDetector split;
  CHECK_FALSE(split.Feed("rea"));
  CHECK_FALSE(split.Feed("dy"));
  CHECK(split.Feed("\n"));
  CHECK(split.Feed("anything later"));

  ReadyDetector crlf;
  CHECK(crlf.Feed("starting\nready\r\n"));

  ReadyDetector no;
  CHECK_FALSE(no.Feed("not ready\nready?\nREADY\n"));
  CHECK_FALSE(no.Feed("ready"));  // not a line yet
  CHECK_FALSE(no.ready());
}
