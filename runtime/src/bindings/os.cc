// internalBinding('os'): libuv's system information for lib/os.js.
// Failures fill the `ctx` object passed as the last argument with
// { errno, code, message, syscall } and return undefined; JS turns that into
// ERR_SYSTEM_ERROR as Node does.
#include <dlfcn.h>
#include <uv.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::os {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// Reports a libuv failure into the ctx object at info[index].
void FillContext(const FunctionCallbackInfo<Value>& info, int index, int err, const char* syscall) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[index]->IsObject()) return;
  Local<v8::Object> ctx = info[index].As<v8::Object>();
  ctx->Set(context, ToV8(isolate, "errno"), v8::Integer::New(isolate, err)).Check();
  ctx->Set(context, ToV8(isolate, "code"), ToV8(isolate, uv_err_name(err))).Check();
  ctx->Set(context, ToV8(isolate, "message"), ToV8(isolate, uv_strerror(err))).Check();
  ctx->Set(context, ToV8(isolate, "syscall"), ToV8(isolate, syscall)).Check();
}

void GetHostname(const FunctionCallbackInfo<Value>& info) {
  char buffer[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof(buffer);
  int err = uv_os_gethostname(buffer, &size);
  if (err != 0) return FillContext(info, 0, err, "uv_os_gethostname");
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), std::string_view(buffer, size)));
}

// [sysname, version, release, machine]
void GetOSInformation(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uv_utsname_t name;
  int err = uv_os_uname(&name);
  if (err != 0) return FillContext(info, 0, err, "uv_os_uname");
  Local<Value> values[] = {ToV8(isolate, name.sysname), ToV8(isolate, name.version),
                           ToV8(isolate, name.release), ToV8(isolate, name.machine)};
  info.GetReturnValue().Set(v8::Array::New(isolate, values, 4));
}

void GetHomeDirectory(const FunctionCallbackInfo<Value>& info) {
  char buffer[4096];
  size_t size = sizeof(buffer);
  int err = uv_os_homedir(buffer, &size);
  if (err != 0) return FillContext(info, 0, err, "uv_os_homedir");
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), std::string_view(buffer, size)));
}

void GetUptime(const FunctionCallbackInfo<Value>& info) {
  double uptime = 0;
  int err = uv_uptime(&uptime);
  if (err != 0) return FillContext(info, 0, err, "uv_uptime");
  info.GetReturnValue().Set(uptime);
}

void GetTotalMem(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(static_cast<double>(uv_get_total_memory()));
}

void GetFreeMem(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(static_cast<double>(uv_get_free_memory()));
}

void GetAvailableParallelism(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(static_cast<double>(uv_available_parallelism()));
}

// A flat array: model, speed, user, nice, sys, idle, irq for each CPU.
void GetCPUs(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uv_cpu_info_t* cpus = nullptr;
  int count = 0;
  int err = uv_cpu_info(&cpus, &count);
  if (err != 0) return FillContext(info, 0, err, "uv_cpu_info");
  std::vector<Local<Value>> values;
  values.reserve(static_cast<size_t>(count) * 7);
  for (int i = 0; i < count; i++) {
    const uv_cpu_info_t& cpu = cpus[i];
    values.push_back(ToV8(isolate, cpu.model));
    values.push_back(v8::Number::New(isolate, cpu.speed));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.user)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.nice)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.sys)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.idle)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.irq)));
  }
  uv_free_cpu_info(cpus, count);
  info.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

// A flat array: name, address, netmask, family, mac, internal, scopeid.
void GetInterfaceAddresses(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uv_interface_address_t* interfaces = nullptr;
  int count = 0;
  int err = uv_interface_addresses(&interfaces, &count);
  if (err == UV_ENOSYS) {
    info.GetReturnValue().Set(v8::Array::New(isolate));
    return;
  }
  if (err != 0) return FillContext(info, 0, err, "uv_interface_addresses");
  std::vector<Local<Value>> values;
  for (int i = 0; i < count; i++) {
    const uv_interface_address_t& entry = interfaces[i];
    char address[INET6_ADDRSTRLEN] = "";
    char netmask[INET6_ADDRSTRLEN] = "";
    const char* family = "unknown";
    int scopeid = -1;
    if (entry.address.address4.sin_family == AF_INET) {
      uv_ip4_name(&entry.address.address4, address, sizeof(address));
      uv_ip4_name(&entry.netmask.netmask4, netmask, sizeof(netmask));
      family = "IPv4";
    } else if (entry.address.address4.sin_family == AF_INET6) {
      uv_ip6_name(&entry.address.address6, address, sizeof(address));
      uv_ip6_name(&entry.netmask.netmask6, netmask, sizeof(netmask));
      family = "IPv6";
      scopeid = static_cast<int>(entry.address.address6.sin6_scope_id);
    }
    char mac[18];
    const auto* bytes = reinterpret_cast<const unsigned char*>(entry.phys_addr);
    snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2],
             bytes[3], bytes[4], bytes[5]);
    values.push_back(ToV8(isolate, entry.name));
    values.push_back(ToV8(isolate, address));
    values.push_back(ToV8(isolate, netmask));
    values.push_back(ToV8(isolate, family));
    values.push_back(ToV8(isolate, mac));
    values.push_back(v8::Boolean::New(isolate, entry.is_internal != 0));
    values.push_back(v8::Integer::New(isolate, scopeid));
  }
  uv_free_interface_addresses(interfaces, count);
  info.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

void GetLoadAvg(const FunctionCallbackInfo<Value>& info) {
  auto array = info[0].As<v8::Float64Array>();
  double* data =
      reinterpret_cast<double*>(static_cast<char*>(array->Buffer()->Data()) + array->ByteOffset());
  uv_loadavg(data);
}

// getUserInfo(uid or -1, ctx) -> { uid, gid, username, homedir, shell }
void GetUserInfo(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  uv_passwd_t pwd;
  int err = uv_os_get_passwd(&pwd);
  if (err != 0) return FillContext(info, 0, err, "uv_os_get_passwd");
  Local<v8::Object> result = v8::Object::New(isolate);
  result->Set(context, ToV8(isolate, "uid"), v8::Number::New(isolate, static_cast<double>(pwd.uid)))
      .Check();
  result->Set(context, ToV8(isolate, "gid"), v8::Number::New(isolate, static_cast<double>(pwd.gid)))
      .Check();
  result->Set(context, ToV8(isolate, "username"), ToV8(isolate, pwd.username)).Check();
  result->Set(context, ToV8(isolate, "homedir"), ToV8(isolate, pwd.homedir)).Check();
  result
      ->Set(context, ToV8(isolate, "shell"),
            pwd.shell == nullptr ? v8::Null(isolate).As<Value>()
                                 : ToV8(isolate, pwd.shell).As<Value>())
      .Check();
  uv_os_free_passwd(&pwd);
  info.GetReturnValue().Set(result);
}

// setPriority(pid, priority, ctx) -> 0 or undefined on failure
void SetPriority(const FunctionCallbackInfo<Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int pid = info[0]->Int32Value(context).FromJust();
  int priority = info[1]->Int32Value(context).FromJust();
  int err = uv_os_setpriority(pid, priority);
  if (err != 0) return FillContext(info, 2, err, "uv_os_setpriority");
  info.GetReturnValue().Set(0);
}

// getPriority(pid, ctx) -> priority or undefined on failure
void GetPriority(const FunctionCallbackInfo<Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int pid = info[0]->Int32Value(context).FromJust();
  int priority = 0;
  int err = uv_os_getpriority(pid, &priority);
  if (err != 0) return FillContext(info, 1, err, "uv_os_getpriority");
  info.GetReturnValue().Set(priority);
}

constexpr Method kMethods[] = {
    {"getHostname", GetHostname},
    {"getOSInformation", GetOSInformation},
    {"getHomeDirectory", GetHomeDirectory},
    {"getUptime", GetUptime},
    {"getTotalMem", GetTotalMem},
    {"getFreeMem", GetFreeMem},
    {"getAvailableParallelism", GetAvailableParallelism},
    {"getCPUs", GetCPUs},
    {"getInterfaceAddresses", GetInterfaceAddresses},
    {"getLoadAvg", GetLoadAvg},
    {"getUserInfo", GetUserInfo},
    {"setPriority", SetPriority},
    {"getPriority", GetPriority},
};

Local<v8::Object> NullProtoObject(Env& env) {
  Local<v8::Object> object = v8::Object::New(env.isolate());
  object->SetPrototype(env.context(), v8::Null(env.isolate())).Check();
  return object;
}

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);

  Local<v8::Object> errnos = NullProtoObject(env);
#define X(name) SetConstant(env, errnos, #name, name);
  // clang-format off
    X(E2BIG) \
    X(EACCES) \
    X(EADDRINUSE) \
    X(EADDRNOTAVAIL) \
    X(EAFNOSUPPORT) \
    X(EAGAIN) \
    X(EALREADY) \
    X(EBADF) \
    X(EBADMSG) \
    X(EBUSY) \
    X(ECANCELED) \
    X(ECHILD) \
    X(ECONNABORTED) \
    X(ECONNREFUSED) \
    X(ECONNRESET) \
    X(EDEADLK) \
    X(EDESTADDRREQ) \
    X(EDOM) \
    X(EDQUOT) \
    X(EEXIST) \
    X(EFAULT) \
    X(EFBIG) \
    X(EHOSTUNREACH) \
    X(EIDRM) \
    X(EILSEQ) \
    X(EINPROGRESS) \
    X(EINTR) \
    X(EINVAL) \
    X(EIO) \
    X(EISCONN) \
    X(EISDIR) \
    X(ELOOP) \
    X(EMFILE) \
    X(EMLINK) \
    X(EMSGSIZE) \
    X(EMULTIHOP) \
    X(ENAMETOOLONG) \
    X(ENETDOWN) \
    X(ENETRESET) \
    X(ENETUNREACH) \
    X(ENFILE) \
    X(ENOBUFS) \
    X(ENODATA) \
    X(ENODEV) \
    X(ENOENT) \
    X(ENOEXEC) \
    X(ENOLCK) \
    X(ENOLINK) \
    X(ENOMEM) \
    X(ENOMSG) \
    X(ENOPROTOOPT) \
    X(ENOSPC) \
    X(ENOSR) \
    X(ENOSTR) \
    X(ENOSYS) \
    X(ENOTCONN) \
    X(ENOTDIR) \
    X(ENOTEMPTY) \
    X(ENOTSOCK) \
    X(ENOTSUP) \
    X(ENOTTY) \
    X(ENXIO) \
    X(EOPNOTSUPP) \
    X(EOVERFLOW) \
    X(EPERM) \
    X(EPIPE) \
    X(EPROTO) \
    X(EPROTONOSUPPORT) \
    X(EPROTOTYPE) \
    X(ERANGE) \
    X(EROFS) \
    X(ESPIPE) \
    X(ESRCH) \
    X(ESTALE) \
    X(ETIME) \
    X(ETIMEDOUT) \
    X(ETXTBSY) \
    X(EWOULDBLOCK) \
    X(EXDEV)
  // clang-format on
#undef X
  SetValue(env, target, "errno", errnos);

  Local<v8::Object> priority = NullProtoObject(env);
  SetConstant(env, priority, "PRIORITY_LOW", UV_PRIORITY_LOW);
  SetConstant(env, priority, "PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL);
  SetConstant(env, priority, "PRIORITY_NORMAL", UV_PRIORITY_NORMAL);
  SetConstant(env, priority, "PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL);
  SetConstant(env, priority, "PRIORITY_HIGH", UV_PRIORITY_HIGH);
  SetConstant(env, priority, "PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST);
  SetValue(env, target, "priority", priority);

  Local<v8::Object> dlopen = NullProtoObject(env);
  SetConstant(env, dlopen, "RTLD_LAZY", RTLD_LAZY);
  SetConstant(env, dlopen, "RTLD_NOW", RTLD_NOW);
  SetConstant(env, dlopen, "RTLD_GLOBAL", RTLD_GLOBAL);
  SetConstant(env, dlopen, "RTLD_LOCAL", RTLD_LOCAL);
  SetConstant(env, dlopen, "RTLD_DEEPBIND", RTLD_DEEPBIND);
  SetValue(env, target, "dlopen", dlopen);
  SetConstant(env, target, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
}

}  // namespace nodus::bindings::os
