// libFuzzer: Buffer's byte codecs (runtime/base/byte_codecs.h: base64,
// base64url, hex, ASCII, UTF-16LE units), what internalBinding('buffer')
// runs under Buffer.from(string, enc), buf.write() and buf.toString(enc).
// UTF-8 and Latin-1/UTF-16 strings are converted by V8, not here.
//
// Byte 0 of the input picks a decode capacity; the rest is used both as
// bytes to encode and as text to decode (one-byte characters, and two-byte
// characters from pairs of bytes). Every output buffer is a heap block of
// exactly the size the caller would allocate, so ASan reports any write past
// it. Aborts when:
//   - decode(encode(x)) != x for base64, base64url or hex, in either width,
//     or an encoding's length or alphabet is not what it should be;
//   - decoding arbitrary text gives other bytes than a plain one-character-
//     at-a-time reference decoder (skip outside the alphabet, stop at '=',
//     two-byte characters by their low byte; hex: stop at the first bad pair)
//     cut at the capacity, or more bytes than Buffer.byteLength reserves;
//   - 'ascii' leaves a high bit set, or UTF-16LE bytes -> units -> bytes
//     changes anything.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "base/byte_codecs.h"

namespace {

namespace codec = nodus::base::codec;

void Check(bool ok) {
  if (!ok) std::abort();
}

int Base64Digit(unsigned c) {
  if (c >= 'A' && c <= 'Z') return static_cast<int>(c - 'A');
  if (c >= 'a' && c <= 'z') return static_cast<int>(c - 'a' + 26);
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0' + 52);
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

template <typename Char>
std::vector<uint8_t> ReferenceBase64(const Char* src, size_t length) {
  std::vector<uint8_t> out;
  uint32_t bits = 0;
  int have = 0;
  for (size_t i = 0; i < length; i++) {
    unsigned low = static_cast<uint8_t>(src[i]);
    int digit = Base64Digit(low);
    if (digit < 0) {
      if (low == '=') break;
      continue;
    }
    bits = (bits << 6) | static_cast<uint32_t>(digit);
    have += 6;
    if (have >= 8) {
      have -= 8;
      out.push_back(static_cast<uint8_t>(bits >> have));
      bits &= (1u << have) - 1;
    }
  }
  return out;
}

int HexDigit(unsigned c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

template <typename Char>
std::vector<uint8_t> ReferenceHex(const Char* src, size_t length) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < length; i += 2) {
    int hi = HexDigit(static_cast<uint8_t>(src[i]));
    int lo = HexDigit(static_cast<uint8_t>(src[i + 1]));
    if (hi < 0 || lo < 0) break;
    out.push_back(static_cast<uint8_t>(hi * 16 + lo));
  }
  return out;
}

// A heap block of exactly `size` bytes (at least one, so it has an address).
std::unique_ptr<uint8_t[]> Block(size_t size) {
  return std::make_unique<uint8_t[]>(size + (size == 0));
}

bool SamePrefix(const uint8_t* got, size_t got_size, const std::vector<uint8_t>& want,
                size_t capacity) {
  size_t expected = want.size() < capacity ? want.size() : capacity;
  return got_size == expected && (expected == 0 || std::memcmp(got, want.data(), expected) == 0);
}

template <typename Char>
void DecodeText(const Char* text, size_t length, uint8_t choice) {
  // Base64 into what Buffer.byteLength reserves, and into a smaller block.
  size_t reserved = codec::Base64DecodedCapacity(text, length);
  std::vector<uint8_t> want = ReferenceBase64(text, length);
  Check(want.size() <= reserved);
  for (size_t capacity : {reserved, reserved * choice / 255}) {
    auto out = Block(capacity);
    size_t got = codec::DecodeBase64(out.get(), capacity, text, length);
    Check(SamePrefix(out.get(), got, want, capacity));
  }
  // Hex, as Buffer.from(s, 'hex') reserves (length / 2) and cut short.
  std::vector<uint8_t> want_hex = ReferenceHex(text, length);
  for (size_t capacity : {length / 2, (length / 2) * choice / 255}) {
    auto out = Block(capacity);
    size_t got = codec::DecodeHex(out.get(), capacity, text, length);
    Check(SamePrefix(out.get(), got, want_hex, capacity));
  }
}

// Latin-1 characters as UTF-16 code units.
std::vector<uint16_t> Widen(const uint8_t* text, size_t length) {
  return std::vector<uint16_t>(text, text + length);
}

void RoundTrip(const uint8_t* bytes, size_t size) {
  for (bool url : {false, true}) {
    size_t encoded_length = codec::Base64EncodedLength(size, url);
    auto encoded = Block(encoded_length);
    char* text = reinterpret_cast<char*>(encoded.get());
    Check(codec::EncodeBase64(text, bytes, size, url) == encoded_length);
    for (size_t i = 0; i < encoded_length; i++) {
      bool padding = !url && text[i] == '=' && i + 2 >= encoded_length;
      Check(padding ||
            (Base64Digit(static_cast<uint8_t>(text[i])) >= 0 &&
             (url ? text[i] != '+' && text[i] != '/' : text[i] != '-' && text[i] != '_')));
    }
    auto one = reinterpret_cast<const uint8_t*>(text);
    size_t capacity = codec::Base64DecodedCapacity(one, encoded_length);
    Check(capacity == size);
    auto decoded = Block(capacity);
    Check(codec::DecodeBase64(decoded.get(), capacity, one, encoded_length) == size);
    Check(size == 0 || std::memcmp(decoded.get(), bytes, size) == 0);
    std::vector<uint16_t> wide = Widen(one, encoded_length);
    Check(codec::Base64DecodedCapacity(wide.data(), wide.size()) == size);
    auto decoded_wide = Block(capacity);
    Check(codec::DecodeBase64(decoded_wide.get(), capacity, wide.data(), wide.size()) == size);
    Check(size == 0 || std::memcmp(decoded_wide.get(), bytes, size) == 0);
  }

  auto hex = Block(size * 2);
  char* hex_text = reinterpret_cast<char*>(hex.get());
  codec::EncodeHex(hex_text, bytes, size);
  for (size_t i = 0; i < size * 2; i++) Check(HexDigit(static_cast<uint8_t>(hex_text[i])) >= 0);
  auto unhex = Block(size);
  Check(codec::DecodeHex(unhex.get(), size, hex.get(), size * 2) == size);
  Check(size == 0 || std::memcmp(unhex.get(), bytes, size) == 0);

  auto ascii = Block(size);
  codec::StripHighBits(ascii.get(), bytes, size);
  for (size_t i = 0; i < size; i++) Check(ascii[i] == (bytes[i] & 0x7f));
  std::vector<uint8_t> in_place(bytes, bytes + size);
  codec::StripHighBits(in_place.data(), in_place.data(), size);
  Check(size == 0 || std::memcmp(in_place.data(), ascii.get(), size) == 0);

  size_t units = size / 2;
  auto unit_block = std::make_unique<uint16_t[]>(units + 1);
  codec::Utf16leToUnits(unit_block.get(), bytes, units);
  for (size_t i = 0; i < units; i++) {
    Check(unit_block[i] == static_cast<uint16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8)));
  }
  // Into an odd address, as a Buffer slice can be.
  auto back = Block(units * 2 + 1);
  codec::UnitsToUtf16le(back.get() + 1, unit_block.get(), units);
  Check(units == 0 || std::memcmp(back.get() + 1, bytes, units * 2) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t choice = data[0];
  const uint8_t* rest = data + 1;
  size_t length = size - 1;

  RoundTrip(rest, length);

  DecodeText(rest, length, choice);
  // Two-byte characters: pairs of input bytes, little-endian.
  std::vector<uint16_t> wide(length / 2);
  codec::Utf16leToUnits(wide.data(), rest, wide.size());
  DecodeText(wide.data(), wide.size(), choice);
  // The same text widened must decode as the one-byte text does.
  std::vector<uint16_t> widened = Widen(rest, length);
  size_t reserved = codec::Base64DecodedCapacity(rest, length);
  auto narrow_out = Block(reserved);
  auto wide_out = Block(reserved);
  size_t narrow_n = codec::DecodeBase64(narrow_out.get(), reserved, rest, length);
  size_t wide_n = codec::DecodeBase64(wide_out.get(), reserved, widened.data(), widened.size());
  Check(narrow_n == wide_n &&
        (narrow_n == 0 || std::memcmp(narrow_out.get(), wide_out.get(), narrow_n) == 0));
  return 0;
}
