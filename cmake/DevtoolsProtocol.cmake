# V8's protocol description (js_protocol.json: Runtime, Debugger, Profiler,
# HeapProfiler, Schema, Console), pinned: the npm package devtools-protocol of
# May 2022 (Chrome 102, V8 10.2), fetched at build time with `npm pack` into
# the build directory and checked against the registry's sha512 before use.
# Never committed.
#
# include(DevtoolsProtocol) sets NODUS_JS_PROTOCOL_JSON (a build-time output
# with a custom command producing it). In script mode (cmake -P) this same file
# does the fetch: -DOUT_DIR=<dir> -DNPM=<npm>.

set(NODUS_DEVTOOLS_PROTOCOL_VERSION "0.0.1001819")
# npm view devtools-protocol@0.0.1001819 dist.integrity
#   sha512-G6OsIFnv/rDyxSqBa2lDLR6thp9oJioLsb2Gl+LbQlyoA9/OBAkrTU9jiCcQ8Pnh7z4d6slDiLaogR5hzgJLmQ==
# as hex:
set(NODUS_DEVTOOLS_PROTOCOL_SHA512
    "1ba3ac2059effeb0f2c52a816b69432d1ead869f68262a0bb1bd8697e2db425ca803dfce04092b4d4f63882710f0f9e1ef3e1deac94388b6a8811e61ce024b99")

if(CMAKE_SCRIPT_MODE_FILE)
  set(tarball "${OUT_DIR}/devtools-protocol-${NODUS_DEVTOOLS_PROTOCOL_VERSION}.tgz")
  if(EXISTS "${tarball}")
    file(SHA512 "${tarball}" have)
    if(NOT have STREQUAL NODUS_DEVTOOLS_PROTOCOL_SHA512)
      file(REMOVE "${tarball}")
    endif()
  endif()
  if(NOT EXISTS "${tarball}")
    file(MAKE_DIRECTORY "${OUT_DIR}")
    execute_process(
      COMMAND "${NPM}" pack "devtools-protocol@${NODUS_DEVTOOLS_PROTOCOL_VERSION}" --silent
              --pack-destination "${OUT_DIR}"
      WORKING_DIRECTORY "${OUT_DIR}"
      RESULT_VARIABLE rc
      OUTPUT_QUIET)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${tarball}")
      message(FATAL_ERROR "npm pack devtools-protocol@${NODUS_DEVTOOLS_PROTOCOL_VERSION} failed (${rc})")
    endif()
  endif()
  file(SHA512 "${tarball}" have)
  if(NOT have STREQUAL NODUS_DEVTOOLS_PROTOCOL_SHA512)
    message(FATAL_ERROR "devtools-protocol tarball sha512 mismatch:\n  got ${have}\n  want ${NODUS_DEVTOOLS_PROTOCOL_SHA512}")
  endif()
  file(REMOVE_RECURSE "${OUT_DIR}/package")
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${OUT_DIR}" PATTERNS package/json/js_protocol.json)
  if(NOT EXISTS "${OUT_DIR}/package/json/js_protocol.json")
    message(FATAL_ERROR "devtools-protocol: json/js_protocol.json missing from the tarball")
  endif()
  return()
endif()

find_program(NODUS_NPM_FOR_PROTOCOL npm REQUIRED)
set(_dp_dir "${CMAKE_BINARY_DIR}/third_party/devtools-protocol-${NODUS_DEVTOOLS_PROTOCOL_VERSION}")
set(NODUS_JS_PROTOCOL_JSON "${_dp_dir}/package/json/js_protocol.json")
add_custom_command(
  OUTPUT "${NODUS_JS_PROTOCOL_JSON}"
  COMMAND "${CMAKE_COMMAND}" -DOUT_DIR=${_dp_dir} -DNPM=${NODUS_NPM_FOR_PROTOCOL} -P
          "${CMAKE_CURRENT_LIST_FILE}"
  DEPENDS "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Fetching devtools-protocol ${NODUS_DEVTOOLS_PROTOCOL_VERSION} (npm pack, sha512-pinned)"
  VERBATIM)
