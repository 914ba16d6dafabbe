// internalBinding('timers'): one libuv timer for all JavaScript timers and a
// check handle for setImmediate. The queues themselves live in JavaScript
// (internal/timers.js); C++ only wakes them at the right time.
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::timers {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

void SetupTimers(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  env->SetCallback(Env::Callback::kProcessImmediate, info[0].As<v8::Function>());
  env->SetCallback(Env::Callback::kProcessTimers, info[1].As<v8::Function>());
}

// Milliseconds on libuv's loop clock (cached per loop iteration, like Node).
void GetLibuvNow(const FunctionCallbackInfo<Value>& info) {
  // Refresh the cached loop time first, as Node does, so timers created late
  // in a long callback start from the real current time.
  uv_loop_t* loop = Env::From(info)->loop();
  uv_update_time(loop);
  info.GetReturnValue().Set(static_cast<double>(uv_now(loop)));
}

void ScheduleTimer(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  int64_t duration = info[0]->IntegerValue(env->context()).FromJust();
  if (duration < 1) duration = 1;
  env->ScheduleTimer(duration);
}

void ToggleTimerRef(const FunctionCallbackInfo<Value>& info) {
  auto* handle = reinterpret_cast<uv_handle_t*>(Env::From(info)->timer_handle());
  if (info[0]->IsTrue()) {
    uv_ref(handle);
  } else {
    uv_unref(handle);
  }
}

void ToggleImmediateRef(const FunctionCallbackInfo<Value>& info) {
  Env::From(info)->ToggleImmediateRef(info[0]->IsTrue());
}

constexpr Method kMethods[] = {
    {"setupTimers", SetupTimers},
    {"getLibuvNow", GetLibuvNow},
    {"scheduleTimer", ScheduleTimer},
    {"toggleTimerRef", ToggleTimerRef},
    {"toggleImmediateRef", ToggleImmediateRef},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  // [count, refCount, hasOutstanding], shared with internal/timers.js.
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(env.isolate(), 3 * sizeof(uint32_t));
  v8::Local<v8::Uint32Array> info = v8::Uint32Array::New(buffer, 0, 3);
  env.set_immediate_info(static_cast<uint32_t*>(buffer->Data()), info);
  SetValue(env, target, "immediateInfo", info);
}

}  // namespace nodus::bindings::timers
