# tree-sitter-javascript, pinned (DESIGN.md §2): the generated parser.c and
# scanner.c of the npm package, fetched at build time with `npm pack` into the
# build directory and checked against the registry's sha512 before use. Never
# committed. Compiled as a plain C library without our warning flags.
#
# include(TreeSitterJavascript) defines the target nodus_tree_sitter_javascript
# (links the system's libtree-sitter, ABI 14). In script mode (cmake -P) this
# same file does the fetch: -DOUT_DIR=<dir> -DNPM=<npm>.

set(NODUS_TS_JS_VERSION "0.23.1")
# npm view tree-sitter-javascript@0.23.1 dist.integrity
#   sha512-/bnhbrTD9frUYHQTiYnPcxyHORIw157ERBa6dqzaKxvR/x3PC4Yzd+D1pZIMS6zNg2v3a8BZ0oK7jHqsQo9fWA==
# as hex:
set(NODUS_TS_JS_SHA512
    "fdb9e16eb4c3f5fad46074138989cf731c87391230d79ec44416ba76acda2b1bd1ff1dcf0b863377e0f5a5920c4baccd836bf76bc059d282bb8c7aac428f5f58")

if(CMAKE_SCRIPT_MODE_FILE)
  set(tarball "${OUT_DIR}/tree-sitter-javascript-${NODUS_TS_JS_VERSION}.tgz")
  if(EXISTS "${tarball}")
    file(SHA512 "${tarball}" have)
    if(NOT have STREQUAL NODUS_TS_JS_SHA512)
      file(REMOVE "${tarball}")
    endif()
  endif()
  if(NOT EXISTS "${tarball}")
    file(MAKE_DIRECTORY "${OUT_DIR}")
    execute_process(
      COMMAND "${NPM}" pack "tree-sitter-javascript@${NODUS_TS_JS_VERSION}" --silent
              --pack-destination "${OUT_DIR}"
      WORKING_DIRECTORY "${OUT_DIR}"
      RESULT_VARIABLE rc
      OUTPUT_QUIET)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${tarball}")
      message(FATAL_ERROR "npm pack tree-sitter-javascript@${NODUS_TS_JS_VERSION} failed (${rc})")
    endif()
  endif()
  file(SHA512 "${tarball}" have)
  if(NOT have STREQUAL NODUS_TS_JS_SHA512)
    message(FATAL_ERROR "tree-sitter-javascript tarball sha512 mismatch:\n  got ${have}\n  want ${NODUS_TS_JS_SHA512}")
  endif()
  file(REMOVE_RECURSE "${OUT_DIR}/package")
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${OUT_DIR}" PATTERNS package/src/*)
  foreach(f parser.c scanner.c tree_sitter/parser.h)
    if(NOT EXISTS "${OUT_DIR}/package/src/${f}")
      message(FATAL_ERROR "tree-sitter-javascript: ${f} missing from the tarball")
    endif()
  endforeach()
  return()
endif()

find_program(NODUS_NPM_FOR_GRAMMAR npm REQUIRED)
pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)

set(_ts_js_dir "${CMAKE_BINARY_DIR}/third_party/tree-sitter-javascript-${NODUS_TS_JS_VERSION}")
set(_ts_js_src "${_ts_js_dir}/package/src")
add_custom_command(
  OUTPUT "${_ts_js_src}/parser.c" "${_ts_js_src}/scanner.c"
  COMMAND "${CMAKE_COMMAND}" -DOUT_DIR=${_ts_js_dir} -DNPM=${NODUS_NPM_FOR_GRAMMAR} -P
          "${CMAKE_CURRENT_LIST_FILE}"
  DEPENDS "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Fetching tree-sitter-javascript ${NODUS_TS_JS_VERSION} (npm pack, sha512-pinned)"
  VERBATIM)

add_library(nodus_tree_sitter_javascript STATIC "${_ts_js_src}/parser.c" "${_ts_js_src}/scanner.c")
set_target_properties(nodus_tree_sitter_javascript PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_include_directories(nodus_tree_sitter_javascript PRIVATE "${_ts_js_src}")
target_compile_options(nodus_tree_sitter_javascript PRIVATE -w)
target_link_libraries(nodus_tree_sitter_javascript PUBLIC PkgConfig::TREE_SITTER)
