#pragma once

// The filesystem seam. Everything above runtime/base that looks at files
// (resolver, LSP index) goes through Fs, so tests use MemoryFs and the LSP can
// overlay open editor buffers. Not thread-safe: one owner thread per instance.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace nodus::base {

enum class FileKind { kNone, kFile, kDirectory };

class Fs {  // all paths absolute
 public:
  virtual ~Fs() = default;
  // Follows symlinks, like stat(2).
  virtual FileKind Stat(const std::string& path) = 0;
  virtual std::optional<std::string> ReadFile(const std::string& path) = 0;
  // Canonical path (symlinks resolved); returns `path` unchanged if it cannot be resolved.
  virtual std::string RealPath(const std::string& path) = 0;
};

// The real disk. Stat results are cached until ClearStatCache(), like Node's
// stat cache during module loading. RealPath remembers the canonical path of
// every directory it passes through until ClearCaches(), like Node's
// realpathCache, so a file costs one lstat unless it is itself a symlink.
// ReadFile is not cached.
class RealFs final : public Fs {
 public:
  FileKind Stat(const std::string& path) override;
  std::optional<std::string> ReadFile(const std::string& path) override;
  std::string RealPath(const std::string& path) override;
  void ClearStatCache();
  void ClearCaches();  // stats and directories' real paths

 private:
  // The canonical path of directory `dir` (absolute, normalized), or "" if it
  // cannot be resolved.
  const std::string& RealDirectory(const std::string& dir);

  std::unordered_map<std::string, FileKind> stat_cache_;
  std::unordered_map<std::string, std::string> real_directories_;
};

// An in-memory tree for tests. Adding an entry creates its missing parent
// directories. Symlink targets may be relative (to the link's directory) and
// may dangle. Counts Stat calls so tests can check the resolver's I/O budget.
class MemoryFs final : public Fs {
 public:
  MemoryFs();
  void AddFile(const std::string& path, std::string contents);
  void AddDir(const std::string& path);
  void AddSymlink(const std::string& path, std::string target);
  void Remove(const std::string& path);

  FileKind Stat(const std::string& path) override;
  std::optional<std::string> ReadFile(const std::string& path) override;
  std::string RealPath(const std::string& path) override;

  int stat_calls() const { return stat_calls_; }
  int read_calls() const { return read_calls_; }

 private:
  enum class Kind { kFile, kDirectory, kSymlink };
  struct Entry {
    Kind kind;
    std::string data;  // file contents or symlink target
  };
  // The canonical path of `path` if every component exists after following
  // symlinks; std::nullopt otherwise (missing component, loop).
  std::optional<std::string> Canonical(const std::string& path) const;
  void AddParents(const std::string& path);

  std::map<std::string, Entry> entries_;
  int stat_calls_ = 0;
  int read_calls_ = 0;
};

}  // namespace nodus::base
