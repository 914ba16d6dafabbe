// nodus-lsp: the language server for CommonJS JavaScript. Speaks LSP 3.17 over
// stdio; logs to stderr.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "lsp/server/server.h"

namespace {

constexpr char kHelp[] =
    "Usage: nodus-lsp [--stdio]\n"
    "\n"
    "A language server for CommonJS JavaScript (LSP 3.17 over stdin/stdout):\n"
    "diagnostics for syntax errors and unresolved require() calls, go to\n"
    "definition (require targets and local names), document symbols and\n"
    "folding ranges. Logs go to stderr.\n"
    "\n"
    "Options:\n"
    "  --stdio      talk over stdin/stdout (the default and only transport)\n"
    "  --debounce-ms N\n"
    "               publish diagnostics N ms after the last edit (default 5;\n"
    "               0: after every edit)\n"
    "  --version    print the version and exit\n"
    "  --help       print this help and exit\n";

}  // namespace

int main(int argc, char** argv) {
  int debounce_ms = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
      std::printf("nodus-lsp %s\n", NODUS_VERSION);
      return 0;
    }
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (std::strcmp(argv[i], "--stdio") == 0) continue;
    if (std::strcmp(argv[i], "--debounce-ms") == 0 && i + 1 < argc) {
      char* end = nullptr;
      long value = std::strtol(argv[++i], &end, 10);
      if (end != nullptr && *end == '\0' && value >= 0 && value <= 60000) {
        debounce_ms = static_cast<int>(value);
        continue;
      }
    }
    std::fprintf(stderr, "nodus-lsp: bad option: %s\n%s", argv[i], kHelp);
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  return nodus::lsp::RunStdio(STDIN_FILENO, STDOUT_FILENO, debounce_ms);
}
