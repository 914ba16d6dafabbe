#include "inspector/http_request.h"

#include <arpa/inet.h>

#include <cstring>

namespace nodus::inspector {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 7230 tchar, for methods and header names.
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsTokenChar(c)) return false;
  return true;
}

bool HasControlChars(std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return true;
  }
  return false;
}

bool ParseRequestLine(std::string_view line, HttpRequest* out) {
  size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos) return false;
  size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return false;
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = line.substr(sp2 + 1);
  if (!IsToken(method) || target.empty() || target.find(' ') != std::string_view::npos ||
      HasControlChars(target))
    return false;
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' ||
      version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
    return false;
  out->method = method;
  out->target = target;
  out->version = version;
  return true;
}

}  // namespace

std::optional<std::string_view> HttpRequest::Header(std::string_view name, size_t* count) const {
  std::optional<std::string_view> found;
  size_t n = 0;
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) {
      if (!found) found = value;
      ++n;
    }
  }
  if (count) *count = n;
  return found;
}

bool HttpRequest::IsWebSocketUpgrade() const {
  auto upgrade = Header("upgrade");
  auto key = Header("sec-websocket-key");
  return upgrade && EqualsIgnoreCase(Trim(*upgrade), "websocket") && key && !key->empty();
}

ParseStatus ParseHttpRequest(std::string_view data, HttpRequest* out, size_t* consumed) {
  // Lines end in CRLF; a bare LF is accepted too, as most servers do.
  HttpRequest req;
  size_t pos = 0;
  bool first = true;
  while (true) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (data.size() > kMaxRequestHeadBytes) return ParseStatus::kError;
      // Reject obvious garbage early: the request line must start with a token.
      if (first && !data.empty()) {
        size_t sp = data.find(' ');
        std::string_view method = data.substr(0, sp == std::string_view::npos ? data.size() : sp);
        for (char c : method)
          if (!IsTokenChar(c)) return ParseStatus::kError;
        if (method.size() > 32) return ParseStatus::kError;
      }
      return ParseStatus::kIncomplete;
    }
    if (nl + 1 > kMaxRequestHeadBytes) return ParseStatus::kError;
    std::string_view line = data.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (first) {
      if (line.empty()) continue;  // tolerate leading empty lines (RFC 7230 §3.5)
      if (!ParseRequestLine(line, &req)) return ParseStatus::kError;
      first = false;
      continue;
    }
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') return ParseStatus::kError;  // obs-fold
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return ParseStatus::kError;
    std::string_view name = line.substr(0, colon);
    std::string_view value = Trim(line.substr(colon + 1));
    if (!IsToken(name) || HasControlChars(value)) return ParseStatus::kError;
    if (req.headers.size() >= 100) return ParseStatus::kError;
    req.headers.emplace_back(std::string(name), std::string(value));
  }
  *out = std::move(req);
  *consumed = pos;
  return ParseStatus::kComplete;
}

bool IsAllowedHost(std::string_view host) {
  if (host.empty()) return true;
  std::string name;
  if (host.front() == '[') {
    size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view rest = host.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    name = host.substr(1, close - 1);
    in6_addr addr6;
    return inet_pton(AF_INET6, name.c_str(), &addr6) == 1;
  }
  size_t colon = host.find(':');
  name = host.substr(0, colon);
  if (EqualsIgnoreCase(name, "localhost")) return true;
  in_addr addr4;
  return inet_pton(AF_INET, name.c_str(), &addr4) == 1;
}

Endpoint RouteHttpTarget(std::string_view target) {
  // The first path segment must be "json"; the command is the next one.
  if (target.empty() || target.front() != '/') return Endpoint::kOther;
  target.remove_prefix(1);
  size_t slash = target.find('/');
  if (!EqualsIgnoreCase(target.substr(0, slash), "json")) return Endpoint::kOther;
  if (slash == std::string_view::npos) return Endpoint::kList;
  std::string_view rest = target.substr(slash + 1);
  std::string_view command = rest.substr(0, rest.find('/'));
  if (command.empty()) return rest.empty() ? Endpoint::kList : Endpoint::kOther;
  if (EqualsIgnoreCase(command, "list")) return Endpoint::kList;
  if (EqualsIgnoreCase(command, "version")) return Endpoint::kVersion;
  if (EqualsIgnoreCase(command, "protocol")) return Endpoint::kProtocol;
  return Endpoint::kOther;
}

}  // namespace nodus::inspector
