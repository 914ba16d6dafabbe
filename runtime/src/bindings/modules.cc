// internalBinding('modules'): require()'s resolution, delegated to
// runtime/resolve so the language server resolves exactly like the runtime.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

#include "base/fs.h"
#include "bindings/binding.h"
#include "compile_cache.h"
#include "env.h"
#include "resolve/builtins.h"
#include "resolve/resolve.h"

namespace nodus::bindings::modules {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// The builtin ids live in resolve/builtins.h, shared with nodus-lsp.
using resolve::kNodeBuiltins;

bool IsSchemeOnly(std::string_view id) { return resolve::IsSchemeOnlyBuiltin(id); }

bool IsBuiltin(std::string_view id) { return resolve::IsBuiltin(id); }

// Success: [0, path, warning] for a file, [1, id, warning] for a builtin.
// Failure: [2, message, code, requireStack, path, requestPath, syntaxError];
// the loader turns that into the error object Node throws.
void ReturnResolution(const FunctionCallbackInfo<Value>& info,
                      const Result<resolve::Resolved, resolve::Error>& result) {
  v8::Isolate* isolate = info.GetIsolate();
  if (result.ok()) {
    const resolve::Resolved& resolved = result.value();
    Local<Value> values[] = {v8::Integer::New(isolate, resolved.builtin ? 1 : 0),
                             ToV8(isolate, resolved.path), ToV8(isolate, resolved.warning)};
    info.GetReturnValue().Set(v8::Array::New(isolate, values, std::size(values)));
    return;
  }
  const resolve::Error& error = result.error();
  Local<Value> values[] = {v8::Integer::New(isolate, 2),
                           ToV8(isolate, error.message),
                           ToV8(isolate, resolve::ErrorCodeName(error.code)),
                           v8::Boolean::New(isolate, error.require_stack),
                           ToV8(isolate, error.path),
                           ToV8(isolate, error.request_path),
                           v8::Boolean::New(isolate, error.syntax_error)};
  info.GetReturnValue().Set(v8::Array::New(isolate, values, std::size(values)));
}

// resolve(request, parentFile, paths?)
void Resolve(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  std::string request = ToStdString(isolate, info[0]);
  std::string parent = ToStdString(isolate, info[1]);
  std::vector<std::string> paths;
  const std::vector<std::string>* paths_ptr = nullptr;
  if (info[2]->IsArray()) {
    Local<v8::Array> array = info[2].As<v8::Array>();
    for (uint32_t i = 0; i < array->Length(); i++) {
      paths.push_back(ToStdString(isolate, array->Get(env->context(), i).ToLocalChecked()));
    }
    paths_ptr = &paths;
  }
  ReturnResolution(info, env->resolver().Resolve(request, parent, paths_ptr));
}

void ResolveMain(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  ReturnResolution(info, env->resolver().ResolveMain(ToStdString(isolate, info[0]),
                                                     ToStdString(isolate, info[1])));
}

void LookupPaths(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  std::optional<std::vector<std::string>> paths =
      env->resolver().LookupPaths(ToStdString(isolate, info[0]), ToStdString(isolate, info[1]));
  if (!paths) return info.GetReturnValue().SetNull();
  info.GetReturnValue().Set(ToV8Array(isolate, *paths));
}

void NodeModulePaths(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  info.GetReturnValue().Set(
      ToV8Array(isolate, resolve::NodeModulePaths(ToStdString(isolate, info[0]))));
}

void GlobalPaths(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  (void)env->resolver();
  const char* node_path = std::getenv("NODE_PATH");
  const char* home = std::getenv("HOME");
  info.GetReturnValue().Set(ToV8Array(
      info.GetIsolate(), resolve::GlobalPaths(node_path ? node_path : "", home ? home : "",
                                              ToStdString(info.GetIsolate(), info[0]))));
}

// packageType(file) -> "module" | "commonjs" | "" (no package.json found),
// from the nearest package.json, as Node decides how to load a .js file.
void PackageType(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  auto scope = env->resolver().ReadPackageScope(ToStdString(isolate, info[0]));
  std::string type;
  if (scope.ok() && scope.value().has_value()) type = scope.value()->type;
  info.GetReturnValue().Set(ToV8(isolate, type));
}

void ClearStatCache(const FunctionCallbackInfo<Value>& info) {
  Env::From(info)->resolver_fs().ClearStatCache();
}

void IsBuiltinId(const FunctionCallbackInfo<Value>& info) {
  std::string id = ToStdString(info.GetIsolate(), info[0]);
  if (id.rfind("node:", 0) == 0) {
    std::string_view bare = std::string_view(id).substr(5);
    info.GetReturnValue().Set(IsBuiltin(bare) || IsSchemeOnly(bare));
    return;
  }
  info.GetReturnValue().Set(IsBuiltin(id));
}

// packageJsonFiles(from) -> the package.json files the resolver read, from
// index `from` on (for `nodus --watch`, which restarts when one changes).
void PackageJsonFiles(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  const std::vector<std::string>& files = env->resolver().package_json_files();
  size_t from = static_cast<size_t>(info[0]->Uint32Value(env->context()).FromMaybe(0));
  std::vector<std::string> rest;
  if (from < files.size()) rest.assign(files.begin() + static_cast<long>(from), files.end());
  info.GetReturnValue().Set(ToV8Array(info.GetIsolate(), rest));
}

// enableCompileCache(dir) -> [enabled | alreadyEnabled | failed, message, directory]
void EnableCompileCache(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  bool already = env->compile_cache() != nullptr;
  std::string error;
  bool ok = env->EnableCompileCache(ToStdString(isolate, info[0]), &error);
  Local<Value> items[] = {
      ToV8(isolate, already ? "alreadyEnabled"
                    : ok    ? "enabled"
                            : "failed"),
      ok ? v8::Undefined(isolate).As<Value>() : ToV8(isolate, error).As<Value>(),
      ok ? ToV8(isolate, env->compile_cache()->directory()).As<Value>()
         : v8::Undefined(isolate).As<Value>()};
  info.GetReturnValue().Set(v8::Array::New(isolate, items, std::size(items)));
}

void GetCompileCacheDir(const FunctionCallbackInfo<Value>& info) {
  CompileCache* cache = Env::From(info)->compile_cache();
  if (cache != nullptr) info.GetReturnValue().Set(ToV8(info.GetIsolate(), cache->directory()));
}

constexpr Method kMethods[] = {
    {"enableCompileCache", EnableCompileCache},
    {"getCompileCacheDir", GetCompileCacheDir},
    {"resolve", Resolve},
    {"resolveMain", ResolveMain},
    {"lookupPaths", LookupPaths},
    {"nodeModulePaths", NodeModulePaths},
    {"globalPaths", GlobalPaths},
    {"clearStatCache", ClearStatCache},
    {"isBuiltin", IsBuiltinId},
    {"packageType", PackageType},
    {"packageJsonFiles", PackageJsonFiles},
};

}  // namespace

std::unique_ptr<resolve::Resolver> CreateResolver(Env& env, base::RealFs& fs) {
  resolve::Options options;
  options.is_builtin = IsBuiltin;
  options.is_scheme_only_builtin = IsSchemeOnly;
  const char* node_path = std::getenv("NODE_PATH");
  const char* home = std::getenv("HOME");
  char exe[4096];
  size_t size = sizeof(exe);
  if (uv_exepath(exe, &size) != 0) size = 0;
  options.global_paths = resolve::GlobalPaths(node_path ? node_path : "", home ? home : "",
                                              std::string_view(exe, size));
  options.preserve_symlinks = env.options().preserve_symlinks;
  options.preserve_symlinks_main = env.options().preserve_symlinks_main;
  char cwd[4096];
  size_t cwd_size = sizeof(cwd);
  if (uv_cwd(cwd, &cwd_size) == 0) options.cwd.assign(cwd, cwd_size);
  return std::make_unique<resolve::Resolver>(fs, std::move(options));
}

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  std::vector<std::string> ids;
  for (std::string_view id : kNodeBuiltins) {
    if (!IsSchemeOnly(id)) ids.emplace_back(id);
  }
  SetValue(env, target, "builtinModules", ToV8Array(env.isolate(), ids));
}

}  // namespace nodus::bindings::modules
