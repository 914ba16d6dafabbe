#include "watch_logic.h"

#include <catch2/catch.hpp>

using nodus::watch::BackoffDelay;
using nodus::watch::Debouncer;
using nodus::watch::InspectQuote;
using nodus::watch::IsEditorTempFile;
using nodus::watch::ParseArgs;
using nodus::watch::ParseSignal;
using nodus::watch::RestartPolicy;
using nodus::watch::WatchSet;

TEST_CASE("editor temporary files are ignored", "[watch]") {
  for (const char* name : {".app.js.swp", ".app.js.swx", ".app.js.swpx", "4913", "app.js~",
                           ".#app.js", "#app.js#", "app.js.tmp", ".goutputstream-XYZ12", ""}) {
    INFO(name);
    CHECK(IsEditorTempFile(name));
  }
  for (const char* name : {"app.js", "package.json", "swp.js", ".env", "4914", "data.json"}) {
    INFO(name);
    CHECK_FALSE(IsEditorTempFile(name));
  }
}

TEST_CASE("a burst of events becomes one restart", "[watch]") {
  Debouncer debouncer(20, 200);
  CHECK_FALSE(debouncer.pending());
  CHECK(debouncer.OnEvent(1000) == 1020);
  CHECK(debouncer.OnEvent(1005) == 1025);  // each event pushes the deadline
  CHECK_FALSE(debouncer.Fire(1024));
  CHECK(debouncer.Fire(1025));
  CHECK_FALSE(debouncer.Fire(1026));  // consumed: one restart per burst
  CHECK_FALSE(debouncer.pending());
}

TEST_CASE("a file rewritten without pause still restarts after max wait", "[watch]") {
  Debouncer debouncer(20, 200);
  uint64_t due = 0;
  for (uint64_t t = 0; t <= 400; t += 10) {
    due = debouncer.OnEvent(t);
    if (t >= 190) break;
  }
  CHECK(due == 200);
  CHECK(debouncer.Fire(200));
}

TEST_CASE("watch set filters events by directory and name", "[watch]") {
  WatchSet set;
  CHECK(set.AddFile("/p/app.js"));
  CHECK_FALSE(set.AddFile("/p/lib.js"));  // same directory: no new watch
  CHECK(set.AddFile("/p/node_modules/x/package.json"));
  std::string path;
  CHECK(set.Matches("/p", "app.js", &path));
  CHECK(path == "/p/app.js");
  CHECK_FALSE(set.Matches("/p", "other.js", &path));
  CHECK_FALSE(set.Matches("/p", ".app.js.swp", &path));
  CHECK(set.Matches("/p/node_modules/x", "package.json", &path));
  CHECK(set.file_count() == 3);
  CHECK(set.Directories().size() == 2);
}

TEST_CASE("reported files are forgotten on restart, pinned ones kept", "[watch]") {
  WatchSet set;
  set.Pin("/p/app.js");
  set.AddFile("/p/lib.js");
  set.ClearReported();
  std::string path;
  CHECK(set.Matches("/p", "app.js", &path));
  CHECK_FALSE(set.Matches("/p", "lib.js", &path));
  CHECK(set.Directories().size() == 1);  // directory watches stay
}

TEST_CASE("watch-path trees match everything below them", "[watch]") {
  WatchSet set;
  CHECK(set.AddTree("/p/src"));
  std::string path;
  CHECK(set.Matches("/p/src", "a.js", &path));
  CHECK(set.Matches("/p/src/deep", "b.txt", &path));
  CHECK(path == "/p/src/deep/b.txt");
  CHECK_FALSE(set.Matches("/p/srcx", "a.js", &path));
  CHECK_FALSE(set.Matches("/p/src", "a.js~", &path));
}

TEST_CASE("command names are quoted like util.inspect", "[watch]") {
  CHECK(InspectQuote("app.js") == "'app.js'");
  CHECK(InspectQuote("app.js x y z") == "'app.js x y z'");
  CHECK(InspectQuote("q'.js") == "\"q'.js\"");
  CHECK(InspectQuote("a'b\"c") == "`a'b\"c`");
  CHECK(InspectQuote("a\nb") == "'a\\nb'");
}

TEST_CASE("nodus-watch arguments", "[watch]") {
  auto config =
      ParseArgs({"--watch-path=src", "--watch-preserve-output", "--watch-kill-signal=SIGINT",
                 "--watch-grace", "100", "app.js", "--flag", "x"});
  REQUIRE(config.ok());
  CHECK(config.value().watch_paths == std::vector<std::string>{"src"});
  CHECK(config.value().preserve_output);
  CHECK(config.value().kill_signal == 2);
  CHECK(config.value().grace_ms == 100);
  CHECK(config.value().command == std::vector<std::string>{"app.js", "--flag", "x"});
  CHECK_FALSE(config.value().raw_command);

  auto raw = ParseArgs({"--restart=on-failure", "--max-restarts=3", "--", "sh", "-c", "exit 1"});
  REQUIRE(raw.ok());
  CHECK(raw.value().raw_command);
  CHECK(raw.value().restart == RestartPolicy::kOnFailure);
  CHECK(raw.value().max_restarts == 3);
  CHECK(raw.value().command.size() == 3);

  CHECK_FALSE(ParseArgs({}).ok());
  CHECK_FALSE(ParseArgs({"--"}).ok());
  CHECK_FALSE(ParseArgs({"--bogus", "app.js"}).ok());
  CHECK_FALSE(ParseArgs({"--restart=sometimes", "app.js"}).ok());
  CHECK(ParseArgs({"--bogus", "app.js"}).error().message == "nodus-watch: bad option: --bogus");
}

TEST_CASE("signals and back-off", "[watch]") {
  CHECK(ParseSignal("SIGTERM") == 15);
  CHECK(ParseSignal("INT") == 2);
  CHECK(ParseSignal("9") == 9);
  CHECK(ParseSignal("SIGNOPE") == -1);
  CHECK(BackoffDelay(1, 30000) == 100);
  CHECK(BackoffDelay(2, 30000) == 200);
  CHECK(BackoffDelay(4, 30000) == 800);
  CHECK(BackoffDelay(40, 30000) == 30000);
}

TEST_CASE("print-systemd-unit writes a service that runs the supervisor") {
  auto parsed = nodus::watch::ParseArgs({"--print-systemd-unit", "--", "sh", "-c", "echo 50%"});
  REQUIRE(parsed.ok());
  CHECK(parsed.value().print_systemd_unit);
  std::string unit = nodus::watch::SystemdUnit(
      {"/opt/nodus/nodus-watch", "--restart=always", "--", "sh", "-c", "echo 50%"}, "/srv/my app");
  CHECK(unit.find("[Service]\n") != std::string::npos);
  CHECK(unit.find("ExecStart=/opt/nodus/nodus-watch --restart=always -- sh -c \"echo 50%%\"\n") !=
        std::string::npos);
  CHECK(unit.find("WorkingDirectory=\"/srv/my app\"\n") != std::string::npos);
  CHECK(unit.find("WantedBy=multi-user.target\n") != std::string::npos);
}
