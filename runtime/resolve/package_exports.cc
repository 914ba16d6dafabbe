// package.json "exports" and "imports": PACKAGE_EXPORTS_RESOLVE,
// PACKAGE_IMPORTS_RESOLVE, PACKAGE_TARGET_RESOLVE and (for "imports" that map to
// a bare package) the ESM PACKAGE_RESOLVE, as specified in Node's esm.md and
// packages.md. Targets resolve as file URLs, so a target's "%20" is a space and
// its "?"/"#" start a query/fragment; Url values are kept percent-encoded until
// FinalizeEsmResolution decodes them.

#include <algorithm>
#include <cctype>

#include "base/path_util.h"
#include "resolve/resolver_impl.h"

namespace nodus::resolve {
namespace {

using internal::Json;
using internal::kEsmModuleNotFound;
using internal::PackageJson;

// pathToFileURL(path).pathname: escape what a URL parser would otherwise interpret.
std::string EncodePath(std::string_view path) {
  std::string out;
  for (char c : path) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\\':
        out += "%5C";
        break;
      case '\n':
        out += "%0A";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\t':
        out += "%09";
        break;
      case '?':
        out += "%3F";
        break;
      case '#':
        out += "%23";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// pathToFileURL(path).href, for messages that print the importing file as a URL.
std::string FileUrlHref(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (char c : EncodePath(path)) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f ||
        std::string_view("\"<>`{}").find(c) != std::string_view::npos) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// fileURLToPath's percent-decoding.
std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool IsDotSegment(std::string_view seg) { return seg == "." || Lower(seg) == "%2e"; }
bool IsDoubleDotSegment(std::string_view seg) {
  std::string l = Lower(seg);
  return l == ".." || l == ".%2e" || l == "%2e." || l == "%2e%2e";
}

// new URL(relative, base).pathname for a file: URL whose base path ends in "/".
// `relative` may also be an absolute path (then `base_dir` is ignored).
std::string ResolveUrlPath(std::string_view base_dir, std::string_view relative) {
  std::string rel(relative.substr(0, relative.find_first_of("?#")));
  std::replace(rel.begin(), rel.end(), '\\', '/');  // file: is a special scheme
  std::string joined = rel.starts_with("/") ? rel : std::string(base_dir) + rel;
  std::vector<std::string> out;
  bool trailing_slash = false;
  size_t i = 1;  // skip the leading "/"
  while (i <= joined.size()) {
    size_t j = joined.find('/', i);
    if (j == std::string::npos) j = joined.size();
    std::string_view seg(joined.data() + i, j - i);
    bool last = j == joined.size();
    trailing_slash = false;
    if (IsDoubleDotSegment(seg)) {
      if (!out.empty()) out.pop_back();
      trailing_slash = last;
    } else if (IsDotSegment(seg)) {
      trailing_slash = last;
    } else if (!seg.empty() || !last) {
      out.emplace_back(seg);
    } else {
      trailing_slash = true;
    }
    i = j + 1;
  }
  std::string path;
  for (const auto& seg : out) path += "/" + seg;
  if (path.empty() || trailing_slash) path += "/";
  return path;
}

// A "." / ".." / "node_modules" segment (case-insensitive, percent-encoded
// variants too) makes a target or a pattern match invalid. Empty segments only
// earn a deprecation warning in Node, so they pass here.
bool HasInvalidSegment(std::string_view s) {
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find_first_of("/\\", i);
    if (j == std::string_view::npos) j = s.size();
    std::string seg = Lower(PercentDecode(s.substr(i, j - i)));
    if (seg == "." || seg == ".." || seg == "node_modules") return true;
    i = j + 1;
  }
  return false;
}

// Whether `s` parses as an absolute URL ("data:x", "https://..."): such
// "imports" targets are not package names.
bool LooksLikeUrl(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.begin() + colon, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// JavaScript's array-index keys ("0", "17"; not "01"), which "exports" conditions forbid.
bool IsArrayIndex(std::string_view key) {
  if (key.empty() || key.size() > 10) return false;
  if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (key.size() > 1 && key[0] == '0') return false;
  return std::stoull(std::string(key)) < 4294967295ULL;
}

// PATTERN_KEY_COMPARE: 1 when `b` is the more specific key (longer prefix before "*").
int PatternKeyCompare(std::string_view a, std::string_view b) {
  size_t a_star = a.find('*');
  size_t b_star = b.find('*');
  size_t base_a = a_star == std::string_view::npos ? a.size() : a_star + 1;
  size_t base_b = b_star == std::string_view::npos ? b.size() : b_star + 1;
  if (base_a > base_b) return -1;
  if (base_b > base_a) return 1;
  if (a_star == std::string_view::npos) return 1;
  if (b_star == std::string_view::npos) return -1;
  if (a.size() > b.size()) return -1;
  if (b.size() > a.size()) return 1;
  return 0;
}

struct PatternMatch {
  std::string key;
  std::string subpath;
};
// The most specific "*" key of `map` matching `request`, if any.
std::optional<PatternMatch> BestPatternMatch(const Json& map, std::string_view request) {
  std::optional<PatternMatch> best;
  for (const auto& [key, value] : map.items()) {
    size_t star = key.find('*');
    if (star == std::string::npos || key.rfind('*') != star) continue;
    std::string_view prefix(key.data(), star);
    std::string_view trailer(key.data() + star + 1, key.size() - star - 1);
    if (!request.starts_with(prefix) || request.size() < key.size() ||
        !request.ends_with(trailer)) {
      continue;
    }
    if (PatternKeyCompare(best ? best->key : "", key) != 1) continue;
    best = PatternMatch{key,
                        std::string(request.substr(star, request.size() - star - trailer.size()))};
  }
  return best;
}

std::string ReplaceAll(std::string s, char from, std::string_view to) {
  std::string out;
  for (char c : s) {
    if (c == from) {
      out += to;
    } else {
      out += c;
    }
  }
  return out;
}

std::string ImportedFrom(std::string_view base) {
  return base.empty() ? "" : " imported from " + std::string(base);
}

Error ExportsNotFound(const std::string& subpath, const PackageJson& pkg, std::string_view base) {
  if (subpath == ".") {
    return {ErrorCode::kPackagePathNotExported,
            "No \"exports\" main defined in " + pkg.path + ImportedFrom(base)};
  }
  return {ErrorCode::kPackagePathNotExported, "Package subpath '" + subpath +
                                                  "' is not defined by \"exports\" in " + pkg.path +
                                                  ImportedFrom(base)};
}

Error InvalidPackageConfig(const PackageJson& pkg, std::string_view base, std::string_view why) {
  std::string message = "Invalid package config " + pkg.path;
  if (!base.empty()) message += " while importing " + FileUrlHref(base);  // sic: a URL here
  return {ErrorCode::kInvalidPackageConfig, message + ". " + std::string(why)};
}

Error InvalidPackageTarget(std::string_view match, const Json& target_json, const PackageJson& pkg,
                           bool internal, std::string_view base) {
  // Node stringifies a non-string target first: 5 is reported as "5".
  Json target = target_json.is_string() ? target_json : Json(target_json.dump());
  const std::string& text = target.get_ref<const std::string&>();
  bool related = !internal && !text.empty() && !text.starts_with("./");
  std::string message;
  if (match == ".") {
    message = "Invalid \"exports\" main target " + target.dump() +
              " defined in the package config " + pkg.path;
  } else {
    message = std::string("Invalid \"") + (internal ? "imports" : "exports") + "\" target " +
              target.dump() + " defined for '" + std::string(match) + "' in the package config " +
              pkg.path;
  }
  message += ImportedFrom(base);
  if (related) message += "; targets must start with \"./\"";
  return {ErrorCode::kInvalidPackageTarget, message};
}

Error InvalidSubpath(std::string_view request, std::string_view match, const PackageJson& pkg,
                     bool internal, std::string_view base) {
  return {ErrorCode::kInvalidModuleSpecifier,
          "Invalid module \"" + std::string(request) +
              "\" request is not a valid match in pattern \"" + std::string(match) +
              "\" for the \"" + (internal ? "imports" : "exports") + "\" resolution of " +
              pkg.path + ImportedFrom(base)};
}

Error EsmNotFound(std::string message) { return {kEsmModuleNotFound, std::move(message)}; }

// "exports": "./x" or ["./x"] or {"require": ...} all mean {".": <that>}.
Result<bool, Error> IsConditionalExportsMainSugar(const Json& exports, const PackageJson& pkg,
                                                  std::string_view base) {
  if (exports.is_string() || exports.is_array()) return true;
  if (!exports.is_object() || exports.empty()) return false;
  std::optional<bool> sugar;
  for (const auto& [key, value] : exports.items()) {
    bool condition_key = key.empty() || key[0] != '.';
    if (!sugar) {
      sugar = condition_key;
    } else if (*sugar != condition_key) {
      return InvalidPackageConfig(
          pkg, base,
          "\"exports\" cannot contain some keys starting with '.' and some not. The exports "
          "object must either be an object of package subpath keys or an object of main entry "
          "condition name keys only.");
    }
  }
  return *sugar;
}

}  // namespace

// PACKAGE_EXPORTS_RESOLVE. `subpath` is "." or "./x".
Result<Resolver::Impl::Url, Error> Resolver::Impl::PackageExportsResolve(const PackageJson& pkg,
                                                                         const std::string& subpath,
                                                                         std::string_view base) {
  auto sugar = IsConditionalExportsMainSugar(pkg.exports, pkg, base);
  if (!sugar.ok()) return std::move(sugar).error();
  Json exports = sugar.value() ? Json{{".", pkg.exports}} : pkg.exports;
  if (!exports.is_object()) return ExportsNotFound(subpath, pkg, base);

  // An exact key wins, unless the request itself looks like a pattern or a directory.
  auto exact = exports.find(subpath);
  if (exact != exports.end() && subpath.find('*') == std::string::npos && !subpath.ends_with("/")) {
    auto target = PackageTargetResolve({pkg, "", subpath, base, false, false}, *exact);
    if (!target.ok()) return std::move(target).error();
    if (target.value().kind != TargetKind::kResolved) return ExportsNotFound(subpath, pkg, base);
    return target.value().url;
  }
  if (auto best = BestPatternMatch(exports, subpath)) {
    auto target = PackageTargetResolve({pkg, best->subpath, best->key, base, true, false},
                                       exports[best->key]);
    if (!target.ok()) return std::move(target).error();
    if (target.value().kind != TargetKind::kResolved) return ExportsNotFound(subpath, pkg, base);
    return target.value().url;
  }
  return ExportsNotFound(subpath, pkg, base);
}

// PACKAGE_IMPORTS_RESOLVE for "#name" from `base`, whose package scope is `pkg`.
Result<Resolver::Impl::Url, Error> Resolver::Impl::PackageImportsResolve(const std::string& name,
                                                                         std::string_view base,
                                                                         const PackageJson& pkg) {
  if (name == "#" || name.starts_with("#/") || name.ends_with("/")) {
    return Error{ErrorCode::kInvalidModuleSpecifier,
                 "Invalid module \"" + name + "\" is not a valid internal imports specifier name" +
                     ImportedFrom(base)};
  }
  const Json& imports = pkg.imports;
  if (imports.is_object()) {
    auto exact = imports.find(name);
    if (exact != imports.end() && name.find('*') == std::string::npos) {
      auto target = PackageTargetResolve({pkg, "", name, base, false, true}, *exact);
      if (!target.ok()) return std::move(target).error();
      if (target.value().kind == TargetKind::kResolved) return target.value().url;
    } else if (auto best = BestPatternMatch(imports, name)) {
      auto target = PackageTargetResolve({pkg, best->subpath, best->key, base, true, true},
                                         imports[best->key]);
      if (!target.ok()) return std::move(target).error();
      if (target.value().kind == TargetKind::kResolved) return target.value().url;
    }
  }
  return Error{ErrorCode::kPackageImportNotDefined, "Package import specifier \"" + name +
                                                        "\" is not defined in package " + pkg.path +
                                                        ImportedFrom(base)};
}

// PACKAGE_TARGET_RESOLVE: strings, arrays of fallbacks, condition objects, null.
Result<Resolver::Impl::Target, Error> Resolver::Impl::PackageTargetResolve(const TargetContext& ctx,
                                                                           const Json& target) {
  if (target.is_string()) return PackageTargetResolveString(ctx, target.get<std::string>());
  if (target.is_null()) return Target{TargetKind::kNull, {}};
  if (target.is_array()) {
    if (target.empty()) return Target{TargetKind::kNull, {}};
    // Invalid targets fall through to the next entry; the last such error is
    // reported if nothing resolves, unless a later null entry cleared it.
    std::optional<Error> last_error;
    TargetKind last_kind = TargetKind::kUndefined;
    for (const Json& item : target) {
      auto result = PackageTargetResolve(ctx, item);
      if (!result.ok()) {
        if (result.error().code != ErrorCode::kInvalidPackageTarget) return result;
        last_error = std::move(result).error();
        continue;
      }
      if (result.value().kind == TargetKind::kUndefined) continue;
      if (result.value().kind == TargetKind::kNull) {
        last_error.reset();
        last_kind = TargetKind::kNull;
        continue;
      }
      return result;
    }
    if (last_error) return *std::move(last_error);
    return Target{last_kind, {}};
  }
  if (target.is_object()) {
    for (const auto& [key, value] : target.items()) {
      if (IsArrayIndex(key)) {
        return InvalidPackageConfig(ctx.pkg, ctx.base,
                                    "\"exports\" cannot contain numeric property keys.");
      }
    }
    // The first key (in file order) that is an active condition decides, unless
    // its target matches nothing at all; then the next key gets a chance.
    for (const auto& [key, value] : target.items()) {
      if (key != "default" && std::find(options_.conditions.begin(), options_.conditions.end(),
                                        key) == options_.conditions.end()) {
        continue;
      }
      auto result = PackageTargetResolve(ctx, value);
      if (!result.ok() || result.value().kind != TargetKind::kUndefined) return result;
    }
    return Target{TargetKind::kUndefined, {}};
  }
  return InvalidPackageTarget(ctx.match, target, ctx.pkg, ctx.internal, ctx.base);
}

Result<Resolver::Impl::Target, Error> Resolver::Impl::PackageTargetResolveString(
    const TargetContext& ctx, const std::string& target) {
  auto invalid = [&] {
    return InvalidPackageTarget(ctx.match, Json(target), ctx.pkg, ctx.internal, ctx.base);
  };
  if (!target.starts_with("./")) {
    // Only "imports" may name another package ("#dep": "dep/x").
    if (ctx.internal && !target.starts_with("../") && !target.starts_with("/") &&
        !LooksLikeUrl(target)) {
      std::string specifier =
          ctx.pattern ? ReplaceAll(target, '*', ctx.subpath) : target + std::string(ctx.subpath);
      auto url = EsmPackageResolve(specifier, ctx.pkg.path);
      if (!url.ok()) return std::move(url).error();
      return Target{TargetKind::kResolved, std::move(url).value()};
    }
    return invalid();
  }
  if (HasInvalidSegment(std::string_view(target).substr(2))) return invalid();

  std::string package_dir = EncodePath(ctx.pkg.dir) + (ctx.pkg.dir == "/" ? "" : "/");
  Url resolved = ResolveUrlPath(package_dir, target);
  if (!resolved.starts_with(package_dir)) return invalid();
  if (ctx.subpath.empty()) return Target{TargetKind::kResolved, resolved};

  if (HasInvalidSegment(ctx.subpath)) {
    std::string request =
        ctx.pattern ? std::string(ctx.match) : std::string(ctx.match) + std::string(ctx.subpath);
    if (ctx.pattern) {
      size_t star = request.find('*');
      request.replace(star, 1, ctx.subpath);
    }
    return InvalidSubpath(request, ctx.match, ctx.pkg, ctx.internal, ctx.base);
  }
  if (ctx.pattern) {
    // Node substitutes every "*" of the resolved URL, then parses it again.
    return Target{TargetKind::kResolved,
                  ResolveUrlPath("/", ReplaceAll(resolved, '*', ctx.subpath))};
  }
  return Target{TargetKind::kResolved, ResolveUrlPath(resolved, ctx.subpath)};
}

// PACKAGE_RESOLVE of the ESM resolver, reached only from "imports" targets that
// name a package. `base` is the package.json holding those "imports". Unlike
// require(), it does no extension search below a package without "exports".
Result<Resolver::Impl::Url, Error> Resolver::Impl::EsmPackageResolve(const std::string& specifier,
                                                                     const std::string& base) {
  if (IsBuiltin(specifier)) return "node:" + specifier;

  size_t separator = specifier.find('/');
  bool valid = true;
  bool scoped = !specifier.empty() && specifier[0] == '@';
  if (scoped) {
    if (separator == std::string::npos) {
      valid = false;
    } else {
      separator = specifier.find('/', separator + 1);
    }
  }
  std::string name = specifier.substr(0, separator);
  if (name.starts_with(".") || name.find_first_of("%\\") != std::string::npos) valid = false;
  if (!valid) {
    return Error{
        ErrorCode::kInvalidModuleSpecifier,
        "Invalid module \"" + specifier + "\" is not a valid package name" + ImportedFrom(base)};
  }
  std::string subpath = "." + (separator == std::string::npos ? "" : specifier.substr(separator));

  // A package may name itself.
  auto scope = FindPackageScope(base);
  if (!scope.ok()) return std::move(scope).error();
  if (const PackageJson* self = scope.value();
      self && !self->exports.is_null() && self->name == name) {
    return PackageExportsResolve(*self, subpath, base);
  }

  std::string dir = base::path::Dirname(base);
  for (;;) {
    std::string package_dir = (dir == "/" ? "" : dir) + "/node_modules/" + name;
    if (fs_.Stat(package_dir) == base::FileKind::kDirectory) {
      auto pkg = packages_.Read(package_dir);
      if (!pkg.ok()) return std::move(pkg).error();
      const PackageJson* found = pkg.value();
      if (found && !found->exports.is_null()) return PackageExportsResolve(*found, subpath, base);
      if (subpath == ".") return LegacyMainResolve(package_dir, found, base);
      return ResolveUrlPath(EncodePath(package_dir) + "/", subpath);
    }
    if (dir == "/") break;
    dir = base::path::Dirname(dir);
  }
  return EsmNotFound("Cannot find package '" + name + "' imported from " + base);
}

// LEGACY_MAIN_RESOLVE: "main" with a fixed list of suffixes, then index files.
Result<Resolver::Impl::Url, Error> Resolver::Impl::LegacyMainResolve(const std::string& package_dir,
                                                                     const PackageJson* pkg,
                                                                     const std::string& base) {
  std::string dir_url = EncodePath(package_dir) + "/";
  auto try_url = [&](const std::string& relative) -> std::optional<Url> {
    Url url = ResolveUrlPath(dir_url, relative);
    if (fs_.Stat(PercentDecode(url)) == base::FileKind::kFile) return url;
    return std::nullopt;
  };
  if (pkg && pkg->main) {
    for (const char* suffix :
         {"", ".js", ".json", ".node", "/index.js", "/index.json", "/index.node"}) {
      if (auto url = try_url("./" + *pkg->main + suffix)) return *url;
    }
  }
  for (const char* index : {"./index.js", "./index.json", "./index.node"}) {
    if (auto url = try_url(index)) return *url;
  }
  return EsmNotFound("Cannot find package '" + package_dir + "' imported from " + base);
}

// Exposed to resolve.cc through these two helpers.
namespace internal {
std::string DecodeFileUrlPath(std::string_view url) { return PercentDecode(url); }
bool HasEncodedSeparator(std::string_view url) {
  std::string l = Lower(url);
  return l.find("%2f") != std::string::npos || l.find("%5c") != std::string::npos;
}
}  // namespace internal

}  // namespace nodus::resolve
