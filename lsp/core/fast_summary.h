#pragma once

// The summary of a file that no editor has open, without tree-sitter: a
// JavaScript tokenizer and a skim of the top-level statements. The workspace
// index summarizes every file of the workspace; tree-sitter's parse and the
// walk of its tree are nine tenths of that cost, and most files are plain
// CommonJS (requires, functions, `module.exports = {…}`).
//
// It answers only when it is sure to give exactly what Summarize gives from
// the full parse (summary.h), and nullopt otherwise: anything it does not
// understand (ESM, an `if` without braces, a line break before `{` that may
// be an automatic semicolon, a regular expression after `}`, a name of a
// required module declared again anywhere…) sends the file to the full parse. Syntax errors it does
// not notice (it checks tokens and brackets, not the grammar) leave it with the summary of what it
// read, where tree-sitter's error recovery may give up on the rest of the statement; the file is
// parsed in full when it is opened. tests/unit/lsp/fast_summary_test.cc holds it to that on every
// JavaScript file of the repository and of the npm trees it finds, and on thousands of random edits
// of them.

#include <optional>
#include <string_view>

#include "lsp/core/summary.h"

namespace nodus::lsp {

std::optional<FileSummary> FastSummarize(std::string_view text);

}  // namespace nodus::lsp
