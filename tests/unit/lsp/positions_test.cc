#include "lsp/server/positions.h"

#include <catch2/catch.hpp>

namespace nodus::lsp {
namespace {

TEST_CASE("positions: UTF-16 columns over multi-byte text", "[lsp][utf16]") {
  // 'é' is 2 bytes and 1 unit; '😀' is 4 bytes and 2 units (a surrogate pair).
  std::string text = "aé😀b\r\nx\n";
  LineTable lines(text);
  REQUIRE(lines.line_count() == 3);
  CHECK(ToOffset(text, lines, {0, 0}, false) == 0u);
  CHECK(ToOffset(text, lines, {0, 1}, false) == 1u);
  CHECK(ToOffset(text, lines, {0, 2}, false) == 3u);
  CHECK(ToOffset(text, lines, {0, 3}, false) == 3u);  // inside the pair: before it
  CHECK(ToOffset(text, lines, {0, 4}, false) == 7u);
  CHECK(ToOffset(text, lines, {0, 5}, false) == 8u);
  CHECK(ToOffset(text, lines, {0, 99}, false) == 8u);  // clamps before "\r\n"
  CHECK(ToOffset(text, lines, {1, 0}, false) == 10u);
  CHECK(ToOffset(text, lines, {2, 0}, false) == 12u);
  CHECK(ToOffset(text, lines, {3, 0}, false) == std::nullopt);
  CHECK(ToOffset(text, lines, {3, 0}, true) == 12u);

  CHECK(ToPosition(text, lines, 3) == Position{0, 2});
  CHECK(ToPosition(text, lines, 7) == Position{0, 4});
  CHECK(ToPosition(text, lines, 8) == Position{0, 5});
  CHECK(ToPosition(text, lines, 10) == Position{1, 0});
  CHECK(ToPosition(text, lines, 5) == Position{0, 2});  // mid-character: its start
  CHECK(ToPosition(text, lines, 999) == Position{2, 0});
}

TEST_CASE("positions: round trip on every character boundary", "[lsp][utf16]") {
  std::string text = "const ünï = '日本語';\n// 🎉🎉 x\n";
  LineTable lines(text);
  for (uint32_t offset = 0; offset <= text.size(); ++offset) {
    unsigned char c = offset < text.size() ? static_cast<unsigned char>(text[offset]) : 0;
    if ((c & 0xC0) == 0x80) continue;  // not a boundary
    Position pos = ToPosition(text, lines, offset);
    if (offset < text.size() && text[offset] == '\n') continue;  // clamps to the line end anyway
    CHECK(ToOffset(text, lines, pos, false) == offset);
  }
}

TEST_CASE("positions: invalid UTF-8 counts one unit per byte", "[lsp][utf16]") {
  std::string text =
      "a\xff\xfe"
      "b";
  LineTable lines(text);
  CHECK(ToPosition(text, lines, 3) == Position{0, 3});
  CHECK(ToOffset(text, lines, {0, 3}, false) == 3u);
}

}  // namespace
}  // namespace nodus::lsp
