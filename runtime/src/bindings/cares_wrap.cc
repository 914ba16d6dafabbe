// internalBinding('cares_wrap'): name resolution through libuv (c-ares is not
// used).
//   getaddrinfo(req, hostname, family, hints, order) -> err; later
//     req.oncomplete(err, addresses) with addresses as strings; family 0, 4
//     or 6; order kVerbatim keeps the resolver's order, kIpv4First/kIpv6First
//     sort by family (stable).
//   getnameinfo(req, host, port) -> err; later req.oncomplete(err, hostname,
//     service).
//   strerror(err) -> the resolver's text.
#include <netdb.h>
#include <uv.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::cares_wrap {

namespace {

using v8::FunctionCallbackInfo;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

enum Order { kVerbatim = 0, kIpv4First = 1, kIpv6First = 2 };

struct AddrInfoReq {
  uv_getaddrinfo_t req;
  Env* env;
  Global<Object> req_object;
  int order;
};

struct NameInfoReq {
  uv_getnameinfo_t req;
  Env* env;
  Global<Object> req_object;
};

void CallOnComplete(Env* env, Local<Object> req_object, int argc, Local<Value>* argv) {
  Local<Value> oncomplete;
  if (!req_object->Get(env->context(), ToV8(env->isolate(), "oncomplete")).ToLocal(&oncomplete) ||
      !oncomplete->IsFunction()) {
    return;
  }
  env->MakeCallback(oncomplete.As<v8::Function>(), req_object, argc, argv);
}

void AfterGetAddrInfo(uv_getaddrinfo_t* uv_req, int status, addrinfo* res) {
  std::unique_ptr<AddrInfoReq> req(static_cast<AddrInfoReq*>(uv_req->data));
  Env* env = req->env;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<v8::Context> context = env->context();
  v8::Context::Scope context_scope(context);
  std::vector<std::pair<int, std::string>> found;
  if (status == 0) {
    for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
      if (ai->ai_socktype != SOCK_STREAM) continue;
      char ip[INET6_ADDRSTRLEN] = {0};
      if (ai->ai_family == AF_INET) {
        uv_ip4_name(reinterpret_cast<sockaddr_in*>(ai->ai_addr), ip, sizeof(ip));
        found.emplace_back(4, ip);
      } else if (ai->ai_family == AF_INET6) {
        uv_ip6_name(reinterpret_cast<sockaddr_in6*>(ai->ai_addr), ip, sizeof(ip));
        found.emplace_back(6, ip);
      }
    }
    if (req->order != kVerbatim) {
      int first = req->order == kIpv4First ? 4 : 6;
      std::stable_sort(found.begin(), found.end(), [first](const auto& a, const auto& b) {
        return (a.first == first) && (b.first != first);
      });
    }
    if (found.empty()) status = UV_EAI_NODATA;
  }
  uv_freeaddrinfo(res);
  Local<v8::Array> addresses = v8::Array::New(isolate, static_cast<int>(found.size()));
  for (size_t i = 0; i < found.size(); i++) {
    addresses->Set(context, static_cast<uint32_t>(i), ToV8(isolate, found[i].second)).Check();
  }
  Local<Value> argv[] = {v8::Integer::New(isolate, status), addresses};
  CallOnComplete(env, req->req_object.Get(isolate), 2, argv);
}

void GetAddrInfo(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = env->context();
  std::string hostname = ToStdString(isolate, info[1]);
  int family = info[2]->Int32Value(context).FromMaybe(0);
  int hints = info[3]->Int32Value(context).FromMaybe(0);
  int order = info[4]->Int32Value(context).FromMaybe(kVerbatim);
  auto req = std::make_unique<AddrInfoReq>();
  req->env = env;
  req->req.data = req.get();
  req->req_object.Reset(isolate, info[0].As<Object>());
  req->order = order;
  addrinfo hint = {};
  hint.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  hint.ai_socktype = SOCK_STREAM;
  hint.ai_flags = hints;
  int err =
      uv_getaddrinfo(env->loop(), &req->req, AfterGetAddrInfo, hostname.c_str(), nullptr, &hint);
  if (err == 0) req.release();
  info.GetReturnValue().Set(err);
}

void AfterGetNameInfo(uv_getnameinfo_t* uv_req, int status, const char* hostname,
                      const char* service) {
  std::unique_ptr<NameInfoReq> req(static_cast<NameInfoReq*>(uv_req->data));
  Env* env = req->env;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  Local<Value> argv[] = {
      v8::Integer::New(isolate, status),
      status == 0 ? ToV8(isolate, hostname).As<Value>() : v8::Undefined(isolate).As<Value>(),
      status == 0 ? ToV8(isolate, service).As<Value>() : v8::Undefined(isolate).As<Value>()};
  CallOnComplete(env, req->req_object.Get(isolate), 3, argv);
}

void GetNameInfo(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  Isolate* isolate = info.GetIsolate();
  std::string host = ToStdString(isolate, info[1]);
  int port = info[2]->Int32Value(env->context()).FromMaybe(0);
  sockaddr_storage storage;
  if (uv_ip4_addr(host.c_str(), port, reinterpret_cast<sockaddr_in*>(&storage)) != 0 &&
      uv_ip6_addr(host.c_str(), port, reinterpret_cast<sockaddr_in6*>(&storage)) != 0) {
    return info.GetReturnValue().Set(UV_EINVAL);
  }
  auto req = std::make_unique<NameInfoReq>();
  req->env = env;
  req->req.data = req.get();
  req->req_object.Reset(isolate, info[0].As<Object>());
  int err = uv_getnameinfo(env->loop(), &req->req, AfterGetNameInfo,
                           reinterpret_cast<sockaddr*>(&storage), NI_NAMEREQD);
  if (err == 0) req.release();
  info.GetReturnValue().Set(err);
}

void StrError(const FunctionCallbackInfo<Value>& info) {
  int err = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), uv_strerror(err)));
}

constexpr Method kMethods[] = {
    {"getaddrinfo", GetAddrInfo},
    {"getnameinfo", GetNameInfo},
    {"strerror", StrError},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, Local<Object> target) {
  SetMethods(env, target, kMethods);
  SetConstant(env, target, "AI_ADDRCONFIG", AI_ADDRCONFIG);
  SetConstant(env, target, "AI_ALL", AI_ALL);
  SetConstant(env, target, "AI_V4MAPPED", AI_V4MAPPED);
  SetConstant(env, target, "kVerbatim", kVerbatim);
  SetConstant(env, target, "kIpv4First", kIpv4First);
  SetConstant(env, target, "kIpv6First", kIpv6First);
}

}  // namespace nodus::bindings::cares_wrap
