#pragma once

// Command-line parsing for `nodus`. No V8 here, so it is unit-testable.

#include <string>
#include <vector>

namespace nodus {

enum class RunMode {
  kScript,   // nodus file.js
  kEval,     // -e / -p
  kStdin,    // nodus - < file, or stdin not a TTY with no script
  kCheck,    // -c file.js
  kRepl,     // no script on a TTY, or -i
  kVersion,  // -v
  kHelp,     // -h
};

struct Options {
  RunMode mode = RunMode::kRepl;
  std::string eval_source;                   // -e / -p
  bool print_eval = false;                   // -p
  bool force_repl = false;                   // -i
  std::string script;                        // the script argument as given (kScript, kCheck)
  std::vector<std::string> exec_argv;        // the runtime's own options (process.execArgv)
  std::vector<std::string> script_argv;      // arguments after the script (process.argv.slice(2))
  std::vector<std::string> preload_modules;  // -r / --require
  bool preserve_symlinks = false;
  bool preserve_symlinks_main = false;
  bool trace_warnings = false;
  bool trace_deprecation = false;
  bool no_warnings = false;
  bool no_deprecation = false;
  bool throw_deprecation = false;
  bool trace_uncaught = false;
  bool verbose_version = false;
  std::string title;
  std::string
      unhandled_rejections;  // --unhandled-rejections=throw|strict|warn|none|warn-with-error-code
  std::vector<std::string> v8_flags;     // --stack-trace-limit, --max-old-space-size, ...
  bool watch = false;                    // --watch / --watch-path: run under nodus-watch
  std::vector<std::string> watch_paths;  // --watch-path (repeatable)
  bool watch_preserve_output = false;    // --watch-preserve-output
  // The inspector (DESIGN.md §5). --inspect-port sets host/port without starting it.
  bool inspect = false;       // --inspect, --inspect-brk or --inspect-wait: start at launch
  bool inspect_brk = false;   // wait for a client, then pause on the main module's first line
  bool inspect_wait = false;  // wait for a client, then run
  std::string inspect_host = "127.0.0.1";
  int inspect_port = 9229;
  bool inspect_publish_stderr = true;  // --inspect-publish-uid
  bool inspect_publish_http = true;
  // --cpu-prof / --heap-prof: profiles written at exit through an in-process session.
  bool cpu_prof = false;
  std::string cpu_prof_dir;
  std::string cpu_prof_name;
  int cpu_prof_interval_us = 1000;
  bool heap_prof = false;
  std::string heap_prof_dir;
  std::string heap_prof_name;
  int heap_prof_interval_bytes = 512 * 1024;
};

struct OptionsError {
  std::string message;  // "nodus: bad option: --foo"
  int exit_code = 9;
};

// Parses argv (argv[0] excluded). On error returns false and fills `error`.
// `stdin_is_tty` decides between the REPL and reading a script from stdin.
bool ParseOptions(const std::vector<std::string>& args, bool stdin_is_tty, Options* options,
                  OptionsError* error);

// Splits NODE_OPTIONS the way Node does (whitespace, double quotes).
std::vector<std::string> SplitNodeOptions(const std::string& text);
// Parses NODE_OPTIONS into `options` (before the command line is parsed).
bool ParseNodeOptionsEnv(const std::string& text, Options* options, OptionsError* error);

std::string HelpText();

// `nodus --watch app.js args`: the arguments of the supervisor (watch/) that
// runs `nodus <exec_argv without watch options> app.js args` and restarts it.
std::vector<std::string> WatchSupervisorArgs(const Options& options);
// Replaces this process with `nodus-watch` from the directory of
// /proc/self/exe; returns only on failure (after printing why), with the exit code.
int ExecWatchSupervisor(const Options& options);

}  // namespace nodus
