#include "log_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "watch_logic.h"

namespace nodus::watch {

namespace {

int OpenForAppend(const std::string& path) {
  int fd;
  do {
    // O_NOFOLLOW: a symlink planted at the log's name (in a shared directory)
    // must not make the supervisor append to another file.
    fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

int64_t NowMs() {
  struct timeval tv {};
  gettimeofday(&tv, nullptr);
  return static_cast<int64_t>(tv.tv_sec) * 1000 + tv.tv_usec / 1000;
}

}  // namespace

Result<std::unique_ptr<LogFile>, std::string> LogFile::Open(const std::string& path,
                                                            uint64_t max_size, int keep) {
  int fd = OpenForAppend(path);
  if (fd < 0 && errno == ELOOP) {
    return "nodus-watch: log file " + path + " is a symbolic link; refusing to follow it";
  }
  if (fd < 0) return "nodus-watch: cannot open log file " + path + ": " + std::strerror(errno);
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return "nodus-watch: log file " + path + " is not a regular file";
  }
  return std::unique_ptr<LogFile>(
      new LogFile(path, fd, static_cast<uint64_t>(st.st_size), max_size, keep));
}

LogFile::LogFile(std::string path, int fd, uint64_t size, uint64_t max_size, int keep)
    : path_(std::move(path)), fd_(fd), size_(size), max_size_(max_size), keep_(keep) {}

LogFile::~LogFile() {
  if (fd_ >= 0) close(fd_);
}

bool LogFile::Rotate() {
  for (const auto& [from, to] : RotationRenames(path_, keep_)) {
    if (rename(from.c_str(), to.c_str()) != 0 && errno != ENOENT) {
      std::fprintf(stderr, "nodus-watch: cannot rotate %s to %s: %s\n", from.c_str(), to.c_str(),
                   std::strerror(errno));
    }
  }
  if (keep_ == 0) unlink(path_.c_str());
  int fd = OpenForAppend(path_);
  if (fd < 0) {
    std::fprintf(stderr, "nodus-watch: cannot reopen log file %s: %s\n", path_.c_str(),
                 std::strerror(errno));
    return false;  // keep writing to the old descriptor: nothing is lost
  }
  close(fd_);
  fd_ = fd;
  struct stat st {};
  size_ = fstat(fd_, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  rotations_++;
  return true;
}

bool LogFile::Append(std::string_view text) {
  if (ShouldRotate(size_, text.size(), max_size_)) Rotate();
  const char* data = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = write(fd_, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (!reported_error_) {
        reported_error_ = true;
        std::fprintf(stderr, "nodus-watch: cannot write to log file %s: %s\n", path_.c_str(),
                     std::strerror(errno));
      }
      return false;
    }
    data += n;
    left -= static_cast<size_t>(n);
    size_ += static_cast<uint64_t>(n);
  }
  return true;
}

bool LogFile::AppendLine(std::string_view stream, std::string_view line) {
  return Append(FormatLogLine(NowMs(), stream, line));
}

}  // namespace nodus::watch
