# V8's protocol description (js_protocol.json: Runtime, Debugger, Profiler,
# HeapProfiler, Schema, Console), pinned: the npm package devtools-protocol of
# May 2022 (Chrome 102, V8 10.2), fetched at build time with `npm pack` into
# the build directory and checked against the registry's sha512 before use.
# Never committed (cmake/NpmPack.cmake).
#
# include(DevtoolsProtocol) sets NODUS_JS_PROTOCOL_JSON (a build-time output
# with a custom command producing it).

set(NODUS_DEVTOOLS_PROTOCOL_VERSION "0.0.1001819")
# npm view devtools-protocol@0.0.1001819 dist.integrity
#   sha512-G6OsIFnv/rDyxSqBa2lDLR6thp9oJioLsb2Gl+LbQlyoA9/OBAkrTU9jiCcQ8Pnh7z4d6slDiLaogR5hzgJLmQ==
# as hex:
set(NODUS_DEVTOOLS_PROTOCOL_SHA512
    "1ba3ac2059effeb0f2c52a816b69432d1ead869f68262a0bb1bd8697e2db425ca803dfce04092b4d4f63882710f0f9e1ef3e1deac94388b6a8811e61ce024b99")

include(NpmPack)
nodus_npm_pack(devtools-protocol "${NODUS_DEVTOOLS_PROTOCOL_VERSION}" "${NODUS_DEVTOOLS_PROTOCOL_SHA512}"
               _dp_dir FILES json/js_protocol.json)
set(NODUS_JS_PROTOCOL_JSON "${_dp_dir}/package/json/js_protocol.json")
