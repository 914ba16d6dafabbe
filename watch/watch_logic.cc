#include "watch_logic.h"

#include <uv.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>

namespace nodus::watch {

namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool ParseUint(std::string_view text, uint64_t* out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool IsEditorTempFile(std::string_view name) {
  if (name.empty()) return true;
  if (name == "4913") return true;  // vim's "can I write here" probe
  if (EndsWith(name, "~")) return true;
  if (StartsWith(name, ".#")) return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;
  if (name.front() == '.' && (EndsWith(name, ".swp") || EndsWith(name, ".swx") ||
                              EndsWith(name, ".swpx") || EndsWith(name, ".swo"))) {
    return true;
  }
  if (StartsWith(name, ".goutputstream-")) return true;
  if (EndsWith(name, ".tmp") || EndsWith(name, ".TMP")) return true;
  return false;
}

uint64_t Debouncer::OnEvent(uint64_t now) {
  if (!pending_) {
    pending_ = true;
    first_ = now;
  }
  due_ = std::min(now + quiet_ms_, first_ + max_);
  return due_;
}

bool Debouncer::Fire(uint64_t now) {
  if (!pending_ || now < due_) return false;
  pending_ = false;
  return true;
}

bool WatchSet::AddFile(const std::string& path) {
  std::string dir = DirName(path);
  files_[dir].insert(BaseName(path));
  return dirs_.insert(dir).second;
}

bool WatchSet::AddTree(const std::string& dir) {
  trees_.insert(dir);
  return dirs_.insert(dir).second;
}

bool WatchSet::Matches(const std::string& dir, std::string_view name, std::string* path) const {
  if (IsEditorTempFile(name)) return false;
  std::string full = dir == "/" ? "/" + std::string(name) : dir + "/" + std::string(name);
  // A tree matches anything below it (subdirectories are watched one by one).
  for (const std::string& tree : trees_) {
    if (dir == tree || StartsWith(dir, tree == "/" ? tree : tree + "/")) {
      *path = full;
      return true;
    }
  }
  auto it = files_.find(dir);
  if (it == files_.end() || it->second.count(std::string(name)) == 0) return false;
  *path = full;
  return true;
}

void WatchSet::ClearReported() {
  files_.clear();
  for (const std::string& path : pinned_) files_[DirName(path)].insert(BaseName(path));
}

void WatchSet::Pin(const std::string& path) {
  pinned_.insert(path);
  AddFile(path);
}

std::vector<std::string> WatchSet::Directories() const {
  return std::vector<std::string>(dirs_.begin(), dirs_.end());
}

size_t WatchSet::file_count() const {
  size_t count = 0;
  for (const auto& [dir, names] : files_) count += names.size();
  return count;
}

std::string InspectQuote(std::string_view text) {
  char quote = '\'';
  if (text.find('\'') != std::string_view::npos) {
    if (text.find('"') == std::string_view::npos) {
      quote = '"';
    } else if (text.find('`') == std::string_view::npos && text.find("${") == std::string::npos) {
      quote = '`';
    }
  }
  std::string out(1, quote);
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c == '\v') {
      out += "\\v";
    } else if (u < 0x20 || u == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof(buffer), "\\x%02X", u);
      out += buffer;
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

bool ParseListenAddress(std::string_view text, std::string* host, int* port) {
  std::string_view host_part = "0.0.0.0";
  std::string_view port_part = text;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find("]:");
    if (close == std::string_view::npos) return false;
    host_part = text.substr(1, close - 1);
    port_part = text.substr(close + 2);
    unsigned char address[16];
    if (uv_inet_pton(AF_INET6, std::string(host_part).c_str(), address) != 0) return false;
  } else if (size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    host_part = text.substr(0, colon);
    port_part = text.substr(colon + 1);
    unsigned char address[4];
    if (uv_inet_pton(AF_INET, std::string(host_part).c_str(), address) != 0) return false;
  }
  uint64_t number = 0;
  if (!ParseUint(port_part, &number) || number > 65535) return false;
  *host = std::string(host_part);
  *port = static_cast<int>(number);
  return true;
}

std::string WatchErrorMessage(const std::string& dir, int err) {
  if (err == UV_ENOSPC) {
    return "nodus-watch: cannot watch " + dir +
           ": the inotify watch limit is reached (ENOSPC); raise it with "
           "`sudo sysctl fs.inotify.max_user_watches=524288` (and put "
           "`fs.inotify.max_user_watches=524288` in /etc/sysctl.conf to keep it)";
  }
  if (err == UV_EMFILE) {
    return "nodus-watch: cannot watch " + dir +
           ": too many inotify instances or open files (EMFILE); raise "
           "`fs.inotify.max_user_instances` or `ulimit -n`";
  }
  return "nodus-watch: cannot watch " + dir + ": " + uv_strerror(err);
}

namespace {

// The line so far (no '\n' yet) may still become `rs`.
bool MayBeRestartCommand(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) i++;
  std::string_view rest = line.substr(i);
  if (rest.empty() || rest == "r") return true;
  if (rest.substr(0, 2) != "rs") return false;
  for (char c : rest.substr(2)) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

std::string RestartCommandFilter::Feed(std::string_view data, int* restarts) {
  std::string out;
  for (char c : data) {
    if (!candidate_) {
      out += c;
      if (c == '\n') candidate_ = true;
      continue;
    }
    if (c == '\n') {
      std::string_view line = held_;
      size_t start = line.find_first_not_of(" \t");
      if (start != std::string_view::npos && line.substr(start, 2) == "rs" &&
          MayBeRestartCommand(line)) {
        (*restarts)++;
      } else {
        out += held_;
        out += c;
      }
      held_.clear();
      continue;
    }
    held_ += c;
    // A long run of blanks is no command worth holding back.
    if (held_.size() > 64 || !MayBeRestartCommand(held_)) {
      out += held_;
      held_.clear();
      candidate_ = false;
    }
  }
  return out;
}

std::string RestartCommandFilter::Finish() {
  std::string out = std::move(held_);
  held_.clear();
  candidate_ = true;
  return out;
}

int ParseSignal(std::string_view text) {
  struct Named {
    std::string_view name;
    int number;
  };
  static constexpr std::array<Named, 10> kSignals = {{{"HUP", 1},
                                                      {"INT", 2},
                                                      {"QUIT", 3},
                                                      {"KILL", 9},
                                                      {"USR1", 10},
                                                      {"USR2", 12},
                                                      {"TERM", 15},
                                                      {"CONT", 18},
                                                      {"STOP", 19},
                                                      {"WINCH", 28}}};
  uint64_t number = 0;
  if (ParseUint(text, &number)) return number >= 1 && number <= 64 ? static_cast<int>(number) : -1;
  if (StartsWith(text, "SIG")) text.remove_prefix(3);
  for (const Named& signal : kSignals) {
    if (signal.name == text) return signal.number;
  }
  return -1;
}

uint64_t BackoffDelay(int consecutive_failures, uint64_t max_ms) {
  uint64_t delay = 100;
  for (int i = 1; i < consecutive_failures && delay < max_ms; i++) delay *= 2;
  return std::min(delay, max_ms);
}

Result<Config, ConfigError> ParseArgs(const std::vector<std::string>& args) {
  Config config;
  auto fail = [](std::string message) { return ConfigError{"nodus-watch: " + message}; };
  size_t i = 0;
  if (!args.empty() && (args[0] == "status" || args[0] == "stop" || args[0] == "reload")) {
    config.subcommand = args[0] == "status" ? Subcommand::kStatus
                        : args[0] == "stop" ? Subcommand::kStop
                                            : Subcommand::kReload;
    i = 1;
  }
  for (; i < args.size(); i++) {
    const std::string& arg = args[i];
    if (arg == "--") {
      config.raw_command = true;
      i++;
      break;
    }
    if (arg.empty() || arg[0] != '-') break;
    std::string name = arg;
    std::string value;
    bool has_value = false;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    auto take = [&](std::string* out) {
      if (has_value) {
        *out = value;
        return true;
      }
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    auto take_uint = [&](uint64_t* out) {
      std::string text;
      return take(&text) && ParseUint(text, out);
    };
    if (name == "-h" || name == "--help") {
      config.help = true;
    } else if (name == "--pidfile") {
      if (!take(&config.pidfile) || config.pidfile.empty())
        return fail("--pidfile requires a path");
    } else if (config.subcommand != Subcommand::kRun) {
      if (name == "--timeout" && config.subcommand == Subcommand::kStop) {
        if (!take_uint(&config.stop_timeout_ms)) return fail("--timeout requires milliseconds");
      } else {
        return fail("bad option for " + args[0] + ": " + arg);
      }
    } else if (name == "--log") {
      if (!take(&config.log_file) || config.log_file.empty()) return fail("--log requires a path");
    } else if (name == "--log-max-size") {
      if (!take_uint(&config.log_max_size)) return fail("--log-max-size requires a size in bytes");
    } else if (name == "--log-keep") {
      uint64_t keep = 0;
      if (!take_uint(&keep) || keep > 1000) return fail("--log-keep requires a count (0-1000)");
      config.log_keep = static_cast<int>(keep);
    } else if (name == "--daemon") {
      config.daemon = true;
    } else if (name == "--watch-inherit-stdin") {
      config.inherit_stdin = true;
    } else if (name == "--listen") {
      std::string text;
      if (!take(&text) || !ParseListenAddress(text, &config.listen_host, &config.listen_port)) {
        return fail("--listen requires [HOST:]PORT");
      }
    } else if (name == "--reload-timeout") {
      if (!take_uint(&config.reload_timeout_ms) || config.reload_timeout_ms == 0) {
        return fail("--reload-timeout requires milliseconds");
      }
    } else if (name == "--ready-signal") {
      config.ready_signal = true;
    } else if (name == "--print-systemd-unit") {
      config.print_systemd_unit = true;
    } else if (name == "--watch") {
      // Accepted for symmetry with `nodus --watch`; watching is the default.
    } else if (name == "--watch-path") {
      std::string path;
      if (!take(&path) || path.empty()) return fail("--watch-path requires a path");
      config.watch_paths.push_back(path);
    } else if (name == "--watch-preserve-output") {
      config.preserve_output = true;
    } else if (name == "--no-watch-check") {
      config.check_syntax = false;
    } else if (name == "--watch-kill-signal") {
      std::string text;
      if (!take(&text) || (config.kill_signal = ParseSignal(text)) < 0) {
        return fail("--watch-kill-signal requires a signal name or number");
      }
    } else if (name == "--watch-grace") {
      if (!take_uint(&config.grace_ms)) return fail("--watch-grace requires milliseconds");
    } else if (name == "--watch-debounce") {
      if (!take_uint(&config.debounce_ms)) return fail("--watch-debounce requires milliseconds");
    } else if (name == "--nodus") {
      if (!take(&config.nodus) || config.nodus.empty()) return fail("--nodus requires a path");
    } else if (name == "--nodus-arg") {
      std::string option;
      if (!take(&option)) return fail("--nodus-arg requires an argument");
      config.nodus_args.push_back(option);
    } else if (name == "--restart") {
      std::string mode;
      if (!take(&mode)) return fail("--restart requires always, on-failure or never");
      if (mode == "always") {
        config.restart = RestartPolicy::kAlways;
      } else if (mode == "on-failure") {
        config.restart = RestartPolicy::kOnFailure;
      } else if (mode == "never") {
        config.restart = RestartPolicy::kNever;
      } else {
        return fail("--restart requires always, on-failure or never");
      }
    } else if (name == "--max-restarts") {
      uint64_t count = 0;
      if (!take_uint(&count) || count > 1000000) return fail("--max-restarts requires a count");
      config.max_restarts = static_cast<int>(count);
    } else if (name == "--min-uptime") {
      if (!take_uint(&config.min_uptime_ms)) return fail("--min-uptime requires milliseconds");
    } else if (name == "--backoff-max") {
      if (!take_uint(&config.backoff_max_ms) || config.backoff_max_ms == 0) {
        return fail("--backoff-max requires milliseconds");
      }
    } else {
      return fail("bad option: " + arg);
    }
  }
  if (config.help) return config;
  if (config.subcommand != Subcommand::kRun) {
    if (i < args.size()) return fail(args[0] + " takes no command: " + args[i]);
    if (config.pidfile.empty()) return fail(args[0] + " requires --pidfile=FILE");
    return config;
  }
  if (config.daemon && config.pidfile.empty()) return fail("--daemon requires --pidfile=FILE");
  if (config.log_max_size != 0 && config.log_file.empty()) {
    return fail("--log-max-size requires --log=FILE");
  }
  config.command.assign(args.begin() + static_cast<long>(i), args.end());
  if (config.command.empty()) {
    return fail(config.raw_command ? "a COMMAND is required after --"
                                   : "a script (or -- COMMAND) is required");
  }
  return config;
}

namespace {

// systemd's command-line quoting: words with spaces, quotes, backslashes or
// specifiers go in double quotes; '%' is written as "%%" everywhere.
std::string SystemdQuote(const std::string& word) {
  std::string escaped;
  bool needs_quotes = word.empty();
  for (char c : word) {
    if (c == '%') {
      escaped += "%%";
      continue;
    }
    if (c == '"' || c == '\\') {
      escaped += '\\';
      needs_quotes = true;
    } else if (c == ' ' || c == '\t' || c == '\'' || c == '$' || c == ';') {
      needs_quotes = true;
    }
    escaped += c;
  }
  return needs_quotes ? "\"" + escaped + "\"" : escaped;
}

}  // namespace

std::string SystemdUnit(const std::vector<std::string>& exec_start,
                        const std::string& working_directory) {
  std::string command;
  for (const std::string& word : exec_start) {
    if (!command.empty()) command += ' ';
    command += SystemdQuote(word);
  }
  return "[Unit]\n"
         "Description=" +
         command +
         "\n"
         "After=network.target\n"
         "\n"
         "[Service]\n"
         "Type=simple\n"
         "WorkingDirectory=" +
         SystemdQuote(working_directory) +
         "\n"
         "ExecStart=" +
         command +
         "\n"
         "Environment=NODE_ENV=production\n"
         "# The supervisor restarts the program with back-off; systemd restarts the\n"
         "# supervisor, and stopping the service stops the program's whole group.\n"
         "Restart=on-failure\n"
         "KillMode=mixed\n"
         "KillSignal=SIGTERM\n"
         "TimeoutStopSec=10\n"
         "\n"
         "[Install]\n"
         "WantedBy=multi-user.target\n";
}

std::string IsoTimestamp(int64_t epoch_ms) {
  int64_t seconds = epoch_ms >= 0 ? epoch_ms / 1000 : (epoch_ms - 999) / 1000;
  int millis = static_cast<int>(epoch_ms - seconds * 1000);
  time_t t = static_cast<time_t>(seconds);
  struct tm parts {};
  gmtime_r(&t, &parts);
  char text[96];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis);
  return text;
}

std::string FormatLogLine(int64_t epoch_ms, std::string_view stream, std::string_view line) {
  std::string out = IsoTimestamp(epoch_ms);
  out += " [";
  out += stream;
  out += "] ";
  out += line;
  out += '\n';
  return out;
}

void LineSplitter::Emit(std::string_view text, bool piece,
                        const std::function<void(std::string_view)>& emit) {
  piece_ = piece;
  emit(text);
  piece_ = false;
}

void LineSplitter::Feed(std::string_view data, const std::function<void(std::string_view)>& emit) {
  while (!data.empty()) {
    size_t nl = data.find('\n');
    size_t room = max_line_ - pending_.size();
    if (nl == std::string_view::npos || nl >= room) {
      size_t take = std::min(data.size(), room);
      pending_.append(data.substr(0, take));
      data.remove_prefix(take);
      if (pending_.size() >= max_line_) {
        Emit(pending_, true, emit);
        pending_.clear();
        cut_ = true;
      }
      continue;
    }
    // The end of a line. After pieces of it, an empty rest is no line.
    if (pending_.empty()) {
      if (!cut_ || nl > 0) Emit(data.substr(0, nl), cut_, emit);
    } else {
      pending_.append(data.substr(0, nl));
      Emit(pending_, cut_, emit);
      pending_.clear();
    }
    cut_ = false;
    data.remove_prefix(nl + 1);
  }
}

void LineSplitter::Finish(const std::function<void(std::string_view)>& emit) {
  if (!pending_.empty()) Emit(pending_, cut_, emit);
  pending_.clear();
  cut_ = false;
}

namespace {

bool IsReportedPath(std::string_view line) {
  return !line.empty() && line[0] == '/' && line.find('\0') == std::string_view::npos;
}

}  // namespace

void ReportReader::Feed(std::string_view data, const std::function<void(std::string_view)>& emit) {
  lines_.Feed(data, [&](std::string_view line) {
    if (!lines_.piece() && IsReportedPath(line)) emit(line);
  });
}

void ReportReader::Finish(const std::function<void(std::string_view)>& emit) {
  lines_.Finish([&](std::string_view line) {
    if (!lines_.piece() && IsReportedPath(line)) emit(line);
  });
}

bool ShouldRotate(uint64_t size, uint64_t incoming, uint64_t max_size) {
  return max_size != 0 && size != 0 && size + incoming > max_size;
}

std::vector<std::pair<std::string, std::string>> RotationRenames(const std::string& path,
                                                                 int keep) {
  std::vector<std::pair<std::string, std::string>> renames;
  for (int n = keep; n >= 1; n--) {
    std::string from = n == 1 ? path : path + "." + std::to_string(n - 1);
    renames.emplace_back(from, path + "." + std::to_string(n));
  }
  return renames;
}

int ParsePid(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  uint64_t pid = 0;
  if (!ParseUint(text, &pid) || pid < 1 || pid > 0x3fffffff) return -1;
  return static_cast<int>(pid);
}

bool ReadyDetector::Feed(std::string_view data) {
  if (ready_) return true;
  lines_.Feed(data, [this](std::string_view line) {
    if (lines_.piece()) return;  // the end of a longer line is not `ready`
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "ready") ready_ = true;
  });
  return ready_;
}

std::string UsageText() {
  return "Usage: nodus-watch [options] script.js [arguments]     run `nodus script.js` and\n"
         "                                                       restart it when a file it\n"
         "                                                       loaded changes\n"
         "       nodus-watch [options] -- COMMAND [arguments]    supervise any command\n"
         "       nodus-watch status --pidfile=FILE               is it running? (exit 0, or 3)\n"
         "       nodus-watch stop --pidfile=FILE [--timeout=MS]  SIGTERM it and wait; SIGKILL\n"
         "                                                       after MS (10000)\n"
         "       nodus-watch reload --pidfile=FILE               rolling restart (SIGUSR2): start\n"
         "                                                       a new program, stop the old\n"
         "                                                       one once the new one is up\n"
         "\n"
         "Options:\n"
         "  --watch-path=PATH          watch PATH (a file, or a directory and everything in\n"
         "                             it) instead of the files the program loads (repeatable)\n"
         "  --watch-preserve-output    do not clear the screen before a restart\n"
         "  --watch-kill-signal=SIG    the signal that stops the program (default SIGTERM)\n"
         "  --watch-grace=MS           SIGKILL the program's process group after MS (500)\n"
         "  --watch-debounce=MS        quiet time that ends a burst of changes (20)\n"
         "  --no-watch-check           restart even when `nodus --check` rejects the file\n"
         "  --watch-inherit-stdin      give the program this stdin as is (as node --watch\n"
         "                             does); by default it is forwarded through a pipe and\n"
         "                             a line `rs` restarts by hand\n"
         "  --nodus=PATH               the runtime (default: nodus next to nodus-watch)\n"
         "  --nodus-arg=OPTION         a runtime option for the child (repeatable)\n"
         "  --restart=POLICY           production mode: always, on-failure or never restart\n"
         "                             when the program exits (no file watching)\n"
         "  --max-restarts=N           give up after N quick consecutive restarts\n"
         "  --min-uptime=MS            a run shorter than MS counts as a quick failure (1000)\n"
         "  --print-systemd-unit       print a systemd service unit running this command\n"
         "                             under nodus-watch, and exit\n"
         "  --backoff-max=MS           the longest delay between quick restarts (30000)\n"
         "  --ready-signal             count the program as up only once it writes `ready\\n`\n"
         "                             to the descriptor in $NODUS_WATCH_READY_FD\n"
         "  --listen=[HOST:]PORT       production: listen on PORT once and hand the socket\n"
         "                             to every program as the descriptor in\n"
         "                             $NODUS_WATCH_LISTEN_FD (5), so a reload drops nothing\n"
         "  --reload-timeout=MS        a reload gives up (the old program keeps running)\n"
         "                             when the new one is not up within MS (30000)\n"
         "  --log=FILE                 append the program's output to FILE, each line\n"
         "                             timestamped and tagged [out] or [err]\n"
         "  --log-max-size=BYTES       rotate FILE to FILE.1 before it grows past BYTES\n"
         "  --log-keep=N               rotated files kept, FILE.1 .. FILE.N (3)\n"
         "  --pidfile=FILE             write the supervisor's pid to FILE while it runs\n"
         "  --daemon                   detach (new session, output to --log or /dev/null);\n"
         "                             requires --pidfile\n"
         "  -h, --help                 print this text\n";
}

}  // namespace nodus::watch
