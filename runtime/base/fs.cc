#include "fs.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <deque>
#include <vector>

#include "check.h"
#include "path_util.h"

namespace nodus::base {

// ---- RealFs ----

FileKind RealFs::Stat(const std::string& path) {
  auto it = stat_cache_.find(path);
  if (it != stat_cache_.end()) return it->second;
  struct stat st;
  FileKind kind = FileKind::kNone;
  if (::stat(path.c_str(), &st) == 0) {
    kind = S_ISDIR(st.st_mode) ? FileKind::kDirectory : FileKind::kFile;
  }
  stat_cache_.emplace(path, kind);
  return kind;
}

void RealFs::ClearStatCache() { stat_cache_.clear(); }

void RealFs::ClearCaches() {
  stat_cache_.clear();
  real_directories_.clear();
}

std::optional<std::string> RealFs::ReadFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;  // EISDIR and friends
    }
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

namespace {

std::string LibcRealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) return {};
  return buf;
}

// An absolute path without "." or ".." components, empty components or a
// trailing slash: the only shape the cached walk below handles.
bool IsPlainAbsolute(const std::string& path) {
  if (path.size() < 2 || path[0] != '/' || path.back() == '/') return false;
  return path.find("//") == std::string::npos && path.find("/./") == std::string::npos &&
         path.find("/../") == std::string::npos && !path.ends_with("/.") && !path.ends_with("/..");
}

}  // namespace

const std::string& RealFs::RealDirectory(const std::string& dir) {
  if (auto it = real_directories_.find(dir); it != real_directories_.end()) return it->second;
  std::string real;
  if (dir == "/") {
    real = "/";
  } else {
    struct stat st;
    if (::lstat(dir.c_str(), &st) != 0) {
      real.clear();
    } else if (S_ISLNK(st.st_mode)) {
      real = LibcRealPath(dir);
    } else if (S_ISDIR(st.st_mode)) {
      size_t slash = dir.rfind('/');
      const std::string& parent = RealDirectory(slash == 0 ? "/" : dir.substr(0, slash));
      if (!parent.empty()) real = (parent == "/" ? "" : parent) + dir.substr(slash);
    }
  }
  return real_directories_.emplace(dir, std::move(real)).first->second;
}

std::string RealFs::RealPath(const std::string& path) {
  if (!IsPlainAbsolute(path)) {
    std::string real = LibcRealPath(path);
    return real.empty() ? path : real;
  }
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return path;
  if (S_ISDIR(st.st_mode)) {
    const std::string& real = RealDirectory(path);
    return real.empty() ? path : real;
  }
  if (S_ISLNK(st.st_mode)) {
    std::string real = LibcRealPath(path);
    return real.empty() ? path : real;
  }
  size_t slash = path.rfind('/');
  const std::string& dir = RealDirectory(slash == 0 ? "/" : path.substr(0, slash));
  if (dir.empty()) return path;
  return (dir == "/" ? "" : dir) + path.substr(slash);
}

// ---- MemoryFs ----

MemoryFs::MemoryFs() { entries_["/"] = Entry{Kind::kDirectory, {}}; }

void MemoryFs::AddParents(const std::string& path) {
  std::string dir = path::Dirname(path);
  if (entries_.count(dir)) return;
  AddParents(dir);
  entries_[dir] = Entry{Kind::kDirectory, {}};
}

void MemoryFs::AddFile(const std::string& path, std::string contents) {
  NODUS_CHECK(path::IsAbsolute(path));
  std::string p = path::Normalize(path);
  AddParents(p);
  entries_[p] = Entry{Kind::kFile, std::move(contents)};
}

void MemoryFs::AddDir(const std::string& path) {
  NODUS_CHECK(path::IsAbsolute(path));
  std::string p = path::Resolve("/", path);
  AddParents(p);
  entries_[p] = Entry{Kind::kDirectory, {}};
}

void MemoryFs::AddSymlink(const std::string& path, std::string target) {
  NODUS_CHECK(path::IsAbsolute(path));
  std::string p = path::Resolve("/", path);
  AddParents(p);
  entries_[p] = Entry{Kind::kSymlink, std::move(target)};
}

void MemoryFs::Remove(const std::string& path) { entries_.erase(path::Resolve("/", path)); }

std::optional<std::string> MemoryFs::Canonical(const std::string& path) const {
  // Walk component by component; a symlink's target components are pushed in
  // front of the remaining ones, so ".." after a link goes up from the target.
  std::deque<std::string> pending;
  for (std::string_view part : path::Split(path)) pending.emplace_back(part);
  std::vector<std::string> done;
  auto joined = [&done] {
    std::string s;
    for (const auto& d : done) s += "/" + d;
    return s.empty() ? std::string("/") : s;
  };
  int links = 0;
  while (!pending.empty()) {
    std::string part = std::move(pending.front());
    pending.pop_front();
    if (part == ".") continue;
    if (part == "..") {
      if (!done.empty()) done.pop_back();
      continue;
    }
    std::string parent = joined();
    auto parent_it = entries_.find(parent);
    if (parent_it == entries_.end() || parent_it->second.kind != Kind::kDirectory) {
      return std::nullopt;
    }
    std::string next = parent == "/" ? "/" + part : parent + "/" + part;
    auto it = entries_.find(next);
    if (it == entries_.end()) return std::nullopt;
    if (it->second.kind != Kind::kSymlink) {
      done.push_back(std::move(part));
      continue;
    }
    if (++links > 40) return std::nullopt;  // ELOOP
    const std::string& target = it->second.data;
    if (path::IsAbsolute(target)) done.clear();
    auto target_parts = path::Split(target);
    for (auto r = target_parts.rbegin(); r != target_parts.rend(); ++r) {
      pending.emplace_front(*r);
    }
  }
  return joined();
}

FileKind MemoryFs::Stat(const std::string& path) {
  ++stat_calls_;
  auto canonical = Canonical(path);
  if (!canonical) return FileKind::kNone;
  return entries_.at(*canonical).kind == Kind::kDirectory ? FileKind::kDirectory : FileKind::kFile;
}

std::optional<std::string> MemoryFs::ReadFile(const std::string& path) {
  ++read_calls_;
  auto canonical = Canonical(path);
  if (!canonical) return std::nullopt;
  const Entry& entry = entries_.at(*canonical);
  if (entry.kind != Kind::kFile) return std::nullopt;
  return entry.data;
}

std::string MemoryFs::RealPath(const std::string& path) {
  auto canonical = Canonical(path);
  return canonical ? *canonical : path;
}

}  // namespace nodus::base
