#include "builtins.h"

#include <v8.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

namespace nodus {

const BuiltinSource* FindBuiltin(std::string_view id) {
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    if (id == kBuiltinSources[i].id) return &kBuiltinSources[i];
  }
  return nullptr;
}

namespace {

BuiltinCacheStats g_cache_stats;

const BuiltinCodeCache* FindCodeCache(std::string_view id) {
  for (size_t i = 0; i < kBuiltinCodeCacheCount; i++) {
    if (id == kBuiltinCodeCache[i].id) return &kBuiltinCodeCache[i];
  }
  return nullptr;
}

// Builtins compiled while collecting for the code cache (build time only).
std::map<std::string, v8::Global<v8::Function>>* g_collected = nullptr;

// NODUS_BUILTINS_DIR=<repo>/runtime/lib serves builtins from disk (debug aid).
bool ReadFromBuiltinsDir(std::string_view id, std::string* out) {
#ifdef NDEBUG
  return false;
#else
  const char* dir = std::getenv("NODUS_BUILTINS_DIR");
  if (dir == nullptr || *dir == '\0') return false;
  std::ifstream in(std::string(dir) + "/" + std::string(id) + ".js", std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
#endif
}

}  // namespace

v8::MaybeLocal<v8::Function> CompileBuiltin(v8::Local<v8::Context> context, std::string_view id) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string disk_source;
  v8::Local<v8::String> source_text;
  bool from_disk = false;
  if (ReadFromBuiltinsDir(id, &disk_source)) {
    from_disk = true;
    source_text = v8::String::NewFromUtf8(isolate, disk_source.data(), v8::NewStringType::kNormal,
                                          static_cast<int>(disk_source.size()))
                      .ToLocalChecked();
  } else {
    const BuiltinSource* builtin = FindBuiltin(id);
    if (builtin == nullptr) return {};
    // Builtins are trusted UTF-8 text; V8 keeps its own copy.
    source_text = v8::String::NewFromUtf8(isolate, builtin->data, v8::NewStringType::kNormal,
                                          static_cast<int>(builtin->size))
                      .ToLocalChecked();
  }
  std::string name = "node:" + std::string(id);
  v8::ScriptOrigin origin(isolate, v8::String::NewFromUtf8(isolate, name.c_str()).ToLocalChecked());
  // The embedded cache only matches the embedded sources.
  const BuiltinCodeCache* cache = from_disk ? nullptr : FindCodeCache(id);
  v8::ScriptCompiler::Source source(
      source_text, origin,
      cache == nullptr
          ? nullptr
          : new v8::ScriptCompiler::CachedData(cache->data, static_cast<int>(cache->size),
                                               v8::ScriptCompiler::CachedData::BufferNotOwned));
  v8::Local<v8::String> params[] = {
      v8::String::NewFromUtf8Literal(isolate, "exports"),
      v8::String::NewFromUtf8Literal(isolate, "require"),
      v8::String::NewFromUtf8Literal(isolate, "module"),
      v8::String::NewFromUtf8Literal(isolate, "process"),
      v8::String::NewFromUtf8Literal(isolate, "internalBinding"),
      v8::String::NewFromUtf8Literal(isolate, "primordials"),
  };
  v8::MaybeLocal<v8::Function> fn =
      v8::ScriptCompiler::CompileFunction(context, &source, std::size(params), params, 0, nullptr,
                                          cache == nullptr ? v8::ScriptCompiler::kNoCompileOptions
                                                           : v8::ScriptCompiler::kConsumeCodeCache);
  if (cache == nullptr) {
    g_cache_stats.uncached++;
  } else if (source.GetCachedData()->rejected) {
    g_cache_stats.rejected++;
  } else {
    g_cache_stats.accepted++;
  }
  v8::Local<v8::Function> compiled;
  if (g_collected != nullptr && fn.ToLocal(&compiled)) {
    (*g_collected)[std::string(id)].Reset(isolate, compiled);
  }
  return fn;
}

const BuiltinCacheStats& GetBuiltinCacheStats() { return g_cache_stats; }

void CollectBuiltinsForCodeCache(v8::Isolate* isolate) {
  if (g_collected == nullptr) g_collected = new std::map<std::string, v8::Global<v8::Function>>();
}

bool WriteBuiltinCodeCache(v8::Isolate* isolate, const char* path) {
  if (g_collected == nullptr) return false;
  v8::HandleScope scope(isolate);
  std::FILE* out = std::fopen(path, "w");
  if (out == nullptr) return false;
  std::fprintf(out,
               "// Generated at build time by nodus_code_cache (V8 code caches of the "
               "builtins).\n#include \"builtins.h\"\n\nnamespace nodus {\nnamespace {\n");
  std::string table;
  int index = 0;
  for (auto& [id, global] : *g_collected) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> data(
        v8::ScriptCompiler::CreateCodeCacheForFunction(global.Get(isolate)));
    if (!data || data->length == 0) continue;
    std::fprintf(out, "const unsigned char kCache%d[] = {", index);
    for (int i = 0; i < data->length; i++) {
      std::fprintf(out, i % 24 == 0 ? "\n%u," : "%u,", static_cast<unsigned>(data->data[i]));
    }
    std::fprintf(out, "};\n");
    table += "    {\"" + id + "\", kCache" + std::to_string(index) + ", " +
             std::to_string(data->length) + "},\n";
    index++;
  }
  std::fprintf(out,
               "}  // namespace\n\nconst BuiltinCodeCache kBuiltinCodeCache[] = {\n%s    "
               "{nullptr, nullptr, 0}};\nconst size_t kBuiltinCodeCacheCount = %d;\n\n}  // "
               "namespace nodus\n",
               table.c_str(), index);
  return std::fclose(out) == 0;
}

}  // namespace nodus
