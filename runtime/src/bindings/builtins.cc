// internalBinding('builtins'): the embedded JavaScript builtins.
#include "builtins.h"

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::builtins {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

void Compile(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  std::string id = ToStdString(info.GetIsolate(), info[0]);
  v8::Local<v8::Function> fn;
  if (CompileBuiltin(env->context(), id).ToLocal(&fn)) info.GetReturnValue().Set(fn);
}

constexpr Method kMethods[] = {{"compile", Compile}};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  std::vector<v8::Local<v8::Value>> ids;
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    ids.push_back(ToV8(env.isolate(), kBuiltinSources[i].id));
  }
  SetValue(env, target, "ids", v8::Array::New(env.isolate(), ids.data(), ids.size()));
}

}  // namespace nodus::bindings::builtins
