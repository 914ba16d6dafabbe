#include "lsp/core/index.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "lsp/core/fast_summary.h"
#include "lsp/core/scratch_arena.h"
#include "resolve/resolve.h"

namespace nodus::lsp {
namespace {
constexpr int kMaxDepth = 16;  // re-export chains deeper than this are cycles
constexpr size_t kMaxWorkspaceFiles = 20000;
}  // namespace

std::vector<DirEntry> ListRealDir(const std::string& dir) {
  std::vector<DirEntry> out;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) return out;
  for (const auto& entry : it) {
    std::error_code type_ec;
    bool is_dir = entry.is_directory(type_ec);
    bool is_link = entry.is_symlink(type_ec);
    out.push_back({entry.path().filename().string(), is_dir, is_link});
  }
  std::sort(out.begin(), out.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

void WorkspaceIndex::SetOpen(const std::string& path, const Document& doc, int64_t version) {
  auto file = std::make_unique<File>();
  file->version = version;
  file->text = doc.text();
  file->lines = doc.lines();
  file->summary = Summarize(doc);
  file->open = true;
  ++computed_;
  files_[path] = std::move(file);
}

void WorkspaceIndex::Invalidate(const std::string& path) { files_.erase(path); }

const WorkspaceIndex::File* WorkspaceIndex::Get(const std::string& path) {
  auto it = files_.find(path);
  if (it != files_.end()) return it->second.get();
  std::optional<std::string> text = fs_.ReadFile(path);
  if (!text) return nullptr;
  auto file = std::make_unique<File>();
  if (std::optional<FileSummary> fast = FastSummarize(*text)) {
    // Plain CommonJS, summarized from its tokens (fast_summary.h).
    file->summary = std::move(*fast);
    file->lines = LineTable(*text);
    file->text = std::move(*text);
  } else {
    ++full_parses_;
    std::optional<ScratchArena> arena;
    if (text->size() <= ScratchArena::kMaxText) arena.emplace();
    Document doc(std::move(*text));
    file->summary = Summarize(doc);
    file->lines = doc.lines();
    file->text = doc.text();
  }
  ++computed_;
  const File* out = file.get();
  files_[path] = std::move(file);
  return out;
}

std::optional<std::string> WorkspaceIndex::ResolveFile(resolve::Resolver& resolver,
                                                       const std::string& specifier,
                                                       const std::string& from) {
  auto resolved = resolver.Resolve(specifier, from);
  if (!resolved.ok() || resolved.value().builtin) return std::nullopt;
  return resolved.value().path;
}

std::optional<Location> WorkspaceIndex::FindExport(resolve::Resolver& resolver,
                                                   const std::string& path, const std::string& name,
                                                   int depth) {
  if (depth > kMaxDepth) return std::nullopt;
  const File* file = Get(path);
  if (file == nullptr) return std::nullopt;
  for (const ExportEntry& e : file->summary.exports) {
    if (e.name != name) continue;
    if (e.from_specifier.empty()) return Location{path, e.definition};
    std::optional<std::string> target = ResolveFile(resolver, e.from_specifier, path);
    if (!target) return Location{path, e.definition};
    if (e.from_name.empty()) return ModuleLocation(resolver, *target, depth + 1);
    std::optional<Location> found = FindExport(resolver, *target, e.from_name, depth + 1);
    return found ? found : Location{path, e.definition};
  }
  if (!file->summary.module.reexport.empty()) {
    std::optional<std::string> target = ResolveFile(resolver, file->summary.module.reexport, path);
    if (target) return FindExport(resolver, *target, name, depth + 1);
  }
  return std::nullopt;
}

Location WorkspaceIndex::ModuleLocation(resolve::Resolver& resolver, const std::string& path,
                                        int depth) {
  const File* file = Get(path);
  if (file == nullptr || depth > kMaxDepth || !file->summary.module.assigned) {
    return {path, {0, 0}};
  }
  const ModuleValue& m = file->summary.module;
  if (!m.reexport.empty()) {
    if (std::optional<std::string> target = ResolveFile(resolver, m.reexport, path)) {
      return ModuleLocation(resolver, *target, depth + 1);
    }
  }
  return {path, m.definition};
}

std::vector<ExportEntry> WorkspaceIndex::ExportsOf(resolve::Resolver& resolver,
                                                   const std::string& path, int hops) {
  const File* file = Get(path);
  if (file == nullptr) return {};
  std::vector<ExportEntry> out = file->summary.exports;
  if (!file->summary.module.reexport.empty() && hops > 0) {
    if (auto target = ResolveFile(resolver, file->summary.module.reexport, path)) {
      for (ExportEntry& e : ExportsOf(resolver, *target, hops - 1)) {
        bool seen = std::any_of(out.begin(), out.end(),
                                [&](const ExportEntry& x) { return x.name == e.name; });
        if (!seen) out.push_back(std::move(e));
      }
    }
  }
  return out;
}

void WorkspaceIndex::AddRoot(const std::string& root, const ListDir& list) {
  CrawlRoot(root, list);
  while (IndexNext(256) > 0) {
  }
}

size_t WorkspaceIndex::IndexNext(size_t count) {
  size_t done = 0;
  while (done < count && indexed_ < workspace_files_.size()) {
    Get(workspace_files_[indexed_++]);
    ++done;
  }
  return done;
}

bool WorkspaceIndex::InWorkspace(const std::string& path) const {
  return std::any_of(roots_.begin(), roots_.end(), [&](const std::string& root) {
    return path.starts_with(root.ends_with("/") ? root : root + "/");
  });
}

void WorkspaceIndex::AddWorkspaceFile(const std::string& path) {
  if (std::find(workspace_files_.begin(), workspace_files_.end(), path) == workspace_files_.end()) {
    workspace_files_.push_back(path);
  }
}

void WorkspaceIndex::RemoveRoot(const std::string& root) {
  auto it = std::find(roots_.begin(), roots_.end(), root);
  if (it == roots_.end()) return;
  roots_.erase(it);
  std::string prefix = root.ends_with("/") ? root : root + "/";
  std::vector<std::string> kept;
  for (std::string& path : workspace_files_) {
    if (!path.starts_with(prefix) || InWorkspace(path)) {
      kept.push_back(std::move(path));
      continue;
    }
    auto file = files_.find(path);
    if (file != files_.end() && !file->second->open) files_.erase(file);
  }
  workspace_files_ = std::move(kept);
  indexed_ = 0;  // re-walks the kept ones; their summaries are cached
}

void WorkspaceIndex::CrawlRoot(const std::string& root, const ListDir& list) {
  if (std::find(roots_.begin(), roots_.end(), root) != roots_.end()) return;
  roots_.push_back(root);
  std::vector<std::string> stack = {root};
  std::set<std::string> known(workspace_files_.begin(), workspace_files_.end());
  while (!stack.empty() && workspace_files_.size() < kMaxWorkspaceFiles) {
    std::string dir = std::move(stack.back());
    stack.pop_back();
    for (const DirEntry& e : list(dir)) {
      // A symlink may lead out of the workspace or back into it (a loop).
      if (e.name.empty() || e.name[0] == '.' || e.symlink) continue;
      std::string child = dir == "/" ? "/" + e.name : dir + "/" + e.name;
      if (e.directory) {
        if (e.name != "node_modules") stack.push_back(child);
      } else if ((e.name.ends_with(".js") || e.name.ends_with(".cjs")) &&
                 known.insert(child).second) {
        workspace_files_.push_back(child);
      }
    }
  }
}

std::vector<std::pair<Location, bool>> WorkspaceIndex::Uses(resolve::Resolver& resolver,
                                                            const Location& def,
                                                            const std::string& name) {
  std::vector<std::pair<Location, bool>> out;
  std::set<std::string> paths(workspace_files_.begin(), workspace_files_.end());
  for (const auto& [path, file] : files_) paths.insert(path);
  // The names the export may go by: `name` and every name a re-export
  // (`exports.b = require('./y').a`) connects to it, to a fixed point.
  std::set<std::string> names;
  if (!name.empty()) {
    names.insert(name);
    for (bool grew = true; grew;) {
      grew = false;
      for (const std::string& path : paths) {
        const File* file = Get(path);
        if (file == nullptr) continue;
        for (const ExportEntry& e : file->summary.exports) {
          if (e.from_name.empty() || names.contains(e.name) == names.contains(e.from_name)) {
            continue;
          }
          names.insert(e.name);
          names.insert(e.from_name);
          grew = true;
        }
      }
    }
  }
  for (const std::string& path : paths) {
    const File* file = Get(path);
    if (file == nullptr) continue;
    std::map<std::string, std::optional<std::string>> targets;
    for (const ImportUse& use : file->summary.uses) {
      if (!names.empty() && !names.contains(use.name)) continue;
      auto [it, inserted] = targets.emplace(use.specifier, std::nullopt);
      if (inserted) it->second = ResolveFile(resolver, use.specifier, path);
      if (!it->second) continue;
      std::optional<Location> found = FindExport(resolver, *it->second, use.name);
      if (found && *found == def) out.push_back({{path, use.range}, use.shorthand});
    }
    // Intermediate re-exports (`exports.a = require('./y').a`) name it too.
    for (const ExportEntry& e : file->summary.exports) {
      if (e.from_specifier.empty() || (!names.empty() && !names.contains(e.name))) continue;
      std::optional<Location> found = FindExport(resolver, path, e.name);
      if (found && *found == def && !(Location{path, e.name_range} == def)) {
        out.push_back({{path, e.name_range}, false});
      }
    }
  }
  return out;
}

}  // namespace nodus::lsp
