#pragma once

// One open JavaScript file: its text, its tree-sitter tree, and the line table.
// Edits are byte ranges: the tree is edited with ts_tree_edit and reparsed
// incrementally, so an edit costs about its own size — while the text parses
// without errors; a text with syntax errors is parsed from scratch (Edit).
// Either way the tree equals a fresh parse of the text. Positions here are byte
// offsets and (row, byte column) points; UTF-16 belongs to lsp/server.
// Not thread-safe: one owner thread.

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nodus::lsp {

struct ByteRange {
  uint32_t start = 0;
  uint32_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

// Byte offsets <-> lines. A line starts at 0 or after each '\n'.
class LineTable {
 public:
  explicit LineTable(std::string_view text = {});
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  uint32_t LineStart(uint32_t line) const { return starts_[line]; }
  // The line holding `offset` (offsets past the end map to the last line).
  uint32_t LineOf(uint32_t offset) const;
  TSPoint PointAt(uint32_t offset) const;

 private:
  std::vector<uint32_t> starts_;
};

const TSLanguage* JavascriptLanguage();

class Document {
 public:
  explicit Document(std::string text);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Replaces [start, old_end) with `new_text` (clamped to the text) and reparses:
  // incrementally when the old and the new tree have no syntax errors, else
  // from scratch (error recovery differs between the two).
  void Edit(uint32_t start, uint32_t old_end, std::string_view new_text);
  // Replaces everything (a full-text sync); parses from scratch.
  void Reset(std::string text);

  const std::string& text() const { return text_; }
  const LineTable& lines() const { return lines_; }
  TSTree* tree() const { return tree_; }
  TSNode root() const { return ts_tree_root_node(tree_); }
  std::string_view NodeText(TSNode node) const;
  // How many parses so far (the first one included); for tests.
  int parse_count() const { return parse_count_; }

 private:
  void Parse(TSTree* old_tree);

  std::string text_;
  LineTable lines_;
  TSParser* parser_ = nullptr;
  TSTree* tree_ = nullptr;
  bool scratch_ = false;  // made inside a ScratchArena, which frees the parser and tree
  int parse_count_ = 0;
};

}  // namespace nodus::lsp
