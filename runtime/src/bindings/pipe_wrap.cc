// internalBinding('pipe_wrap'): Unix domain sockets and pipes. `new Pipe(type)`
// (constants.SOCKET, SERVER or IPC) is a StreamHandle with bind(path),
// listen(backlog), connect(req, path) and open(fd); IPC pipes also have
// pendingType() and acceptPending(handle) for received handles.
#include <uv.h>

#include "bindings/binding.h"
#include "env.h"
#include "stream_handle.h"

namespace nodus::bindings::pipe_wrap {

namespace {

using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

enum Type { kSocket = 0, kServer = 1, kIpc = 2 };

// Per thread (each worker has its own isolate); never destroyed, since the
// isolate is gone before the thread ends.
v8::Global<v8::FunctionTemplate>& Template() {
  thread_local auto* tmpl = new v8::Global<v8::FunctionTemplate>();
  return *tmpl;
}

class PipeHandle : public StreamHandle {
 public:
  PipeHandle(Env* env, Local<Object> object, bool ipc) : StreamHandle(env, object) {
    uv_pipe_init(env->loop(), &pipe_, ipc ? 1 : 0);
    Attach();
  }
  uv_handle_t* handle() override { return reinterpret_cast<uv_handle_t*>(&pipe_); }
  uv_pipe_t* pipe() { return &pipe_; }

 protected:
  v8::MaybeLocal<Object> NewClient() override {
    return NewInstanceOf(Template().Get(env()->isolate()), kSocket);
  }

 private:
  uv_pipe_t pipe_;
};

void New(const FunctionCallbackInfo<Value>& info) {
  int type = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(kSocket);
  new PipeHandle(Env::From(info), info.This(), type == kIpc);
}

void Open(const FunctionCallbackInfo<Value>& info) {
  PipeHandle* self = StreamHandle::Open<PipeHandle>(info);
  if (self == nullptr) return;
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  info.GetReturnValue().Set(uv_pipe_open(self->pipe(), fd));
}

void Bind(const FunctionCallbackInfo<Value>& info) {
  PipeHandle* self = StreamHandle::Open<PipeHandle>(info);
  if (self == nullptr) return;
  std::string path = ToStdString(info.GetIsolate(), info[0]);
  info.GetReturnValue().Set(uv_pipe_bind(self->pipe(), path.c_str()));
}

// connect(req, path): completes through req.oncomplete.
void Connect(const FunctionCallbackInfo<Value>& info) {
  PipeHandle* self = StreamHandle::Open<PipeHandle>(info);
  if (self == nullptr) return;
  std::string path = ToStdString(info.GetIsolate(), info[1]);
  StreamHandle::ConnectReq* req = StreamHandle::NewConnectReq(self, info[0].As<Object>());
  uv_pipe_connect(&req->req, self->pipe(), path.c_str(), StreamHandle::AfterConnect);
  info.GetReturnValue().Set(0);
}

void Fchmod(const FunctionCallbackInfo<Value>& info) {
  PipeHandle* self = StreamHandle::Open<PipeHandle>(info);
  if (self == nullptr) return;
  int mode = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  info.GetReturnValue().Set(uv_pipe_chmod(self->pipe(), mode));
}

void SetPendingInstances(const FunctionCallbackInfo<Value>&) {}

// IPC pipes: handles received with the data read so far. pendingType() is
// 'TCP', 'PIPE' or another name for the first one, '' when there is none;
// acceptPending(handle) moves it into a new TCP or Pipe object.
void PendingType(const FunctionCallbackInfo<Value>& info) {
  PipeHandle* self = StreamHandle::Open<PipeHandle>(info);
  if (self == nullptr) return;
  const char* name = "";
  if (uv_pipe_pending_count(self->pipe()) > 0) {
    switch (uv_pipe_pending_type(self->pipe())) {
      case UV_TCP:
        name = "TCP";
        break;
      case UV_NAMED_PIPE:
        name = "PIPE";
        break;
      case UV_UDP:
        name = "UDP";
        break;
      default:
        name = "UNKNOWN";
        break;
    }
  }
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), name));
}

void AcceptPending(const FunctionCallbackInfo<Value>& info) {
  PipeHandle* self = StreamHandle::Open<PipeHandle>(info);
  if (self == nullptr) return;
  StreamHandle* client = StreamHandle::Unwrap(info[0].As<Object>());
  if (client == nullptr || client->closing()) return info.GetReturnValue().Set(UV_EBADF);
  info.GetReturnValue().Set(uv_accept(self->stream(), client->stream()));
}

constexpr Method kPipeMethods[] = {
    {"open", Open},
    {"bind", Bind},
    {"connect", Connect},
    {"fchmod", Fchmod},
    {"setPendingInstances", SetPendingInstances},
    {"pendingType", PendingType},
    {"acceptPending", AcceptPending},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(New);
  refs.Add(kPipeMethods);
}

void Initialize(Env& env, Local<Object> target) {
  Isolate* isolate = env.isolate();
  Local<v8::FunctionTemplate> tmpl = StreamHandle::NewClass(env, "Pipe", New);
  StreamHandle::AddMethods(env, tmpl, kPipeMethods);
  Template().Reset(isolate, tmpl);
  SetValue(env, target, "Pipe", tmpl->GetFunction(env.context()).ToLocalChecked());
  Local<Object> constants = Object::New(isolate);
  SetConstant(env, constants, "SOCKET", kSocket);
  SetConstant(env, constants, "SERVER", kServer);
  SetConstant(env, constants, "IPC", kIpc);
  SetConstant(env, constants, "UV_READABLE", UV_READABLE);
  SetConstant(env, constants, "UV_WRITABLE", UV_WRITABLE);
  SetValue(env, target, "constants", constants);
}

}  // namespace nodus::bindings::pipe_wrap
