// internalBinding('errors'): the uncaught-exception path and source context
// ("arrow") for errors.
#include "errors.h"

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::errors {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

// setUncaughtExceptionHandler(fn): fn(error, fromPromise, arrow, printOnly)
// returns true when handled, else the exit code (after printing).
void SetUncaughtExceptionHandler(const FunctionCallbackInfo<Value>& info) {
  Env::From(info)->SetCallback(Env::Callback::kUncaughtException, info[0].As<v8::Function>());
}

// triggerUncaughtException(error, fromPromise): for errors caught in
// JavaScript (queueMicrotask callbacks, unhandled rejections).
void TriggerUncaughtException(const FunctionCallbackInfo<Value>& info) {
  Env::From(info)->TriggerUncaughtException(info[0], v8::Local<v8::Message>(), info[1]->IsTrue());
}

void GetArrowMessage(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), GetArrow(*Env::From(info), info[0])));
}

constexpr Method kMethods[] = {
    {"setUncaughtExceptionHandler", SetUncaughtExceptionHandler},
    {"triggerUncaughtException", TriggerUncaughtException},
    {"getArrowMessage", GetArrowMessage},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::errors
