#include "lsp/core/syntax_check.h"

#include <tree_sitter/api.h>

#include "base/check.h"
#include "lsp/core/document.h"

namespace nodus::lsp {

bool ParsesWithoutErrors(std::string_view source) {
  TSParser* parser = ts_parser_new();
  NODUS_CHECK(ts_parser_set_language(parser, JavascriptLanguage()));
  TSTree* tree =
      ts_parser_parse_string(parser, nullptr, source.data(), static_cast<uint32_t>(source.size()));
  bool clean = tree != nullptr && !ts_node_has_error(ts_tree_root_node(tree));
  if (tree != nullptr) ts_tree_delete(tree);
  ts_parser_delete(parser);
  return clean;
}

}  // namespace nodus::lsp
