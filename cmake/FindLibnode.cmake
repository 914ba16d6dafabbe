# Finds V8 as shipped in Debian's libnode (DESIGN.md §2): either installed
# system-wide (libnode-dev) or unpacked by scripts/setup.sh into .deps/libnode.
# Defines the imported target nodus::v8 (headers as SYSTEM, RPATH for the
# unpacked case).
set(_nodus_libnode_prefixes "${PROJECT_SOURCE_DIR}/.deps/libnode/usr" "/usr")
find_path(LIBNODE_V8_INCLUDE_DIR v8.h
  PATHS ${_nodus_libnode_prefixes} PATH_SUFFIXES include/node NO_DEFAULT_PATH)
find_path(LIBNODE_INSPECTOR_INCLUDE_DIR v8-inspector.h
  PATHS ${_nodus_libnode_prefixes} PATH_SUFFIXES include/nodejs/deps/v8/include NO_DEFAULT_PATH)
find_library(LIBNODE_LIBRARY NAMES libnode.so.108 node
  PATHS ${_nodus_libnode_prefixes} PATH_SUFFIXES lib/x86_64-linux-gnu lib NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Libnode
  REQUIRED_VARS LIBNODE_LIBRARY LIBNODE_V8_INCLUDE_DIR LIBNODE_INSPECTOR_INCLUDE_DIR)
if(Libnode_FOUND AND NOT TARGET nodus::v8)
  add_library(nodus::v8 SHARED IMPORTED)
  set_target_properties(nodus::v8 PROPERTIES
    IMPORTED_LOCATION "${LIBNODE_LIBRARY}"
    IMPORTED_NO_SONAME FALSE)
  target_include_directories(nodus::v8 SYSTEM INTERFACE
    "${LIBNODE_V8_INCLUDE_DIR}" "${LIBNODE_INSPECTOR_INCLUDE_DIR}")
  get_filename_component(LIBNODE_LIBRARY_DIR "${LIBNODE_LIBRARY}" DIRECTORY)
endif()
