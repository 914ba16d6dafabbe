// internalBinding('task_queue'): process.nextTick's and the microtask queue's
// hooks into the loop, and promise-rejection tracking.
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::task_queue {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

void SetTickCallback(const FunctionCallbackInfo<Value>& info) {
  Env::From(info)->SetCallback(Env::Callback::kTickCallback, info[0].As<v8::Function>());
}

void RunMicrotasks(const FunctionCallbackInfo<Value>& info) {
  info.GetIsolate()->PerformMicrotaskCheckpoint();
}

void EnqueueMicrotask(const FunctionCallbackInfo<Value>& info) {
  info.GetIsolate()->EnqueueMicrotask(info[0].As<v8::Function>());
}

void SetPromiseRejectCallback(const FunctionCallbackInfo<Value>& info) {
  Env::From(info)->SetCallback(Env::Callback::kPromiseReject, info[0].As<v8::Function>());
}

constexpr Method kMethods[] = {
    {"setTickCallback", SetTickCallback},
    {"runMicrotasks", RunMicrotasks},
    {"enqueueMicrotask", EnqueueMicrotask},
    {"setPromiseRejectCallback", SetPromiseRejectCallback},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  // [hasTickScheduled, hasRejectionToWarn], shared with JavaScript so the
  // loop can skip calling into JS when there is nothing to do.
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(env.isolate(), 2);
  v8::Local<v8::Uint8Array> tick_info = v8::Uint8Array::New(buffer, 0, 2);
  env.set_tick_info(static_cast<uint8_t*>(buffer->Data()), tick_info);
  SetValue(env, target, "tickInfo", tick_info);
  v8::Local<v8::Object> events = v8::Object::New(env.isolate());
  SetConstant(env, events, "kPromiseRejectWithNoHandler", v8::kPromiseRejectWithNoHandler);
  SetConstant(env, events, "kPromiseHandlerAddedAfterReject", v8::kPromiseHandlerAddedAfterReject);
  SetConstant(env, events, "kPromiseResolveAfterResolved", v8::kPromiseResolveAfterResolved);
  SetConstant(env, events, "kPromiseRejectAfterResolved", v8::kPromiseRejectAfterResolved);
  SetValue(env, target, "promiseRejectEvents", events);
}

}  // namespace nodus::bindings::task_queue
