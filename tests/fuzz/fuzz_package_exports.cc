// libFuzzer: package.json "exports"/"imports" resolution (runtime/resolve).
// The input is "<package.json text>\0<request>"; the package lives in
// /app/node_modules/pkg and the request is made from /app/main.js (a request
// starting with '#' goes through the app's own "imports").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/fs.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t split = input.find('\0');
  std::string_view json = input.substr(0, split);
  std::string request =
      split == std::string_view::npos ? "pkg" : std::string(input.substr(split + 1));
  nodus::base::MemoryFs fs;
  fs.AddFile("/app/package.json", std::string(json));
  fs.AddFile("/app/main.js", "");
  fs.AddFile("/app/node_modules/pkg/package.json", std::string(json));
  fs.AddFile("/app/node_modules/pkg/index.js", "");
  fs.AddFile("/app/node_modules/pkg/lib/a.js", "");
  fs.AddFile("/app/node_modules/pkg/lib/b.json", "{}");
  nodus::resolve::Options options;
  options.is_builtin = [](std::string_view id) { return id == "fs" || id == "path"; };
  options.cwd = "/app";
  nodus::resolve::Resolver resolver(fs, std::move(options));
  (void)resolver.Resolve(
      request.empty() || request[0] == '#' || request[0] == '.' ? request : "pkg/" + request,
      "/app/main.js");
  (void)resolver.Resolve("pkg", "/app/main.js");
  return 0;
}
