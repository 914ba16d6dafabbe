// internalBinding('process_methods'): the native half of `process`.
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

extern char** environ;

namespace nodus::bindings::process_methods {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

void Cwd(const FunctionCallbackInfo<Value>& info) {
  char buffer[PATH_MAX * 4];
  size_t size = sizeof(buffer);
  int err = uv_cwd(buffer, &size);
  if (err != 0) {
    info.GetIsolate()->ThrowException(UVException(info.GetIsolate(), err, "uv_cwd"));
    return;
  }
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), std::string_view(buffer, size)));
}

void Chdir(const FunctionCallbackInfo<Value>& info) {
  std::string path = ToStdString(info.GetIsolate(), info[0]);
  int err = uv_chdir(path.c_str());
  if (err != 0) {
    // Node reports the current directory as `path` and the target as `dest`.
    char cwd[PATH_MAX * 4];
    size_t size = sizeof(cwd);
    if (uv_cwd(cwd, &size) != 0) cwd[0] = '\0';
    info.GetIsolate()->ThrowException(
        UVException(info.GetIsolate(), err, "chdir", cwd, path.c_str()));
  }
}

void Umask(const FunctionCallbackInfo<Value>& info) {
  mode_t old;
  if (info[0]->IsUndefined()) {
    old = umask(0);
    umask(old);
  } else {
    old = umask(static_cast<mode_t>(
        info[0]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromJust()));
  }
  info.GetReturnValue().Set(static_cast<uint32_t>(old));
}

// Fills a Uint32Array(3) with [seconds high, seconds low, nanoseconds].
void Hrtime(const FunctionCallbackInfo<Value>& info) {
  uint64_t t = uv_hrtime();
  auto* data = TypedArrayData<uint32_t>(info[0].As<v8::Uint32Array>());
  uint64_t seconds = t / 1000000000;
  data[0] = static_cast<uint32_t>(seconds >> 32);
  data[1] = static_cast<uint32_t>(seconds & 0xffffffff);
  data[2] = static_cast<uint32_t>(t % 1000000000);
}

void HrtimeBigInt(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(info.GetIsolate(), uv_hrtime()));
}

// Milliseconds from a monotonic clock, for performance.now().
void Now(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(static_cast<double>(uv_hrtime()) / 1e6);
}

void Uptime(const FunctionCallbackInfo<Value>& info) {
  static const uint64_t start = uv_hrtime();
  (void)start;
  double uptime = 0;
  uv_uptime(&uptime);
  info.GetReturnValue().Set(uptime);
}

// Fills a Float64Array(5) with rss, heapTotal, heapUsed, external, arrayBuffers.
void MemoryUsage(const FunctionCallbackInfo<Value>& info) {
  v8::HeapStatistics stats;
  info.GetIsolate()->GetHeapStatistics(&stats);
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  auto* data = TypedArrayData<double>(info[0].As<v8::Float64Array>());
  data[0] = static_cast<double>(rss);
  data[1] = static_cast<double>(stats.total_heap_size());
  data[2] = static_cast<double>(stats.used_heap_size());
  data[3] = static_cast<double>(stats.external_memory());
  data[4] = 0;
}

void Rss(const FunctionCallbackInfo<Value>& info) {
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  info.GetReturnValue().Set(static_cast<double>(rss));
}

void CpuUsage(const FunctionCallbackInfo<Value>& info) {
  uv_rusage_t usage;
  if (uv_getrusage(&usage) != 0) return;
  auto* data = TypedArrayData<double>(info[0].As<v8::Float64Array>());
  data[0] = 1e6 * static_cast<double>(usage.ru_utime.tv_sec) +
            static_cast<double>(usage.ru_utime.tv_usec);
  data[1] = 1e6 * static_cast<double>(usage.ru_stime.tv_sec) +
            static_cast<double>(usage.ru_stime.tv_usec);
}

void ReallyExit(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  env->Exit(info[0]->Int32Value(env->context()).FromMaybe(0));
}

void Kill(const FunctionCallbackInfo<Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int pid = info[0]->Int32Value(context).FromJust();
  int sig = info[1]->Int32Value(context).FromJust();
  info.GetReturnValue().Set(uv_kill(pid, sig));
}

void GetTitle(const FunctionCallbackInfo<Value>& info) {
  char buffer[512];
  if (uv_get_process_title(buffer, sizeof(buffer)) != 0) buffer[0] = '\0';
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), buffer));
}

void SetTitle(const FunctionCallbackInfo<Value>& info) {
  uv_set_process_title(ToStdString(info.GetIsolate(), info[0]).c_str());
}

void GetIds(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  Local<v8::Array> ids = v8::Array::New(isolate, 6);
  ids->Set(context, 0, v8::Integer::New(isolate, uv_os_getpid())).Check();
  ids->Set(context, 1, v8::Integer::New(isolate, uv_os_getppid())).Check();
  ids->Set(context, 2, v8::Integer::NewFromUnsigned(isolate, getuid())).Check();
  ids->Set(context, 3, v8::Integer::NewFromUnsigned(isolate, geteuid())).Check();
  ids->Set(context, 4, v8::Integer::NewFromUnsigned(isolate, getgid())).Check();
  ids->Set(context, 5, v8::Integer::NewFromUnsigned(isolate, getegid())).Check();
  info.GetReturnValue().Set(ids);
}

void GetPpid(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(static_cast<int32_t>(uv_os_getppid()));
}

void GetGroups(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int count = getgroups(0, nullptr);
  std::vector<gid_t> groups(count > 0 ? count : 0);
  if (count > 0) count = getgroups(count, groups.data());
  Local<v8::Array> result = v8::Array::New(isolate);
  for (int i = 0; i < count; i++) {
    result->Set(isolate->GetCurrentContext(), i, v8::Integer::NewFromUnsigned(isolate, groups[i]))
        .Check();
  }
  info.GetReturnValue().Set(result);
}

// --- process.env: an object whose properties live in the C environment -----
// Writes coerce to strings; deletes unset; enumeration lists environ.

void EnvGetter(Local<v8::Name> property, const v8::PropertyCallbackInfo<Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  std::string key = ToStdString(isolate, property);
  const char* value = std::getenv(key.c_str());
  if (value != nullptr) info.GetReturnValue().Set(ToV8(isolate, value));
}

void EnvSetter(Local<v8::Name> property, Local<Value> value,
               const v8::PropertyCallbackInfo<Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::String> string_value;
  if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&string_value)) return;
  std::string key = ToStdString(isolate, property);
  std::string text = ToStdString(isolate, string_value);
  if (!key.empty() && key.find('=') == std::string::npos) setenv(key.c_str(), text.c_str(), 1);
  info.GetReturnValue().Set(value);
}

void EnvQuery(Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  if (!property->IsString()) return;
  std::string key = ToStdString(info.GetIsolate(), property);
  if (std::getenv(key.c_str()) != nullptr) info.GetReturnValue().Set(static_cast<int>(v8::None));
}

void EnvDeleter(Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  if (property->IsString()) unsetenv(ToStdString(info.GetIsolate(), property).c_str());
  info.GetReturnValue().Set(true);
}

void EnvEnumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<Local<Value>> keys;
  for (char** entry = environ; *entry != nullptr; entry++) {
    const char* eq = std::strchr(*entry, '=');
    if (eq == nullptr || eq == *entry) continue;
    keys.push_back(ToV8(isolate, std::string_view(*entry, eq - *entry)));
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, keys.data(), keys.size()));
}

void EnvDefiner(Local<v8::Name> property, const v8::PropertyDescriptor& desc,
                const v8::PropertyCallbackInfo<Value>& info) {
  // Node only accepts plain data descriptors for process.env.
  if (desc.has_value()) EnvSetter(property, desc.value(), info);
}

void CreateEnvObject(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::ObjectTemplate> tmpl = v8::ObjectTemplate::New(isolate);
  tmpl->SetHandler(v8::NamedPropertyHandlerConfiguration(
      EnvGetter, EnvSetter, EnvQuery, EnvDeleter, EnvEnumerator, EnvDefiner, nullptr,
      Local<Value>(), v8::PropertyHandlerFlags::kHasNoSideEffect));
  info.GetReturnValue().Set(tmpl->NewInstance(isolate->GetCurrentContext()).ToLocalChecked());
}

// Node's process.versions keys we can honestly report.
void Versions(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  Local<v8::Object> versions = v8::Object::New(isolate);
  auto set = [&](const char* key, const std::string& value) {
    versions->Set(context, ToV8(isolate, key), ToV8(isolate, value)).Check();
  };
  set("nodus", NODUS_VERSION);
  set("v8", v8::V8::GetVersion());
  set("uv", uv_version_string());
  info.GetReturnValue().Set(versions);
}

void ExecPath(const FunctionCallbackInfo<Value>& info) {
  char buffer[PATH_MAX * 4];
  size_t size = sizeof(buffer);
  if (uv_exepath(buffer, &size) != 0) size = 0;
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), std::string_view(buffer, size)));
}

void Argv(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(ToV8Array(info.GetIsolate(), Env::From(info)->argv()));
}

void SetExitCallbacks(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  env->SetCallback(Env::Callback::kEmitBeforeExit, info[0].As<v8::Function>());
  env->SetCallback(Env::Callback::kEmitExit, info[1].As<v8::Function>());
}

void ResourceUsage(const FunctionCallbackInfo<Value>& info) {
  uv_rusage_t r;
  if (uv_getrusage(&r) != 0) return;
  auto* d = TypedArrayData<double>(info[0].As<v8::Float64Array>());
  d[0] = 1e6 * static_cast<double>(r.ru_utime.tv_sec) + static_cast<double>(r.ru_utime.tv_usec);
  d[1] = 1e6 * static_cast<double>(r.ru_stime.tv_sec) + static_cast<double>(r.ru_stime.tv_usec);
  d[2] = static_cast<double>(r.ru_maxrss);
  d[3] = static_cast<double>(r.ru_ixrss);
  d[4] = static_cast<double>(r.ru_idrss);
  d[5] = static_cast<double>(r.ru_isrss);
  d[6] = static_cast<double>(r.ru_minflt);
  d[7] = static_cast<double>(r.ru_majflt);
  d[8] = static_cast<double>(r.ru_nswap);
  d[9] = static_cast<double>(r.ru_inblock);
  d[10] = static_cast<double>(r.ru_oublock);
  d[11] = static_cast<double>(r.ru_msgsnd);
  d[12] = static_cast<double>(r.ru_msgrcv);
  d[13] = static_cast<double>(r.ru_nsignals);
  d[14] = static_cast<double>(r.ru_nvcsw);
  d[15] = static_cast<double>(r.ru_nivcsw);
}

constexpr Method kMethods[] = {
    {"cwd", Cwd},
    {"chdir", Chdir},
    {"umask", Umask},
    {"hrtime", Hrtime},
    {"hrtimeBigInt", HrtimeBigInt},
    {"now", Now},
    {"uptime", Uptime},
    {"memoryUsage", MemoryUsage},
    {"rss", Rss},
    {"cpuUsage", CpuUsage},
    {"resourceUsage", ResourceUsage},
    {"reallyExit", ReallyExit},
    {"kill", Kill},
    {"getTitle", GetTitle},
    {"setTitle", SetTitle},
    {"getIds", GetIds},
    {"getPpid", GetPpid},
    {"getGroups", GetGroups},
    {"createEnvObject", CreateEnvObject},
    {"versions", Versions},
    {"execPath", ExecPath},
    {"argv", Argv},
    {"setExitCallbacks", SetExitCallbacks},
};

struct SignalName {
  const char* name;
  int number;
};
constexpr SignalName kSignals[] = {
    {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},   {"SIGTRAP", SIGTRAP},   {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},   {"SIGBUS", SIGBUS},     {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD},   {"SIGSTKFLT", SIGSTKFLT},
    {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},   {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},   {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},   {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},     {"SIGSYS", SIGSYS},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.AddFunction(EnvGetter);
  refs.AddFunction(EnvSetter);
  refs.AddFunction(EnvQuery);
  refs.AddFunction(EnvDeleter);
  refs.AddFunction(EnvEnumerator);
  refs.AddFunction(EnvDefiner);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  // Signal numbers of this platform, for process.kill and os.constants.signals.
  v8::Local<v8::Object> signals = v8::Object::New(env.isolate());
  for (const SignalName& signal : kSignals) SetConstant(env, signals, signal.name, signal.number);
  SetValue(env, target, "signals", signals);
}

}  // namespace nodus::bindings::process_methods
