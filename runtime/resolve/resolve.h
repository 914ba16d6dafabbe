#pragma once

// Node's CommonJS module resolution (require, require.resolve, the main entry
// point), as plain C++ over base::Fs. See README.md for the invariants.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/fs.h"
#include "base/result.h"

namespace nodus::resolve {

enum class ErrorCode {
  kModuleNotFound,           // MODULE_NOT_FOUND
  kPackagePathNotExported,   // ERR_PACKAGE_PATH_NOT_EXPORTED
  kPackageImportNotDefined,  // ERR_PACKAGE_IMPORT_NOT_DEFINED
  kInvalidPackageTarget,     // ERR_INVALID_PACKAGE_TARGET
  kInvalidPackageConfig,     // ERR_INVALID_PACKAGE_CONFIG (also package.json parse errors, see
                             // syntax_error)
  kUnknownBuiltin,           // ERR_UNKNOWN_BUILTIN_MODULE
  kInvalidModuleSpecifier,   // ERR_INVALID_MODULE_SPECIFIER ("#/x", "pkg/a/../b" through a pattern)
  kInvalidUrlScheme,         // ERR_INVALID_URL_SCHEME ("imports" mapping to a builtin, as Node 20)
};
const char* ErrorCodeName(ErrorCode code);

struct Error {
  Error() = default;
  Error(ErrorCode c, std::string m) : code(c), message(std::move(m)) {}

  ErrorCode code = ErrorCode::kModuleNotFound;
  std::string message;  // Node's exact text, without the "Require stack" part
  // Node's `err.path`: the package.json involved, when Node sets it.
  std::string path;
  // Node's `err.requestPath`: set (to the request) only for an invalid "main".
  std::string request_path;
  // True for the plain "Cannot find module 'x'" from the search itself: Node then
  // appends "\nRequire stack:\n- ..." and sets `err.requireStack`. Other
  // MODULE_NOT_FOUND errors (a missing exports target, an invalid "main") have neither.
  bool require_stack = false;
  // A package.json that is not valid JSON: Node 20 throws a SyntaxError whose
  // message is "Error parsing <path>: <JSON.parse message>", with `path` set and
  // no `code`. (The JSON detail follows V8 10.2's wording, not Node 20's.)
  bool syntax_error = false;
};

struct Resolved {
  bool builtin = false;  // then `path` is the builtin id without "node:"
  std::string path;      // else an absolute file path, realpath'd unless symlinks are preserved
  // Node's DEP0128 DeprecationWarning text when a package.json "main" was
  // invalid but an index file was found; empty otherwise.
  std::string warning;
};

struct Options {
  std::function<bool(std::string_view id)> is_builtin;  // bare ids ("fs", "fs/promises")
  std::function<bool(std::string_view id)>
      is_scheme_only_builtin;             // only with "node:" ("test"); may be empty
  std::vector<std::string> global_paths;  // from GlobalPaths()
  std::vector<std::string> conditions = {"require", "node", "node-addons", "default"};
  bool preserve_symlinks = false;       // --preserve-symlinks (every module but the main one)
  bool preserve_symlinks_main = false;  // --preserve-symlinks-main (ResolveMain only)
  // process.cwd(): Node resolves relative NODE_PATH entries and its "." lookup
  // path (a quirk of require.resolve(req, {paths}) for requests like "..x")
  // against it. "/" when empty.
  std::string cwd;
};

// Module._nodeModulePaths: /a/b -> /a/b/node_modules, /a/node_modules, /node_modules
// (components named "node_modules" get no extra entry).
std::vector<std::string> NodeModulePaths(std::string_view from_dir);

// Module.globalPaths: NODE_PATH entries (split on ':', empty ones dropped, kept
// as given), $HOME/.node_modules, $HOME/.node_libraries, <prefix>/lib/node with
// prefix = dirname(dirname(exec_path)). An empty `home` skips the two home entries.
std::vector<std::string> GlobalPaths(std::string_view node_path_env, std::string_view home,
                                     std::string_view exec_path);

// The nearest package.json above a file (Node's readPackageScope; the walk stops at
// a directory named node_modules). The loader needs `type` for ".js" files.
struct PackageScope {
  std::string package_json_path;
  std::string type;  // the "type" field when it is a string, else ""
};

class Resolver {
 public:
  Resolver(base::Fs& fs, Options options);
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // require(request) from the module whose file is `parent_file`. For a synthetic
  // parent (-e, the REPL) pass a path inside the directory, e.g. "<cwd>/[eval]".
  // `paths`, when given, is require.resolve's `options.paths`. The JS side rejects
  // an empty `request` first (ERR_INVALID_ARG_VALUE); here it is simply not found.
  Result<Resolved, Error> Resolve(std::string_view request, std::string_view parent_file,
                                  const std::vector<std::string>* paths = nullptr);

  // require.resolve.paths(request): nullopt for builtins; [parent dir] for
  // relative requests; else the node_modules chain + global paths.
  std::optional<std::vector<std::string>> LookupPaths(std::string_view request,
                                                      std::string_view parent_file);

  // The main module: path.resolve(cwd, argv1), then the file/extension/directory
  // rules (never node_modules). Uses preserve_symlinks_main.
  Result<Resolved, Error> ResolveMain(std::string_view argv1, std::string_view cwd);

  // nullopt when no package.json is found; an error when the one found is malformed.
  Result<std::optional<PackageScope>, Error> ReadPackageScope(std::string_view file);

  // Every package.json the resolver read so far, in first-read order (for --watch).
  const std::vector<std::string>& package_json_files() const;

  // Forgets resolved paths and realpaths; keeps package.json contents (as Node does).
  void ClearCaches();

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace nodus::resolve
