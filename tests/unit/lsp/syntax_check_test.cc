// The watcher's pre-restart syntax check.
#include "lsp/core/syntax_check.h"

#include <catch2/catch.hpp>

TEST_CASE("syntax check accepts valid CommonJS") {
  CHECK(nodus::lsp::ParsesWithoutErrors("const x = require('./x');\nmodule.exports = () => x;\n"));
  CHECK(nodus::lsp::ParsesWithoutErrors("#!/usr/bin/env nodus\nconsole.log(1)\n"));
  CHECK(nodus::lsp::ParsesWithoutErrors(""));
}

TEST_CASE("syntax check flags broken code") {
  CHECK_FALSE(nodus::lsp::ParsesWithoutErrors("let x = ;\n"));
  CHECK_FALSE(nodus::lsp::ParsesWithoutErrors("function f( {\n"));
  CHECK_FALSE(nodus::lsp::ParsesWithoutErrors("const s = `unterminated\n"));
}
