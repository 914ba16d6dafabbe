// internalBinding('types'): V8's own type checks (not spoofable by
// Symbol.toStringTag), backing util.types. Same shape as Node's binding.
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::types {

namespace {

#define NODUS_TYPE_CHECKS(V) \
  V(External)                \
  V(Date)                    \
  V(ArgumentsObject)         \
  V(BigIntObject)            \
  V(BooleanObject)           \
  V(NumberObject)            \
  V(StringObject)            \
  V(SymbolObject)            \
  V(NativeError)             \
  V(RegExp)                  \
  V(AsyncFunction)           \
  V(GeneratorFunction)       \
  V(GeneratorObject)         \
  V(Promise)                 \
  V(Map)                     \
  V(Set)                     \
  V(MapIterator)             \
  V(SetIterator)             \
  V(WeakMap)                 \
  V(WeakSet)                 \
  V(ArrayBuffer)             \
  V(DataView)                \
  V(SharedArrayBuffer)       \
  V(Proxy)                   \
  V(ModuleNamespaceObject)

#define NODUS_DEFINE_CHECK(type)                                   \
  void Is##type(const v8::FunctionCallbackInfo<v8::Value>& info) { \
    info.GetReturnValue().Set(info[0]->Is##type());                \
  }
NODUS_TYPE_CHECKS(NODUS_DEFINE_CHECK)
#undef NODUS_DEFINE_CHECK

void IsAnyArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(info[0]->IsArrayBuffer() || info[0]->IsSharedArrayBuffer());
}

void IsBoxedPrimitive(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Value> v = info[0];
  info.GetReturnValue().Set(v->IsNumberObject() || v->IsStringObject() || v->IsBooleanObject() ||
                            v->IsBigIntObject() || v->IsSymbolObject());
}

constexpr Method kMethods[] = {
#define NODUS_CHECK_ENTRY(type) {"is" #type, Is##type},
    NODUS_TYPE_CHECKS(NODUS_CHECK_ENTRY)
#undef NODUS_CHECK_ENTRY
        {"isAnyArrayBuffer", IsAnyArrayBuffer},
    {"isBoxedPrimitive", IsBoxedPrimitive},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::types
