// internalBinding('worker'): MessagePort (one end of a channel between
// threads, possibly the same thread) and Worker (a thread with its own
// isolate, context, Env and loop; worker.h).
#include "worker.h"

#include <errno.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <set>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::worker {

namespace {

using nodus::worker::Message;
using nodus::worker::PortData;
using nodus::worker::WorkerThread;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::Local;
using v8::Object;
using v8::Value;

// One end of a channel, owned by the thread whose loop it wakes.
struct PortHandle {
  Env* env;
  std::shared_ptr<PortData> data;
  int fd = -1;  // eventfd: the other threads' wake-up
  uv_poll_t poll;
  Global<Object> object;
  bool started = false;
  bool refed = false;
  bool closing = false;
};

// The ports of this thread, detached from their channels when a worker ends.
thread_local std::set<PortHandle*>* t_ports = nullptr;

// Per thread (each worker has its own isolate); never destroyed.
thread_local Global<v8::Function>* t_port_constructor = nullptr;
thread_local Global<v8::Function>* t_port_init = nullptr;

Local<v8::Private> PortMarker(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, ToV8(isolate, "nodus:MessagePort"));
}

PortHandle* Unwrap(const FunctionCallbackInfo<Value>& info) {
  if (info.This()->InternalFieldCount() < 1) return nullptr;
  return static_cast<PortHandle*>(info.This()->GetAlignedPointerFromInternalField(0));
}

void CallMethod(Env* env, Local<Object> object, const char* name, int argc, Local<Value>* argv) {
  Local<Value> fn;
  if (!object->Get(env->context(), ToV8(env->isolate(), name)).ToLocal(&fn) || !fn->IsFunction()) {
    return;
  }
  if (env->MakeCallback(fn.As<v8::Function>(), object, argc, argv).IsEmpty()) {
    // Reported through the uncaught-exception path.
  }
}

void AttachData(PortHandle* port, std::shared_ptr<PortData> data) {
  port->data = std::move(data);
  std::lock_guard<std::mutex> lock(port->data->mu);
  port->data->wake_fd = port->fd;
  if (!port->data->queue.empty()) nodus::worker::Wake(port->fd);
}

void ClosePort(PortHandle* port) {
  if (port->closing) return;
  port->closing = true;
  {
    std::lock_guard<std::mutex> lock(port->data->mu);
    port->data->closed = true;
    port->data->wake_fd = -1;
    port->data->queue.clear();
  }
  Message close;
  close.close = true;
  port->data->PostToPeer(std::move(close));
  if (t_ports != nullptr) t_ports->erase(port);
  uv_close(reinterpret_cast<uv_handle_t*>(&port->poll), [](uv_handle_t* handle) {
    auto* p = static_cast<PortHandle*>(handle->data);
    ::close(p->fd);
    Env* env = p->env;
    if (!env->is_stopping()) {
      v8::HandleScope scope(env->isolate());
      v8::Context::Scope context_scope(env->context());
      Local<Object> object = p->object.Get(env->isolate());
      object->SetAlignedPointerInInternalField(0, nullptr);
      CallMethod(env, object, "onclose", 0, nullptr);
    }
    delete p;
  });
}

// Takes the next queued message; false when there is none.
bool Pop(PortHandle* port, Message* out) {
  std::lock_guard<std::mutex> lock(port->data->mu);
  if (port->data->queue.empty()) return false;
  *out = std::move(port->data->queue.front());
  port->data->queue.pop_front();
  return true;
}

// Delivers queued messages one at a time, as separate macrotasks would.
void Drain(PortHandle* port) {
  Env* env = port->env;
  v8::Isolate* isolate = env->isolate();
  if (!port->started && !port->closing) {
    // Not receiving yet, but the other end closing closes this one too.
    bool peer_closed = false;
    {
      std::lock_guard<std::mutex> lock(port->data->mu);
      for (const Message& message : port->data->queue) peer_closed = peer_closed || message.close;
    }
    if (peer_closed) ClosePort(port);
    return;
  }
  while (port->started && !port->closing && !env->is_stopping()) {
    Message message;
    if (!Pop(port, &message)) return;
    if (message.close) {
      ClosePort(port);
      return;
    }
    v8::HandleScope scope(isolate);
    Local<Object> object = port->object.Get(isolate);
    Local<Value> value;
    Local<Value> error;
    {
      v8::TryCatch try_catch(isolate);
      if (!nodus::worker::Deserialize(isolate, message).ToLocal(&value)) {
        error =
            try_catch.HasCaught() ? try_catch.Exception() : Local<Value>(v8::Undefined(isolate));
      }
    }
    if (!error.IsEmpty()) {
      CallMethod(env, object, "onmessageerror", 1, &error);
    } else {
      CallMethod(env, object, "onmessage", 1, &value);
    }
  }
}

void OnPortWake(uv_poll_t* handle, int, int) {
  auto* port = static_cast<PortHandle*>(handle->data);
  uint64_t count;
  while (read(port->fd, &count, sizeof(count)) < 0 && errno == EINTR) {
  }
  Env* env = port->env;
  v8::HandleScope scope(env->isolate());
  v8::Context::Scope context_scope(env->context());
  Drain(port);
}

void PortNew(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  auto* port = new PortHandle{};
  port->env = env;
  port->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (port->fd < 0) {
    info.GetIsolate()->ThrowException(UVException(info.GetIsolate(), -errno, "eventfd"));
    delete port;
    return;
  }
  uv_poll_init(env->loop(), &port->poll, port->fd);
  port->poll.data = port;
  uv_poll_start(&port->poll, UV_READABLE, OnPortWake);
  uv_unref(reinterpret_cast<uv_handle_t*>(&port->poll));
  port->object.Reset(info.GetIsolate(), info.This());
  info.This()->SetAlignedPointerInInternalField(0, port);
  info.This()
      ->SetPrivate(env->context(), PortMarker(info.GetIsolate()), v8::True(info.GetIsolate()))
      .Check();
  AttachData(port, std::make_shared<PortData>());
  if (t_ports == nullptr) t_ports = new std::set<PortHandle*>();
  t_ports->insert(port);
}

void PortPostMessage(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  Message message;
  if (!nodus::worker::Serialize(info.GetIsolate(), info[0], info[1], &message)) return;
  if (port == nullptr || port->closing) return;
  port->data->PostToPeer(std::move(message));
}

void PortStart(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  if (port == nullptr || port->closing || port->started) return;
  port->started = true;
  nodus::worker::Wake(port->fd);
}

void PortRef(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  if (port == nullptr || port->closing) return;
  port->refed = true;
  uv_ref(reinterpret_cast<uv_handle_t*>(&port->poll));
}

void PortUnref(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  if (port == nullptr || port->closing) return;
  port->refed = false;
  uv_unref(reinterpret_cast<uv_handle_t*>(&port->poll));
}

void PortHasRef(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  info.GetReturnValue().Set(port != nullptr && !port->closing && port->refed);
}

void PortClose(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  if (port != nullptr) ClosePort(port);
}

// Delivers what is queued now (the parent does this before 'exit').
void PortDrain(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  if (port != nullptr) Drain(port);
}

// receiveMessageOnPort: the next message, deserialized, or nothing.
void PortReceive(const FunctionCallbackInfo<Value>& info) {
  PortHandle* port = Unwrap(info);
  if (port == nullptr || port->closing) return;
  Message message;
  if (!Pop(port, &message)) return;
  if (message.close) {
    ClosePort(port);
    return;
  }
  Local<Value> value;
  if (!nodus::worker::Deserialize(info.GetIsolate(), message).ToLocal(&value)) return;
  Local<Object> result = Object::New(info.GetIsolate());
  result->Set(info.GetIsolate()->GetCurrentContext(), ToV8(info.GetIsolate(), "message"), value)
      .Check();
  info.GetReturnValue().Set(result);
}

// setPortInit(fn): fn(port) makes a native port a MessagePort (internal/worker/io).
void SetPortInit(const FunctionCallbackInfo<Value>& info) {
  if (t_port_init == nullptr) t_port_init = new Global<v8::Function>();
  t_port_init->Reset(info.GetIsolate(), info[0].As<v8::Function>());
}

void Entangle(const FunctionCallbackInfo<Value>& info) {
  auto* a = static_cast<PortHandle*>(info[0].As<Object>()->GetAlignedPointerFromInternalField(0));
  auto* b = static_cast<PortHandle*>(info[1].As<Object>()->GetAlignedPointerFromInternalField(0));
  PortData::Entangle(a->data, b->data);
}

// --- Worker (parent side) --------------------------------------------------------

WorkerThread* UnwrapWorker(const FunctionCallbackInfo<Value>& info) {
  return static_cast<WorkerThread*>(info.This()->GetAlignedPointerFromInternalField(0));
}

// new Worker(options, parentSidePort)
void WorkerNew(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = env->context();
  Local<Object> options = info[0].As<Object>();
  auto* port =
      static_cast<PortHandle*>(info[1].As<Object>()->GetAlignedPointerFromInternalField(0));
  nodus::worker::WorkerConfig config;
  config.filename = ToStdString(isolate, GetOption(context, options, "filename"));
  config.eval = GetOption(context, options, "eval")->IsTrue();
  config.argv = ToStdStringVector(isolate, GetOption(context, options, "argv"));
  config.exec_argv = ToStdStringVector(isolate, GetOption(context, options, "execArgv"));
  config.share_env = GetOption(context, options, "shareEnv")->IsTrue();
  std::vector<std::string> env_pairs =
      ToStdStringVector(isolate, GetOption(context, options, "env"));
  for (size_t i = 0; i + 1 < env_pairs.size(); i += 2) {
    config.env.emplace_back(env_pairs[i], env_pairs[i + 1]);
  }
  config.options = env->options();
  config.exec_path = env->argv().empty() ? std::string() : env->argv()[0];
  if (!nodus::worker::Serialize(isolate, GetOption(context, options, "workerData"),
                                GetOption(context, options, "transferList"), &config.worker_data)) {
    return;
  }
  auto worker_port = std::make_shared<PortData>();
  PortData::Entangle(port->data, worker_port);
  auto* worker = new WorkerThread(env, std::move(config), worker_port);
  info.This()->SetAlignedPointerInInternalField(0, worker);
  info.This()
      ->Set(context, ToV8(isolate, "threadId"), v8::Integer::New(isolate, worker->thread_id()))
      .Check();
}

void WorkerStart(const FunctionCallbackInfo<Value>& info) {
  WorkerThread* worker = UnwrapWorker(info);
  if (worker == nullptr) return;
  if (!worker->Start(info.This())) {
    ThrowError(info.GetIsolate(), "ERR_WORKER_INIT_FAILED", "Worker initialization failure");
  }
}

void WorkerTerminate(const FunctionCallbackInfo<Value>& info) {
  if (WorkerThread* worker = UnwrapWorker(info)) worker->Terminate();
}
void WorkerRef(const FunctionCallbackInfo<Value>& info) {
  if (WorkerThread* worker = UnwrapWorker(info)) worker->Ref();
}
void WorkerUnref(const FunctionCallbackInfo<Value>& info) {
  if (WorkerThread* worker = UnwrapWorker(info)) worker->Unref();
}

// --- In a worker -------------------------------------------------------------------

// { filename, eval, argv, execArgv, shareEnv, env, workerData }; attaches the
// worker's end of the parent channel to `port`.
void GetWorkerInfo(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  WorkerThread* worker = env->worker_thread();
  if (worker == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = env->context();
  const nodus::worker::WorkerConfig& config = worker->config();
  auto* port =
      static_cast<PortHandle*>(info[0].As<Object>()->GetAlignedPointerFromInternalField(0));
  AttachData(port, worker->port());
  Local<Object> result = Object::New(isolate);
  SetValue(*env, result, "filename", ToV8(isolate, config.filename));
  SetValue(*env, result, "eval", v8::Boolean::New(isolate, config.eval));
  SetValue(*env, result, "argv", ToV8Array(isolate, config.argv));
  SetValue(*env, result, "execArgv", ToV8Array(isolate, config.exec_argv));
  SetValue(*env, result, "shareEnv", v8::Boolean::New(isolate, config.share_env));
  Local<Object> env_object = Object::New(isolate);
  for (const auto& [key, value] : config.env) {
    env_object->Set(context, ToV8(isolate, key), ToV8(isolate, value)).Check();
  }
  SetValue(*env, result, "env", env_object);
  Message data = config.worker_data;
  Local<Value> worker_data;
  if (!nodus::worker::Deserialize(isolate, data).ToLocal(&worker_data)) return;
  SetValue(*env, result, "workerData", worker_data);
  info.GetReturnValue().Set(result);
}

// The uncaught exception that ends this worker, for the parent's 'error'.
void SetError(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  WorkerThread* worker = env->worker_thread();
  if (worker == nullptr) return;
  Message message;
  v8::TryCatch try_catch(info.GetIsolate());
  if (!nodus::worker::Serialize(info.GetIsolate(), info[0], v8::Undefined(info.GetIsolate()),
                                &message)) {
    try_catch.Reset();
    message = Message();
    if (!nodus::worker::Serialize(info.GetIsolate(), info[1], v8::Undefined(info.GetIsolate()),
                                  &message)) {
      return;
    }
  }
  worker->SetError(std::move(message));
}

constexpr Method kPortMethods[] = {
    {"postMessage", PortPostMessage},
    {"start", PortStart},
    {"ref", PortRef},
    {"unref", PortUnref},
    {"hasRef", PortHasRef},
    {"close", PortClose},
    {"drain", PortDrain},
    {"receive", PortReceive},
};
constexpr Method kWorkerMethods[] = {
    {"start", WorkerStart},
    {"terminate", WorkerTerminate},
    {"ref", WorkerRef},
    {"unref", WorkerUnref},
};
constexpr Method kMethods[] = {
    {"entangle", Entangle},
    {"getWorkerInfo", GetWorkerInfo},
    {"setError", SetError},
    {"setPortInit", SetPortInit},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(PortNew);
  refs.Add(kPortMethods);
  refs.Add(WorkerNew);
  refs.Add(kWorkerMethods);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  Local<v8::Function> port_constructor =
      SetClass(env, target, "MessagePort", PortNew, kPortMethods);
  if (t_port_constructor == nullptr) t_port_constructor = new Global<v8::Function>();
  t_port_constructor->Reset(env.isolate(), port_constructor);
  SetClass(env, target, "Worker", WorkerNew, kWorkerMethods);
  SetValue(env, target, "isMainThread", v8::Boolean::New(env.isolate(), env.is_main_thread()));
  WorkerThread* worker = env.worker_thread();
  SetConstant(env, target, "threadId", worker == nullptr ? 0 : worker->thread_id());
}

}  // namespace nodus::bindings::worker

namespace nodus::worker {

bool IsPort(v8::Isolate* isolate, v8::Local<v8::Object> object) {
  if (object->InternalFieldCount() < 1 ||
      !object->HasPrivate(isolate->GetCurrentContext(), bindings::worker::PortMarker(isolate))
           .FromMaybe(false)) {
    return false;
  }
  auto* port =
      static_cast<bindings::worker::PortHandle*>(object->GetAlignedPointerFromInternalField(0));
  return port != nullptr && !port->closing;
}

std::shared_ptr<PortData> TakePortForTransfer(v8::Local<v8::Object> object) {
  auto* port =
      static_cast<bindings::worker::PortHandle*>(object->GetAlignedPointerFromInternalField(0));
  std::shared_ptr<PortData> data = std::move(port->data);
  {
    std::lock_guard<std::mutex> lock(data->mu);
    data->wake_fd = -1;
  }
  // This object closes; the channel end lives on in the message.
  port->data = std::make_shared<PortData>();
  bindings::worker::ClosePort(port);
  return data;
}

v8::MaybeLocal<v8::Object> PortFromTransfer(v8::Isolate* isolate, std::shared_ptr<PortData> data) {
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  using bindings::worker::t_port_constructor;
  using bindings::worker::t_port_init;
  if (t_port_constructor == nullptr || t_port_init == nullptr) return {};
  v8::Local<v8::Object> object;
  if (!t_port_constructor->Get(isolate)->NewInstance(context).ToLocal(&object)) return {};
  auto* port =
      static_cast<bindings::worker::PortHandle*>(object->GetAlignedPointerFromInternalField(0));
  {
    std::lock_guard<std::mutex> lock(port->data->mu);
    port->data->wake_fd = -1;
  }
  bindings::worker::AttachData(port, std::move(data));
  v8::Local<v8::Value> arg = object;
  if (t_port_init->Get(isolate)->Call(context, v8::Undefined(isolate), 1, &arg).IsEmpty())
    return {};
  return scope.Escape(object);
}

void DetachThreadPorts() {
  if (bindings::worker::t_ports == nullptr) return;
  for (auto* port : *bindings::worker::t_ports) {
    {
      std::lock_guard<std::mutex> lock(port->data->mu);
      port->data->wake_fd = -1;
      port->data->closed = true;
    }
    uv_close(reinterpret_cast<uv_handle_t*>(&port->poll), [](uv_handle_t* handle) {
      ::close(static_cast<bindings::worker::PortHandle*>(handle->data)->fd);
    });
  }
  delete bindings::worker::t_ports;
  bindings::worker::t_ports = nullptr;
}

}  // namespace nodus::worker
