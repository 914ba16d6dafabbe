#pragma once

// Node 20's builtin module ids, shared by the runtime's require() and nodus-lsp
// so both resolve the same way. No V8 here.

#include <array>
#include <string_view>

namespace nodus::resolve {

// Those nodus has not built yet still resolve as builtins, so require('http')
// reports "not implemented" instead of searching node_modules. Includes the
// scheme-only ids ("test"); filter with IsSchemeOnlyBuiltin for bare lists.
inline constexpr std::array<std::string_view, 69> kNodeBuiltins = {
    "_http_agent",
    "_http_client",
    "_http_common",
    "_http_incoming",
    "_http_outgoing",
    "_http_server",
    "_stream_duplex",
    "_stream_passthrough",
    "_stream_readable",
    "_stream_transform",
    "_stream_wrap",
    "_stream_writable",
    "_tls_common",
    "_tls_wrap",
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "http2",
    "https",
    "inspector",
    "inspector/promises",
    "module",
    "net",
    "os",
    "path",
    "path/posix",
    "path/win32",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "readline/promises",
    "repl",
    "stream",
    "stream/consumers",
    "stream/promises",
    "stream/web",
    "string_decoder",
    "sys",
    "timers",
    "timers/promises",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "util/types",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
    "test",
};
// Reachable only as "node:<id>".
inline constexpr std::array<std::string_view, 3> kSchemeOnlyBuiltins = {"test", "test/reporters",
                                                                        "sea"};

// Options::is_scheme_only_builtin.
bool IsSchemeOnlyBuiltin(std::string_view id);
// Options::is_builtin: bare ids ("fs", "fs/promises"), never the scheme-only ones.
bool IsBuiltin(std::string_view id);

}  // namespace nodus::resolve
