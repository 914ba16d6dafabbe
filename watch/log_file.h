#pragma once

// --log=FILE: the child's output appended to a file, one whole line per
// write(2), rotated to FILE.1 .. FILE.N at line boundaries (--log-max-size,
// --log-keep). Synchronous: a supervisor writes little, and a line is never
// held back by a slow disk's queue.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace nodus::watch {

class LogFile {
 public:
  // Opens (creating) `path` for appending; the error names the file and why.
  static Result<std::unique_ptr<LogFile>, std::string> Open(const std::string& path,
                                                            uint64_t max_size, int keep);
  ~LogFile();
  LogFile(const LogFile&) = delete;
  LogFile& operator=(const LogFile&) = delete;

  // Appends `text` (whole lines, '\n'-terminated) with one write, rotating
  // first when it would take the file past the limit. False on a write error
  // (reported once on stderr; later lines are still attempted).
  bool Append(std::string_view text);
  // `stream` is "out", "err" or "watch"; the line has no '\n'.
  bool AppendLine(std::string_view stream, std::string_view line);
  uint64_t size() const { return size_; }
  int rotations() const { return rotations_; }

 private:
  LogFile(std::string path, int fd, uint64_t size, uint64_t max_size, int keep);
  bool Rotate();

  std::string path_;
  int fd_;
  uint64_t size_;
  uint64_t max_size_;
  int keep_;
  int rotations_ = 0;
  bool reported_error_ = false;
};

}  // namespace nodus::watch
