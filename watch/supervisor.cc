#include "supervisor.h"

#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/check.h"
#include "lsp/core/syntax_check.h"

extern char** environ;

namespace nodus::watch {

namespace {

constexpr const char* kReportFdVariable = "NODUS_WATCH_REPORT_FD";
constexpr int kReportFd = 3;
constexpr const char* kReadyFdVariable = "NODUS_WATCH_READY_FD";
constexpr int kReadyFd = 4;
constexpr const char* kListenFdVariable = "NODUS_WATCH_LISTEN_FD";
constexpr int kListenFd = 5;
// Input for a child that does not read it is held up to this much; then
// stdin is no longer read until the child catches up.
constexpr size_t kStdinQueueLimit = 1 << 20;
constexpr uint64_t kDrainMs = 1000;

enum StreamKind { kReportStream, kReadyStream, kOutStream, kErrStream };
constexpr uint64_t kGroupPollMs = 5;
constexpr uint64_t kCheckTimeoutMs = 10000;

// node's colors for the watch messages (internal/util/colors).
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kBlue = "\x1b[34m";
constexpr const char* kRed = "\x1b[31m";

template <typename T>
T* HandleOwner(void* data) {
  return static_cast<T*>(data);
}

bool EndsWith(const std::string& text, const char* suffix) {
  size_t n = std::strlen(suffix);
  return text.size() >= n && text.compare(text.size() - n, n, suffix) == 0;
}

std::string AbsolutePath(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[4096];
  size_t size = sizeof(cwd);
  if (uv_cwd(cwd, &size) != 0) return path;
  std::string out(cwd, size);
  std::string rest = path;
  while (rest.rfind("./", 0) == 0) rest.erase(0, 2);
  return out == "/" ? "/" + rest : out + "/" + rest;
}

bool IsDirectory(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsFile(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// True when some process in group `pgid` is not a zombie. kill(-pgid, 0)
// alone also counts zombies, which a container's PID 1 may never reap.
bool GroupHasLiveMember(int pgid) {
  if (kill(-pgid, 0) != 0 && errno == ESRCH) return false;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return true;
  bool live = false;
  while (dirent* entry = readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    char path[300];
    std::snprintf(path, sizeof(path), "/proc/%s/stat", entry->d_name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    char buffer[512];
    ssize_t n = read(fd, buffer, sizeof(buffer) - 1);
    close(fd);
    if (n <= 0) continue;
    buffer[n] = '\0';
    // pid (comm) state ppid pgrp ...: comm may hold spaces, so parse after ')'.
    const char* close_paren = std::strrchr(buffer, ')');
    if (close_paren == nullptr) continue;
    char state = 0;
    int ppid = 0;
    int pgrp = 0;
    if (std::sscanf(close_paren + 1, " %c %d %d", &state, &ppid, &pgrp) != 3) continue;
    if (pgrp == pgid && state != 'Z' && state != 'X') {
      live = true;
      break;
    }
  }
  closedir(proc);
  return live;
}

}  // namespace

// A pipe from a child: its loaded-file reports, its ready signal, or (with
// --log) its stdout/stderr. Closed at EOF; lines from an older child than the
// current one are ignored (reports, ready) or still logged (output).
struct Supervisor::Stream {
  Supervisor* owner = nullptr;
  int kind = kReportStream;
  uint64_t generation = 0;
  uv_pipe_t pipe{};
  LineSplitter lines;
  ReportReader reports;
  ReadyDetector ready;
  bool closing = false;
  char buffer[65536];
};

// One `nodus --check FILE`, its stderr collected.
struct Supervisor::Check {
  Supervisor* owner;
  std::string file;
  uv_process_t process;
  uv_pipe_t err;
  uv_timer_t timeout;
  std::string output;
  char buffer[4096];
  int open_handles = 0;
  bool exited = false;
  bool ok = false;
  bool eof = false;
};

Supervisor::Supervisor(uv_loop_t* loop, Config config)
    : loop_(loop),
      config_(std::move(config)),
      debouncer_(config_.debounce_ms, std::max<uint64_t>(config_.debounce_ms * 10, 200)) {
  color_ = isatty(1) == 1 && std::getenv("NO_COLOR") == nullptr;
  if (const char* term = std::getenv("TERM"); term != nullptr && std::strcmp(term, "dumb") == 0) {
    color_ = false;
  }
  if (const char* force = std::getenv("FORCE_COLOR"); force != nullptr) {
    color_ = std::strcmp(force, "0") != 0 && std::strcmp(force, "false") != 0;
  }
  clear_ = isatty(1) == 1 && !config_.preserve_output;
  uv_timer_init(loop_, &debounce_timer_);
  debounce_timer_.data = this;
  uv_timer_init(loop_, &group_timer_);
  group_timer_.data = this;
  uv_timer_init(loop_, &backoff_timer_);
  backoff_timer_.data = this;
  uv_timer_init(loop_, &reload_timer_);
  reload_timer_.data = this;
  uv_timer_init(loop_, &reload_deadline_);
  reload_deadline_.data = this;
  uv_timer_init(loop_, &retire_timer_);
  retire_timer_.data = this;
}

Supervisor::~Supervisor() = default;

std::string Supervisor::CommandName() const {
  std::string joined;
  for (const std::string& part : config_.command) {
    if (!joined.empty()) joined += ' ';
    joined += part;
  }
  return InspectQuote(joined);
}

void Supervisor::Say(const char* color, const std::string& text) {
  std::string line = color_ ? std::string(color) + text + "\x1b[39m\n" : text + "\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
  if (log_ != nullptr) log_->AppendLine("watch", text);
}

void Supervisor::Note(const std::string& text) {
  std::fprintf(stderr, "nodus-watch: %s\n", text.c_str());
  std::fflush(stderr);
  if (log_ != nullptr) log_->AppendLine("watch", text);
}

Supervisor::Stream* Supervisor::OpenStream(int kind) {
  auto* stream = new Stream();
  stream->owner = this;
  stream->kind = kind;
  stream->generation = generation_;
  uv_pipe_init(loop_, &stream->pipe, 0);
  stream->pipe.data = stream;
  streams_.insert(stream);
  if (kind == kOutStream || kind == kErrStream) open_outputs_++;
  return stream;
}

void Supervisor::StartReading(Stream* stream) {
  uv_read_start(
      reinterpret_cast<uv_stream_t*>(&stream->pipe),
      [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
        Stream* s = HandleOwner<Stream>(handle->data);
        *buf = uv_buf_init(s->buffer, sizeof(s->buffer));
      },
      [](uv_stream_t* handle, ssize_t nread, const uv_buf_t* buf) {
        Stream* s = HandleOwner<Stream>(handle->data);
        if (nread < 0) {
          s->owner->CloseStream(s);
          return;
        }
        std::string_view data(buf->base, static_cast<size_t>(nread));
        if (s->kind == kReadyStream) {
          bool was_ready = s->ready.ready();
          if (s->ready.Feed(data) && !was_ready) s->owner->OnStreamLine(s, "ready");
          return;
        }
        auto emit = [s](std::string_view line) { s->owner->OnStreamLine(s, line); };
        if (s->kind == kReportStream) {
          s->reports.Feed(data, emit);
        } else {
          s->lines.Feed(data, emit);
        }
      });
}

void Supervisor::CloseStream(Stream* stream) {
  if (stream->closing) return;
  stream->closing = true;
  // An unterminated last line is still a line.
  auto emit = [stream](std::string_view line) { stream->owner->OnStreamLine(stream, line); };
  if (stream->kind == kReportStream) {
    stream->reports.Finish(emit);
  } else {
    stream->lines.Finish(emit);
  }
  uv_close(reinterpret_cast<uv_handle_t*>(&stream->pipe), [](uv_handle_t* handle) {
    Stream* s = HandleOwner<Stream>(handle->data);
    s->owner->streams_.erase(s);
    if (s->kind == kOutStream || s->kind == kErrStream) s->owner->open_outputs_--;
    delete s;
  });
}

void Supervisor::OnStreamLine(Stream* stream, std::string_view line) {
  switch (stream->kind) {
    case kOutStream:
    case kErrStream:
      if (log_ != nullptr) log_->AppendLine(stream->kind == kOutStream ? "out" : "err", line);
      return;
    case kReportStream:
      if (stream->generation == generation_) OnReportLine(std::string(line));
      return;
    case kReadyStream:
      if (stream->generation != generation_ || child_ == nullptr || child_ready_) return;
      child_ready_ = true;
      uv_update_time(loop_);
      Note(CommandName() + " is ready (pid " + std::to_string(child_->pid) + ", after " +
           std::to_string(uv_now(loop_) - child_started_) + " ms)");
      child_started_ = uv_now(loop_);
      if (reloading_) FinishReload();
      return;
    default:
      return;
  }
}

// At exit, the child's last output is still in the pipes: read it (bounded)
// so the log ends with everything the program wrote.
void Supervisor::DrainOutput() {
  if (open_outputs_ > 0) {
    bool expired = false;
    uv_timer_t timer;
    uv_timer_init(loop_, &timer);
    timer.data = &expired;
    uv_timer_start(
        &timer, [](uv_timer_t* handle) { *static_cast<bool*>(handle->data) = true; }, kDrainMs, 0);
    while (open_outputs_ > 0 && !expired) uv_run(loop_, UV_RUN_ONCE);
    uv_close(reinterpret_cast<uv_handle_t*>(&timer), nullptr);
  }
  std::vector<Stream*> open(streams_.begin(), streams_.end());
  for (Stream* stream : open) CloseStream(stream);
  uv_run(loop_, UV_RUN_NOWAIT);
}

int Supervisor::Run() {
  unsetenv(kReportFdVariable);
  unsetenv(kReadyFdVariable);
  unsetenv(kListenFdVariable);
  // A child that closed its stdin must not kill us through a write to it.
  // (libuv resets every signal's disposition in the children it spawns.)
  signal(SIGPIPE, SIG_IGN);
  int handled[] = {SIGINT, SIGTERM, SIGHUP, SIGUSR2};
  for (int i = 0; i < 4; i++) {
    uv_signal_init(loop_, &signals_[i]);
    signals_[i].data = this;
    uv_signal_start(
        &signals_[i],
        [](uv_signal_t* handle, int signum) {
          HandleOwner<Supervisor>(handle->data)->OnSignal(signum);
        },
        handled[i]);
  }
  if (watching()) {
    for (const std::string& given : config_.watch_paths) {
      std::string path = AbsolutePath(given);
      if (IsDirectory(path)) {
        WatchTree(path, 0);
      } else {
        watch_set_.Pin(path);
        size_t slash = path.rfind('/');
        WatchDirectory(slash == 0 ? "/" : path.substr(0, slash));
      }
    }
    if (!config_.raw_command && config_.watch_paths.empty()) {
      std::string main = AbsolutePath(config_.command[0]);
      if (IsFile(main)) {
        watch_set_.Pin(main);
        WatchDirectory(main.substr(0, main.rfind('/')));
      }
    }
  }
  if (config_.listen_port >= 0 && !OpenListenSocket()) return 1;
  if (watching() && !config_.inherit_stdin) StartStdin();
  if (!StartChild()) {
    DrainOutput();
    return exit_code_;
  }
  while (!done_) {
    uv_run(loop_, UV_RUN_ONCE);
  }
  // Programs a reload replaced are being stopped: wait for them too (bounded
  // by --watch-grace, SIGKILL and 5 s, see PollRetirees).
  while (!retiring_.empty()) uv_run(loop_, UV_RUN_ONCE);
  DrainOutput();
  return exit_code_;
}

bool Supervisor::StartChild() {
  NODUS_CHECK(child_ == nullptr);
  generation_++;
  int fds[2];
  int ready_fds[2] = {-1, -1};
  if (pipe2(fds, O_CLOEXEC) != 0 || (config_.ready_signal && pipe2(ready_fds, O_CLOEXEC) != 0)) {
    Note(std::string("pipe: ") + std::strerror(errno));
    Exit(1);
    return false;
  }
  std::vector<std::string> argv_strings;
  if (config_.raw_command) {
    argv_strings = config_.command;
  } else {
    argv_strings.push_back(config_.nodus);
    argv_strings.insert(argv_strings.end(), config_.nodus_args.begin(), config_.nodus_args.end());
    argv_strings.insert(argv_strings.end(), config_.command.begin(), config_.command.end());
  }
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_strings;
  for (char** entry = environ; *entry != nullptr; entry++) env_strings.emplace_back(*entry);
  env_strings.push_back(std::string(kReportFdVariable) + "=" + std::to_string(kReportFd));
  if (config_.ready_signal) {
    env_strings.push_back(std::string(kReadyFdVariable) + "=" + std::to_string(kReadyFd));
  }
  if (listen_fd_ >= 0) {
    env_strings.push_back(std::string(kListenFdVariable) + "=" + std::to_string(kListenFd));
  }
  std::vector<char*> env;
  for (std::string& entry : env_strings) env.push_back(entry.data());
  env.push_back(nullptr);

  uv_stdio_container_t stdio[6];
  for (int fd = 0; fd < 3; fd++) {
    stdio[fd].flags = UV_INHERIT_FD;
    stdio[fd].data.fd = fd;
  }
  // `rs`: the child reads a pipe we feed from our stdin.
  int stdin_fds[2] = {-1, -1};
  if (stdin_ != nullptr && !stdin_eof_ && pipe2(stdin_fds, O_CLOEXEC) == 0) {
    stdio[0].data.fd = stdin_fds[0];
  }
  stdio[3].flags = UV_INHERIT_FD;
  stdio[3].data.fd = fds[1];
  stdio[4].flags = ready_fds[1] >= 0 ? UV_INHERIT_FD : UV_IGNORE;
  stdio[4].data.fd = ready_fds[1];
  stdio[5].flags = UV_INHERIT_FD;
  stdio[5].data.fd = listen_fd_;
  Stream* outputs[2] = {nullptr, nullptr};
  if (log_ != nullptr) {
    // --log: the child's stdout and stderr come back to us, line by line.
    for (int i = 0; i < 2; i++) {
      outputs[i] = OpenStream(i == 0 ? kOutStream : kErrStream);
      stdio[i + 1].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
      stdio[i + 1].data.stream = reinterpret_cast<uv_stream_t*>(&outputs[i]->pipe);
    }
  }

  auto* process = new uv_process_t();
  process->data = this;
  uv_process_options_t options{};
  options.file = argv[0];
  options.args = argv.data();
  options.env = env.data();
  options.stdio = stdio;
  options.stdio_count = listen_fd_ >= 0 ? 6 : config_.ready_signal ? 5 : 4;
  // A new session, so a new process group whose id is the child's pid: the
  // whole tree it starts is stopped with one kill(-pgid).
  options.flags = UV_PROCESS_DETACHED;
  options.exit_cb = [](uv_process_t* handle, int64_t status, int term_signal) {
    HandleOwner<Supervisor>(handle->data)->OnProcessExit(handle, status, term_signal);
  };
  uv_update_time(loop_);
  child_started_ = uv_now(loop_);
  int err = uv_spawn(loop_, process, &options);
  close(fds[1]);
  if (ready_fds[1] >= 0) close(ready_fds[1]);
  if (stdin_fds[0] >= 0) close(stdin_fds[0]);
  if (err == 0 && stdin_fds[1] >= 0) {
    child_stdin_ = new uv_pipe_t();
    uv_pipe_init(loop_, child_stdin_, 0);
    child_stdin_->data = this;
    if (uv_pipe_open(child_stdin_, stdin_fds[1]) != 0) {
      close(stdin_fds[1]);
      CloseChildStdin();
    }
  } else if (stdin_fds[1] >= 0) {
    close(stdin_fds[1]);
  }
  if (err != 0) {
    close(fds[0]);
    if (ready_fds[0] >= 0) close(ready_fds[0]);
    for (Stream* output : outputs) {
      if (output != nullptr) CloseStream(output);
    }
    Note("cannot start " + argv_strings[0] + ": " + uv_strerror(err));
    uv_close(reinterpret_cast<uv_handle_t*>(process),
             [](uv_handle_t* handle) { delete reinterpret_cast<uv_process_t*>(handle); });
    if (reloading_) {
      AbortReload("cannot start the new program");
      return true;
    }
    last_exit_code_ = 127;
    if (watching()) {
      Say(kRed, "Failed running " + CommandName());
      state_ = State::kIdle;
      return true;
    }
    Exit(127);
    return false;
  }
  child_ = process;
  pgid_ = process->pid;
  state_ = State::kRunning;
  child_ready_ = !config_.ready_signal;
  if (!watching() && log_ != nullptr) {
    log_->AppendLine("watch", "started " + CommandName() + " (pid " + std::to_string(pgid_) + ")");
  }
  for (Stream* output : outputs) {
    if (output != nullptr) StartReading(output);
  }
  int read_ends[2] = {fds[0], ready_fds[0]};
  for (int i = 0; i < 2; i++) {
    if (read_ends[i] < 0) continue;
    Stream* stream = OpenStream(i == 0 ? kReportStream : kReadyStream);
    if (uv_pipe_open(&stream->pipe, read_ends[i]) != 0) {
      close(read_ends[i]);
      CloseStream(stream);
      continue;
    }
    StartReading(stream);
  }
  return true;
}

void Supervisor::OnReportLine(const std::string& line) {
  // --watch-path replaces reports; ReportReader passes only absolute paths.
  if (!watching() || !config_.watch_paths.empty()) return;
  if (watch_set_.AddFile(line)) {
    size_t slash = line.rfind('/');
    WatchDirectory(slash == 0 ? "/" : line.substr(0, slash));
  }
}

void Supervisor::WatchDirectory(const std::string& dir) {
  if (dir_watches_.count(dir) != 0) return;
  auto* event = new uv_fs_event_t();
  uv_fs_event_init(loop_, event);
  event->data = this;
  int err = uv_fs_event_start(
      event,
      [](uv_fs_event_t* handle, const char* filename, int, int status) {
        if (status != 0) return;
        char path[4096];
        size_t size = sizeof(path);
        if (uv_fs_event_getpath(handle, path, &size) != 0) return;
        HandleOwner<Supervisor>(handle->data)->OnFsEvent(std::string(path, size), filename);
      },
      dir.c_str(), 0);
  if (err != 0) {
    // A directory that vanished is no error; anything else (ENOSPC: the
    // inotify limit) is said once per directory, with the fix.
    if (err != UV_ENOENT) {
      std::fprintf(stderr, "%s\n", WatchErrorMessage(dir, err).c_str());
      std::fflush(stderr);
    }
    uv_close(reinterpret_cast<uv_handle_t*>(event),
             [](uv_handle_t* handle) { delete reinterpret_cast<uv_fs_event_t*>(handle); });
    return;
  }
  dir_watches_[dir] = event;
}

// --watch-path=DIR: every directory below DIR, one watch each (inotify is
// not recursive). Bounded in depth; hidden directories and node_modules skipped.
void Supervisor::WatchTree(const std::string& dir, int depth) {
  watch_set_.AddTree(dir);
  WatchDirectory(dir);
  if (depth >= 16) return;
  DIR* handle = opendir(dir.c_str());
  if (handle == nullptr) return;
  std::vector<std::string> children;
  while (dirent* entry = readdir(handle)) {
    std::string name = entry->d_name;
    if (name.empty() || name[0] == '.' || name == "node_modules") continue;
    std::string child = dir == "/" ? "/" + name : dir + "/" + name;
    if (IsDirectory(child)) children.push_back(child);
  }
  closedir(handle);
  for (const std::string& child : children) WatchTree(child, depth + 1);
}

void Supervisor::OnFsEvent(const std::string& dir, const char* name) {
  if (name == nullptr || !watching() || quitting_) return;
  std::string path;
  if (!watch_set_.Matches(dir, name, &path)) return;
  if (IsDirectory(path)) {
    // A new directory inside a --watch-path tree is watched too.
    if (dir_watches_.count(path) == 0) WatchTree(path, 1);
    return;
  }
  changed_.insert(path);
  uv_update_time(loop_);
  uint64_t now = uv_now(loop_);
  uint64_t due = debouncer_.OnEvent(now);
  uv_timer_start(
      &debounce_timer_,
      [](uv_timer_t* timer) { HandleOwner<Supervisor>(timer->data)->OnDebounce(); },
      due > now ? due - now : 0, 0);
}

void Supervisor::OnDebounce() {
  uv_update_time(loop_);
  if (!debouncer_.Fire(uv_now(loop_))) return;
  if (state_ == State::kStopping || state_ == State::kChecking) {
    // Busy: the burst is handled when the current step ends.
    restart_requested_ = true;
    return;
  }
  RunChecksThenRestart();
}

namespace {

bool ParsesCleanly(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  std::string text;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) text.append(buffer, n);
  std::fclose(file);
  return lsp::ParsesWithoutErrors(text);
}

}  // namespace

void Supervisor::RunChecksThenRestart() {
  restart_requested_ = false;
  to_check_.clear();
  if (config_.check_syntax && !config_.raw_command) {
    for (const std::string& path : changed_) {
      // tree-sitter first (about a millisecond); only what it flags is
      // confirmed by V8 through `nodus --check`, so a grammar gap never
      // blocks a valid restart.
      if ((EndsWith(path, ".js") || EndsWith(path, ".cjs")) && IsFile(path) &&
          !ParsesCleanly(path)) {
        to_check_.push_back(path);
      }
    }
  }
  changed_.clear();
  if (to_check_.empty()) {
    RestartNow();
    return;
  }
  // Check the changed files one after another; the first error stops.
  State before = state_;
  state_ = State::kChecking;
  std::string file = to_check_.back();
  to_check_.pop_back();

  auto* check = new Check();
  check->owner = this;
  check->file = file;
  uv_pipe_init(loop_, &check->err, 0);
  check->err.data = check;
  uv_timer_init(loop_, &check->timeout);
  check->timeout.data = check;
  check->open_handles = 2;
  std::string nodus = config_.nodus;
  std::string flag = "--check";
  std::vector<char*> argv = {nodus.data(), flag.data(), file.data(), nullptr};
  uv_stdio_container_t stdio[3];
  stdio[0].flags = UV_IGNORE;
  stdio[1].flags = UV_IGNORE;
  stdio[2].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
  stdio[2].data.stream = reinterpret_cast<uv_stream_t*>(&check->err);
  uv_process_options_t options{};
  options.file = argv[0];
  options.args = argv.data();
  options.stdio = stdio;
  options.stdio_count = 3;
  options.exit_cb = [](uv_process_t* handle, int64_t status, int term_signal) {
    Check* c = HandleOwner<Check>(handle->data);
    c->exited = true;
    c->ok = status == 0 && term_signal == 0;
    uv_timer_stop(&c->timeout);
    if (c->eof) c->owner->OnCheckDone(c->ok, c->file, c->output);
  };
  check->process.data = check;
  auto close_part = [](uv_handle_t* handle) {
    Check* c = HandleOwner<Check>(handle->data);
    if (--c->open_handles == 0) delete c;
  };
  int err = uv_spawn(loop_, &check->process, &options);
  if (err != 0) {
    // No checker: never block a restart on it.
    uv_close(reinterpret_cast<uv_handle_t*>(&check->err), close_part);
    uv_close(reinterpret_cast<uv_handle_t*>(&check->timeout), close_part);
    state_ = before;
    RestartNow();
    return;
  }
  check->open_handles = 3;
  check_ = check;
  uv_timer_start(
      &check->timeout,
      [](uv_timer_t* timer) {
        uv_process_kill(&HandleOwner<Check>(timer->data)->process, SIGKILL);
      },
      kCheckTimeoutMs, 0);
  uv_read_start(
      reinterpret_cast<uv_stream_t*>(&check->err),
      [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
        Check* c = HandleOwner<Check>(handle->data);
        *buf = uv_buf_init(c->buffer, sizeof(c->buffer));
      },
      [](uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        Check* c = HandleOwner<Check>(stream->data);
        if (nread > 0) {
          c->output.append(buf->base, static_cast<size_t>(nread));
          return;
        }
        if (nread == 0) return;
        uv_read_stop(stream);
        c->eof = true;
        if (c->exited) c->owner->OnCheckDone(c->ok, c->file, c->output);
      });
  // The child-state the check interrupts is restored in OnCheckDone.
  (void)before;
}

void Supervisor::OnCheckDone(bool ok, const std::string& file, const std::string& output) {
  Check* check = check_;
  check_ = nullptr;
  auto close_part = [](uv_handle_t* handle) {
    Check* c = HandleOwner<Check>(handle->data);
    if (--c->open_handles == 0) delete c;
  };
  std::string text = output;
  std::string checked = file;
  if (check != nullptr) {
    uv_close(reinterpret_cast<uv_handle_t*>(&check->process), close_part);
    uv_close(reinterpret_cast<uv_handle_t*>(&check->err), close_part);
    uv_close(reinterpret_cast<uv_handle_t*>(&check->timeout), close_part);
  }
  state_ = child_ != nullptr ? State::kRunning : State::kIdle;
  if (quitting_) return;
  if (!ok) {
    // Print the error up to its "SyntaxError: ..." line (not the checker's stack).
    std::string shown;
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      std::string line =
          text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      shown += line + "\n";
      if (line.find("Error") != std::string::npos && line.find(": ") != std::string::npos &&
          line.rfind("    at ", 0) != 0) {
        break;
      }
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    std::fputs(shown.c_str(), stderr);
    std::fflush(stderr);
    Say(kRed, std::string("Not restarting ") + CommandName() + ": " + checked +
                  " has a syntax error" +
                  (child_ != nullptr ? "; the running program is kept until it is fixed"
                                     : "; waiting for it to be fixed"));
    to_check_.clear();
    if (restart_requested_) RunChecksThenRestart();
    return;
  }
  if (!to_check_.empty()) {
    changed_.insert(to_check_.begin(), to_check_.end());
    RunChecksThenRestart();
    return;
  }
  RestartNow();
}

void Supervisor::RestartNow() {
  if (quitting_) return;
  if (GroupAlive()) {
    StopGroup(config_.kill_signal, &Supervisor::RestartNow);
    return;
  }
  if (watching()) {
    if (clear_) {
      std::fputs(
          "\x1b"
          "c",
          stdout);
    }
    Say(kGreen, "Restarting " + CommandName());
  }
  if (watching()) watch_set_.ClearReported();
  if (StartChild() && restart_requested_) RunChecksThenRestart();
}

bool Supervisor::GroupAlive() const {
  if (child_ != nullptr) return true;
  return pgid_ > 0 && GroupHasLiveMember(pgid_);
}

void Supervisor::StopGroup(int signal, void (Supervisor::*then)()) {
  if (state_ == State::kStopping) {
    after_stop_ = then;
    return;
  }
  state_ = State::kStopping;
  after_stop_ = then;
  sent_kill_ = signal == SIGKILL;
  uv_update_time(loop_);
  stop_started_ = uv_now(loop_);
  if (pgid_ > 0) kill(-pgid_, signal);
  uv_timer_start(
      &group_timer_, [](uv_timer_t* timer) { HandleOwner<Supervisor>(timer->data)->PollGroup(); },
      kGroupPollMs, kGroupPollMs);
}

void Supervisor::PollGroup() {
  if (child_ == nullptr && !GroupHasLiveMember(pgid_)) {
    uv_timer_stop(&group_timer_);
    pgid_ = 0;
    state_ = State::kIdle;
    void (Supervisor::*then)() = after_stop_;
    after_stop_ = nullptr;
    if (then != nullptr) (this->*then)();
    return;
  }
  uv_update_time(loop_);
  uint64_t elapsed = uv_now(loop_) - stop_started_;
  if (!sent_kill_ && elapsed >= config_.grace_ms) {
    sent_kill_ = true;
    kill(-pgid_, SIGKILL);
  }
  // A member that cannot be reaped (a zombie whose parent never waits) must
  // not hang the supervisor: give up waiting well after SIGKILL.
  if (sent_kill_ && child_ == nullptr && elapsed >= config_.grace_ms + 5000) {
    Note("process group " + std::to_string(pgid_) + " did not go away after SIGKILL");
    pgid_ = 0;
  }
}

void Supervisor::OnProcessExit(uv_process_t* process, int64_t status, int term_signal) {
  if (process == child_) {
    OnChildExit(status, term_signal);
    return;
  }
  int code = term_signal != 0 ? 128 + term_signal : static_cast<int>(status);
  int pid = process->pid;
  uv_close(reinterpret_cast<uv_handle_t*>(process),
           [](uv_handle_t* handle) { delete reinterpret_cast<uv_process_t*>(handle); });
  if (process == old_child_) {
    // The program a reload is replacing ended by itself meanwhile: the new
    // one is all there is now (and counts up as any child).
    old_child_ = nullptr;
    Note("reload: the old " + CommandName() + " (pid " + std::to_string(pid) +
         ") exited with code " + std::to_string(code) + " during the reload");
    if (old_pgid_ > 0) Retire(nullptr, old_pgid_, config_.kill_signal);
    old_pgid_ = 0;
    reloading_ = false;
    uv_timer_stop(&reload_timer_);
    uv_timer_stop(&reload_deadline_);
    return;
  }
  for (Retiree& retiree : retiring_) {
    if (retiree.process != process) continue;
    retiree.process = nullptr;
    if (log_ != nullptr) {
      log_->AppendLine("watch", "the replaced " + CommandName() + " (pid " + std::to_string(pid) +
                                    ") exited with code " + std::to_string(code));
    }
    PollRetirees();
    return;
  }
}

void Supervisor::OnChildExit(int64_t status, int term_signal) {
  uv_process_t* process = child_;
  child_ = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(process),
           [](uv_handle_t* handle) { delete reinterpret_cast<uv_process_t*>(handle); });
  CloseChildStdin();
  int code = term_signal != 0 ? 128 + term_signal : static_cast<int>(status);
  bool failed = code != 0;
  if (reloading_ && old_child_ != nullptr) {
    // The new program ended before it was up: the old one keeps serving.
    AbortReload("the new program exited with code " + std::to_string(code) + " before it was " +
                (config_.ready_signal ? "ready" : "up for --min-uptime"));
    return;
  }
  last_exit_code_ = code;
  if (state_ == State::kStopping) {
    PollGroup();  // often the whole group is gone already: do not wait for the next poll
    return;
  }
  if (quitting_) return;  // we stopped it: no message
  if (state_ == State::kChecking) {
    // The program ended while a change is being checked.
    if (watching())
      Say(failed ? kRed : kBlue,
          (failed ? "Failed running " : "Completed running ") + CommandName());
    return;
  }
  state_ = State::kIdle;
  if (watching()) {
    Say(failed ? kRed : kBlue, (failed ? "Failed running " : "Completed running ") + CommandName());
    return;
  }
  AfterExitProduction(code, failed);
}

void Supervisor::AfterExitProduction(int exit_code, bool failed) {
  if (config_.restart == RestartPolicy::kNever ||
      (config_.restart == RestartPolicy::kOnFailure && !failed)) {
    if (log_ != nullptr) {
      log_->AppendLine("watch", CommandName() + " exited with code " + std::to_string(exit_code) +
                                    "; not restarting");
    }
    if (GroupAlive()) {
      StopGroup(config_.kill_signal, &Supervisor::QuitNow);
      return;
    }
    Exit(exit_code);
    return;
  }
  uv_update_time(loop_);
  // With --ready-signal the run counts from the ready line; a program that
  // never said it was ready never came up.
  uint64_t uptime = child_ready_ ? uv_now(loop_) - child_started_ : 0;
  std::string code_text =
      "code " + std::to_string(exit_code) + (child_ready_ ? "" : " before it was ready");
  if (uptime < config_.min_uptime_ms) {
    quick_failures_++;
  } else {
    quick_failures_ = 0;
  }
  if (config_.max_restarts >= 0 && quick_failures_ > config_.max_restarts) {
    Note(CommandName() + " is spinning: it exited " + std::to_string(quick_failures_) +
         " times in a row within " + std::to_string(config_.min_uptime_ms) +
         " ms of starting (last exit " + code_text +
         "); giving up after --max-restarts=" + std::to_string(config_.max_restarts));
    Exit(exit_code);
    return;
  }
  uint64_t delay = quick_failures_ > 0 ? BackoffDelay(quick_failures_, config_.backoff_max_ms) : 0;
  if (quick_failures_ >= 3) {
    Note(CommandName() + " is spinning: " + std::to_string(quick_failures_) +
         " quick exits in a row (" + code_text + "); restarting in " + std::to_string(delay) +
         " ms");
  } else {
    Note(CommandName() + " exited with " + code_text + "; restarting in " + std::to_string(delay) +
         " ms");
  }
  state_ = State::kWaitingBackoff;
  uv_timer_start(
      &backoff_timer_,
      [](uv_timer_t* timer) {
        Supervisor* self = HandleOwner<Supervisor>(timer->data);
        self->state_ = State::kIdle;
        self->RestartNow();
      },
      delay, 0);
}

void Supervisor::QuitNow() {
  Exit(quit_signal_ != 0 && last_exit_code_ == 0 ? 0 : last_exit_code_);
}

void Supervisor::OnSignal(int signal) {
  if (signal == SIGUSR2) {
    // `nodus-watch reload`; in watch mode the same as `rs`.
    if (watching()) {
      ManualRestart();
    } else {
      Reload();
    }
    return;
  }
  if (quitting_) {
    // A second Ctrl-C: no more grace.
    if (pgid_ > 0) kill(-pgid_, SIGKILL);
    for (Retiree& retiree : retiring_) {
      if (retiree.pgid > 0) kill(-retiree.pgid, SIGKILL);
      retiree.killed = true;
    }
    sent_kill_ = true;
    return;
  }
  quitting_ = true;
  quit_signal_ = signal;
  uv_timer_stop(&debounce_timer_);
  uv_timer_stop(&backoff_timer_);
  if (reloading_) {
    // Both programs of an unfinished reload get the signal.
    reloading_ = false;
    uv_timer_stop(&reload_timer_);
    uv_timer_stop(&reload_deadline_);
    Retire(old_child_, old_pgid_, signal);
    old_child_ = nullptr;
    old_pgid_ = 0;
  }
  if (GroupAlive()) {
    if (state_ == State::kStopping) {
      after_stop_ = &Supervisor::QuitNow;
    } else {
      StopGroup(signal, &Supervisor::QuitNow);
    }
    return;
  }
  QuitNow();
}

// --- `rs` + Enter ---------------------------------------------------------

void Supervisor::StartStdin() {
  uv_handle_type type = uv_guess_handle(0);
  if (type == UV_TTY) {
    // Only the terminal's foreground process group may read it: a
    // supervisor started in the background (`&`) would be stopped (SIGTTIN).
    if (tcgetpgrp(0) != getpgrp()) return;
    auto* tty = new uv_tty_t();
    // libuv reopens the terminal, so its non-blocking mode never reaches
    // the children's stdout and stderr (the same terminal). The mode stays
    // cooked: lines arrive after Enter, echoed by the terminal.
    if (uv_tty_init(loop_, tty, 0, 1) != 0) {
      delete tty;
      return;
    }
    stdin_ = reinterpret_cast<uv_stream_t*>(tty);
  } else if (type == UV_NAMED_PIPE) {
    auto* pipe = new uv_pipe_t();
    uv_pipe_init(loop_, pipe, 0);
    if (uv_pipe_open(pipe, 0) != 0) {
      uv_close(reinterpret_cast<uv_handle_t*>(pipe),
               [](uv_handle_t* handle) { delete reinterpret_cast<uv_pipe_t*>(handle); });
      return;
    }
    stdin_ = reinterpret_cast<uv_stream_t*>(pipe);
  } else {
    return;  // a file or /dev/null: the child reads it itself, as under node
  }
  stdin_->data = this;
  ReadStdin();
}

void Supervisor::ReadStdin() {
  uv_read_start(
      stdin_,
      [](uv_handle_t*, size_t, uv_buf_t* buf) { *buf = uv_buf_init(new char[65536], 65536); },
      [](uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        HandleOwner<Supervisor>(stream->data)->OnStdin(nread, buf);
        delete[] buf->base;
      });
}

void Supervisor::OnStdin(ssize_t nread, const uv_buf_t* buf) {
  if (nread > 0) {
    int restarts = 0;
    std::string out =
        restart_filter_.Feed(std::string_view(buf->base, static_cast<size_t>(nread)), &restarts);
    if (!out.empty()) ForwardToChild(std::move(out));
    if (restarts > 0) ManualRestart();
    return;
  }
  if (nread == 0) return;
  // End of input (or an error): the child's pipe ends after what is queued;
  // later children read our stdin themselves (at its end, as under node).
  std::string rest = restart_filter_.Finish();
  if (!rest.empty()) ForwardToChild(std::move(rest));
  uv_read_stop(stdin_);
  stdin_eof_ = true;
  if (child_stdin_ != nullptr) {
    auto* req = new uv_shutdown_t();
    uv_stream_t* stream = reinterpret_cast<uv_stream_t*>(child_stdin_);
    child_stdin_ = nullptr;
    auto close_pipe = [](uv_handle_t* handle) { delete reinterpret_cast<uv_pipe_t*>(handle); };
    if (uv_shutdown(req, stream, [](uv_shutdown_t* r, int) {
          uv_close(reinterpret_cast<uv_handle_t*>(r->handle),
                   [](uv_handle_t* handle) { delete reinterpret_cast<uv_pipe_t*>(handle); });
          delete r;
        }) != 0) {
      delete req;
      uv_close(reinterpret_cast<uv_handle_t*>(stream), close_pipe);
    }
  }
}

namespace {

struct StdinWrite {
  uv_write_t req;
  std::string data;
};

}  // namespace

void Supervisor::ForwardToChild(std::string data) {
  if (child_stdin_ == nullptr) return;  // no program to read it: dropped
  auto* write = new StdinWrite();
  write->data = std::move(data);
  write->req.data = this;
  uv_buf_t buf = uv_buf_init(write->data.data(), static_cast<unsigned>(write->data.size()));
  uv_stream_t* stream = reinterpret_cast<uv_stream_t*>(child_stdin_);
  int err = uv_write(&write->req, stream, &buf, 1, [](uv_write_t* req, int) {
    Supervisor* self = HandleOwner<Supervisor>(req->data);
    delete reinterpret_cast<StdinWrite*>(req);
    if (self->stdin_paused_ && (self->child_stdin_ == nullptr ||
                                uv_stream_get_write_queue_size(reinterpret_cast<uv_stream_t*>(
                                    self->child_stdin_)) < kStdinQueueLimit / 2)) {
      self->stdin_paused_ = false;
      if (!self->stdin_eof_) self->ReadStdin();
    }
  });
  if (err != 0) {
    delete write;  // EPIPE: the child closed its stdin
    return;
  }
  if (uv_stream_get_write_queue_size(stream) > kStdinQueueLimit && !stdin_paused_) {
    stdin_paused_ = true;
    uv_read_stop(stdin_);
  }
}

void Supervisor::CloseChildStdin() {
  if (child_stdin_ == nullptr) return;
  // Queued writes are cancelled (their callbacks free them).
  uv_close(reinterpret_cast<uv_handle_t*>(child_stdin_),
           [](uv_handle_t* handle) { delete reinterpret_cast<uv_pipe_t*>(handle); });
  child_stdin_ = nullptr;
  if (stdin_paused_) {
    // Nothing to hold input for any more; `rs` must still be seen.
    stdin_paused_ = false;
    if (!stdin_eof_) ReadStdin();
  }
}

void Supervisor::ManualRestart() {
  if (quitting_) return;
  if (state_ == State::kStopping || state_ == State::kChecking) {
    restart_requested_ = true;
    return;
  }
  RestartNow();
}

// --- rolling restart -------------------------------------------------------

bool Supervisor::OpenListenSocket() {
  bool v6 = config_.listen_host.find(':') != std::string::npos;
  sockaddr_storage address{};
  int err = v6 ? uv_ip6_addr(config_.listen_host.c_str(), config_.listen_port,
                             reinterpret_cast<sockaddr_in6*>(&address))
               : uv_ip4_addr(config_.listen_host.c_str(), config_.listen_port,
                             reinterpret_cast<sockaddr_in*>(&address));
  int fd = err == 0 ? socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0) : -1;
  int one = 1;
  if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
      bind(fd, reinterpret_cast<sockaddr*>(&address),
           v6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in)) != 0 ||
      listen(fd, 511) != 0) {
    Note("cannot listen on " + config_.listen_host + ":" + std::to_string(config_.listen_port) +
         ": " + (err != 0 ? uv_strerror(err) : std::strerror(errno)));
    if (fd >= 0) close(fd);
    return false;
  }
  listen_fd_ = fd;
  sockaddr_storage bound{};
  socklen_t length = sizeof(bound);
  int port = config_.listen_port;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) == 0) {
    port = ntohs(v6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                    : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  }
  if (log_ != nullptr) {
    log_->AppendLine("watch", "listening on " + config_.listen_host + ":" + std::to_string(port) +
                                  " for the program (" + kListenFdVariable + "=" +
                                  std::to_string(kListenFd) + ")");
  }
  return true;
}

void Supervisor::Reload() {
  if (quitting_) return;
  if (reloading_) {
    Note("reload: one is already under way");
    return;
  }
  if (state_ == State::kWaitingBackoff) {
    // Nothing runs: start now rather than after the back-off.
    uv_timer_stop(&backoff_timer_);
    state_ = State::kIdle;
    quick_failures_ = 0;
    Note("reload: starting " + CommandName() + " now (it was waiting to restart)");
    RestartNow();
    return;
  }
  if (child_ == nullptr || state_ != State::kRunning) {
    Note("reload: ignored, no program is running");
    return;
  }
  old_child_ = child_;
  old_pgid_ = pgid_;
  old_started_ = child_started_;
  old_ready_ = child_ready_;
  child_ = nullptr;
  pgid_ = 0;
  reloading_ = true;
  Note("reload: starting a new " + CommandName() + " beside pid " +
       std::to_string(old_child_->pid));
  StartChild();
  if (!reloading_ || child_ == nullptr) return;  // it could not start
  uv_timer_start(
      &reload_deadline_,
      [](uv_timer_t* timer) {
        Supervisor* self = HandleOwner<Supervisor>(timer->data);
        self->AbortReload("the new program was not up within --reload-timeout=" +
                          std::to_string(self->config_.reload_timeout_ms) + " ms");
      },
      config_.reload_timeout_ms, 0);
  if (!config_.ready_signal) {
    // Without a ready signal, surviving --min-uptime is what "up" means.
    uv_timer_start(
        &reload_timer_,
        [](uv_timer_t* timer) { HandleOwner<Supervisor>(timer->data)->FinishReload(); },
        config_.min_uptime_ms, 0);
  }
}

void Supervisor::FinishReload() {
  if (!reloading_) return;
  reloading_ = false;
  uv_timer_stop(&reload_timer_);
  uv_timer_stop(&reload_deadline_);
  quick_failures_ = 0;
  uv_process_t* old = old_child_;
  int old_pgid = old_pgid_;
  old_child_ = nullptr;
  old_pgid_ = 0;
  Note("reload: pid " + std::to_string(pgid_) + " is up; stopping pid " + std::to_string(old_pgid));
  Retire(old, old_pgid, config_.kill_signal);
}

void Supervisor::AbortReload(const std::string& why) {
  if (!reloading_) return;
  reloading_ = false;
  uv_timer_stop(&reload_timer_);
  uv_timer_stop(&reload_deadline_);
  if (old_child_ == nullptr) return;  // the old one is gone: the new one stays
  Note("reload failed: " + why + "; pid " + std::to_string(old_pgid_) + " keeps running");
  generation_++;  // a late ready line from the abandoned program counts for nothing
  if (child_ != nullptr || pgid_ > 0) Retire(child_, pgid_, SIGKILL);
  child_ = old_child_;
  pgid_ = old_pgid_;
  child_started_ = old_started_;
  child_ready_ = old_ready_;
  old_child_ = nullptr;
  old_pgid_ = 0;
  state_ = State::kRunning;
}

void Supervisor::Retire(uv_process_t* process, int pgid, int signal) {
  if (process == nullptr && pgid <= 0) return;
  uv_update_time(loop_);
  retiring_.push_back(Retiree{process, pgid, uv_now(loop_), signal == SIGKILL});
  if (pgid > 0) kill(-pgid, signal);
  if (uv_is_active(reinterpret_cast<uv_handle_t*>(&retire_timer_)) == 0) {
    uv_timer_start(
        &retire_timer_,
        [](uv_timer_t* timer) { HandleOwner<Supervisor>(timer->data)->PollRetirees(); },
        kGroupPollMs, kGroupPollMs);
  }
}

void Supervisor::PollRetirees() {
  uv_update_time(loop_);
  uint64_t now = uv_now(loop_);
  for (size_t i = 0; i < retiring_.size();) {
    Retiree& retiree = retiring_[i];
    if (retiree.process == nullptr && (retiree.pgid <= 0 || !GroupHasLiveMember(retiree.pgid))) {
      retiring_.erase(retiring_.begin() + static_cast<long>(i));
      continue;
    }
    uint64_t elapsed = now - retiree.since;
    if (!retiree.killed && elapsed >= config_.grace_ms) {
      retiree.killed = true;
      if (retiree.pgid > 0) kill(-retiree.pgid, SIGKILL);
    }
    if (retiree.killed && retiree.process == nullptr && elapsed >= config_.grace_ms + 5000) {
      Note("process group " + std::to_string(retiree.pgid) + " did not go away after SIGKILL");
      retiring_.erase(retiring_.begin() + static_cast<long>(i));
      continue;
    }
    i++;
  }
  if (retiring_.empty()) uv_timer_stop(&retire_timer_);
}

void Supervisor::Exit(int code) {
  exit_code_ = code;
  done_ = true;
  uv_stop(loop_);
}

}  // namespace nodus::watch
