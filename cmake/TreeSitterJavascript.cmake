# tree-sitter-javascript, pinned (DESIGN.md §2): the generated parser.c and
# scanner.c of the npm package, fetched at build time with `npm pack` into the
# build directory and checked against the registry's sha512 before use. Never
# committed. Compiled as a plain C library without our warning flags.
#
# include(TreeSitterJavascript) defines the target nodus_tree_sitter_javascript
# (the grammar, linked with the tree-sitter runtime below). The fetch:
# cmake/NpmPack.cmake.
#
# The runtime (libtree-sitter) is pinned the same way: the C library that the
# npm package `tree-sitter` (the node binding) carries in vendor/tree-sitter/lib,
# built here as one static translation unit (lib.c) with our optimisation
# flags. Debian 12's shared libtree-sitter 0.20.7 parses the same trees but
# costs about a fifth more time per parse and per cursor step (PIC calls,
# older cursor), and the workspace index parses every file (lsp/README.md).
set(NODUS_TS_RUNTIME_VERSION "0.25.1")
# npm view tree-sitter@0.25.1 dist.integrity
#   sha512-mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA==
# as hex:
set(NODUS_TS_RUNTIME_SHA512 "9ab70476462d1dfacad40e9fb373ba171901a344228395d45ea1e1c54390bb46e63e8d34405e17692c7879da5acdd1f0c674828e518a1a022a59d68de1dbd32c")

set(NODUS_TS_JS_VERSION "0.23.1")
# npm view tree-sitter-javascript@0.23.1 dist.integrity
#   sha512-/bnhbrTD9frUYHQTiYnPcxyHORIw157ERBa6dqzaKxvR/x3PC4Yzd+D1pZIMS6zNg2v3a8BZ0oK7jHqsQo9fWA==
# as hex:
set(NODUS_TS_JS_SHA512
    "fdb9e16eb4c3f5fad46074138989cf731c87391230d79ec44416ba76acda2b1bd1ff1dcf0b863377e0f5a5920c4baccd836bf76bc059d282bb8c7aac428f5f58")

include(NpmPack)
nodus_npm_pack(tree-sitter "${NODUS_TS_RUNTIME_VERSION}" "${NODUS_TS_RUNTIME_SHA512}" _ts_runtime_dir
               FILES vendor/tree-sitter/lib/src/lib.c vendor/tree-sitter/lib/include/tree_sitter/api.h
               DIRS vendor/tree-sitter/lib/src vendor/tree-sitter/lib/include)
set(_ts_lib "${_ts_runtime_dir}/package/vendor/tree-sitter/lib")
add_library(nodus_tree_sitter STATIC "${_ts_lib}/src/lib.c")
set_target_properties(nodus_tree_sitter PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_include_directories(nodus_tree_sitter PRIVATE "${_ts_lib}/src")
target_include_directories(nodus_tree_sitter SYSTEM PUBLIC "${_ts_lib}/include")
# _GNU_SOURCE: lib.c uses fdopen/le16toh; -w: third-party code never sees our warnings.
target_compile_definitions(nodus_tree_sitter PRIVATE _GNU_SOURCE _DEFAULT_SOURCE)
target_compile_options(nodus_tree_sitter PRIVATE -w -O2)

nodus_npm_pack(tree-sitter-javascript "${NODUS_TS_JS_VERSION}" "${NODUS_TS_JS_SHA512}" _ts_js_dir
               FILES src/parser.c src/scanner.c src/tree_sitter/parser.h)
set(_ts_js_src "${_ts_js_dir}/package/src")

add_library(nodus_tree_sitter_javascript STATIC "${_ts_js_src}/parser.c" "${_ts_js_src}/scanner.c")
set_target_properties(nodus_tree_sitter_javascript PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_include_directories(nodus_tree_sitter_javascript PRIVATE "${_ts_js_src}")
target_compile_options(nodus_tree_sitter_javascript PRIVATE -w)
target_link_libraries(nodus_tree_sitter_javascript PUBLIC nodus_tree_sitter)
