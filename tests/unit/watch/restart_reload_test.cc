// `rs` + Enter, the inotify error messages and the reload options.
#include <uv.h>

#include <catch2/catch.hpp>
#include <string>

#include "watch_logic.h"

using nodus::watch::ParseArgs;
using nodus::watch::ParseListenAddress;
using nodus::watch::RestartCommandFilter;
using nodus::watch::Subcommand;
using nodus::watch::WatchErrorMessage;

namespace {

// Feeds `chunks` one after another; returns what is forwarded (plus what
// Finish gives back) and counts the restarts.
std::string FeedAll(std::initializer_list<std::string> chunks, int* restarts) {
  RestartCommandFilter filter;
  std::string out;
  for (const std::string& chunk : chunks) out += filter.Feed(chunk, restarts);
  return out + filter.Finish();
}

}  // namespace

TEST_CASE("a line reading rs restarts and is not forwarded", "[watch]") {
  int restarts = 0;
  CHECK(FeedAll({"rs\n"}, &restarts).empty());
  CHECK(restarts == 1);
  restarts = 0;
  CHECK(FeedAll({"hello\nrs\nworld\n"}, &restarts) == "hello\nworld\n");
  CHECK(restarts == 1);
  restarts = 0;
  // Blanks around it and a terminal's CR LF are allowed (nodemon trims).
  CHECK(FeedAll({"  rs \r\n", "\trs\n"}, &restarts).empty());
  CHECK(restarts == 2);
}

TEST_CASE("rs split across reads is still one command", "[watch]") {
  int restarts = 0;
  CHECK(FeedAll({"r", "s", "\n"}, &restarts).empty());
  CHECK(restarts == 1);
  restarts = 0;
  CHECK(FeedAll({"data\nr", "s\nmore"}, &restarts) == "data\nmore");
  CHECK(restarts == 1);
}

TEST_CASE("anything else is forwarded whole and at once", "[watch]") {
  int restarts = 0;
  RestartCommandFilter filter;
  // Not a command: forwarded as soon as that is clear, not at the newline.
  CHECK(filter.Feed("rsync", &restarts) == "rsync");
  CHECK(filter.Feed(" -a\n", &restarts) == " -a\n");
  CHECK(filter.Feed("x rs\n", &restarts) == "x rs\n");
  CHECK(filter.Feed("rs rs\n", &restarts) == "rs rs\n");
  CHECK(filter.Feed("\n", &restarts) == "\n");
  CHECK(filter.Feed("r\n", &restarts) == "r\n");
  // The start of a possible command waits for the rest of its line.
  CHECK(filter.Feed("r", &restarts).empty());
  CHECK(filter.Feed("x", &restarts) == "rx");
  CHECK(restarts == 0);
  // An unterminated rs at the end of input is data, not a command.
  CHECK(filter.Feed("\nrs", &restarts) == "\n");
  CHECK(filter.Finish() == "rs");
  CHECK(restarts == 0);
  // Binary input passes through unchanged.
  std::string binary("\0\x01rs\xff\n", 6);
  CHECK(FeedAll({binary}, &restarts) == binary);
}

TEST_CASE("an inotify limit is reported with the fix", "[watch]") {
  // What uv_fs_event_start returns when inotify_add_watch fails with ENOSPC.
  std::string message = WatchErrorMessage("/srv/app", UV_ENOSPC);
  CHECK(message.find("cannot watch /srv/app") != std::string::npos);
  CHECK(message.find("ENOSPC") != std::string::npos);
  CHECK(message.find("sysctl fs.inotify.max_user_watches=") != std::string::npos);
  CHECK(WatchErrorMessage("/srv/app", UV_EMFILE).find("max_user_instances") != std::string::npos);
  CHECK(WatchErrorMessage("/srv/app", UV_EACCES) ==
        std::string("nodus-watch: cannot watch /srv/app: ") + uv_strerror(UV_EACCES));
}

TEST_CASE("stdin and reload options parse", "[watch]") {
  auto config = ParseArgs({"--watch-inherit-stdin", "app.js"});
  REQUIRE(config.ok());
  CHECK(config.value().inherit_stdin);
  CHECK_FALSE(ParseArgs({"app.js"}).value().inherit_stdin);

  auto reload = ParseArgs({"reload", "--pidfile=app.pid"});
  REQUIRE(reload.ok());
  CHECK(reload.value().subcommand == Subcommand::kReload);
  CHECK(ParseArgs({"reload"}).error().message == "nodus-watch: reload requires --pidfile=FILE");

  auto listen = ParseArgs({"--listen=127.0.0.1:8080", "--reload-timeout=500", "--", "srv"});
  REQUIRE(listen.ok());
  CHECK(listen.value().listen_host == "127.0.0.1");
  CHECK(listen.value().listen_port == 8080);
  CHECK(listen.value().reload_timeout_ms == 500);
  CHECK(ParseArgs({"--", "srv"}).value().listen_port == -1);
  CHECK(ParseArgs({"--listen=nope", "--", "srv"}).error().message ==
        "nodus-watch: --listen requires [HOST:]PORT");
  CHECK_FALSE(ParseArgs({"--reload-timeout=0", "--", "srv"}).ok());
}

TEST_CASE("listen addresses", "[watch]") {
  std::string host;
  int port = 0;
  CHECK(ParseListenAddress("8080", &host, &port));
  CHECK(host == "0.0.0.0");
  CHECK(port == 8080);
  CHECK(ParseListenAddress("127.0.0.1:0", &host, &port));
  CHECK(host == "127.0.0.1");
  CHECK(port == 0);
  CHECK(ParseListenAddress("[::1]:443", &host, &port));
  CHECK(host == "::1");
  CHECK(port == 443);
  for (const char* bad : {"", "x", "127.0.0.1:", "127.0.0.1:65536", "localhost:80", "::1:80",
                          "[::1]", "[nope]:80", "1.2.3.4:-1"}) {
    INFO(bad);
    CHECK_FALSE(ParseListenAddress(bad, &host, &port));
  }
}
