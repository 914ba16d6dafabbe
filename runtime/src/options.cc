#include "options.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace nodus {

namespace {

// Node spells options with dashes but accepts underscores too.
std::string NormalizeName(std::string_view name) {
  std::string out(name);
  if (out.size() > 2 && out[0] == '-' && out[1] == '-') {
    std::replace(out.begin() + 2, out.end(), '_', '-');
  }
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Options of Node that nodus does not implement yet: accepted by name so the
// user gets a clear message instead of "bad option".
constexpr std::array<std::string_view, 4> kNotYetImplemented = {
    "--test",
    "--experimental-loader",
    "--import",
    "--inspect-brk-node",
};

// V8 options passed through to V8 (Node forwards the same ones).
bool IsV8Option(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kV8Options = {
      "--stack-trace-limit",
      "--max-old-space-size",
      "--max-semi-space-size",
      "--expose-gc",
      "--stack-size",
      "--jitless",
      "--allow-natives-syntax",
      "--gc-interval",
      "--max-lazy",
      "--abort-on-uncaught-exception",
      "--random-seed",
      "--single-threaded-gc",
  };
  if (StartsWith(name, "--harmony")) return true;
  return std::find(kV8Options.begin(), kV8Options.end(), name) != kV8Options.end();
}

enum class Arg { kNone, kRequired };

struct Parser {
  const std::vector<std::string>& args;
  bool from_node_options;
  Options* options;
  OptionsError* error;
  size_t index = 0;

  bool Fail(std::string message) {
    error->message = "nodus: " + std::move(message);
    error->exit_code = 9;
    return false;
  }

  // Reads the value of `name` from "--name=value" or the next argument.
  bool TakeValue(const std::string& name, const std::string* inline_value, std::string* out) {
    if (inline_value != nullptr) {
      *out = *inline_value;
      return true;
    }
    if (index + 1 >= args.size()) return Fail(name + " requires an argument");
    *out = args[++index];
    return true;
  }

  // "[host:]port" of --inspect*, --inspect-port and --debug-port. A value that
  // is not a number is a host (Node reports an unresolvable one at start).
  bool ParseHostPort(const std::string& text) {
    std::string host;
    std::string port = text;
    if (!text.empty() && text[0] == '[') {
      size_t close = text.find(']');
      if (close == std::string::npos) return Fail("invalid host in " + text);
      host = text.substr(1, close - 1);
      port = close + 1 < text.size() && text[close + 1] == ':' ? text.substr(close + 2) : "";
    } else if (size_t colon = text.rfind(':'); colon != std::string::npos) {
      host = text.substr(0, colon);
      port = text.substr(colon + 1);
    }
    bool numeric =
        !port.empty() && port.size() <= 6 &&
        std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!numeric && host.empty()) {
      host = port;
      port.clear();
    }
    if (!host.empty()) options->inspect_host = host;
    if (port.empty()) return true;
    if (!numeric) return Fail("must be 0 or in range 1024 to 65535.");
    int value = std::stoi(port);
    if (value != 0 && (value < 1024 || value > 65535)) {
      return Fail("must be 0 or in range 1024 to 65535.");
    }
    options->inspect_port = value;
    return true;
  }

  // Positive integers of --cpu-prof-interval and --heap-prof-interval.
  bool ParseInterval(const std::string& name, const std::string& text, int* out) {
    char* end = nullptr;
    long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value <= 0 || value > (1L << 30)) {
      return Fail(name + " must be a positive integer");
    }
    *out = static_cast<int>(value);
    return true;
  }

  bool NotInNodeOptions(const std::string& name) {
    if (from_node_options) return Fail(name + " is not allowed in NODE_OPTIONS");
    return true;
  }

  // Handles one option at args[index]; returns false on error.
  bool ParseOne(const std::string& raw) {
    std::string name = raw;
    std::string value;
    const std::string* inline_value = nullptr;
    size_t eq = raw.find('=');
    if (StartsWith(raw, "--") && eq != std::string::npos) {
      name = raw.substr(0, eq);
      value = raw.substr(eq + 1);
      inline_value = &value;
    }
    name = NormalizeName(name);
    options->exec_argv.push_back(raw);
    auto take = [&](std::string* out) {
      size_t before = index;
      if (!TakeValue(name, inline_value, out)) return false;
      if (index != before) options->exec_argv.push_back(args[index]);
      return true;
    };

    if (name == "-e" || name == "--eval" || name == "-p" || name == "--print" || name == "-pe" ||
        name == "-ep") {
      if (!NotInNodeOptions(name)) return false;
      bool print = name == "-p" || name == "--print" || name == "-pe" || name == "-ep";
      if (print && (name == "-p" || name == "--print")) {
        // `-p` alone may be followed by the code (or by -e code).
        options->print_eval = true;
        if (inline_value == nullptr && index + 1 < args.size() &&
            (args[index + 1] == "-e" || args[index + 1] == "--eval")) {
          return true;
        }
      }
      if (print) options->print_eval = true;
      if (!take(&options->eval_source)) return false;
      options->mode = RunMode::kEval;
      return true;
    }
    if (name == "-c" || name == "--check") {
      if (!NotInNodeOptions(name)) return false;
      options->mode = RunMode::kCheck;
      return true;
    }
    if (name == "-i" || name == "--interactive") {
      if (!NotInNodeOptions(name)) return false;
      options->force_repl = true;
      return true;
    }
    if (name == "-v" || name == "--version") {
      if (!NotInNodeOptions(name)) return false;
      options->mode = RunMode::kVersion;
      return true;
    }
    if (name == "-h" || name == "--help") {
      if (!NotInNodeOptions(name)) return false;
      options->mode = RunMode::kHelp;
      return true;
    }
    if (name == "--verbose") {
      options->verbose_version = true;
      return true;
    }
    if (name == "-r" || name == "--require") {
      std::string module;
      if (!take(&module)) return false;
      options->preload_modules.push_back(module);
      return true;
    }
    if (name == "--watch" || name == "--watch-preserve-output") {
      // The supervisor's options, not the child's (process.execArgv).
      options->exec_argv.pop_back();
      if (name == "--watch") options->watch = true;
      if (name == "--watch-preserve-output") options->watch_preserve_output = true;
      return true;
    }
    if (name == "--watch-inherit-stdin") {
      // A supervisor option too; WatchSupervisorArgs hands it to nodus-watch.
      return true;
    }
    if (name == "--watch-path") {
      options->exec_argv.pop_back();
      std::string path;
      if (!TakeValue(name, inline_value, &path)) return false;
      options->watch = true;
      options->watch_paths.push_back(path);
      return true;
    }
    if (name == "--inspect" || name == "--inspect-brk" || name == "--inspect-wait") {
      options->inspect = true;
      if (name == "--inspect-brk") options->inspect_brk = true;
      if (name == "--inspect-wait") options->inspect_wait = true;
      return inline_value == nullptr || ParseHostPort(value);
    }
    if (name == "--inspect-port" || name == "--debug-port") {
      std::string host_port;
      return take(&host_port) && ParseHostPort(host_port);
    }
    if (name == "--inspect-publish-uid") {
      std::string destinations;
      if (!take(&destinations)) return false;
      options->inspect_publish_stderr = false;
      options->inspect_publish_http = false;
      size_t start = 0;
      while (start <= destinations.size()) {
        size_t comma = destinations.find(',', start);
        if (comma == std::string::npos) comma = destinations.size();
        std::string item = destinations.substr(start, comma - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (item == "stderr") {
          options->inspect_publish_stderr = true;
        } else if (item == "http") {
          options->inspect_publish_http = true;
        } else {
          return Fail("--inspect-publish-uid destination can be stderr or http");
        }
        start = comma + 1;
      }
      return true;
    }
    if (name == "--cpu-prof") return options->cpu_prof = true;
    if (name == "--cpu-prof-dir") return take(&options->cpu_prof_dir);
    if (name == "--cpu-prof-name") return take(&options->cpu_prof_name);
    if (name == "--cpu-prof-interval" || name == "--heap-prof-interval") {
      std::string text;
      if (!take(&text)) return false;
      return ParseInterval(name, text,
                           name == "--cpu-prof-interval" ? &options->cpu_prof_interval_us
                                                         : &options->heap_prof_interval_bytes);
    }
    if (name == "--heap-prof") return options->heap_prof = true;
    if (name == "--heap-prof-dir") return take(&options->heap_prof_dir);
    if (name == "--heap-prof-name") return take(&options->heap_prof_name);
    if (name == "--title") return take(&options->title);
    if (name == "--unhandled-rejections") {
      if (!take(&options->unhandled_rejections)) return false;
      static constexpr std::array<std::string_view, 5> kModes = {"throw", "strict", "warn", "none",
                                                                 "warn-with-error-code"};
      if (std::find(kModes.begin(), kModes.end(), options->unhandled_rejections) == kModes.end()) {
        return Fail("invalid value for --unhandled-rejections");
      }
      return true;
    }
    if (name == "--preserve-symlinks") return options->preserve_symlinks = true;
    if (name == "--preserve-symlinks-main") return options->preserve_symlinks_main = true;
    if (name == "--trace-warnings") return options->trace_warnings = true;
    if (name == "--trace-deprecation") return options->trace_deprecation = true;
    if (name == "--no-warnings") return options->no_warnings = true;
    if (name == "--no-deprecation") return options->no_deprecation = true;
    if (name == "--throw-deprecation") return options->throw_deprecation = true;
    if (name == "--trace-uncaught") return options->trace_uncaught = true;
    if (name == "--expose_gc" || IsV8Option(name)) {
      options->v8_flags.push_back(raw);
      return true;
    }
    for (std::string_view unsupported : kNotYetImplemented) {
      if (name == unsupported) return Fail(name + " is not implemented in nodus yet");
    }
    // Node names the option differently when it came from NODE_OPTIONS.
    if (from_node_options) return Fail(raw + " is not allowed in NODE_OPTIONS");
    return Fail("bad option: " + raw);
  }
};

// --cpu-prof-* and --heap-prof-* need their main option, as in Node.
bool CheckProfilerOptions(Parser& parser) {
  const Options& o = *parser.options;
  auto exec_has = [&](std::string_view prefix) {
    return std::any_of(o.exec_argv.begin(), o.exec_argv.end(), [&](const std::string& arg) {
      return NormalizeName(arg.substr(0, arg.find('='))) == prefix;
    });
  };
  for (std::string_view name : {"--cpu-prof-dir", "--cpu-prof-name", "--cpu-prof-interval"}) {
    if (!o.cpu_prof && exec_has(name)) {
      return parser.Fail(std::string(name) + " must be used with --cpu-prof");
    }
  }
  for (std::string_view name : {"--heap-prof-dir", "--heap-prof-name", "--heap-prof-interval"}) {
    if (!o.heap_prof && exec_has(name)) {
      return parser.Fail(std::string(name) + " must be used with --heap-prof");
    }
  }
  return true;
}

}  // namespace

bool ParseOptions(const std::vector<std::string>& args, bool stdin_is_tty, Options* options,
                  OptionsError* error) {
  Parser parser{args, false, options, error};
  bool check_requested = false;
  for (; parser.index < args.size(); parser.index++) {
    const std::string& arg = args[parser.index];
    if (arg == "--") {
      parser.index++;
      break;
    }
    if (arg == "-" || arg.empty() || arg[0] != '-') break;
    RunMode before = options->mode;
    if (!parser.ParseOne(arg)) return false;
    if (options->mode == RunMode::kCheck && before != RunMode::kCheck) check_requested = true;
    if (check_requested && options->mode == RunMode::kEval) check_requested = false;
  }
  // -v and -h win over everything else, as in Node.
  if (options->mode == RunMode::kVersion || options->mode == RunMode::kHelp) return true;
  if (!CheckProfilerOptions(parser)) return false;
  if (options->watch && options->mode == RunMode::kEval) {
    return parser.Fail("either --watch or --eval can be used, not both");
  }

  std::vector<std::string> rest(args.begin() + static_cast<long>(parser.index), args.end());
  if (options->mode == RunMode::kEval) {
    options->script_argv = std::move(rest);
    if (options->force_repl) options->mode = RunMode::kRepl;
    return true;
  }
  if (!rest.empty() && rest[0] != "-") {
    options->script = rest[0];
    options->script_argv.assign(rest.begin() + 1, rest.end());
    options->mode = check_requested ? RunMode::kCheck : RunMode::kScript;
    return true;
  }
  if (options->watch && !check_requested) return parser.Fail("--watch requires specifying a file");
  if (!rest.empty() && rest[0] == "-") {
    options->script_argv.assign(rest.begin() + 1, rest.end());
    options->mode = check_requested ? RunMode::kCheck : RunMode::kStdin;
    return true;
  }
  if (check_requested) {
    options->mode = RunMode::kCheck;  // checks stdin
    return true;
  }
  options->mode = (options->force_repl || stdin_is_tty) ? RunMode::kRepl : RunMode::kStdin;
  return true;
}

std::vector<std::string> SplitNodeOptions(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  bool in_quotes = false;
  bool have_token = false;
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    if (c == '\\' && in_quotes && i + 1 < text.size()) {
      current += text[++i];
      have_token = true;
    } else if (c == '"') {
      in_quotes = !in_quotes;
      have_token = true;
    } else if (!in_quotes && (c == ' ' || c == '\t' || c == '\n')) {
      if (have_token) out.push_back(std::move(current));
      current.clear();
      have_token = false;
    } else {
      current += c;
      have_token = true;
    }
  }
  if (have_token) out.push_back(std::move(current));
  return out;
}

bool ParseNodeOptionsEnv(const std::string& text, Options* options, OptionsError* error) {
  std::vector<std::string> args = SplitNodeOptions(text);
  Parser parser{args, true, options, error};
  for (; parser.index < args.size(); parser.index++) {
    const std::string& arg = args[parser.index];
    if (arg.empty() || arg[0] != '-' || arg == "-" || arg == "--") {
      return parser.Fail(arg + " is not allowed in NODE_OPTIONS");
    }
    if (!parser.ParseOne(arg)) return false;
  }
  // Options from NODE_OPTIONS are not part of process.execArgv (as in Node).
  options->exec_argv.clear();
  return true;
}

std::vector<std::string> WatchSupervisorArgs(const Options& options) {
  std::vector<std::string> args;
  for (const std::string& path : options.watch_paths) args.push_back("--watch-path=" + path);
  if (options.watch_preserve_output) args.push_back("--watch-preserve-output");
  for (const std::string& arg : options.exec_argv) {
    args.push_back(arg == "--watch-inherit-stdin" ? arg : "--nodus-arg=" + arg);
  }
  args.push_back(options.script);
  args.insert(args.end(), options.script_argv.begin(), options.script_argv.end());
  return args;
}

int ExecWatchSupervisor(const Options& options) {
  char exe[4096];
  ssize_t size = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  std::string dir = ".";
  if (size > 0) {
    std::string path(exe, static_cast<size_t>(size));
    dir = path.substr(0, path.rfind('/'));
  }
  std::string supervisor = dir + "/nodus-watch";
  std::vector<std::string> args = WatchSupervisorArgs(options);
  args.insert(args.begin(), "--nodus=" + dir + "/nodus");
  args.insert(args.begin(), supervisor);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  execv(supervisor.c_str(), argv.data());
  std::fprintf(stderr, "nodus: cannot run %s for --watch: %s\n", supervisor.c_str(),
               std::strerror(errno));
  return 9;
}

std::string HelpText() {
  return "Usage: nodus [options] [ script.js ] [arguments]\n"
         "       nodus [options] -e|-p CODE [arguments]\n"
         "       nodus [options] - [arguments]      (script read from stdin)\n"
         "\n"
         "Options:\n"
         "  -                            script read from stdin (default if no file name is\n"
         "                               provided and stdin is not a terminal)\n"
         "  --                           indicate the end of nodus options\n"
         "  -c, --check                  syntax check script without executing\n"
         "  -e, --eval CODE              evaluate CODE as a CommonJS script\n"
         "  -h, --help                   print nodus command line options (this text)\n"
         "  -i, --interactive            always enter the REPL even if stdin is not a terminal\n"
         "  -p, --print CODE             evaluate CODE and print the result\n"
         "  -r, --require MODULE         CommonJS module to preload (option can be repeated)\n"
         "  -v, --version                print nodus's version (with --verbose: the libraries)\n"
         "  --cpu-prof                   write a V8 CPU profile (.cpuprofile) at exit;\n"
         "                               --cpu-prof-dir, --cpu-prof-name, --cpu-prof-interval\n"
         "  --heap-prof                  write a sampling heap profile (.heapprofile) at exit;\n"
         "                               --heap-prof-dir, --heap-prof-name, --heap-prof-interval\n"
         "  --inspect[=[host:]port]      activate the inspector on host:port\n"
         "                               (default: 127.0.0.1:9229; port 0 picks a free one)\n"
         "  --inspect-brk[=[host:]port]  activate the inspector and break at the main module's "
         "start\n"
         "  --inspect-wait[=[host:]port] activate the inspector and wait for a debugger to attach\n"
         "  --inspect-port=[host:]port   set host:port for the inspector (SIGUSR1, "
         "inspector.open)\n"
         "  --inspect-publish-uid=stderr,http\n"
         "                               where the inspector's WebSocket URL is published\n"
         "  --no-deprecation             silence deprecation warnings\n"
         "  --no-warnings                silence all process warnings\n"
         "  --preserve-symlinks          keep symbolic links when resolving modules\n"
         "  --preserve-symlinks-main     keep symbolic links when resolving the main module\n"
         "  --stack-trace-limit=N        frames captured in error stacks (a V8 option)\n"
         "  --throw-deprecation          throw an exception on deprecations\n"
         "  --title=TITLE                the process title (process.title)\n"
         "  --trace-uncaught             show where non-errors were thrown\n"
         "  --trace-deprecation          show stack traces on deprecations\n"
         "  --trace-warnings             show stack traces on process warnings\n"
         "  --unhandled-rejections=MODE  throw (default), strict, warn, none or\n"
         "                               warn-with-error-code\n"
         "  --watch                      restart the script when a file it loaded changes\n"
         "                               (runs it under nodus-watch; see nodus-watch --help)\n"
         "  --watch-path=PATH            watch PATH instead of the loaded files (repeatable)\n"
         "  --watch-preserve-output      do not clear the screen when restarting\n"
         "  --watch-inherit-stdin        the script reads stdin itself (no `rs` + Enter)\n"
         "  --max-old-space-size=MB, --expose-gc, --stack-size=N, --harmony-*\n"
         "                               passed to V8\n"
         "\n"
         "Environment variables:\n"
         "  NODE_OPTIONS                 options prepended to the command line\n"
         "  NODE_PATH                    ':'-separated directories searched for modules\n"
         "  NODE_DEBUG                   ','-separated core modules that print debug output\n"
         "  NO_COLOR, FORCE_COLOR        control colored output\n"
         "\n"
         "Documentation: see README.md; nodus follows Node.js's documented behaviour.\n";
}

}  // namespace nodus
