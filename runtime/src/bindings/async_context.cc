// internalBinding('async_context'): the current async context frame, kept in
// V8's continuation-preserved embedder data. V8 stores that value in every
// promise reaction when it is created (then(), await) and restores it while
// the reaction runs, so AsyncLocalStorage follows promises without a
// PromiseHook. Ticks, timers, immediates and queueMicrotask capture and
// restore the frame in JavaScript (internal/async_hooks).
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::async_context {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

// getFrame(): the frame current now (undefined at the root).
void GetFrame(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(
      info.GetIsolate()->GetCurrentContext()->GetContinuationPreservedEmbedderData());
}

// setFrame(frame): makes `frame` current; returns the previous one.
void SetFrame(const FunctionCallbackInfo<Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  info.GetReturnValue().Set(context->GetContinuationPreservedEmbedderData());
  context->SetContinuationPreservedEmbedderData(info[0]);
}

constexpr Method kMethods[] = {
    {"getFrame", GetFrame},
    {"setFrame", SetFrame},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::async_context
