#include "inspector/websocket_frame.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace nodus::inspector {

std::string WebSocketAcceptKey(std::string_view key) {
  static constexpr std::string_view kGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  std::string input(key);
  input += kGuid;
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  unsigned char out[4 * ((SHA_DIGEST_LENGTH + 2) / 3) + 1];
  int n = EVP_EncodeBlock(out, digest, SHA_DIGEST_LENGTH);
  return std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}

std::string EncodeFrameHeader(uint8_t opcode, uint64_t payload_size) {
  std::string h;
  h.push_back(static_cast<char>(0x80 | (opcode & 0x0f)));
  if (payload_size < 126) {
    h.push_back(static_cast<char>(payload_size));
  } else if (payload_size <= 0xffff) {
    h.push_back(static_cast<char>(126));
    h.push_back(static_cast<char>(payload_size >> 8));
    h.push_back(static_cast<char>(payload_size & 0xff));
  } else {
    h.push_back(static_cast<char>(127));
    for (int shift = 56; shift >= 0; shift -= 8)
      h.push_back(static_cast<char>((payload_size >> shift) & 0xff));
  }
  return h;
}

std::string EncodeFrame(uint8_t opcode, std::string_view payload) {
  std::string f = EncodeFrameHeader(opcode, payload.size());
  f.append(payload);
  return f;
}

std::string ClosePayload(uint16_t code, std::string_view reason) {
  std::string p;
  p.push_back(static_cast<char>(code >> 8));
  p.push_back(static_cast<char>(code & 0xff));
  p.append(reason);
  return p;
}

void WebSocketReader::Feed(std::string_view bytes) {
  if (failed_) return;
  // Drop what was decoded before growing the buffer, so it does not creep.
  if (offset_ > 0 && (offset_ == buffer_.size() || offset_ >= 64 * 1024)) {
    buffer_.erase(0, offset_);
    offset_ = 0;
  }
  buffer_.append(bytes);
}

WebSocketReader::Event WebSocketReader::Next() {
  if (failed_) return Event::kError;
  while (true) {
    const auto* p = reinterpret_cast<const unsigned char*>(buffer_.data()) + offset_;
    size_t avail = buffer_.size() - offset_;
    if (avail < 2) return Event::kNeedMore;
    bool fin = (p[0] & 0x80) != 0;
    uint8_t rsv = p[0] & 0x70;
    uint8_t opcode = p[0] & 0x0f;
    bool masked = (p[1] & 0x80) != 0;
    uint64_t len = p[1] & 0x7f;
    size_t head = 2;
    if (rsv != 0) return Fail(kWsCloseProtocolError);  // no extensions were negotiated
    if (!masked) return Fail(kWsCloseProtocolError);   // §5.1: client frames are masked
    bool control = (opcode & 0x8) != 0;
    if (opcode != kWsContinuation && opcode != kWsText && opcode != kWsBinary &&
        opcode != kWsClose && opcode != kWsPing && opcode != kWsPong)
      return Fail(kWsCloseProtocolError);
    if (control && (!fin || len > 125)) return Fail(kWsCloseProtocolError);
    if (len == 126) {
      if (avail < 4) return Event::kNeedMore;
      len = (uint64_t{p[2]} << 8) | p[3];
      if (len < 126) return Fail(kWsCloseProtocolError);  // not the minimal encoding
      head = 4;
    } else if (len == 127) {
      if (avail < 10) return Event::kNeedMore;
      if (p[2] & 0x80) return Fail(kWsCloseProtocolError);  // §5.2: the top bit is 0
      len = 0;
      for (int i = 2; i < 10; ++i) len = (len << 8) | p[i];
      if (len <= 0xffff) return Fail(kWsCloseProtocolError);
      head = 10;
    }
    if (len > kMaxWebSocketMessageBytes ||
        (!control && fragments_.size() + len > kMaxWebSocketMessageBytes))
      return Fail(kWsCloseTooBig);
    if (avail - head < 4 || avail - head - 4 < len) {
      // Reserve once for a large frame so appends do not reallocate repeatedly.
      if (buffer_.capacity() < offset_ + head + 4 + len) buffer_.reserve(offset_ + head + 4 + len);
      return Event::kNeedMore;
    }
    const unsigned char* mask = p + head;
    const unsigned char* payload = mask + 4;
    size_t n = static_cast<size_t>(len);
    offset_ += head + 4 + n;

    auto unmask_into = [&](std::string* dst) {
      size_t base = dst->size();
      dst->resize(base + n);
      char* out = dst->data() + base;
      for (size_t i = 0; i < n; ++i) out[i] = static_cast<char>(payload[i] ^ mask[i & 3]);
    };

    switch (opcode) {
      case kWsPing:
        message_.clear();
        unmask_into(&message_);
        return Event::kPing;
      case kWsPong:
        return Event::kPong;
      case kWsClose: {
        if (n == 1) return Fail(kWsCloseProtocolError);
        message_.clear();
        unmask_into(&message_);
        close_code_ = n >= 2 ? static_cast<uint16_t>((static_cast<uint8_t>(message_[0]) << 8) |
                                                     static_cast<uint8_t>(message_[1]))
                             : 1005;
        return Event::kClose;
      }
      case kWsContinuation:
        if (fragments_opcode_ == 0) return Fail(kWsCloseProtocolError);
        unmask_into(&fragments_);
        if (!fin) continue;
        message_ = std::move(fragments_);
        fragments_.clear();
        opcode = fragments_opcode_;
        fragments_opcode_ = 0;
        return opcode == kWsText ? Event::kText : Event::kBinary;
      default:  // kWsText, kWsBinary
        if (fragments_opcode_ != 0) return Fail(kWsCloseProtocolError);
        if (!fin) {
          fragments_opcode_ = opcode;
          fragments_.clear();
          unmask_into(&fragments_);
          continue;
        }
        message_.clear();
        unmask_into(&message_);
        return opcode == kWsText ? Event::kText : Event::kBinary;
    }
  }
}

}  // namespace nodus::inspector
