# Third-party files fetched from the npm registry at build time, pinned by
# version and by the registry's sha512 (DESIGN.md §2): `npm pack` into the
# build directory, checked, then only the needed files extracted. Never
# committed.
#
#   include(NpmPack)
#   nodus_npm_pack(<package> <version> <sha512 hex> <out dir var> FILES <paths in package/>...
#                  [DIRS <folders in package/>...])
# sets <out dir var> to the directory holding package/<paths> and adds the
# custom command that produces them (re-run only when the pin changes).
# DIRS are extracted whole (a library's sources); FILES are the outputs the
# build depends on, and are extracted too.
#
# In script mode (cmake -P) this same file does the fetch:
#   -DPACKAGE= -DVERSION= -DSHA512= -DOUT_DIR= -DNPM= -DFILES=<|-list> [-DDIRS=<|-list>]

if(CMAKE_SCRIPT_MODE_FILE)
  set(tarball "${OUT_DIR}/${PACKAGE}-${VERSION}.tgz")
  if(EXISTS "${tarball}")
    file(SHA512 "${tarball}" have)
    if(NOT have STREQUAL SHA512)
      file(REMOVE "${tarball}")
    endif()
  endif()
  if(NOT EXISTS "${tarball}")
    file(MAKE_DIRECTORY "${OUT_DIR}")
    execute_process(
      COMMAND "${NPM}" pack "${PACKAGE}@${VERSION}" --silent --pack-destination "${OUT_DIR}"
      WORKING_DIRECTORY "${OUT_DIR}"
      RESULT_VARIABLE rc
      OUTPUT_QUIET)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${tarball}")
      message(FATAL_ERROR "npm pack ${PACKAGE}@${VERSION} failed (${rc})")
    endif()
  endif()
  file(SHA512 "${tarball}" have)
  if(NOT have STREQUAL SHA512)
    message(FATAL_ERROR "${PACKAGE} tarball sha512 mismatch:\n  got ${have}\n  want ${SHA512}")
  endif()
  file(REMOVE_RECURSE "${OUT_DIR}/package")
  string(REPLACE "|" ";" files "${FILES}")
  string(REPLACE "|" ";" dirs "${DIRS}")
  set(patterns)
  foreach(f IN LISTS files dirs)
    list(APPEND patterns "package/${f}")
  endforeach()
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${OUT_DIR}" PATTERNS ${patterns})
  foreach(f IN LISTS files dirs)
    if(NOT EXISTS "${OUT_DIR}/package/${f}")
      message(FATAL_ERROR "${PACKAGE}: ${f} missing from the tarball")
    endif()
  endforeach()
  return()
endif()

set(NODUS_NPM_PACK_SCRIPT "${CMAKE_CURRENT_LIST_FILE}")

function(nodus_npm_pack package version sha512 out_dir_var)
  cmake_parse_arguments(PARSE_ARGV 4 arg "" "" "FILES;DIRS")
  find_program(NODUS_NPM_EXECUTABLE_FOR_PACK npm REQUIRED)
  set(dir "${CMAKE_BINARY_DIR}/third_party/${package}-${version}")
  set(outputs)
  foreach(f IN LISTS arg_FILES)
    list(APPEND outputs "${dir}/package/${f}")
  endforeach()
  # "|" separates the files: a ";" would split the -D argument.
  string(REPLACE ";" "|" files "${arg_FILES}")
  string(REPLACE ";" "|" dirs "${arg_DIRS}")
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND "${CMAKE_COMMAND}" -DPACKAGE=${package} -DVERSION=${version} -DSHA512=${sha512}
            -DOUT_DIR=${dir} -DNPM=${NODUS_NPM_EXECUTABLE_FOR_PACK} -DFILES=${files} -DDIRS=${dirs} -P
            "${NODUS_NPM_PACK_SCRIPT}"
    DEPENDS "${NODUS_NPM_PACK_SCRIPT}"
    COMMENT "Fetching ${package} ${version} (npm pack, sha512-pinned)"
    VERBATIM)
  set(${out_dir_var} "${dir}" PARENT_SCOPE)
endfunction()
