#pragma once

// LSP positions are (line, UTF-16 code unit); documents are UTF-8 bytes.
// Conversions walk one line, so they cost the line's length. Invalid UTF-8
// bytes count as one unit each, as editors show them as U+FFFD.

#include <cstdint>
#include <optional>
#include <string_view>

#include "lsp/core/document.h"

namespace nodus::lsp {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;  // UTF-16 code units
  bool operator==(const Position&) const = default;
};

// The byte offset of `pos`. A character past the end of its line clamps to the
// line's end (before "\r\n" or "\n"), as LSP requires. A line past the last:
// nullopt when `clamp_line` is false, else the end of the text.
std::optional<uint32_t> ToOffset(std::string_view text, const LineTable& lines, Position pos,
                                 bool clamp_line);

// The position of byte `offset` (clamped to the text; an offset inside a
// multi-byte character counts as its start).
Position ToPosition(std::string_view text, const LineTable& lines, uint32_t offset);

}  // namespace nodus::lsp
