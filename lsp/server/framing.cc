#include "lsp/server/framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace nodus::lsp {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<MessageReader::Item> MessageReader::Next() {
  if (skip_ > 0) {
    size_t n = std::min(skip_, buffer_.size());
    buffer_.erase(0, n);
    skip_ -= n;
    if (skip_ > 0) return std::nullopt;
  }
  size_t header_end = buffer_.find("\r\n\r\n");
  if (header_end == std::string::npos) {
    // Bound the header: 8 KiB without a blank line is garbage; drop it.
    if (buffer_.size() > 8192) {
      buffer_.clear();
      return Item{false, "", "header too long without a blank line"};
    }
    return std::nullopt;
  }
  std::string_view headers(buffer_.data(), header_end);
  std::optional<size_t> length;
  bool bad = false;
  while (!headers.empty()) {
    size_t eol = headers.find("\r\n");
    std::string_view line = headers.substr(0, eol);
    headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      bad = true;
      continue;
    }
    if (EqualsIgnoreCase(Trim(line.substr(0, colon)), "Content-Length")) {
      std::string_view value = Trim(line.substr(colon + 1));
      size_t n = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) {
        bad = true;
      } else {
        length = n;
      }
    }
  }
  size_t body_start = header_end + 4;
  if (bad || !length) {
    buffer_.erase(0, body_start);
    return Item{false, "", "missing or invalid Content-Length header"};
  }
  if (*length > kMaxBody) {
    buffer_.erase(0, body_start);
    skip_ = *length;
    return Item{false, "", "message body too large"};
  }
  if (buffer_.size() - body_start < *length) return std::nullopt;
  Item item;
  item.body = buffer_.substr(body_start, *length);
  buffer_.erase(0, body_start + *length);
  return item;
}

std::string Frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

}  // namespace nodus::lsp
