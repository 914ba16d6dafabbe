#pragma once

// The one pattern for native bindings (STYLE.md): each bindings/<name>.cc
// defines static callbacks, a table of {js name, callback} and
// `Initialize(Env&, target)`. The list below is the only registry;
// `internalBinding(name)` initialises a binding on first use. User code never
// sees a binding: only builtins get `internalBinding`.

#include <v8.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nodus {
class Env;
}

// NOTE[binding-list]: add a binding here and create bindings/<name>.cc.
#define NODUS_BINDINGS(V) \
  V(async_context)        \
  V(buffer)               \
  V(builtins)             \
  V(cares_wrap)           \
  V(contextify)           \
  V(crypto)               \
  V(encoding)             \
  V(errors)               \
  V(fs)                   \
  V(http_parser)          \
  V(inspector)            \
  V(modules)              \
  V(options)              \
  V(os)                   \
  V(pipe_wrap)            \
  V(process_methods)      \
  V(process_wrap)         \
  V(serdes)               \
  V(signal)               \
  V(spawn_sync)           \
  V(stdio)                \
  V(stream_wrap)          \
  V(task_queue)           \
  V(tcp_wrap)             \
  V(timers)               \
  V(tls_wrap)             \
  V(tty_wrap)             \
  V(types)                \
  V(url)                  \
  V(util)                 \
  V(uv)                   \
  V(v8_heap)              \
  V(vm)                   \
  V(worker)               \
  V(zlib)

namespace nodus::bindings {

struct Method {
  const char* name;
  v8::FunctionCallback callback;
};

// Every native function a binding can install (callbacks, constructors,
// accessors, interceptors). V8's startup snapshot (snapshot.h) stores a
// native function as its index in this list, so each binding registers the
// same tables its Initialize installs; a callback missing here makes the
// build's snapshot step fail.
class ExternalReferences {
 public:
  void Add(v8::FunctionCallback callback) { AddAddress(reinterpret_cast<intptr_t>(callback)); }
  void Add(std::span<const Method> methods) {
    for (const Method& method : methods) Add(method.callback);
  }
  // Interceptors and other callback types.
  template <typename Fn>
  void AddFunction(Fn* fn) {
    AddAddress(reinterpret_cast<intptr_t>(fn));
  }
  void AddAddress(intptr_t address);
  const std::vector<intptr_t>& addresses() const { return addresses_; }

 private:
  std::vector<intptr_t> addresses_;
};

// Env's own native functions (internalBinding itself), defined in env.cc.
void RegisterEnvExternalReferences(ExternalReferences& references);

#define NODUS_DECLARE_BINDING(name)                                \
  namespace name {                                                 \
  void Initialize(Env& env, v8::Local<v8::Object> target);         \
  void RegisterExternalReferences(ExternalReferences& references); \
  }
NODUS_BINDINGS(NODUS_DECLARE_BINDING)
#undef NODUS_DECLARE_BINDING

// Installs `methods` as functions on `target`.
void SetMethods(Env& env, v8::Local<v8::Object> target, std::span<const Method> methods);
void SetConstant(Env& env, v8::Local<v8::Object> target, const char* name, double value);
void SetValue(Env& env, v8::Local<v8::Object> target, const char* name, v8::Local<v8::Value> value);
// A class whose instances keep their C++ state in one internal field: `ctor`
// constructs, `methods` go on the prototype (callable on instances only).
// Installed as target[name]; returns the constructor.
v8::Local<v8::Function> SetClass(Env& env, v8::Local<v8::Object> target, const char* name,
                                 v8::FunctionCallback ctor, std::span<const Method> methods);

// Looks up the Initialize function of a binding; nullptr if unknown.
using InitializeFn = void (*)(Env&, v8::Local<v8::Object>);
InitializeFn FindBinding(std::string_view name);

// The external references of every binding in NODUS_BINDINGS, of
// SetMethods/SetClass themselves and of Env, without duplicates, ending with
// 0 (what v8::Isolate::CreateParams::external_references takes). Built once;
// the same for every process running this binary.
const intptr_t* AllExternalReferences();

// Small conversions used by every binding.
v8::Local<v8::String> ToV8(v8::Isolate* isolate, std::string_view text);
std::string ToStdString(v8::Isolate* isolate, v8::Local<v8::Value> value);
v8::Local<v8::Array> ToV8Array(v8::Isolate* isolate, const std::vector<std::string>& items);
// A JS array of strings as std::strings (empty unless `value` is an array).
std::vector<std::string> ToStdStringVector(v8::Isolate* isolate, v8::Local<v8::Value> value);
// argv/envp for exec-style calls: pointers into `strings`, null-terminated.
std::vector<char*> NullTerminatedPointers(std::vector<std::string>& strings);
// object[key] for option objects built by our own JavaScript.
v8::Local<v8::Value> GetOption(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                               const char* key);

// The elements of a typed array as T (the caller checked its type).
template <typename T>
T* TypedArrayData(v8::Local<v8::TypedArray> array) {
  return reinterpret_cast<T*>(static_cast<char*>(array->Buffer()->Data()) + array->ByteOffset());
}

// Throws an Error with `code` set (for C++-side argument failures that JS
// validation should have prevented, and for errors like ERR_*).
void ThrowError(v8::Isolate* isolate, const char* code, std::string_view message);
void ThrowTypeError(v8::Isolate* isolate, const char* code, std::string_view message);
// A libuv failure: an Error "ENOENT: no such file or directory, open '/x'"
// with errno (negative), code, syscall and path, as Node builds them.
v8::Local<v8::Value> UVException(v8::Isolate* isolate, int err, const char* syscall,
                                 const char* path = nullptr, const char* dest = nullptr);

}  // namespace nodus::bindings

namespace nodus::resolve {
class Resolver;
}
namespace nodus::base {
class RealFs;
}
namespace nodus::bindings::modules {
// The resolver used by require(), configured from the command line and
// environment (NODE_PATH, HOME, --preserve-symlinks).
std::unique_ptr<resolve::Resolver> CreateResolver(Env& env, base::RealFs& fs);
}  // namespace nodus::bindings::modules
