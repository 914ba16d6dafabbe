// Buffer's byte codecs (runtime/base/byte_codecs.h); tests/fuzz/fuzz_buffer_codecs.cc
// checks the same properties on arbitrary input.
#include "base/byte_codecs.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace codec = nodus::base::codec;

namespace {

std::string Base64(const std::string& bytes, bool url) {
  std::string out(codec::Base64EncodedLength(bytes.size(), url), '\0');
  size_t n = codec::EncodeBase64(out.data(), reinterpret_cast<const uint8_t*>(bytes.data()),
                                 bytes.size(), url);
  CHECK(n == out.size());
  return out;
}

std::string Unbase64(const std::string& text) {
  auto src = reinterpret_cast<const uint8_t*>(text.data());
  std::string out(codec::Base64DecodedCapacity(src, text.size()), '\0');
  out.resize(
      codec::DecodeBase64(reinterpret_cast<uint8_t*>(out.data()), out.size(), src, text.size()));
  return out;
}

}  // namespace

TEST_CASE("base64 and base64url encode as Buffer does") {
  CHECK(Base64("", false).empty());
  CHECK(Base64("f", false) == "Zg==");
  CHECK(Base64("fo", false) == "Zm8=");
  CHECK(Base64("foo", false) == "Zm9v");
  CHECK(Base64("\xfb\xff", false) == "+/8=");
  CHECK(Base64("\xfb\xff", true) == "-_8");
}

TEST_CASE("base64 decoding skips what is not in the alphabet and stops at '='") {
  CHECK(Unbase64("Zm9v") == "foo");
  CHECK(Unbase64("Zm 9\nv") == "foo");
  CHECK(Unbase64("Zg==Zm9v") == "f");
  CHECK(Unbase64("-_8") == "\xfb\xff");
  CHECK(Unbase64("+/8=") == "\xfb\xff");
  // Two-byte characters are read by their low byte.
  std::vector<uint16_t> wide = {0x15a, 0x16d, '9', 'v'};
  uint8_t out[3];
  CHECK(codec::DecodeBase64(out, 3, wide.data(), wide.size()) == 3);
  CHECK(std::string(reinterpret_cast<char*>(out), 3) == "foo");
}

TEST_CASE("hex decoding stops at the first pair that is not two digits") {
  const std::string text = "0aFfzz12";
  uint8_t out[4] = {};
  CHECK(codec::DecodeHex(out, 4, reinterpret_cast<const uint8_t*>(text.data()), text.size()) == 2);
  CHECK(out[0] == 0x0a);
  CHECK(out[1] == 0xff);
  char hex[4];
  codec::EncodeHex(hex, out, 2);
  CHECK(std::string(hex, 4) == "0aff");
}

TEST_CASE("UTF-16LE bytes and code units, at any alignment") {
  const uint8_t bytes[] = {0x00, 0x3d, 0xd8, 0x00, 0xde};
  uint16_t units[2];
  codec::Utf16leToUnits(units, bytes + 1, 2);
  CHECK(units[0] == 0xd83d);
  CHECK(units[1] == 0xde00);
  uint8_t back[5] = {};
  codec::UnitsToUtf16le(back + 1, units, 2);
  CHECK(std::equal(back + 1, back + 5, bytes + 1));
}
