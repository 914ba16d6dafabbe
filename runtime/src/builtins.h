#pragma once

// The JavaScript builtins embedded at build time (runtime/lib, see
// runtime/tools/embed_builtins.cc) and their compilation.

#include <cstddef>
#include <string_view>

namespace v8 {
class Context;
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

// Compiles builtin `id` as a function of
// (exports, require, module, process, internalBinding, primordials),
// named "node:<id>" in stack traces so tools that skip Node's internal
// frames skip ours too. In debug builds NODUS_BUILTINS_DIR loads lib/ from
// disk so a JS edit needs no relink.
v8::MaybeLocal<v8::Function> CompileBuiltin(v8::Local<v8::Context> context, std::string_view id);

}  // namespace nodus
