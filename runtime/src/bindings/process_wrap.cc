// internalBinding('process_wrap'): `new Process()` owns one uv_process_t.
//   spawn(options) -> 0 or a libuv error; options are
//     { file, args, cwd, envPairs, stdio: [{ type, handle, fd }], detached, uid, gid }
//     where type is 'ignore', 'pipe' (handle: a pipe_wrap Pipe, created by the
//     child), 'wrap' (handle: any stream handle the child inherits), 'fd' or
//     'inherit' (fd: a descriptor of this process);
//   on success `pid` is set on the object; when the child ends,
//   this.onexit(exitStatus, termSignal) runs through Env::MakeCallback;
//   kill(signum) -> err; close(cb); ref(); unref(); hasRef().
// The object is held strongly from spawn() until the handle is closed.
#include <uv.h>

#include <memory>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "bindings/spawn_options.h"
#include "env.h"
#include "stream_handle.h"

namespace nodus::bindings::process_wrap {

namespace {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

class ProcessHandle {
 public:
  ProcessHandle(Env* env, Local<Object> object) : env_(env) {
    object_.Reset(env->isolate(), object);
    process_.data = this;
  }

  static ProcessHandle* Unwrap(Local<Object> object) {
    if (object->InternalFieldCount() < 1) return nullptr;
    return static_cast<ProcessHandle*>(object->GetAlignedPointerFromInternalField(0));
  }

  uv_handle_t* handle() { return reinterpret_cast<uv_handle_t*>(&process_); }
  uv_process_t* process() { return &process_; }
  Env* env() const { return env_; }
  Local<Object> object() const { return object_.Get(env_->isolate()); }

  bool initialized = false;  // uv_spawn was called: the handle must be closed
  bool closing = false;

  static void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
    auto* self = static_cast<ProcessHandle*>(process->data);
    Env* env = self->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Context> context = env->context();
    Context::Scope context_scope(context);
    Local<Object> object = self->object();
    Local<Value> onexit;
    if (!object->Get(context, ToV8(isolate, "onexit")).ToLocal(&onexit) || !onexit->IsFunction()) {
      return;
    }
    Local<Value> argv[] = {v8::Number::New(isolate, static_cast<double>(exit_status)),
                           v8::Integer::New(isolate, term_signal)};
    env->MakeCallback(onexit.As<v8::Function>(), object, 2, argv);
  }

  void BeginClose(Local<Value> callback) {
    if (closing) return;
    closing = true;
    if (callback->IsFunction()) close_callback_.Reset(env_->isolate(), callback.As<v8::Function>());
    uv_close(handle(), OnClose);
  }

 private:
  static void OnClose(uv_handle_t* handle) {
    std::unique_ptr<ProcessHandle> self(static_cast<ProcessHandle*>(handle->data));
    Env* env = self->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<Object> object = self->object();
    object->SetAlignedPointerInInternalField(0, nullptr);
    if (!self->close_callback_.IsEmpty()) {
      Local<v8::Function> cb = self->close_callback_.Get(isolate);
      self->close_callback_.Reset();
      env->MakeCallback(cb, object, 0, nullptr);
    }
  }

  Env* env_;
  v8::Global<Object> object_;
  v8::Global<v8::Function> close_callback_;
  uv_process_t process_{};
};

void New(const FunctionCallbackInfo<Value>& info) {
  info.This()->SetAlignedPointerInInternalField(0, nullptr);
}

void Spawn(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Object> self_object = info.This();
  if (ProcessHandle::Unwrap(self_object) != nullptr) return info.GetReturnValue().Set(UV_EINVAL);
  Local<Object> js_options = info[0].As<Object>();

  uv_process_options_t options{};
  options.exit_cb = ProcessHandle::OnExit;
  SpawnCommand command;
  command.Read(isolate, context, js_options, &options);

  std::vector<uv_stdio_container_t> stdio;
  Local<Value> stdio_value = GetOption(context, js_options, "stdio");
  if (stdio_value->IsArray()) {
    Local<v8::Array> array = stdio_value.As<v8::Array>();
    for (uint32_t i = 0; i < array->Length(); i++) {
      Local<Object> entry = array->Get(context, i).ToLocalChecked().As<Object>();
      std::string type = ToStdString(isolate, GetOption(context, entry, "type"));
      uv_stdio_container_t container{};
      container.flags = UV_IGNORE;
      if (type == "pipe" || type == "overlapped" || type == "wrap") {
        Local<Value> handle_value = GetOption(context, entry, "handle");
        StreamHandle* stream =
            handle_value->IsObject() ? StreamHandle::Unwrap(handle_value.As<Object>()) : nullptr;
        if (stream == nullptr || stream->closing()) return info.GetReturnValue().Set(UV_EINVAL);
        container.data.stream = stream->stream();
        if (type == "wrap") {
          container.flags = UV_INHERIT_STREAM;
        } else {
          container.flags =
              static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
        }
      } else if (type == "fd" || type == "inherit") {
        container.flags = UV_INHERIT_FD;
        container.data.fd = GetOption(context, entry, "fd")->Int32Value(context).FromJust();
      }
      stdio.push_back(container);
    }
  }
  options.stdio = stdio.data();
  options.stdio_count = static_cast<int>(stdio.size());

  auto* wrap = new ProcessHandle(env, self_object);
  int err = uv_spawn(env->loop(), wrap->process(), &options);
  wrap->initialized = true;
  self_object->SetAlignedPointerInInternalField(0, wrap);
  if (err == 0) {
    self_object->Set(context, ToV8(isolate, "pid"), v8::Integer::New(isolate, wrap->process()->pid))
        .Check();
  }
  info.GetReturnValue().Set(err);
}

ProcessHandle* Holder(const FunctionCallbackInfo<Value>& info) {
  ProcessHandle* self = ProcessHandle::Unwrap(info.This());
  if (self == nullptr || self->closing) return nullptr;
  return self;
}

void Kill(const FunctionCallbackInfo<Value>& info) {
  ProcessHandle* self = Holder(info);
  if (self == nullptr) return info.GetReturnValue().Set(UV_EBADF);
  int signum = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  info.GetReturnValue().Set(uv_process_kill(self->process(), signum));
}

void Close(const FunctionCallbackInfo<Value>& info) {
  ProcessHandle* self = ProcessHandle::Unwrap(info.This());
  if (self != nullptr) self->BeginClose(info[0]);
}

void Ref(const FunctionCallbackInfo<Value>& info) {
  ProcessHandle* self = Holder(info);
  if (self != nullptr) uv_ref(self->handle());
}

void Unref(const FunctionCallbackInfo<Value>& info) {
  ProcessHandle* self = Holder(info);
  if (self != nullptr) uv_unref(self->handle());
}

void HasRef(const FunctionCallbackInfo<Value>& info) {
  ProcessHandle* self = Holder(info);
  info.GetReturnValue().Set(self != nullptr && uv_has_ref(self->handle()) != 0);
}

constexpr Method kProcessMethods[] = {
    {"spawn", Spawn}, {"kill", Kill},   {"close", Close},
    {"ref", Ref},     {"unref", Unref}, {"hasRef", HasRef},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(New);
  refs.Add(kProcessMethods);
}

void Initialize(Env& env, Local<Object> target) {
  SetClass(env, target, "Process", New, kProcessMethods);
}

}  // namespace nodus::bindings::process_wrap
