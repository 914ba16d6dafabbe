// internalBinding('tty_wrap'): terminal handles. `new TTY(fd, ctx)` is a
// StreamHandle (ctx.code/errno/syscall are set when uv_tty_init fails), with
// getWindowSize(out) -> err (out[0] columns, out[1] rows) and
// setRawMode(flag) -> err. isTTY(fd) and guessHandleType(fd) answer without a
// handle. Raw mode is undone at exit (uv_tty_reset_mode).
#include <uv.h>

#include "bindings/binding.h"
#include "env.h"
#include "stream_handle.h"

namespace nodus::bindings::tty_wrap {

namespace {

using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

class TtyHandle : public StreamHandle {
 public:
  TtyHandle(Env* env, Local<Object> object, uv_tty_t* tty) : StreamHandle(env, object) {
    tty_ = tty;
    Attach();
  }
  ~TtyHandle() override { delete tty_; }
  uv_handle_t* handle() override { return reinterpret_cast<uv_handle_t*>(tty_); }
  uv_tty_t* tty() { return tty_; }

 private:
  uv_tty_t* tty_;
};

void New(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = env->context();
  int fd = info[0]->Int32Value(context).FromJust();
  auto* tty = new uv_tty_t();
  int err = uv_tty_init(env->loop(), tty, fd, 0);
  if (err != 0) {
    delete tty;
    info.This()->SetAlignedPointerInInternalField(0, nullptr);
    if (info[1]->IsObject()) {
      Local<Object> ctx = info[1].As<Object>();
      ctx->Set(context, ToV8(isolate, "errno"), v8::Integer::New(isolate, err)).Check();
      ctx->Set(context, ToV8(isolate, "code"), ToV8(isolate, uv_err_name(err))).Check();
      ctx->Set(context, ToV8(isolate, "message"), ToV8(isolate, uv_strerror(err))).Check();
      ctx->Set(context, ToV8(isolate, "syscall"), ToV8(isolate, "uv_tty_init")).Check();
    }
    return;
  }
  new TtyHandle(env, info.This(), tty);
}

void GetWindowSize(const FunctionCallbackInfo<Value>& info) {
  TtyHandle* self = StreamHandle::Open<TtyHandle>(info);
  if (self == nullptr) return;
  int width = 0;
  int height = 0;
  int err = uv_tty_get_winsize(self->tty(), &width, &height);
  if (err == 0) {
    Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    Local<Object> out = info[0].As<Object>();
    out->Set(context, 0, v8::Integer::New(info.GetIsolate(), width)).Check();
    out->Set(context, 1, v8::Integer::New(info.GetIsolate(), height)).Check();
  }
  info.GetReturnValue().Set(err);
}

void SetRawMode(const FunctionCallbackInfo<Value>& info) {
  TtyHandle* self = StreamHandle::Open<TtyHandle>(info);
  if (self == nullptr) return;
  static bool registered = false;
  if (!registered) {
    registered = true;
    Env::From(info)->AddCleanupHook([] { uv_tty_reset_mode(); });
  }
  info.GetReturnValue().Set(
      uv_tty_set_mode(self->tty(), info[0]->IsTrue() ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL));
}

void IsTTY(const FunctionCallbackInfo<Value>& info) {
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(-1);
  info.GetReturnValue().Set(fd >= 0 && uv_guess_handle(fd) == UV_TTY);
}

void GuessHandleType(const FunctionCallbackInfo<Value>& info) {
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(-1);
  const char* type = "UNKNOWN";
  switch (fd < 0 ? UV_UNKNOWN_HANDLE : uv_guess_handle(fd)) {
    case UV_TCP:
      type = "TCP";
      break;
    case UV_TTY:
      type = "TTY";
      break;
    case UV_UDP:
      type = "UDP";
      break;
    case UV_FILE:
      type = "FILE";
      break;
    case UV_NAMED_PIPE:
      type = "PIPE";
      break;
    default:
      break;
  }
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), type));
}

constexpr Method kTtyMethods[] = {
    {"getWindowSize", GetWindowSize},
    {"setRawMode", SetRawMode},
};

constexpr Method kMethods[] = {
    {"isTTY", IsTTY},
    {"guessHandleType", GuessHandleType},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(New);
  refs.Add(kTtyMethods);
}

void Initialize(Env& env, Local<Object> target) {
  SetMethods(env, target, kMethods);
  Local<v8::FunctionTemplate> tmpl = StreamHandle::NewClass(env, "TTY", New);
  StreamHandle::AddMethods(env, tmpl, kTtyMethods);
  SetValue(env, target, "TTY", tmpl->GetFunction(env.context()).ToLocalChecked());
}

}  // namespace nodus::bindings::tty_wrap
