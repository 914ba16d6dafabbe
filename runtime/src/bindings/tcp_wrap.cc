// internalBinding('tcp_wrap'): TCP handles. `new TCP(type)` (constants.SOCKET
// or SERVER) is a StreamHandle with bind/bind6/listen/connect/connect6/open,
// getsockname/getpeername(out), setNoDelay, setKeepAlive and reset(cb).
#include <uv.h>

#include "bindings/binding.h"
#include "env.h"
#include "stream_handle.h"

namespace nodus::bindings::tcp_wrap {

namespace {

using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

enum Type { kSocket = 0, kServer = 1 };

// Per thread (each worker has its own isolate); never destroyed, since the
// isolate is gone before the thread ends.
v8::Global<v8::FunctionTemplate>& Template() {
  thread_local auto* tmpl = new v8::Global<v8::FunctionTemplate>();
  return *tmpl;
}

class TcpHandle : public StreamHandle {
 public:
  TcpHandle(Env* env, Local<Object> object) : StreamHandle(env, object) {
    uv_tcp_init(env->loop(), &tcp_);
    Attach();
  }
  uv_handle_t* handle() override { return reinterpret_cast<uv_handle_t*>(&tcp_); }
  uv_tcp_t* tcp() { return &tcp_; }

 protected:
  v8::MaybeLocal<Object> NewClient() override {
    return NewInstanceOf(Template().Get(env()->isolate()), kSocket);
  }

 private:
  uv_tcp_t tcp_;
};

void New(const FunctionCallbackInfo<Value>& info) { new TcpHandle(Env::From(info), info.This()); }

void Open(const FunctionCallbackInfo<Value>& info) {
  TcpHandle* self = StreamHandle::Open<TcpHandle>(info);
  if (self == nullptr) return;
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  info.GetReturnValue().Set(uv_tcp_open(self->tcp(), fd));
}

template <bool kIpv6>
void Bind(const FunctionCallbackInfo<Value>& info) {
  TcpHandle* self = StreamHandle::Open<TcpHandle>(info);
  if (self == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  std::string address = ToStdString(isolate, info[0]);
  int port = info[1]->Int32Value(context).FromJust();
  sockaddr_storage storage;
  int err;
  unsigned flags = 0;
  if (kIpv6) {
    err = uv_ip6_addr(address.c_str(), port, reinterpret_cast<sockaddr_in6*>(&storage));
    if (info[2]->Int32Value(context).FromMaybe(0) != 0) flags |= UV_TCP_IPV6ONLY;
  } else {
    err = uv_ip4_addr(address.c_str(), port, reinterpret_cast<sockaddr_in*>(&storage));
  }
  if (err == 0) err = uv_tcp_bind(self->tcp(), reinterpret_cast<sockaddr*>(&storage), flags);
  info.GetReturnValue().Set(err);
}

// connect(req, address, port)
template <bool kIpv6>
void Connect(const FunctionCallbackInfo<Value>& info) {
  TcpHandle* self = StreamHandle::Open<TcpHandle>(info);
  if (self == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  std::string address = ToStdString(isolate, info[1]);
  int port = info[2]->Int32Value(context).FromJust();
  sockaddr_storage storage;
  int err = kIpv6 ? uv_ip6_addr(address.c_str(), port, reinterpret_cast<sockaddr_in6*>(&storage))
                  : uv_ip4_addr(address.c_str(), port, reinterpret_cast<sockaddr_in*>(&storage));
  if (err == 0) {
    StreamHandle::ConnectReq* req = StreamHandle::NewConnectReq(self, info[0].As<Object>());
    err = uv_tcp_connect(&req->req, self->tcp(), reinterpret_cast<sockaddr*>(&storage),
                         StreamHandle::AfterConnect);
    if (err != 0) delete req;
  }
  info.GetReturnValue().Set(err);
}

// Fills out.address, out.family ('IPv4'/'IPv6') and out.port.
int FillAddress(Isolate* isolate, Local<Object> out, const sockaddr_storage& storage) {
  Local<v8::Context> context = isolate->GetCurrentContext();
  char ip[INET6_ADDRSTRLEN] = {0};
  int port;
  const char* family;
  if (storage.ss_family == AF_INET6) {
    const auto* a6 = reinterpret_cast<const sockaddr_in6*>(&storage);
    uv_ip6_name(a6, ip, sizeof(ip));
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else if (storage.ss_family == AF_INET) {
    const auto* a4 = reinterpret_cast<const sockaddr_in*>(&storage);
    uv_ip4_name(a4, ip, sizeof(ip));
    port = ntohs(a4->sin_port);
    family = "IPv4";
  } else {
    return UV_EINVAL;
  }
  out->Set(context, ToV8(isolate, "address"), ToV8(isolate, ip)).Check();
  out->Set(context, ToV8(isolate, "family"), ToV8(isolate, family)).Check();
  out->Set(context, ToV8(isolate, "port"), v8::Integer::New(isolate, port)).Check();
  return 0;
}

template <bool kPeer>
void GetName(const FunctionCallbackInfo<Value>& info) {
  TcpHandle* self = StreamHandle::Open<TcpHandle>(info);
  if (self == nullptr) return;
  sockaddr_storage storage;
  int length = sizeof(storage);
  int err = kPeer ? uv_tcp_getpeername(self->tcp(), reinterpret_cast<sockaddr*>(&storage), &length)
                  : uv_tcp_getsockname(self->tcp(), reinterpret_cast<sockaddr*>(&storage), &length);
  if (err == 0) err = FillAddress(info.GetIsolate(), info[0].As<Object>(), storage);
  info.GetReturnValue().Set(err);
}

void SetNoDelay(const FunctionCallbackInfo<Value>& info) {
  TcpHandle* self = StreamHandle::Open<TcpHandle>(info);
  if (self == nullptr) return;
  info.GetReturnValue().Set(uv_tcp_nodelay(self->tcp(), info[0]->IsTrue() ? 1 : 0));
}

void SetKeepAlive(const FunctionCallbackInfo<Value>& info) {
  TcpHandle* self = StreamHandle::Open<TcpHandle>(info);
  if (self == nullptr) return;
  unsigned delay = info[1]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  info.GetReturnValue().Set(uv_tcp_keepalive(self->tcp(), info[0]->IsTrue() ? 1 : 0, delay));
}

// reset(cb): closes with an RST instead of a FIN.
void Reset(const FunctionCallbackInfo<Value>& info) {
  TcpHandle* self = StreamHandle::Open<TcpHandle>(info);
  if (self == nullptr) return;
  self->BeginClose(info[0], true);
  info.GetReturnValue().Set(0);
}

constexpr Method kTcpMethods[] = {
    {"reset", Reset},
    {"open", Open},
    {"bind", Bind<false>},
    {"bind6", Bind<true>},
    {"connect", Connect<false>},
    {"connect6", Connect<true>},
    {"getsockname", GetName<false>},
    {"getpeername", GetName<true>},
    {"setNoDelay", SetNoDelay},
    {"setKeepAlive", SetKeepAlive},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(New);
  refs.Add(kTcpMethods);
}

void Initialize(Env& env, Local<Object> target) {
  Isolate* isolate = env.isolate();
  Local<v8::FunctionTemplate> tmpl = StreamHandle::NewClass(env, "TCP", New);
  StreamHandle::AddMethods(env, tmpl, kTcpMethods);
  Template().Reset(isolate, tmpl);
  SetValue(env, target, "TCP", tmpl->GetFunction(env.context()).ToLocalChecked());
  Local<Object> constants = Object::New(isolate);
  SetConstant(env, constants, "SOCKET", kSocket);
  SetConstant(env, constants, "SERVER", kServer);
  SetConstant(env, constants, "UV_TCP_IPV6ONLY", UV_TCP_IPV6ONLY);
  SetValue(env, target, "constants", constants);
}

}  // namespace nodus::bindings::tcp_wrap
