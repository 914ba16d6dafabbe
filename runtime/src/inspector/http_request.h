#pragma once

// The inspector's HTTP/1.1 request parsing and routing, as pure functions over
// bytes (no sockets), so they can be unit-tested and fuzzed (issue 12).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nodus::inspector {

// Request heads larger than this are refused (the connection is closed).
inline constexpr size_t kMaxRequestHeadBytes = 16 * 1024;

struct HttpRequest {
  std::string method;   // "GET"
  std::string target;   // "/json/list" (as sent, query included)
  std::string version;  // "HTTP/1.1"
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent, values trimmed

  // The value of the only header with this name (case-insensitive); nullopt if
  // absent. `count` (optional) receives how many such headers there were.
  std::optional<std::string_view> Header(std::string_view name, size_t* count = nullptr) const;
  // Upgrade: websocket (case-insensitive) with a Sec-WebSocket-Key.
  bool IsWebSocketUpgrade() const;
};

enum class ParseStatus { kIncomplete, kComplete, kError };

// Parses one request head (request line + headers + empty line) at the start
// of `data`. kComplete sets *out and *consumed (bytes of the head); kIncomplete
// means more bytes are needed (and none are malformed so far); kError means the
// bytes cannot be a request head or the head exceeds kMaxRequestHeadBytes.
ParseStatus ParseHttpRequest(std::string_view data, HttpRequest* out, size_t* consumed);

// The DNS-rebinding check: a Host header value is accepted when it is empty,
// "localhost" (any case), an IPv4 literal, or a bracketed IPv6 literal, each
// optionally followed by ":<anything>".
bool IsAllowedHost(std::string_view host);

// What a GET target asks for. Matching is case-insensitive on path segments:
// "/json" and "/json/" and "/json/list" list the target; "/json/version",
// "/json/protocol"; anything after a further '/' is ignored, as Node does.
enum class Endpoint { kList, kVersion, kProtocol, kOther };
Endpoint RouteHttpTarget(std::string_view target);

}  // namespace nodus::inspector
