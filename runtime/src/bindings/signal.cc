// internalBinding('signal'): libuv signal handles behind process.on('SIGINT')
// and friends. Handles are unreferenced: a signal listener does not keep the
// process alive, as in Node.
#include <uv.h>

#include <map>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::signal {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

struct SignalHandle {
  uv_signal_t handle;
  Env* env;
};

// Live handles by signal number; main thread only.
std::map<int, SignalHandle*>& Handles() {
  static std::map<int, SignalHandle*> handles;
  return handles;
}

void OnSignal(uv_signal_t* handle, int signum) {
  auto* signal = static_cast<SignalHandle*>(handle->data);
  Env* env = signal->env;
  v8::HandleScope scope(env->isolate());
  v8::Context::Scope context_scope(env->context());
  v8::Local<v8::Function> callback = env->GetCallback(Env::Callback::kSignal);
  if (callback.IsEmpty()) return;
  v8::Local<Value> arg = v8::Integer::New(env->isolate(), signum);
  if (env->MakeCallback(callback, env->process_object(), 1, &arg).IsEmpty()) {
    // Reported through the uncaught-exception path already.
  }
}

void SetSignalCallback(const FunctionCallbackInfo<Value>& info) {
  Env::From(info)->SetCallback(Env::Callback::kSignal, info[0].As<v8::Function>());
}

// start(signum) -> 0 or a negative libuv error (EINVAL for SIGKILL/SIGSTOP).
void Start(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  int signum = info[0]->Int32Value(env->context()).FromJust();
  if (Handles().count(signum) != 0) return info.GetReturnValue().Set(0);
  auto* signal = new SignalHandle{{}, env};
  uv_signal_init(env->loop(), &signal->handle);
  signal->handle.data = signal;
  int err = uv_signal_start(&signal->handle, OnSignal, signum);
  if (err != 0) {
    uv_close(reinterpret_cast<uv_handle_t*>(&signal->handle),
             [](uv_handle_t* handle) { delete static_cast<SignalHandle*>(handle->data); });
    return info.GetReturnValue().Set(err);
  }
  uv_unref(reinterpret_cast<uv_handle_t*>(&signal->handle));
  Handles()[signum] = signal;
  info.GetReturnValue().Set(0);
}

void Stop(const FunctionCallbackInfo<Value>& info) {
  int signum = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  auto it = Handles().find(signum);
  if (it == Handles().end()) return;
  uv_close(reinterpret_cast<uv_handle_t*>(&it->second->handle),
           [](uv_handle_t* handle) { delete static_cast<SignalHandle*>(handle->data); });
  Handles().erase(it);
}

constexpr Method kMethods[] = {
    {"setSignalCallback", SetSignalCallback},
    {"start", Start},
    {"stop", Stop},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::signal
