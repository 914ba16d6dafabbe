#pragma once

// The workspace index: per-file summaries by path, answering cross-file
// questions (where is export `a` of this module defined, what does it export,
// who uses it). Open buffers are pushed in by the server and shadow the disk;
// other files are read, parsed and summarized on demand and kept until
// invalidated. Not thread-safe: one owner thread.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/fs.h"
#include "lsp/core/summary.h"

namespace nodus::resolve {
class Resolver;
}

namespace nodus::lsp {

struct Location {
  std::string path;
  ByteRange range;
  bool operator==(const Location&) const = default;
};

struct DirEntry {
  std::string name;
  bool directory = false;  // a directory, or a symlink to one
  bool symlink = false;
};
// Lists a directory (names only, no "." or ".."); empty when it cannot.
using ListDir = std::function<std::vector<DirEntry>(const std::string& dir)>;
// std::filesystem over the real disk.
std::vector<DirEntry> ListRealDir(const std::string& dir);

class WorkspaceIndex {
 public:
  struct File {
    std::string text;
    LineTable lines;
    FileSummary summary;
    bool open = false;
    int64_t version = -1;  // the open buffer's version it was computed from; -1 for disk
  };

  explicit WorkspaceIndex(base::Fs& fs) : fs_(fs) {}

  // An open buffer changed (or opened): recompute its summary only.
  void SetOpen(const std::string& path, const Document& doc, int64_t version = 0);
  // Forget `path` (closed, or changed on disk): it is re-read when next asked.
  void Invalidate(const std::string& path);
  // The summary of `path`, reading and parsing it if needed; nullptr when unreadable.
  const File* Get(const std::string& path);
  size_t size() const { return files_.size(); }
  int summaries_computed() const { return computed_; }
  // How many disk files needed tree-sitter's full parse (FastSummarize could not answer).
  int full_parses() const { return full_parses_; }

  // Where export `name` of module `path` is defined, through re-exports at any depth.
  std::optional<Location> FindExport(resolve::Resolver& resolver, const std::string& path,
                                     const std::string& name, int depth = 0);
  // Where the module's value is defined: module.exports = X (followed through
  // re-exports), else the top of the file.
  Location ModuleLocation(resolve::Resolver& resolver, const std::string& path, int depth = 0);
  // The exports of `path`, following `module.exports = require(…)` `hops` times.
  std::vector<ExportEntry> ExportsOf(resolve::Resolver& resolver, const std::string& path,
                                     int hops = 1);
  // Resolves `specifier` from `from` to a file path (not builtins).
  std::optional<std::string> ResolveFile(resolve::Resolver& resolver, const std::string& specifier,
                                         const std::string& from);

  // Adds every .js/.cjs file under `root` (node_modules and dot folders
  // skipped) to the set `Uses` searches; summaries are computed then.
  // Symlinks are not followed (files or folders): the crawl never leaves the
  // root and never loops. Requires still resolve through symlinks as in node
  // (npm link, pnpm), reading the target when a question reaches it.
  void AddRoot(const std::string& root, const ListDir& list);
  // The same in steps: CrawlRoot lists the files (no parsing); IndexNext
  // summarizes up to `count` of the files not yet indexed and returns how many
  // it did (0: everything crawled is indexed).
  void CrawlRoot(const std::string& root, const ListDir& list);
  size_t IndexNext(size_t count);
  size_t indexed() const { return indexed_; }
  // Drops a workspace folder: its files leave the set `Uses` searches and
  // their (disk) summaries are forgotten.
  void RemoveRoot(const std::string& root);
  // A file appeared under a root (didChangeWatchedFiles): searched from now on.
  void AddWorkspaceFile(const std::string& path);
  bool InWorkspace(const std::string& path) const;
  // Every place in the workspace that refers to the export defined at `def`:
  // importers' `x.a`, destructuring keys, `require('./m').a`.
  // `name` (optional) is the export's name where the question was asked:
  // then only uses under that name or a re-export alias of it are resolved
  // (a workspace of 10,000 files has too many uses to resolve them all).
  std::vector<std::pair<Location, bool /*shorthand*/>> Uses(resolve::Resolver& resolver,
                                                            const Location& def,
                                                            const std::string& name = "");
  const std::vector<std::string>& workspace_files() const { return workspace_files_; }

 private:
  base::Fs& fs_;
  std::map<std::string, std::unique_ptr<File>> files_;
  std::vector<std::string> workspace_files_;
  std::vector<std::string> roots_;
  size_t indexed_ = 0;  // workspace_files_[0, indexed_) have been summarized
  int computed_ = 0;
  int full_parses_ = 0;
};

}  // namespace nodus::lsp
