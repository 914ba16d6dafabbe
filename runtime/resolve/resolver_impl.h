#pragma once

// Resolver internals, split over two files:
//   resolve.cc          Node's CommonJS algorithm (Module._resolveFilename and friends)
//   package_exports.cc  the package.json "exports"/"imports" algorithms that
//                       CommonJS borrows from the ESM resolver (PACKAGE_*_RESOLVE
//                       in Node's esm.md), working on file URL paths.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/package_json.h"
#include "resolve/resolve.h"

namespace nodus::resolve {

class Resolver::Impl {
 public:
  Impl(base::Fs& fs, Options options) : fs_(fs), options_(std::move(options)), packages_(fs) {}

  Result<Resolved, Error> Resolve(std::string_view request, std::string_view parent_file,
                                  const std::vector<std::string>* paths);
  std::optional<std::vector<std::string>> LookupPaths(std::string_view request,
                                                      std::string_view parent_file);
  Result<Resolved, Error> ResolveMain(std::string_view argv1, std::string_view cwd);
  Result<std::optional<PackageScope>, Error> ReadPackageScope(std::string_view file);
  const std::vector<std::string>& package_json_files() const { return packages_.files(); }
  void ClearCaches();

 private:
  using PackageJson = internal::PackageJson;
  using Json = internal::Json;
  // A resolution step that may find nothing (nullopt) and let the next step try.
  using Step = Result<std::optional<Resolved>, Error>;
  // A file URL path ("/a/b%20c.js", still percent-encoded) or "node:<id>".
  using Url = std::string;

  // ---- CommonJS (resolve.cc) ----
  std::optional<Result<Resolved, Error>> ResolveBuiltin(std::string_view request);
  std::vector<std::string> ParentLookupPaths(std::string_view request,
                                             std::string_view parent_file);
  std::vector<std::string> OptionsLookupPaths(std::string_view request,
                                              const std::vector<std::string>& paths);
  Step TryImports(std::string_view request, std::string_view parent_file);
  Step TrySelf(std::string_view parent_file, std::string_view request);
  Step FindPath(std::string_view request, const std::vector<std::string>& paths, bool is_main);
  Step ResolveExports(const std::string& node_modules_dir, std::string_view request);
  Step TryPackage(const std::string& dir, bool is_main, std::string_view original_request);
  std::optional<std::string> TryFile(const std::string& path, bool is_main,
                                     bool known_file = false);
  std::optional<std::string> TryExtensions(const std::string& base, bool is_main);
  Result<Resolved, Error> FinalizeEsmResolution(const Url& url, std::string_view parent_file,
                                                const std::string& package_dir);
  Result<const PackageJson*, Error> FindPackageScope(std::string_view file);
  std::string RealPath(const std::string& path);
  bool IsBuiltin(std::string_view id) const;
  std::string Absolute(std::string_view path) const;
  std::string Unnormalized(const std::string& dir) const;  // cwd-relative, not normalized

  // ---- exports / imports (package_exports.cc) ----
  Result<Url, Error> PackageExportsResolve(const PackageJson& pkg, const std::string& subpath,
                                           std::string_view base);
  Result<Url, Error> PackageImportsResolve(const std::string& name, std::string_view base,
                                           const PackageJson& pkg);
  enum class TargetKind { kUndefined, kNull, kResolved };  // JS's undefined / null / a URL
  struct Target {
    TargetKind kind = TargetKind::kUndefined;
    Url url;
  };
  struct TargetContext {  // what PACKAGE_TARGET_RESOLVE passes down unchanged
    const PackageJson& pkg;
    std::string_view subpath;  // the part matched by "*"
    std::string_view match;    // the exports/imports key
    std::string_view base;     // the importing file, "" for node_modules lookups
    bool pattern;
    bool internal;  // "imports" rather than "exports"
  };
  Result<Target, Error> PackageTargetResolve(const TargetContext& ctx, const Json& target);
  Result<Target, Error> PackageTargetResolveString(const TargetContext& ctx,
                                                   const std::string& target);
  Result<Url, Error> EsmPackageResolve(const std::string& specifier, const std::string& base);
  Result<Url, Error> LegacyMainResolve(const std::string& package_dir, const PackageJson* pkg,
                                       const std::string& base);

  base::Fs& fs_;
  Options options_;
  internal::PackageJsonCache packages_;
  std::unordered_map<std::string, std::string> path_cache_;      // Module._pathCache
  std::unordered_map<std::string, std::string> realpath_cache_;  // toRealPath's cache
};

namespace internal {
// ERR_MODULE_NOT_FOUND of the ESM algorithms. It never leaves the resolver: the
// CommonJS caller turns it into MODULE_NOT_FOUND "Cannot find module '<request>'".
inline constexpr ErrorCode kEsmModuleNotFound = static_cast<ErrorCode>(100);
// fileURLToPath() for the Url values above (percent-decoding).
std::string DecodeFileUrlPath(std::string_view url);
// "%2F" or "%5C": Node refuses such resolved URLs.
bool HasEncodedSeparator(std::string_view url);
}  // namespace internal

}  // namespace nodus::resolve
