#include "lsp/core/overlay_fs.h"

namespace nodus::lsp {

base::FileKind OverlayFs::Stat(const std::string& path) {
  if (overlay_.count(path) != 0) return base::FileKind::kFile;
  return base_.Stat(path);
}

std::optional<std::string> OverlayFs::ReadFile(const std::string& path) {
  auto it = overlay_.find(path);
  if (it != overlay_.end()) return it->second;
  return base_.ReadFile(path);
}

std::string OverlayFs::RealPath(const std::string& path) {
  if (overlay_.count(path) != 0 && base_.Stat(path) == base::FileKind::kNone) return path;
  return base_.RealPath(path);
}

}  // namespace nodus::lsp
