# tree-sitter-javascript, pinned (DESIGN.md §2): the generated parser.c and
# scanner.c of the npm package, fetched at build time with `npm pack` into the
# build directory and checked against the registry's sha512 before use. Never
# committed. Compiled as a plain C library without our warning flags.
#
# include(TreeSitterJavascript) defines the target nodus_tree_sitter_javascript
# (links the system's libtree-sitter, ABI 14). The fetch: cmake/NpmPack.cmake.

set(NODUS_TS_JS_VERSION "0.23.1")
# npm view tree-sitter-javascript@0.23.1 dist.integrity
#   sha512-/bnhbrTD9frUYHQTiYnPcxyHORIw157ERBa6dqzaKxvR/x3PC4Yzd+D1pZIMS6zNg2v3a8BZ0oK7jHqsQo9fWA==
# as hex:
set(NODUS_TS_JS_SHA512
    "fdb9e16eb4c3f5fad46074138989cf731c87391230d79ec44416ba76acda2b1bd1ff1dcf0b863377e0f5a5920c4baccd836bf76bc059d282bb8c7aac428f5f58")

pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)

include(NpmPack)
nodus_npm_pack(tree-sitter-javascript "${NODUS_TS_JS_VERSION}" "${NODUS_TS_JS_SHA512}" _ts_js_dir
               FILES src/parser.c src/scanner.c src/tree_sitter/parser.h)
set(_ts_js_src "${_ts_js_dir}/package/src")

add_library(nodus_tree_sitter_javascript STATIC "${_ts_js_src}/parser.c" "${_ts_js_src}/scanner.c")
set_target_properties(nodus_tree_sitter_javascript PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_include_directories(nodus_tree_sitter_javascript PRIVATE "${_ts_js_src}")
target_compile_options(nodus_tree_sitter_javascript PRIVATE -w)
target_link_libraries(nodus_tree_sitter_javascript PUBLIC PkgConfig::TREE_SITTER)
