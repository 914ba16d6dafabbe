// internalBinding('uv'): libuv's error names and messages.
#include <uv.h>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::uv {

namespace {

void ErrName(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int err = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  char buffer[64];
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), uv_err_name_r(err, buffer, sizeof(buffer))));
}

// [[errno, name, message], ...] for every error libuv knows.
void GetErrorMap(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<v8::Local<v8::Value>> entries;
#define NODUS_UV_ERROR(name, message)                                                           \
  {                                                                                             \
    v8::Local<v8::Value> entry[] = {v8::Integer::New(isolate, UV_##name), ToV8(isolate, #name), \
                                    ToV8(isolate, message)};                                    \
    entries.push_back(v8::Array::New(isolate, entry, 3));                                       \
  }
  UV_ERRNO_MAP(NODUS_UV_ERROR)
#undef NODUS_UV_ERROR
  info.GetReturnValue().Set(v8::Array::New(isolate, entries.data(), entries.size()));
}

constexpr Method kMethods[] = {{"errname", ErrName}, {"getErrorMap", GetErrorMap}};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::uv
