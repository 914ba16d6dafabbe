#pragma once

// Open editor buffers shadow the disk: resolution sees an unsaved new file as
// existing, with the buffer's contents. Everything else goes to the base Fs.
// Not thread-safe: one owner thread.

#include <map>
#include <optional>
#include <string>

#include "base/fs.h"

namespace nodus::lsp {

class OverlayFs final : public base::Fs {
 public:
  explicit OverlayFs(base::Fs& base) : base_(base) {}
  void Set(const std::string& path, std::string contents) { overlay_[path] = std::move(contents); }
  void Remove(const std::string& path) { overlay_.erase(path); }

  base::FileKind Stat(const std::string& path) override;
  std::optional<std::string> ReadFile(const std::string& path) override;
  std::string RealPath(const std::string& path) override;

 private:
  base::Fs& base_;
  std::map<std::string, std::string> overlay_;
};

}  // namespace nodus::lsp
