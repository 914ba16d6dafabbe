#pragma once

// RFC 6455 framing for the inspector's server side, as pure code over bytes
// (no sockets), so it can be unit-tested and fuzzed (issue 12).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nodus::inspector {

enum WebSocketOpcode : uint8_t {
  kWsContinuation = 0x0,
  kWsText = 0x1,
  kWsBinary = 0x2,
  kWsClose = 0x8,
  kWsPing = 0x9,
  kWsPong = 0xA,
};

// Close codes (RFC 6455 §7.4.1).
inline constexpr uint16_t kWsCloseNormal = 1000;
inline constexpr uint16_t kWsCloseGoingAway = 1001;
inline constexpr uint16_t kWsCloseProtocolError = 1002;
inline constexpr uint16_t kWsCloseUnsupportedData = 1003;
inline constexpr uint16_t kWsCloseTooBig = 1009;

// Incoming messages larger than this (after reassembly) close with 1009.
inline constexpr uint64_t kMaxWebSocketMessageBytes = 512ull * 1024 * 1024;

// Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key + GUID)).
std::string WebSocketAcceptKey(std::string_view key);

// The header of one unmasked, final server frame carrying `payload_size` bytes.
std::string EncodeFrameHeader(uint8_t opcode, uint64_t payload_size);
// A whole unmasked, final server frame (for small control frames and tests).
std::string EncodeFrame(uint8_t opcode, std::string_view payload);
// A close frame's payload: the code, big-endian, then the reason.
std::string ClosePayload(uint16_t code, std::string_view reason = {});

// Decodes the client's byte stream into messages. Feed() everything received;
// it returns events one by one through Next().
class WebSocketReader {
 public:
  enum class Event {
    kNeedMore,  // nothing complete yet; Feed more bytes
    kText,      // message() holds a complete (reassembled) text message
    kBinary,    // message() holds a complete binary message
    kPing,      // message() holds the ping payload (answer with a pong)
    kPong,      // unsolicited or not, ignored by the server
    kClose,     // the client sent a close frame: close_code() (1005 if none)
    kError,     // protocol violation: close with error_code(); stop reading
  };

  void Feed(std::string_view bytes);
  Event Next();

  std::string& message() { return message_; }
  uint16_t close_code() const { return close_code_; }
  uint16_t error_code() const { return error_code_; }
  size_t buffered() const { return buffer_.size() - offset_; }

 private:
  Event Fail(uint16_t code) {
    error_code_ = code;
    failed_ = true;
    return Event::kError;
  }

  std::string buffer_;
  size_t offset_ = 0;  // bytes of buffer_ already decoded
  std::string fragments_;
  uint8_t fragments_opcode_ = 0;  // opcode of the message being reassembled, 0 if none
  std::string message_;
  uint16_t close_code_ = 0;
  uint16_t error_code_ = 0;
  bool failed_ = false;
};

}  // namespace nodus::inspector
