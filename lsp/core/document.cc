#include "lsp/core/document.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "base/check.h"
#include "lsp/core/scratch_arena.h"

extern "C" const TSLanguage* tree_sitter_javascript(void);

namespace nodus::lsp {

LineTable::LineTable(std::string_view text) {
  starts_.push_back(0);
  // memchr scans a word or a vector at a time; the workspace index builds
  // one table per file.
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (eol == nullptr) break;
    starts_.push_back(static_cast<uint32_t>(eol - begin) + 1);
    p = eol + 1;
  }
}

uint32_t LineTable::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin()) - 1;
}

TSPoint LineTable::PointAt(uint32_t offset) const {
  uint32_t line = LineOf(offset);
  return TSPoint{line, offset - starts_[line]};
}

const TSLanguage* JavascriptLanguage() { return tree_sitter_javascript(); }

namespace {
// Parsers of documents that are gone, for the next ones (the workspace index
// makes a Document per file it reads). A finished parse leaves a parser reset.
constexpr size_t kSpareParsers = 4;
thread_local bool spare_parsers_alive = false;  // trivial: readable during thread exit

struct SpareParsers {
  SpareParsers() { spare_parsers_alive = true; }
  ~SpareParsers() {
    spare_parsers_alive = false;
    for (TSParser* parser : parsers) ts_parser_delete(parser);
  }
  std::vector<TSParser*> parsers;
};
thread_local SpareParsers spare_parsers;
}  // namespace

Document::Document(std::string text)
    : text_(std::move(text)), lines_(text_), scratch_(ScratchArena::Active()) {
  std::vector<TSParser*>& spare = spare_parsers.parsers;
  if (!spare.empty() && !scratch_) {
    parser_ = spare.back();
    spare.pop_back();
  } else {
    parser_ = ts_parser_new();
    NODUS_CHECK(ts_parser_set_language(parser_, JavascriptLanguage()));
  }
  Parse(nullptr);
}

Document::~Document() {
  if (scratch_) return;  // the arena takes the tree and the parser back whole
  if (tree_ != nullptr) ts_tree_delete(tree_);
  if (spare_parsers_alive && spare_parsers.parsers.size() < kSpareParsers) {
    spare_parsers.parsers.push_back(parser_);
  } else {
    ts_parser_delete(parser_);
  }
}

void Document::Parse(TSTree* old_tree) {
  TSTree* tree =
      ts_parser_parse_string(parser_, old_tree, text_.data(), static_cast<uint32_t>(text_.size()));
  NODUS_CHECK(tree != nullptr);  // no timeout or cancellation flag is set
  if (tree_ != nullptr) ts_tree_delete(tree_);
  tree_ = tree;
  ++parse_count_;
}

void Document::Edit(uint32_t start, uint32_t old_end, std::string_view new_text) {
  uint32_t size = static_cast<uint32_t>(text_.size());
  start = std::min(start, size);
  old_end = std::clamp(old_end, start, size);
  TSInputEdit edit;
  edit.start_byte = start;
  edit.old_end_byte = old_end;
  edit.new_end_byte = start + static_cast<uint32_t>(new_text.size());
  edit.start_point = lines_.PointAt(start);
  edit.old_end_point = lines_.PointAt(old_end);
  text_.replace(start, old_end - start, new_text);
  lines_ = LineTable(text_);
  edit.new_end_point = lines_.PointAt(edit.new_end_byte);
  // tree-sitter's error recovery is not the same from an edited tree as from
  // scratch (a comment after an ASI statement lands inside or after it, ERROR
  // regions group differently), so a text with syntax errors is parsed from
  // scratch: the tree is always the one a fresh parse gives (issue 12's soak).
  // Clean texts, what is typed most of the time, reparse incrementally.
  if (!ts_node_has_error(root())) {
    ts_tree_edit(tree_, &edit);
    Parse(tree_);
    if (!ts_node_has_error(root())) return;
  }
  ts_tree_delete(tree_);
  tree_ = nullptr;
  Parse(nullptr);
}

void Document::Reset(std::string text) {
  text_ = std::move(text);
  lines_ = LineTable(text_);
  if (tree_ != nullptr) ts_tree_delete(tree_);
  tree_ = nullptr;
  Parse(nullptr);
}

std::string_view Document::NodeText(TSNode node) const {
  uint32_t start = std::min<uint32_t>(ts_node_start_byte(node), text_.size());
  uint32_t end = std::clamp<uint32_t>(ts_node_end_byte(node), start, text_.size());
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace nodus::lsp
