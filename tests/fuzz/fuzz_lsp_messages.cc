// libFuzzer: nodus-lsp's framing and message handling. The input is a byte
// stream as a client would send it (Content-Length framing); every body goes
// to an in-process Server over an in-memory disk. Nothing may crash, and the
// server must keep answering.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/fs.h"
#include "server/framing.h"
#include "server/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nodus::base::MemoryFs fs;
  fs.AddFile("/w/lib.js",
             "exports.answer = 42;\nmodule.exports.f = function f(a) { return a; };\n");
  fs.AddFile("/w/node_modules/pkg/package.json", R"({"exports": {".": "./i.js", "./x": null}})");
  fs.AddFile("/w/node_modules/pkg/i.js", "module.exports = {};\n");
  size_t replies = 0;
  // Directory listings (require completion, the workspace crawl) come from
  // nowhere: a fuzzed rootUri must not walk the real disk.
  nodus::lsp::Server server(
      fs, [&](const nodus::lsp::Json&) { replies++; }, nullptr,
      [](const std::string&) { return std::vector<nodus::lsp::DirEntry>(); });
  nodus::lsp::MessageReader reader;
  reader.Feed(std::string_view(reinterpret_cast<const char*>(data), size));
  while (auto item = reader.Next()) {
    if (item->ok) server.HandleBody(item->body);
    if (server.exited()) break;
  }
  return 0;
}
