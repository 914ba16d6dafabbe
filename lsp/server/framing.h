#pragma once

// LSP base protocol framing: "Content-Length: N\r\n" (other headers ignored),
// "\r\n", then N bytes of JSON. The reader is fed arbitrary chunks and yields
// whole bodies; a header block without a valid Content-Length is reported and
// skipped, so the stream stays usable.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nodus::lsp {

class MessageReader {
 public:
  // Bodies larger than this are a framing error (and are skipped).
  static constexpr size_t kMaxBody = 64 * 1024 * 1024;

  void Feed(std::string_view bytes) { buffer_.append(bytes); }

  struct Item {
    bool ok = true;
    std::string body;   // when ok
    std::string error;  // when !ok: why the header block was dropped
  };
  // The next complete message or framing error; nullopt when more bytes are needed.
  std::optional<Item> Next();

 private:
  std::string buffer_;
  size_t skip_ = 0;  // body bytes still to discard after an oversized header
};

// The framed form of `body`.
std::string Frame(std::string_view body);

}  // namespace nodus::lsp
