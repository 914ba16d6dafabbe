#include "service.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

namespace nodus::watch {

namespace {

constexpr const char* kProgramName = "nodus-watch";
constexpr int kPollMs = 10;
constexpr int kAfterKillMs = 5000;

uint64_t MonotonicMs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000;
}

void SleepMs(int ms) {
  timespec ts{ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

// Reads a small file whole; false when it cannot be opened.
bool ReadSmallFile(const std::string& path, std::string* out, int* error) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = errno;
    return false;
  }
  out->clear();
  char buffer[256];
  ssize_t n;
  while (out->size() < 4096 &&
         ((n = read(fd, buffer, sizeof(buffer))) > 0 || (n < 0 && errno == EINTR))) {
    if (n > 0) out->append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return true;
}

// /proc/PID/stat: state, parent and process group (comm may hold spaces and
// parentheses, so the fields are read after the last ')').
bool ReadStat(int pid, char* state, int* ppid, int* pgrp) {
  std::string text;
  int error = 0;
  if (!ReadSmallFile("/proc/" + std::to_string(pid) + "/stat", &text, &error)) return false;
  size_t paren = text.rfind(')');
  if (paren == std::string::npos) return false;
  return std::sscanf(text.c_str() + paren + 1, " %c %d %d", state, ppid, pgrp) == 3;
}

// The process groups of `pid`'s children (the supervisor's program runs in
// its own session and group), to SIGKILL with the supervisor.
std::set<int> ChildGroups(int pid) {
  std::set<int> groups;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return groups;
  while (dirent* entry = readdir(proc)) {
    if (entry->d_name[0] < '1' || entry->d_name[0] > '9') continue;
    char state = 0;
    int ppid = 0;
    int pgrp = 0;
    if (ReadStat(std::atoi(entry->d_name), &state, &ppid, &pgrp) && ppid == pid && pgrp > 1 &&
        pgrp != getpgrp()) {
      groups.insert(pgrp);
    }
  }
  closedir(proc);
  return groups;
}

// Waits (bounded) until `pid` is gone.
bool WaitGone(int pid, uint64_t limit_ms) {
  uint64_t start = MonotonicMs();
  while (ProcessIsLive(pid)) {
    if (MonotonicMs() - start >= limit_ms) return false;
    SleepMs(kPollMs);
  }
  return true;
}

bool WriteAll(int fd, const std::string& text) {
  const char* data = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool ProcessIsLive(int pid) {
  if (pid <= 0) return false;
  if (kill(pid, 0) != 0 && errno != EPERM) return false;
  char state = 0;
  int ppid = 0;
  int pgrp = 0;
  if (!ReadStat(pid, &state, &ppid, &pgrp)) return true;  // no /proc: trust kill()
  return state != 'Z' && state != 'X';
}

std::string ProcessProgram(int pid) {
  char target[4096];
  std::string link = "/proc/" + std::to_string(pid) + "/exe";
  ssize_t n = readlink(link.c_str(), target, sizeof(target) - 1);
  if (n <= 0) return "";
  std::string path(target, static_cast<size_t>(n));
  // A binary replaced by a rebuild while it runs reads "/path (deleted)".
  constexpr std::string_view kDeleted = " (deleted)";
  if (path.size() > kDeleted.size() &&
      path.compare(path.size() - kDeleted.size(), kDeleted.size(), kDeleted) == 0) {
    path.resize(path.size() - kDeleted.size());
  }
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

PidfileState InspectPidfile(const std::string& path) {
  PidfileState state;
  std::string text;
  int error = 0;
  if (!ReadSmallFile(path, &text, &error)) {
    if (error == ENOENT) return state;
    state.kind = PidfileState::Kind::kInvalid;
    state.error = std::strerror(error);
    return state;
  }
  state.pid = ParsePid(text);
  if (state.pid <= 0) {
    state.kind = PidfileState::Kind::kInvalid;
    state.pid = 0;
    state.error = "it holds no pid";
    return state;
  }
  if (!ProcessIsLive(state.pid)) {
    state.kind = PidfileState::Kind::kStale;
    return state;
  }
  state.program = ProcessProgram(state.pid);
  state.kind = state.program.empty() || state.program == kProgramName
                   ? PidfileState::Kind::kRunning
                   : PidfileState::Kind::kForeign;
  return state;
}

Result<bool, std::string> AcquirePidfile(const std::string& path, int pid) {
  std::string temp = path + "." + std::to_string(pid) + ".tmp";
  for (int attempt = 0; attempt < 5; attempt++) {
    // O_EXCL | O_NOFOLLOW: never write through a file or symlink someone else
    // put at the temporary name; a leftover of ours is removed and retried.
    int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST && unlink(temp.c_str()) == 0) continue;
    if (fd < 0) {
      return "nodus-watch: cannot write pidfile " + path + ": " + std::strerror(errno);
    }
    bool written = WriteAll(fd, std::to_string(pid) + "\n");
    close(fd);
    if (!written) {
      unlink(temp.c_str());
      return "nodus-watch: cannot write pidfile " + path + ": " + std::strerror(errno);
    }
    // link() fails when the name exists: two supervisors starting at once
    // cannot both take the same pidfile.
    if (link(temp.c_str(), path.c_str()) == 0) {
      unlink(temp.c_str());
      return true;
    }
    int error = errno;
    if (error != EEXIST) {
      // A filesystem without hard links: check, then rename over it.
      PidfileState state = InspectPidfile(path);
      if (state.kind != PidfileState::Kind::kRunning &&
          state.kind != PidfileState::Kind::kForeign && rename(temp.c_str(), path.c_str()) == 0) {
        return true;
      }
    }
    unlink(temp.c_str());
    PidfileState state = InspectPidfile(path);
    switch (state.kind) {
      case PidfileState::Kind::kRunning:
        return "nodus-watch: " + path + " names pid " + std::to_string(state.pid) +
               ", a running nodus-watch; stop it first (nodus-watch stop --pidfile=" + path + ")";
      case PidfileState::Kind::kForeign:
        return "nodus-watch: " + path + " names pid " + std::to_string(state.pid) + " (" +
               state.program + "), a live process; remove " + path +
               " if it is stale, or pick another --pidfile";
      case PidfileState::Kind::kMissing:
        break;  // removed meanwhile: try again
      case PidfileState::Kind::kStale:
      case PidfileState::Kind::kInvalid:
        unlink(path.c_str());
        break;
    }
  }
  return "nodus-watch: cannot take pidfile " + path + ": it keeps changing";
}

void ReleasePidfile(const std::string& path, int pid) {
  std::string text;
  int error = 0;
  if (ReadSmallFile(path, &text, &error) && ParsePid(text) == pid) unlink(path.c_str());
}

Result<bool, std::string> Daemonize(const std::string& pidfile) {
  int status[2];
  if (pipe2(status, O_CLOEXEC) != 0) {
    return std::string("nodus-watch: --daemon: pipe: ") + std::strerror(errno);
  }
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t first = fork();
  if (first < 0) {
    close(status[0]);
    close(status[1]);
    return std::string("nodus-watch: --daemon: fork: ") + std::strerror(errno);
  }
  if (first > 0) {
    // The original process: report how the daemon started, then exit.
    close(status[1]);
    int ignored = 0;
    while (waitpid(first, &ignored, 0) < 0 && errno == EINTR) {
    }
    std::string message;
    char buffer[1024];
    uint64_t start = MonotonicMs();
    while (MonotonicMs() - start < 10000) {
      pollfd pfd{status[0], POLLIN, 0};
      int ready = poll(&pfd, 1, 100);
      if (ready < 0 && errno != EINTR) break;
      if (ready <= 0) continue;
      ssize_t n = read(status[0], buffer, sizeof(buffer));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      message.append(buffer, static_cast<size_t>(n));
    }
    if (message == "ok") _exit(0);
    if (message.empty()) message = "nodus-watch: --daemon: the daemon did not start";
    std::fprintf(stderr, "%s\n", message.c_str());
    _exit(1);
  }
  close(status[0]);
  setsid();
  pid_t second = fork();
  if (second < 0) {
    WriteAll(status[1], std::string("nodus-watch: --daemon: fork: ") + std::strerror(errno));
    _exit(1);
  }
  if (second > 0) _exit(0);
  // The daemon.
  auto taken = AcquirePidfile(pidfile, getpid());
  if (!taken.ok()) {
    WriteAll(status[1], taken.error());
    _exit(1);
  }
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    if (null > 2) close(null);
  }
  WriteAll(status[1], "ok");
  close(status[1]);
  return true;
}

int RunStatus(const Config& config) {
  PidfileState state = InspectPidfile(config.pidfile);
  switch (state.kind) {
    case PidfileState::Kind::kRunning:
      std::printf("running (pid %d)\n", state.pid);
      return 0;
    case PidfileState::Kind::kMissing:
      std::printf("stopped (no pidfile %s)\n", config.pidfile.c_str());
      return 3;
    case PidfileState::Kind::kStale:
      std::printf("stopped (stale pidfile %s: pid %d is not running)\n", config.pidfile.c_str(),
                  state.pid);
      return 3;
    case PidfileState::Kind::kForeign:
      std::printf("stopped (pidfile %s names pid %d, which is %s, not nodus-watch)\n",
                  config.pidfile.c_str(), state.pid, state.program.c_str());
      return 3;
    case PidfileState::Kind::kInvalid:
      std::printf("unknown (pidfile %s: %s)\n", config.pidfile.c_str(), state.error.c_str());
      return 4;
  }
  return 4;
}

// stop and reload act only on a pidfile naming a running nodus-watch: an
// unreadable one, or one naming another program, is reported (exit 1).
static int ReportUnusablePidfile(const Config& config, const PidfileState& state) {
  if (state.kind == PidfileState::Kind::kInvalid) {
    std::fprintf(stderr, "nodus-watch: pidfile %s: %s\n", config.pidfile.c_str(),
                 state.error.c_str());
  } else {
    std::fprintf(stderr,
                 "nodus-watch: pidfile %s names pid %d, which is %s, not nodus-watch; not "
                 "signalling it\n",
                 config.pidfile.c_str(), state.pid, state.program.c_str());
  }
  return 1;
}

int RunStop(const Config& config) {
  PidfileState state = InspectPidfile(config.pidfile);
  switch (state.kind) {
    case PidfileState::Kind::kMissing:
      std::printf("not running (no pidfile %s)\n", config.pidfile.c_str());
      return 0;
    case PidfileState::Kind::kStale:
      std::printf("not running (stale pidfile %s: pid %d is gone; removed)\n",
                  config.pidfile.c_str(), state.pid);
      ReleasePidfile(config.pidfile, state.pid);
      return 0;
    case PidfileState::Kind::kInvalid:
    case PidfileState::Kind::kForeign:
      return ReportUnusablePidfile(config, state);
    case PidfileState::Kind::kRunning:
      break;
  }
  int pid = state.pid;
  if (kill(pid, SIGTERM) != 0 && errno != ESRCH) {
    std::fprintf(stderr, "nodus-watch: cannot signal pid %d: %s\n", pid, std::strerror(errno));
    return 1;
  }
  if (WaitGone(pid, config.stop_timeout_ms)) {
    std::printf("stopped (pid %d)\n", pid);
    return 0;
  }
  // It did not stop in time: kill it, and its program's process groups,
  // which SIGKILL to the supervisor alone would leave running.
  std::set<int> groups = ChildGroups(pid);
  kill(pid, SIGKILL);
  for (int group : groups) kill(-group, SIGKILL);
  bool gone = WaitGone(pid, kAfterKillMs);
  ReleasePidfile(config.pidfile, pid);
  std::printf("killed (pid %d did not stop within %llu ms of SIGTERM)\n", pid,
              static_cast<unsigned long long>(config.stop_timeout_ms));
  if (!gone) {
    std::fprintf(stderr, "nodus-watch: pid %d is still there after SIGKILL\n", pid);
    return 1;
  }
  return 0;
}

int RunReload(const Config& config) {
  PidfileState state = InspectPidfile(config.pidfile);
  switch (state.kind) {
    case PidfileState::Kind::kMissing:
      std::printf("not running (no pidfile %s)\n", config.pidfile.c_str());
      return 7;
    case PidfileState::Kind::kStale:
      std::printf("not running (stale pidfile %s: pid %d is gone)\n", config.pidfile.c_str(),
                  state.pid);
      return 7;
    case PidfileState::Kind::kInvalid:
    case PidfileState::Kind::kForeign:
      return ReportUnusablePidfile(config, state);
    case PidfileState::Kind::kRunning:
      break;
  }
  if (kill(state.pid, SIGUSR2) != 0) {
    std::fprintf(stderr, "nodus-watch: cannot signal pid %d: %s\n", state.pid,
                 std::strerror(errno));
    return 1;
  }
  std::printf("reloading (pid %d)\n", state.pid);
  return 0;
}

}  // namespace nodus::watch
