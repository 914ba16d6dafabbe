#include "builtins.h"

#include <v8.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace nodus {

const BuiltinSource* FindBuiltin(std::string_view id) {
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    if (id == kBuiltinSources[i].id) return &kBuiltinSources[i];
  }
  return nullptr;
}

namespace {

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
  if (ReadFromBuiltinsDir(id, &disk_source)) {
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
  v8::ScriptCompiler::Source source(source_text, origin);
  v8::Local<v8::String> params[] = {
      v8::String::NewFromUtf8Literal(isolate, "exports"),
      v8::String::NewFromUtf8Literal(isolate, "require"),
      v8::String::NewFromUtf8Literal(isolate, "module"),
      v8::String::NewFromUtf8Literal(isolate, "process"),
      v8::String::NewFromUtf8Literal(isolate, "internalBinding"),
      v8::String::NewFromUtf8Literal(isolate, "primordials"),
  };
  return v8::ScriptCompiler::CompileFunction(context, &source, std::size(params), params);
}

}  // namespace nodus
