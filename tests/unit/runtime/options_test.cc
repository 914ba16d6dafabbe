// Command-line parsing: what `nodus` does with argv, checked against what
// node does with the same arguments.
#include "options.h"

#include <catch2/catch.hpp>

namespace {

struct Parsed {
  bool ok;
  nodus::Options options;
  nodus::OptionsError error;
};

Parsed Parse(std::vector<std::string> args, bool stdin_is_tty = true) {
  Parsed parsed;
  parsed.ok = nodus::ParseOptions(args, stdin_is_tty, &parsed.options, &parsed.error);
  return parsed;
}

}  // namespace

TEST_CASE("a script and its arguments") {
  Parsed p = Parse({"app.js", "--flag", "x"});
  REQUIRE(p.ok);
  CHECK(p.options.mode == nodus::RunMode::kScript);
  CHECK(p.options.script == "app.js");
  CHECK(p.options.script_argv == std::vector<std::string>{"--flag", "x"});
  CHECK(p.options.exec_argv.empty());
}

TEST_CASE("options before the script are the runtime's, after it the script's") {
  Parsed p = Parse({"--no-warnings", "app.js", "--no-warnings"});
  REQUIRE(p.ok);
  CHECK(p.options.no_warnings);
  CHECK(p.options.exec_argv == std::vector<std::string>{"--no-warnings"});
  CHECK(p.options.script_argv == std::vector<std::string>{"--no-warnings"});
}

TEST_CASE("eval and print options in all their spellings") {
  Parsed e = Parse({"-e", "1+1", "a"});
  REQUIRE(e.ok);
  CHECK(e.options.mode == nodus::RunMode::kEval);
  CHECK(e.options.eval_source == "1+1");
  CHECK_FALSE(e.options.print_eval);
  CHECK(e.options.script_argv == std::vector<std::string>{"a"});

  Parsed p = Parse({"-p", "process.argv"});
  REQUIRE(p.ok);
  CHECK(p.options.print_eval);
  CHECK(p.options.eval_source == "process.argv");

  Parsed eq = Parse({"--eval=x()"});
  REQUIRE(eq.ok);
  CHECK(eq.options.eval_source == "x()");

  Parsed pe = Parse({"-pe", "42"});
  REQUIRE(pe.ok);
  CHECK(pe.options.print_eval);
  CHECK(pe.options.eval_source == "42");
}

TEST_CASE("a missing option value is exit code 9 with Node's text") {
  Parsed p = Parse({"-e"});
  REQUIRE_FALSE(p.ok);
  CHECK(p.error.exit_code == 9);
  CHECK(p.error.message == "nodus: -e requires an argument");
  CHECK(Parse({"--require"}).error.message == "nodus: --require requires an argument");
}

TEST_CASE("unknown options are 'bad option', exit 9") {
  Parsed p = Parse({"--bogus", "app.js"});
  REQUIRE_FALSE(p.ok);
  CHECK(p.error.exit_code == 9);
  CHECK(p.error.message == "nodus: bad option: --bogus");
}

TEST_CASE("Node options nodus has not built say so") {
  Parsed p = Parse({"--import", "x.mjs", "app.js"});
  REQUIRE_FALSE(p.ok);
  CHECK(p.error.message == "nodus: --import is not implemented in nodus yet");
}

TEST_CASE("inspect options take an optional host and port") {
  Parsed plain = Parse({"--inspect", "app.js"});
  REQUIRE(plain.ok);
  CHECK(plain.options.inspect);
  CHECK_FALSE(plain.options.inspect_brk);
  CHECK(plain.options.inspect_host == "127.0.0.1");
  CHECK(plain.options.inspect_port == 9229);
  Parsed port = Parse({"--inspect-brk=0", "app.js"});
  REQUIRE(port.ok);
  CHECK(port.options.inspect_brk);
  CHECK(port.options.inspect_port == 0);
  Parsed both = Parse({"--inspect-wait=localhost:9333", "app.js"});
  REQUIRE(both.ok);
  CHECK(both.options.inspect_wait);
  CHECK(both.options.inspect_host == "localhost");
  CHECK(both.options.inspect_port == 9333);
  Parsed v6 = Parse({"--inspect=[::1]:0", "app.js"});
  REQUIRE(v6.ok);
  CHECK(v6.options.inspect_host == "::1");
  Parsed host = Parse({"--inspect=0.0.0.0", "app.js"});
  REQUIRE(host.ok);
  CHECK(host.options.inspect_host == "0.0.0.0");
  CHECK(host.options.inspect_port == 9229);
  Parsed later = Parse({"--inspect-port", "9444", "app.js"});
  REQUIRE(later.ok);
  CHECK_FALSE(later.options.inspect);
  CHECK(later.options.inspect_port == 9444);
}

TEST_CASE("inspect ports below 1024 are refused as in Node") {
  Parsed low = Parse({"--inspect=80", "app.js"});
  REQUIRE_FALSE(low.ok);
  CHECK(low.error.message == "nodus: must be 0 or in range 1024 to 65535.");
  CHECK_FALSE(Parse({"--inspect=127.0.0.1:70000", "app.js"}).ok);
}

TEST_CASE("inspect-publish-uid names stderr and http") {
  Parsed http = Parse({"--inspect-publish-uid=http", "app.js"});
  REQUIRE(http.ok);
  CHECK(http.options.inspect_publish_http);
  CHECK_FALSE(http.options.inspect_publish_stderr);
  Parsed bad = Parse({"--inspect-publish-uid=foo", "app.js"});
  REQUIRE_FALSE(bad.ok);
  CHECK(bad.error.message == "nodus: --inspect-publish-uid destination can be stderr or http");
}

TEST_CASE("profiler sub-options need their main option") {
  Parsed alone = Parse({"--cpu-prof-dir=/tmp", "app.js"});
  REQUIRE_FALSE(alone.ok);
  CHECK(alone.error.message == "nodus: --cpu-prof-dir must be used with --cpu-prof");
  Parsed ok = Parse({"--cpu-prof", "--cpu-prof-interval", "500", "app.js"});
  REQUIRE(ok.ok);
  CHECK(ok.options.cpu_prof_interval_us == 500);
  CHECK(ok.options.script == "app.js");
}

TEST_CASE("a double dash ends the options") {
  Parsed p = Parse({"--", "-e"});
  REQUIRE(p.ok);
  CHECK(p.options.mode == nodus::RunMode::kScript);
  CHECK(p.options.script == "-e");
}

TEST_CASE("a lone dash or no script reads stdin unless it is a terminal") {
  Parsed dash = Parse({"-", "a"});
  REQUIRE(dash.ok);
  CHECK(dash.options.mode == nodus::RunMode::kStdin);
  CHECK(dash.options.script_argv == std::vector<std::string>{"a"});
  CHECK(Parse({}, /*stdin_is_tty=*/false).options.mode == nodus::RunMode::kStdin);
  CHECK(Parse({}, /*stdin_is_tty=*/true).options.mode == nodus::RunMode::kRepl);
  CHECK(Parse({"-i"}, /*stdin_is_tty=*/false).options.mode == nodus::RunMode::kRepl);
}

TEST_CASE("check mode checks a file") {
  Parsed p = Parse({"-c", "app.js"});
  REQUIRE(p.ok);
  CHECK(p.options.mode == nodus::RunMode::kCheck);
  CHECK(p.options.script == "app.js");
}

TEST_CASE("version and help win over everything else") {
  CHECK(Parse({"-v"}).options.mode == nodus::RunMode::kVersion);
  CHECK(Parse({"--help", "app.js"}).options.mode == nodus::RunMode::kHelp);
}

TEST_CASE("underscores are dashes and V8 options pass through") {
  Parsed p = Parse({"--stack_trace_limit=3", "--no_warnings", "app.js"});
  REQUIRE(p.ok);
  CHECK(p.options.no_warnings);
  CHECK(p.options.v8_flags == std::vector<std::string>{"--stack_trace_limit=3"});
}

TEST_CASE("require is repeatable and unhandled-rejections is validated") {
  Parsed p = Parse({"-r", "a", "--require=b", "app.js"});
  REQUIRE(p.ok);
  CHECK(p.options.preload_modules == std::vector<std::string>{"a", "b"});
  CHECK(Parse({"--unhandled-rejections=warn", "x.js"}).options.unhandled_rejections == "warn");
  CHECK_FALSE(Parse({"--unhandled-rejections=sometimes", "x.js"}).ok);
}

TEST_CASE("NODE_OPTIONS quoting and what is not allowed there") {
  CHECK(nodus::SplitNodeOptions(R"(--require "a b.js"  --no-warnings)") ==
        std::vector<std::string>{"--require", "a b.js", "--no-warnings"});
  nodus::Options options;
  nodus::OptionsError error;
  REQUIRE(nodus::ParseNodeOptionsEnv("--no-warnings -r x", &options, &error));
  CHECK(options.no_warnings);
  CHECK(options.preload_modules == std::vector<std::string>{"x"});
  CHECK(options.exec_argv.empty());
  nodus::Options bad;
  REQUIRE_FALSE(nodus::ParseNodeOptionsEnv("-e 1", &bad, &error));
  CHECK(error.message == "nodus: -e is not allowed in NODE_OPTIONS");
  REQUIRE_FALSE(nodus::ParseNodeOptionsEnv("--bogus", &bad, &error));
  CHECK(error.message == "nodus: --bogus is not allowed in NODE_OPTIONS");
}

TEST_CASE("watch mode runs the script under nodus-watch with the other options") {
  Parsed p = Parse({"--watch", "-r", "pre", "--watch-path=src", "--watch-preserve-output",
                    "--no-warnings", "app.js", "x"});
  REQUIRE(p.ok);
  CHECK(p.options.watch);
  CHECK(p.options.mode == nodus::RunMode::kScript);
  CHECK(p.options.watch_paths == std::vector<std::string>{"src"});
  CHECK(p.options.watch_preserve_output);
  CHECK(p.options.exec_argv == std::vector<std::string>{"-r", "pre", "--no-warnings"});
  CHECK(nodus::WatchSupervisorArgs(p.options) ==
        std::vector<std::string>{"--watch-path=src", "--watch-preserve-output", "--nodus-arg=-r",
                                 "--nodus-arg=pre", "--nodus-arg=--no-warnings", "app.js", "x"});

  Parsed path_only = Parse({"--watch-path", "lib", "app.js"});
  REQUIRE(path_only.ok);
  CHECK(path_only.options.watch);
  CHECK(path_only.options.watch_paths == std::vector<std::string>{"lib"});
}

TEST_CASE("watch mode needs a file and excludes --eval, with node's texts") {
  Parsed none = Parse({"--watch"});
  REQUIRE_FALSE(none.ok);
  CHECK(none.error.message == "nodus: --watch requires specifying a file");
  CHECK(none.error.exit_code == 9);
  Parsed eval = Parse({"--watch", "-e", "1"});
  REQUIRE_FALSE(eval.ok);
  CHECK(eval.error.message == "nodus: either --watch or --eval can be used, not both");
  Parsed path = Parse({"--watch-path"});
  REQUIRE_FALSE(path.ok);
  CHECK(path.error.message == "nodus: --watch-path requires an argument");
}
