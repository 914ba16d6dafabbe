// Node's CommonJS resolution: Module._resolveFilename, _resolveLookupPaths,
// _findPath, tryPackage and friends, as described by the "All together"
// pseudo-code of Node's modules.md (LOAD_AS_FILE, LOAD_AS_DIRECTORY,
// LOAD_NODE_MODULES, LOAD_PACKAGE_IMPORTS/EXPORTS/SELF), with node v20 as the
// oracle for the details the pseudo-code leaves out.

#include "resolve/resolve.h"

#include <regex>

#include "base/path_util.h"
#include "resolve/resolver_impl.h"

namespace nodus::resolve {

namespace path = base::path;
using base::FileKind;

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kModuleNotFound:
      return "MODULE_NOT_FOUND";
    case ErrorCode::kPackagePathNotExported:
      return "ERR_PACKAGE_PATH_NOT_EXPORTED";
    case ErrorCode::kPackageImportNotDefined:
      return "ERR_PACKAGE_IMPORT_NOT_DEFINED";
    case ErrorCode::kInvalidPackageTarget:
      return "ERR_INVALID_PACKAGE_TARGET";
    case ErrorCode::kInvalidPackageConfig:
      return "ERR_INVALID_PACKAGE_CONFIG";
    case ErrorCode::kUnknownBuiltin:
      return "ERR_UNKNOWN_BUILTIN_MODULE";
    case ErrorCode::kInvalidModuleSpecifier:
      return "ERR_INVALID_MODULE_SPECIFIER";
    case ErrorCode::kInvalidUrlScheme:
      return "ERR_INVALID_URL_SCHEME";
  }
  return "MODULE_NOT_FOUND";
}

std::vector<std::string> NodeModulePaths(std::string_view from_dir) {
  std::string from = path::Resolve("/", from_dir);
  if (from == "/") return {"/node_modules"};
  // One entry per ancestor, innermost first; a directory that is itself named
  // node_modules gets none (no node_modules/node_modules).
  std::vector<std::string> paths;
  size_t end = from.size();
  for (size_t i = from.size(); i-- > 0;) {
    if (from[i] != '/') continue;
    if (std::string_view(from).substr(i + 1, end - i - 1) != "node_modules") {
      paths.push_back(from.substr(0, end) + "/node_modules");
    }
    end = i;
  }
  paths.push_back("/node_modules");
  return paths;
}

std::vector<std::string> GlobalPaths(std::string_view node_path_env, std::string_view home,
                                     std::string_view exec_path) {
  std::vector<std::string> paths;
  size_t start = 0;
  while (start <= node_path_env.size()) {
    size_t colon = node_path_env.find(':', start);
    if (colon == std::string_view::npos) colon = node_path_env.size();
    if (colon > start) paths.emplace_back(node_path_env.substr(start, colon - start));
    start = colon + 1;
  }
  if (!home.empty()) {
    paths.push_back(path::Resolve("/", home, ".node_modules"));
    paths.push_back(path::Resolve("/", home, ".node_libraries"));
  }
  // execPath is <prefix>/bin/node.
  std::string prefix = path::Resolve("/", exec_path, "../..");
  paths.push_back(path::Resolve(prefix, "lib/node"));
  return paths;
}

namespace {

using internal::kEsmModuleNotFound;

Error NotFound(std::string_view request) {
  Error error{ErrorCode::kModuleNotFound, "Cannot find module '" + std::string(request) + "'"};
  error.require_stack = true;
  return error;
}

// What _resolveLookupPaths treats as relative: ".", "..", "./x", "../x", but also "..x".
bool IsRelativeForLookup(std::string_view request) {
  return !request.empty() && request[0] == '.' &&
         (request.size() == 1 || request[1] == '.' || request[1] == '/');
}

// _findPath's notion: ".", "..", "./x", "../x" only.
bool IsRelativeRequest(std::string_view request) {
  return request == "." || request == ".." || request.starts_with("./") ||
         request.starts_with("../");
}

// A request naming a directory: "x/", ".", "..", "x/." or "x/..".
bool HasTrailingSlash(std::string_view r) {
  if (r.empty()) return false;
  if (r.ends_with("/")) return true;
  return r == "." || r == ".." || r.ends_with("/.") || r.ends_with("/..");
}

// The package name and the rest of a bare request, for "exports" lookups
// ("@s/p/x" -> "@s/p", "/x"); nothing for names starting with "." or holding
// "%" or "\".
std::optional<std::pair<std::string, std::string>> SplitPackageRequest(std::string_view request) {
  static const std::regex kPattern(R"(^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(request.begin(), request.end(), m, kPattern)) return std::nullopt;
  return std::make_pair(m[1].str(), m[2].matched ? m[2].str() : std::string());
}

// ERR_MODULE_NOT_FOUND from the ESM algorithms becomes require()'s error.
Error EsmNotFoundToCjs(Error error, std::string_view request, std::string pkg_json) {
  if (error.code != kEsmModuleNotFound) return error;
  Error out{ErrorCode::kModuleNotFound, "Cannot find module '" + std::string(request) + "'"};
  out.path = std::move(pkg_json);
  return out;
}

}  // namespace

// ---- Resolver::Impl: the steps of Module._resolveFilename ----

Result<Resolved, Error> Resolver::Impl::Resolve(std::string_view request,
                                                std::string_view parent_file,
                                                const std::vector<std::string>* paths) {
  // Node rejects "" before resolving (ERR_INVALID_ARG_VALUE); never search for it.
  if (request.empty()) return NotFound(request);
  if (auto builtin = ResolveBuiltin(request)) return *std::move(builtin);
  std::vector<std::string> lookup =
      paths ? OptionsLookupPaths(request, *paths) : ParentLookupPaths(request, parent_file);

  if (request.starts_with("#") && !parent_file.empty()) {
    Step imported = TryImports(request, parent_file);
    if (!imported.ok()) return std::move(imported).error();
    if (imported.value()) return *std::move(imported).value();
  }
  Step self = TrySelf(parent_file, request);
  if (!self.ok()) return std::move(self).error();
  if (self.value()) return *std::move(self).value();

  Step found = FindPath(request, lookup, /*is_main=*/false);
  if (!found.ok()) return std::move(found).error();
  if (found.value()) return *std::move(found).value();
  return NotFound(request);
}

std::optional<std::vector<std::string>> Resolver::Impl::LookupPaths(std::string_view request,
                                                                    std::string_view parent_file) {
  if (auto builtin = ResolveBuiltin(request); builtin && builtin->ok()) return std::nullopt;
  std::vector<std::string> paths = ParentLookupPaths(request, parent_file);
  if (paths.empty()) return std::nullopt;
  return paths;
}

Result<Resolved, Error> Resolver::Impl::ResolveMain(std::string_view argv1, std::string_view cwd) {
  // Node path.resolve()s argv[1] first, so the entry point never searches
  // node_modules, NODE_PATH or builtins.
  std::string absolute = path::Resolve(cwd, argv1);
  Step found = FindPath(absolute, {}, /*is_main=*/true);
  if (!found.ok()) return std::move(found).error();
  if (found.value()) return *std::move(found).value();
  return NotFound(absolute);  // Node's require stack is empty here
}

Result<std::optional<PackageScope>, Error> Resolver::Impl::ReadPackageScope(std::string_view file) {
  auto scope = FindPackageScope(file);
  if (!scope.ok()) return std::move(scope).error();
  if (!scope.value()) return std::optional<PackageScope>();
  return std::optional<PackageScope>(PackageScope{scope.value()->path, scope.value()->type});
}

void Resolver::Impl::ClearCaches() {
  path_cache_.clear();
  realpath_cache_.clear();
}

// "node:x" must name a builtin (scheme-only ones included); a bare id that is a
// builtin wins over node_modules.
std::optional<Result<Resolved, Error>> Resolver::Impl::ResolveBuiltin(std::string_view request) {
  if (request.starts_with("node:")) {
    std::string_view id = request.substr(5);
    bool scheme_only = options_.is_scheme_only_builtin && options_.is_scheme_only_builtin(id);
    if (IsBuiltin(id) || scheme_only) return Resolved{true, std::string(id), {}};
    return Result<Resolved, Error>(
        Error{ErrorCode::kUnknownBuiltin, "No such built-in module: " + std::string(request)});
  }
  if (IsBuiltin(request)) return Resolved{true, std::string(request), {}};
  return std::nullopt;
}

bool Resolver::Impl::IsBuiltin(std::string_view id) const {
  return options_.is_builtin && options_.is_builtin(id);
}

std::string Resolver::Impl::Absolute(std::string_view p) const {
  return path::Resolve(options_.cwd.empty() ? "/" : options_.cwd, p);
}

std::string Resolver::Impl::Unnormalized(const std::string& dir) const {
  if (path::IsAbsolute(dir)) return dir;
  return (options_.cwd.empty() ? std::string("/") : options_.cwd) + "/" + dir;
}

// Module._resolveLookupPaths for a parent module whose file is `parent_file`.
std::vector<std::string> Resolver::Impl::ParentLookupPaths(std::string_view request,
                                                           std::string_view parent_file) {
  if (!IsRelativeForLookup(request)) {
    std::vector<std::string> paths;
    if (!parent_file.empty()) paths = NodeModulePaths(path::Dirname(parent_file));
    paths.insert(paths.end(), options_.global_paths.begin(), options_.global_paths.end());
    return paths;
  }
  if (parent_file.empty()) return {"."};  // Node: the current directory
  return {path::Dirname(parent_file)};
}

// require.resolve(request, {paths}): relative requests start in each given
// directory; others search each one's node_modules chain, without duplicates.
std::vector<std::string> Resolver::Impl::OptionsLookupPaths(std::string_view request,
                                                            const std::vector<std::string>& paths) {
  if (IsRelativeRequest(request)) return paths;
  std::vector<std::string> result;
  for (const std::string& dir : paths) {
    // Node asks _resolveLookupPaths with a parent that has paths but no file,
    // so a request like "..x" gets ["."] (the cwd).
    std::vector<std::string> lookup{"."};
    if (!IsRelativeForLookup(request)) {
      lookup = NodeModulePaths(Absolute(dir));
      lookup.insert(lookup.end(), options_.global_paths.begin(), options_.global_paths.end());
    }
    for (std::string& p : lookup) {
      if (std::find(result.begin(), result.end(), p) == result.end())
        result.push_back(std::move(p));
    }
  }
  return result;
}

// LOAD_PACKAGE_IMPORTS: "#x" through the "imports" of the parent's package.
Resolver::Impl::Step Resolver::Impl::TryImports(std::string_view request,
                                                std::string_view parent_file) {
  auto scope = FindPackageScope(parent_file);
  if (!scope.ok()) return std::move(scope).error();
  const PackageJson* pkg = scope.value();
  if (!pkg || pkg->imports.is_null()) return std::optional<Resolved>();  // a bare "#x" then
  auto url = PackageImportsResolve(std::string(request), parent_file, *pkg);
  if (!url.ok()) {
    Error error = EsmNotFoundToCjs(std::move(url).error(), request, "");
    return error;
  }
  auto resolved = FinalizeEsmResolution(url.value(), parent_file, pkg->dir);
  if (!resolved.ok()) return std::move(resolved).error();
  return std::optional<Resolved>(std::move(resolved).value());
}

// LOAD_PACKAGE_SELF: a package requiring itself by name goes through its "exports".
Resolver::Impl::Step Resolver::Impl::TrySelf(std::string_view parent_file,
                                             std::string_view request) {
  if (parent_file.empty()) return std::optional<Resolved>();
  auto scope = FindPackageScope(parent_file);
  if (!scope.ok()) return std::move(scope).error();
  const PackageJson* pkg = scope.value();
  if (!pkg || pkg->exports.is_null() || !pkg->name) return std::optional<Resolved>();
  const std::string& name = *pkg->name;
  std::string subpath;
  if (request == name) {
    subpath = ".";
  } else if (request.starts_with(name + "/")) {
    subpath = "." + std::string(request.substr(name.size()));
  } else {
    return std::optional<Resolved>();
  }
  auto url = PackageExportsResolve(*pkg, subpath, parent_file);
  if (!url.ok()) return EsmNotFoundToCjs(std::move(url).error(), request, pkg->path);
  auto resolved = FinalizeEsmResolution(url.value(), parent_file, pkg->dir);
  if (!resolved.ok()) return std::move(resolved).error();
  return std::optional<Resolved>(std::move(resolved).value());
}

// Module._findPath: each lookup directory in turn; in each, a package's
// "exports" (LOAD_NODE_MODULES), else the file, its extensions, the directory.
Resolver::Impl::Step Resolver::Impl::FindPath(std::string_view request,
                                              const std::vector<std::string>& paths, bool is_main) {
  bool absolute = path::IsAbsolute(request);
  const std::vector<std::string> kAbsoluteOnly{""};
  const std::vector<std::string>& search = absolute ? kAbsoluteOnly : paths;
  if (search.empty()) return std::optional<Resolved>();

  std::string cache_key(request);
  for (const std::string& p : search) cache_key += '\0' + p;
  if (is_main) cache_key += "\0main";
  if (auto hit = path_cache_.find(cache_key); hit != path_cache_.end()) {
    return std::optional<Resolved>(Resolved{false, hit->second, {}});
  }

  bool trailing_slash = HasTrailingSlash(request);
  // A request climbing out of its directory ("../x") may pass through one that
  // does not exist; others skip lookup directories that are not there.
  bool inside_path = !(IsRelativeRequest(request) && path::Normalize(request).starts_with(".."));
  auto package_request = absolute ? std::nullopt : SplitPackageRequest(request);

  // "./x" names something strictly inside its lookup directory: when that
  // directory is spelled canonically, statting it first changes no answer
  // (nothing is inside a missing directory or a file) and would cost a call
  // per require.
  std::string normalized_request = IsRelativeRequest(request) ? path::Normalize(request) : "";
  bool strictly_inside = !normalized_request.empty() && normalized_request != "." &&
                         !normalized_request.starts_with("..");
  for (const std::string& dir : search) {
    bool skip_check = strictly_inside && path::IsAbsolute(dir) && path::Normalize(dir) == dir;
    // Stat the directory as given: "/missing/.." does not exist for the OS.
    if (inside_path && !skip_check && !dir.empty() &&
        fs_.Stat(Unnormalized(dir)) != FileKind::kDirectory) {
      continue;
    }
    if (package_request) {
      Step exported = ResolveExports(Absolute(dir), request);
      if (!exported.ok() || exported.value()) return exported;
    }
    std::string base_path = path::Resolve(options_.cwd.empty() ? "/" : options_.cwd, dir, request);
    FileKind kind = fs_.Stat(base_path);
    std::optional<Resolved> found;
    if (!trailing_slash) {
      std::optional<std::string> file;
      if (kind == FileKind::kFile) file = TryFile(base_path, is_main, /*known_file=*/true);
      if (!file) file = TryExtensions(base_path, is_main);
      if (file) found = Resolved{false, std::move(*file), {}};
    }
    if (!found && kind == FileKind::kDirectory) {
      Step package = TryPackage(base_path, is_main, request);
      if (!package.ok()) return package;
      found = std::move(package).value();
    }
    if (found) {
      path_cache_[cache_key] = found->path;
      return found;
    }
  }
  return std::optional<Resolved>();
}

// LOAD_PACKAGE_EXPORTS: node_modules/<name> with "exports" resolves only through them.
Resolver::Impl::Step Resolver::Impl::ResolveExports(const std::string& node_modules_dir,
                                                    std::string_view request) {
  auto split = SplitPackageRequest(request);
  if (!split) return std::optional<Resolved>();
  std::string package_dir = path::Resolve(node_modules_dir, split->first);
  auto pkg = packages_.Read(package_dir);
  if (!pkg.ok()) return std::move(pkg).error();
  if (!pkg.value() || pkg.value()->exports.is_null()) return std::optional<Resolved>();
  auto url = PackageExportsResolve(*pkg.value(), "." + split->second, "");
  if (!url.ok()) return EsmNotFoundToCjs(std::move(url).error(), request, pkg.value()->path);
  auto resolved = FinalizeEsmResolution(url.value(), "", package_dir);
  if (!resolved.ok()) return std::move(resolved).error();
  return std::optional<Resolved>(std::move(resolved).value());
}

// LOAD_AS_DIRECTORY: package.json "main" (as a file, with extensions, as a
// directory index), then index.js/.json/.node.
Resolver::Impl::Step Resolver::Impl::TryPackage(const std::string& dir, bool is_main,
                                                std::string_view original_request) {
  auto pkg = packages_.Read(dir);
  if (!pkg.ok()) return std::move(pkg).error();
  std::string index = path::Resolve(dir, "index");
  const std::optional<std::string>* main = pkg.value() ? &pkg.value()->main : nullptr;
  if (!main || !*main || (*main)->empty()) {
    auto file = TryExtensions(index, is_main);
    if (!file) return std::optional<Resolved>();
    return std::optional<Resolved>(Resolved{false, std::move(*file), {}});
  }
  std::string filename = path::Resolve(dir, **main);
  std::optional<std::string> file = TryFile(filename, is_main);
  if (!file) file = TryExtensions(filename, is_main);
  if (!file) file = TryExtensions(path::Resolve(filename, "index"), is_main);
  if (file) return std::optional<Resolved>(Resolved{false, std::move(*file), {}});

  // A broken "main" still finds index.js, with a deprecation warning (DEP0128).
  std::string pkg_json = path::Resolve(dir, "package.json");
  file = TryExtensions(index, is_main);
  if (!file) {
    Error error{ErrorCode::kModuleNotFound,
                "Cannot find module '" + filename +
                    "'. Please verify that the package.json has a valid \"main\" entry"};
    error.path = pkg_json;
    error.request_path = std::string(original_request);
    return error;
  }
  return std::optional<Resolved>(
      Resolved{false, std::move(*file),
               "Invalid 'main' field in '" + pkg_json + "' of '" + **main +
                   "'. Please either fix that or report it to the module author"});
}

// LOAD_AS_FILE for one candidate: an existing file, realpath'd.
std::optional<std::string> Resolver::Impl::TryFile(const std::string& file, bool is_main,
                                                   bool known_file) {
  if (!known_file && fs_.Stat(file) != FileKind::kFile) return std::nullopt;
  bool preserve = is_main ? options_.preserve_symlinks_main : options_.preserve_symlinks;
  if (preserve) return path::Resolve("/", file);
  return RealPath(file);
}

std::optional<std::string> Resolver::Impl::TryExtensions(const std::string& base, bool is_main) {
  for (const char* ext : {".js", ".json", ".node"}) {
    if (auto file = TryFile(base + ext, is_main)) return file;
  }
  return std::nullopt;
}

// The file an "exports"/"imports" target named must exist as is: no extensions.
Result<Resolved, Error> Resolver::Impl::FinalizeEsmResolution(const Url& url,
                                                              std::string_view parent_file,
                                                              const std::string& package_dir) {
  if (url.starts_with("node:")) {
    return Error{ErrorCode::kInvalidUrlScheme, "The URL must be of scheme file"};
  }
  if (internal::HasEncodedSeparator(url)) {
    std::string message =
        "Invalid module \"file://" + url + "\" must not include encoded \"/\" or \"\\\" characters";
    if (!parent_file.empty()) message += " imported from " + std::string(parent_file);
    return Error{ErrorCode::kInvalidModuleSpecifier, message};
  }
  std::string filename = internal::DecodeFileUrlPath(url);
  if (auto file = TryFile(filename, /*is_main=*/false)) return Resolved{false, *file, {}};
  Error error{ErrorCode::kModuleNotFound, "Cannot find module '" + filename + "'"};
  error.path = path::Resolve(package_dir, "package.json");
  return error;
}

// readPackageScope: the nearest package.json above `file`, not looking past a
// directory named node_modules.
Result<const internal::PackageJson*, Error> Resolver::Impl::FindPackageScope(
    std::string_view file) {
  std::string dir(file);
  for (;;) {
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos) return static_cast<const PackageJson*>(nullptr);
    dir.resize(slash);
    if (dir.ends_with("/node_modules")) return static_cast<const PackageJson*>(nullptr);
    auto pkg = packages_.Read(dir.empty() ? "/" : dir);
    if (!pkg.ok() || pkg.value()) return pkg;
    if (slash == 0) return static_cast<const PackageJson*>(nullptr);
  }
}

std::string Resolver::Impl::RealPath(const std::string& file) {
  auto it = realpath_cache_.find(file);
  if (it == realpath_cache_.end()) it = realpath_cache_.emplace(file, fs_.RealPath(file)).first;
  return it->second;
}

// ---- Resolver: forwards to Impl ----

Resolver::Resolver(base::Fs& fs, Options options)
    : impl_(std::make_unique<Impl>(fs, std::move(options))) {}
Resolver::~Resolver() = default;

Result<Resolved, Error> Resolver::Resolve(std::string_view request, std::string_view parent_file,
                                          const std::vector<std::string>* paths) {
  return impl_->Resolve(request, parent_file, paths);
}
std::optional<std::vector<std::string>> Resolver::LookupPaths(std::string_view request,
                                                              std::string_view parent_file) {
  return impl_->LookupPaths(request, parent_file);
}
Result<Resolved, Error> Resolver::ResolveMain(std::string_view argv1, std::string_view cwd) {
  return impl_->ResolveMain(argv1, cwd);
}
Result<std::optional<PackageScope>, Error> Resolver::ReadPackageScope(std::string_view file) {
  return impl_->ReadPackageScope(file);
}
const std::vector<std::string>& Resolver::package_json_files() const {
  return impl_->package_json_files();
}
void Resolver::ClearCaches() { impl_->ClearCaches(); }

}  // namespace nodus::resolve
