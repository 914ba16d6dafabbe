// internalBinding('util'): introspection util.inspect needs and JavaScript
// cannot do itself. Same shapes as Node's binding of the same name.
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::util {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

enum PromiseState { kPending = 0, kFulfilled = 1, kRejected = 2 };

// [state] when pending, else [state, result].
void GetPromiseDetails(const FunctionCallbackInfo<Value>& info) {
  if (!info[0]->IsPromise()) return;
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Promise> promise = info[0].As<v8::Promise>();
  int state = kPending;
  switch (promise->State()) {
    case v8::Promise::kPending:
      state = kPending;
      break;
    case v8::Promise::kFulfilled:
      state = kFulfilled;
      break;
    case v8::Promise::kRejected:
      state = kRejected;
      break;
  }
  Local<Value> values[] = {v8::Integer::New(isolate, state), Local<Value>()};
  size_t count = 1;
  if (state != kPending) values[count++] = promise->Result();
  info.GetReturnValue().Set(v8::Array::New(isolate, values, count));
}

// [target, handler], or just target when showProxy is false.
void GetProxyDetails(const FunctionCallbackInfo<Value>& info) {
  if (!info[0]->IsProxy()) return;
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Proxy> proxy = info[0].As<v8::Proxy>();
  if (info.Length() == 1 || info[1]->IsTrue()) {
    Local<Value> values[] = {proxy->GetTarget(), proxy->GetHandler()};
    info.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
  } else {
    info.GetReturnValue().Set(proxy->GetTarget());
  }
}

// Entries of a Map/Set iterator or WeakMap/WeakSet, without side effects.
void PreviewEntries(const FunctionCallbackInfo<Value>& info) {
  if (!info[0]->IsObject()) return;
  v8::Isolate* isolate = info.GetIsolate();
  bool is_key_value = false;
  Local<v8::Array> entries;
  if (!info[0].As<v8::Object>()->PreviewEntries(&is_key_value).ToLocal(&entries)) return;
  if (info.Length() == 1) return info.GetReturnValue().Set(entries);
  Local<Value> values[] = {entries, v8::Boolean::New(isolate, is_key_value)};
  info.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

void GetOwnNonIndexProperties(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  if (!info[0]->IsObject()) return;
  auto filter = static_cast<v8::PropertyFilter>(info[1]->Uint32Value(context).FromJust());
  Local<v8::Array> properties;
  if (!info[0]
           .As<v8::Object>()
           ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly, filter,
                              v8::IndexFilter::kSkipIndices)
           .ToLocal(&properties)) {
    return;
  }
  info.GetReturnValue().Set(properties);
}

void GetConstructorName(const FunctionCallbackInfo<Value>& info) {
  if (!info[0]->IsObject()) return;
  info.GetReturnValue().Set(info[0].As<v8::Object>()->GetConstructorName());
}

void GetExternalValue(const FunctionCallbackInfo<Value>& info) {
  if (!info[0]->IsExternal()) return;
  auto address = reinterpret_cast<uintptr_t>(info[0].As<v8::External>()->Value());
  info.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(info.GetIsolate(), address));
}

// Node's isInsideNodeModules() is not needed; sleep(ms) is a test helper.
void Sleep(const FunctionCallbackInfo<Value>& info) {
  uint32_t ms = info[0]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  uv_sleep(ms);
}

constexpr Method kMethods[] = {
    {"getPromiseDetails", GetPromiseDetails},
    {"getProxyDetails", GetProxyDetails},
    {"previewEntries", PreviewEntries},
    {"getOwnNonIndexProperties", GetOwnNonIndexProperties},
    {"getConstructorName", GetConstructorName},
    {"getExternalValue", GetExternalValue},
    {"sleep", Sleep},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  v8::Local<v8::Object> constants = v8::Object::New(env.isolate());
  SetConstant(env, constants, "kPending", kPending);
  SetConstant(env, constants, "kFulfilled", kFulfilled);
  SetConstant(env, constants, "kRejected", kRejected);
  SetConstant(env, constants, "ALL_PROPERTIES", v8::ALL_PROPERTIES);
  SetConstant(env, constants, "ONLY_WRITABLE", v8::ONLY_WRITABLE);
  SetConstant(env, constants, "ONLY_ENUMERABLE", v8::ONLY_ENUMERABLE);
  SetConstant(env, constants, "ONLY_CONFIGURABLE", v8::ONLY_CONFIGURABLE);
  SetConstant(env, constants, "SKIP_STRINGS", v8::SKIP_STRINGS);
  SetConstant(env, constants, "SKIP_SYMBOLS", v8::SKIP_SYMBOLS);
  SetValue(env, target, "constants", constants);
}

}  // namespace nodus::bindings::util
