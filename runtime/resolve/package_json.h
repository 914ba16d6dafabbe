#pragma once

// package.json reading for the resolver: parse once, keep the fields the
// resolution algorithms look at, remember every file read (for --watch).

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/fs.h"
#include "base/result.h"
#include "resolve/resolve.h"

namespace nodus::resolve::internal {

// Object key order matters ("exports" conditions are tried in file order), so
// the ordered flavour of nlohmann::json.
using Json = nlohmann::ordered_json;

struct PackageJson {
  std::string path;                 // .../package.json
  std::string dir;                  // the directory holding it
  std::optional<std::string> name;  // only string values count, as in Node
  std::optional<std::string> main;
  std::string type;
  Json exports;  // null when absent or null ("exports != null" in Node)
  Json imports;
};

class PackageJsonCache {
 public:
  explicit PackageJsonCache(base::Fs& fs) : fs_(fs) {}
  // Node's readPackage(dir): nullptr when `dir` holds no readable package.json;
  // a SyntaxError-flavoured Error when it is not valid JSON (every time it is asked).
  Result<const PackageJson*, Error> Read(const std::string& dir);
  const std::vector<std::string>& files() const { return files_; }

 private:
  struct Entry {
    std::unique_ptr<PackageJson> package;  // null: no package.json
    std::optional<Error> error;
  };
  base::Fs& fs_;
  std::unordered_map<std::string, Entry> cache_;
  std::vector<std::string> files_;
};

// Parses package.json text; exposed for tests.
Result<std::unique_ptr<PackageJson>, Error> ParsePackageJson(const std::string& path,
                                                             const std::string& text);

}  // namespace nodus::resolve::internal
