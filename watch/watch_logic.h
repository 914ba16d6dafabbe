#pragma once

// The supervisor's decisions, kept free of libuv and of the clock so they are
// unit-tested alone: which file names matter, when a burst of events becomes
// one restart, how the command is named in messages, and the command line.

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace nodus::watch {

// Editors write these next to the file they save; a change to one of them is
// never a reason to restart: vim's `.x.swp`/`.x.swx`/`.x.swpx` and its `4913`
// probe, `x~` backups, Emacs's `.#x` locks and `#x#` autosaves, and the
// `.x.tmp`-style names some atomic savers use (`x.tmp`, `x.TMP`, `.goutputstream-*`).
bool IsEditorTempFile(std::string_view name);

// Merges a burst of change events into one restart. Times are milliseconds on
// any monotonic clock. After an event the restart is due `quiet_ms` after the
// last event of the burst, but never later than `max_wait_ms` after its first
// event (a file rewritten in a loop still restarts).
class Debouncer {
 public:
  Debouncer(uint64_t quiet_ms, uint64_t max_wait_ms) : quiet_ms_(quiet_ms), max_(max_wait_ms) {}

  // Records an event; returns the time the restart is due.
  uint64_t OnEvent(uint64_t now);
  bool pending() const { return pending_; }
  // True (and the burst is consumed) when a pending burst is due at `now`.
  bool Fire(uint64_t now);
  uint64_t due() const { return due_; }

 private:
  uint64_t quiet_ms_;
  uint64_t max_;
  bool pending_ = false;
  uint64_t first_ = 0;
  uint64_t due_ = 0;
};

// The files that trigger a restart, grouped by the directory that is watched
// for them. Watching directories (not files) is what keeps atomic saves working:
// after a write-temp-then-rename the file is a new inode, a file watch would
// follow the old one, a directory watch sees the new name.
class WatchSet {
 public:
  // Adds an absolute file path; returns true when its directory is new (the
  // caller starts watching the directory).
  bool AddFile(const std::string& path);
  // Adds a directory whose every (non-temporary) entry matters (--watch-path).
  bool AddTree(const std::string& dir);
  // Does an event for `name` in `dir` matter? Returns the changed path.
  bool Matches(const std::string& dir, std::string_view name, std::string* path) const;
  // Forgets the reported files (kept: directories, trees, pinned files).
  void ClearReported();
  void Pin(const std::string& path);  // a file kept across ClearReported (the main script)
  std::vector<std::string> Directories() const;
  size_t file_count() const;

 private:
  std::map<std::string, std::set<std::string>> files_;  // dir -> names
  std::set<std::string> trees_;
  std::set<std::string> pinned_;
  std::set<std::string> dirs_;
};

// Quotes a string the way node's util.inspect does for `Restarting 'app.js'`:
// single quotes, or double quotes when it has a single quote and no double,
// or backticks when it has both; control characters escaped.
std::string InspectQuote(std::string_view text);

enum class RestartPolicy { kWatch, kAlways, kOnFailure, kNever };

// `nodus-watch status|stop|reload --pidfile=FILE` act on a running supervisor.
enum class Subcommand { kRun, kStatus, kStop, kReload };

struct Config {
  std::string nodus;                     // the runtime (default: next to nodus-watch)
  std::vector<std::string> nodus_args;   // runtime options before the script (--nodus-arg)
  std::vector<std::string> command;      // the child's argv[1..] after nodus, or COMMAND ARGS
  bool raw_command = false;              // `-- COMMAND`: run it as is, not under nodus
  std::vector<std::string> watch_paths;  // --watch-path (replaces the loader's reports, as node)
  bool preserve_output = false;          // --watch-preserve-output
  int kill_signal = 15;                  // --watch-kill-signal (SIGTERM)
  uint64_t grace_ms = 500;               // --watch-grace
  uint64_t debounce_ms = 20;             // --watch-debounce
  bool check_syntax = true;              // --no-watch-check turns the --check step off
  RestartPolicy restart = RestartPolicy::kWatch;  // --restart (production mode without --watch)
  int max_restarts = -1;                          // --max-restarts (-1: no limit)
  uint64_t min_uptime_ms = 1000;                  // --min-uptime
  uint64_t backoff_max_ms = 30000;                // --backoff-max
  bool help = false;
  bool print_systemd_unit = false;  // --print-systemd-unit
  Subcommand subcommand = Subcommand::kRun;
  std::string log_file;                // --log: the child's output, timestamped, appended here
  uint64_t log_max_size = 0;           // --log-max-size (0: never rotate)
  int log_keep = 3;                    // --log-keep: FILE.1 .. FILE.N
  std::string pidfile;                 // --pidfile
  bool daemon = false;                 // --daemon (requires --pidfile)
  bool ready_signal = false;           // --ready-signal: up once the child writes "ready\n"
  uint64_t stop_timeout_ms = 10000;    // stop --timeout: SIGKILL after this
  bool inherit_stdin = false;          // --watch-inherit-stdin: no `rs`, stdin as under node
  std::string listen_host;             // --listen=[HOST:]PORT: a socket shared by every child
  int listen_port = -1;                // (-1: none)
  uint64_t reload_timeout_ms = 30000;  // --reload-timeout: a reload's new child must be up by then
};

struct ConfigError {
  std::string message;  // "nodus-watch: ..."
};

// argv without argv[0].
Result<Config, ConfigError> ParseArgs(const std::vector<std::string>& args);
std::string UsageText();

// A systemd service unit that runs `exec_start` (the supervisor and its
// arguments, without --print-systemd-unit) from `working_directory`: the
// modern form of node-init's LSB script and nodejs-autorestart's Upstart job.
// systemd restarts the supervisor; the supervisor restarts the program.
std::string SystemdUnit(const std::vector<std::string>& exec_start,
                        const std::string& working_directory);

// --listen=[HOST:]PORT (HOST: an IPv4 address, or an IPv6 one in brackets;
// 0.0.0.0 when omitted). False when malformed.
bool ParseListenAddress(std::string_view text, std::string* host, int* port);

// The message for a directory that cannot be watched (`err` a libuv error
// code); ENOSPC, inotify's watch limit, comes with the fix.
std::string WatchErrorMessage(const std::string& dir, int err);

// `rs` + Enter restarts by hand (nodemon's habit). The supervisor reads its
// stdin and forwards it to the program; a line that is `rs` (spaces around
// it and a '\r' before the '\n' allowed) is taken out of the stream and
// counts as a restart. Only the start of a line that may still become `rs` is
// held back, so everything else is forwarded as soon as it arrives.
class RestartCommandFilter {
 public:
  // Returns the bytes to forward; adds one to *restarts per `rs` line.
  std::string Feed(std::string_view data, int* restarts);
  // End of input: the held-back start of a line (an unterminated `rs` is
  // no command).
  std::string Finish();

 private:
  std::string held_;
  bool candidate_ = true;  // the current line may still be `rs`
};

// A signal name (SIGTERM, TERM) or number; -1 when unknown.
int ParseSignal(std::string_view text);

// The delay before the n-th consecutive quick restart (n >= 1): 100 ms doubled
// each time, at most `max_ms`.
uint64_t BackoffDelay(int consecutive_failures, uint64_t max_ms);

// The child's output in a log file: one line per line it wrote, prefixed with
// an ISO-8601 UTC timestamp (milliseconds) and the stream, e.g.
// `2024-05-01T12:00:00.123Z [out] listening on 8080`.
std::string IsoTimestamp(int64_t epoch_ms);
std::string FormatLogLine(int64_t epoch_ms, std::string_view stream, std::string_view line);

// Cuts a byte stream into lines (without the '\n'; a trailing '\r' is kept).
// A line of `max_line` bytes or more is emitted in pieces of that size, so a
// program that never writes a newline cannot grow the supervisor without bound.
class LineSplitter {
 public:
  explicit LineSplitter(size_t max_line = 64 * 1024) : max_line_(max_line) {}
  void Feed(std::string_view data, const std::function<void(std::string_view)>& emit);
  // The stream ended: an unterminated last line is emitted as a line.
  void Finish(const std::function<void(std::string_view)>& emit);
  size_t buffered() const { return pending_.size(); }
  // While emit() runs: is the text a piece of a longer line (not a line)?
  bool piece() const { return piece_; }

 private:
  void Emit(std::string_view text, bool piece, const std::function<void(std::string_view)>& emit);

  size_t max_line_;
  std::string pending_;
  bool cut_ = false;  // the current line was cut: pieces of it were emitted
  bool piece_ = false;
};

// Log rotation: a write of `incoming` bytes to a file of `size` bytes rotates
// it first when that would take it past `max_size` (0: no limit). An empty
// file is never rotated, so a single line longer than the limit is still kept
// whole. Lines are written whole, so no line is split across files.
bool ShouldRotate(uint64_t size, uint64_t incoming, uint64_t max_size);
// The renames that rotate `path` keeping `keep` old files, in the order they
// must happen: FILE.(keep-1) -> FILE.keep, ..., FILE -> FILE.1. With keep 0
// there are none (the file is removed instead).
std::vector<std::pair<std::string, std::string>> RotationRenames(const std::string& path, int keep);

// The pid in a pidfile's text ("1234\n"); -1 when it holds anything else.
int ParsePid(std::string_view text);

// The loaded-file reports a `nodus --watch` child writes to
// NODUS_WATCH_REPORT_FD (runtime/lib/internal/modules/cjs/loader.js): one
// absolute path per line. Reports arrive in reads of any size; each line that
// is a path (starts with '/', no NUL, shorter than PATH_MAX) is emitted once,
// whole. Anything else is dropped: a longer line is never cut into pieces that
// could look like paths.
class ReportReader {
 public:
  void Feed(std::string_view data, const std::function<void(std::string_view)>& emit);
  // The stream ended: an unterminated last line still counts.
  void Finish(const std::function<void(std::string_view)>& emit);
  static constexpr size_t kMaxPath = 4095;  // PATH_MAX less its NUL

 private:
  LineSplitter lines_{kMaxPath + 1};
};

// --ready-signal: the bytes the child writes to NODUS_WATCH_READY_FD; true
// from the first line that reads `ready` (a '\r' before the '\n' allowed) on.
class ReadyDetector {
 public:
  bool Feed(std::string_view data);
  bool ready() const { return ready_; }

 private:
  LineSplitter lines_{256};
  bool ready_ = false;
};

}  // namespace nodus::watch
