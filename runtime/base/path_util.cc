#include "path_util.h"

namespace nodus::base::path {

bool IsAbsolute(std::string_view p) { return !p.empty() && p[0] == '/'; }

std::vector<std::string_view> Split(std::string_view p) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    if (j > i) parts.push_back(p.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

namespace {
// Resolves "." and ".." in `p`; ".." above the root of an absolute path is dropped,
// above a relative path it is kept (as Node's normalizeString does).
std::string NormalizeParts(std::string_view p, bool absolute) {
  std::vector<std::string_view> out;
  for (std::string_view part : Split(p)) {
    if (part == ".") continue;
    if (part == "..") {
      if (!out.empty() && out.back() != "..") {
        out.pop_back();
      } else if (!absolute) {
        out.push_back(part);
      }
      continue;
    }
    out.push_back(part);
  }
  std::string result;
  for (size_t i = 0; i < out.size(); ++i) {
    if (i > 0) result += '/';
    result += out[i];
  }
  return result;
}
}  // namespace

std::string Normalize(std::string_view p) {
  if (p.empty()) return ".";
  bool absolute = IsAbsolute(p);
  bool trailing = p.back() == '/';
  std::string body = NormalizeParts(p, absolute);
  if (body.empty() && !absolute) body = ".";
  if (!body.empty() && trailing) body += '/';
  return absolute ? "/" + body : body;
}

std::string Resolve(std::string_view cwd, std::string_view a) { return Resolve(cwd, a, ""); }

std::string Resolve(std::string_view cwd, std::string_view a, std::string_view b) {
  std::string joined;
  for (std::string_view part : {b, a, cwd}) {
    if (part.empty()) continue;
    joined = joined.empty() ? std::string(part) : std::string(part) + "/" + joined;
    if (IsAbsolute(part)) break;
  }
  if (!IsAbsolute(joined)) joined = "/" + joined;
  return "/" + NormalizeParts(joined, true);
}

std::string Dirname(std::string_view p) {
  if (p.empty()) return ".";
  size_t end = p.size();
  while (end > 1 && p[end - 1] == '/') --end;  // trailing slashes are not a component
  size_t slash = p.rfind('/', end - 1);
  if (slash == std::string_view::npos) return ".";
  while (slash > 0 && p[slash - 1] == '/') --slash;
  if (slash == 0) return "/";
  return std::string(p.substr(0, slash));
}

}  // namespace nodus::base::path
