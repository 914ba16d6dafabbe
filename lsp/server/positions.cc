#include "lsp/server/positions.h"

#include <algorithm>

namespace nodus::lsp {

namespace {

// The length of the UTF-8 sequence starting with `lead` (1 for invalid bytes).
uint32_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// The end of `line`'s content (before its line break).
uint32_t LineContentEnd(std::string_view text, const LineTable& lines, uint32_t line) {
  uint32_t end = line + 1 < lines.line_count() ? lines.LineStart(line + 1)
                                               : static_cast<uint32_t>(text.size());
  if (end > lines.LineStart(line) && line + 1 < lines.line_count()) {
    --end;  // the '\n'
    if (end > lines.LineStart(line) && text[end - 1] == '\r') --end;
  }
  return end;
}

}  // namespace

std::optional<uint32_t> ToOffset(std::string_view text, const LineTable& lines, Position pos,
                                 bool clamp_line) {
  if (pos.line >= lines.line_count()) {
    if (!clamp_line) return std::nullopt;
    return static_cast<uint32_t>(text.size());
  }
  uint32_t offset = lines.LineStart(pos.line);
  uint32_t end = LineContentEnd(text, lines, pos.line);
  uint32_t units = 0;
  while (offset < end && units < pos.character) {
    uint32_t len = SequenceLength(static_cast<unsigned char>(text[offset]));
    if (offset + len > end) len = 1;
    units += len == 4 ? 2 : 1;
    if (units > pos.character) break;  // inside a surrogate pair: stay before it
    offset += len;
  }
  return offset;
}

Position ToPosition(std::string_view text, const LineTable& lines, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  uint32_t line = lines.LineOf(offset);
  uint32_t i = lines.LineStart(line);
  uint32_t units = 0;
  while (i < offset) {
    uint32_t len = SequenceLength(static_cast<unsigned char>(text[i]));
    if (i + len > text.size()) len = 1;
    if (i + len > offset) break;
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return {line, units};
}

}  // namespace nodus::lsp
