#pragma once

// The JavaScript builtins embedded at build time (runtime/lib, see
// runtime/tools/embed_builtins.cc) and their compilation.

#include <atomic>
#include <cstddef>
#include <string_view>

namespace v8 {
class Context;
class Isolate;
class Function;
template <class T>
class Local;
template <class T>
class MaybeLocal;
}  // namespace v8

namespace nodus {

struct BuiltinSource {
  const char* id;
  const char* data;
  size_t size;
};
extern const BuiltinSource kBuiltinSources[];
extern const size_t kBuiltinSourceCount;

const BuiltinSource* FindBuiltin(std::string_view id);

// V8 code caches for the builtins, made at build time by the stage-0 binary
// (runtime/tools/code_cache_main.cc) and linked into `nodus`; the stage-0
// binary links an empty table. A cache V8 rejects (another V8 build or other
// flags) falls back to compiling from source.
struct BuiltinCodeCache {
  const char* id;
  const unsigned char* data;
  size_t size;
};
extern const BuiltinCodeCache kBuiltinCodeCache[];
extern const size_t kBuiltinCodeCacheCount;

// How builtins were compiled in this process (for `nodus -v --verbose`).
// Worker threads compile builtins too, hence atomics.
struct BuiltinCacheStats {
  std::atomic<int> accepted{0};
  std::atomic<int> rejected{0};
  std::atomic<int> uncached{0};
};
const BuiltinCacheStats& GetBuiltinCacheStats();

// Compiles builtin `id` as a function of
// (exports, require, module, process, internalBinding, primordials),
// named "node:<id>" in stack traces so tools that skip Node's internal
// frames skip ours too. In debug builds NODUS_BUILTINS_DIR loads lib/ from
// disk so a JS edit needs no relink.
v8::MaybeLocal<v8::Function> CompileBuiltin(v8::Local<v8::Context> context, std::string_view id);

// Build-time support: remember every builtin compiled from now on, then write
// their code caches as a C++ source file defining kBuiltinCodeCache.
void CollectBuiltinsForCodeCache(v8::Isolate* isolate);
bool WriteBuiltinCodeCache(v8::Isolate* isolate, const char* path);

}  // namespace nodus
