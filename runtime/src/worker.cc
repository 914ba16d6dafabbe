#include "worker.h"

#include <errno.h>
#include <libplatform/libplatform.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "base/check.h"
#include "bindings/binding.h"
#include "env.h"

namespace nodus::worker {

namespace {

std::atomic<v8::Platform*> g_platform{nullptr};
std::atomic<int> g_next_thread_id{1};

class SerializerDelegate final : public v8::ValueSerializer::Delegate {
 public:
  SerializerDelegate(v8::Isolate* isolate, Message* message,
                     const std::vector<v8::Local<v8::Object>>* ports)
      : isolate_(isolate), message_(message), ports_(ports) {}
  // A MessagePort in the transfer list is written as its index there.
  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    for (uint32_t i = 0; i < ports_->size(); i++) {
      if ((*ports_)[i] == object) {
        serializer->WriteUint32(i);
        return v8::Just(true);
      }
    }
    if (IsPort(isolate, object)) {
      bindings::ThrowTypeError(
          isolate, "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST",
          "Object that needs transfer was found in message but not listed in transferList");
    } else {
      ThrowDataCloneError(bindings::ToV8(isolate, "Cannot clone object of unsupported type."));
    }
    return v8::Nothing<bool>();
  }
  v8::ValueSerializer* serializer = nullptr;
  void ThrowDataCloneError(v8::Local<v8::String> text) override {
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    v8::Local<v8::Object> error = v8::Exception::Error(text).As<v8::Object>();
    error
        ->Set(context, bindings::ToV8(isolate_, "code"), bindings::ToV8(isolate_, "ERR_DATA_CLONE"))
        .Check();
    isolate_->ThrowException(error);
  }
  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate*,
                                             v8::Local<v8::SharedArrayBuffer> buffer) override {
    for (uint32_t i = 0; i < shared_.size(); i++) {
      if (shared_[i] == buffer) return v8::Just(i);
    }
    shared_.push_back(buffer);
    message_->shared_array_buffers.push_back(buffer->GetBackingStore());
    return v8::Just(static_cast<uint32_t>(shared_.size() - 1));
  }
  void* ReallocateBufferMemory(void* old_buffer, size_t size, size_t* actual_size) override {
    *actual_size = size;
    return std::realloc(old_buffer, size);
  }
  void FreeBufferMemory(void* buffer) override { std::free(buffer); }

 private:
  v8::Isolate* isolate_;
  Message* message_;
  const std::vector<v8::Local<v8::Object>>* ports_;
  std::vector<v8::Local<v8::SharedArrayBuffer>> shared_;
};

class DeserializerDelegate final : public v8::ValueDeserializer::Delegate {
 public:
  DeserializerDelegate(Message* message, const std::vector<v8::Local<v8::Object>>* ports)
      : message_(message), ports_(ports) {}
  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate* isolate,
                                                                   uint32_t id) override {
    if (id >= message_->shared_array_buffers.size()) return {};
    return v8::SharedArrayBuffer::New(isolate, message_->shared_array_buffers[id]);
  }
  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t index;
    if (!deserializer->ReadUint32(&index) || index >= ports_->size()) {
      isolate->ThrowException(
          v8::Exception::Error(bindings::ToV8(isolate, "Invalid MessagePort in message")));
      return {};
    }
    return (*ports_)[index];
  }
  v8::ValueDeserializer* deserializer = nullptr;

 private:
  Message* message_;
  const std::vector<v8::Local<v8::Object>>* ports_;
};

}  // namespace

bool Serialize(v8::Isolate* isolate, v8::Local<v8::Value> value, v8::Local<v8::Value> transfer,
               Message* out) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<v8::Local<v8::ArrayBuffer>> transfers;
  std::vector<v8::Local<v8::Object>> ports;
  // Adds a port or buffer to its list; one that is there already throws.
  auto add_once = [isolate](auto& list, auto item, const char* what) {
    for (auto& seen : list) {
      if (seen == item) {
        bindings::ThrowError(isolate, "ERR_DATA_CLONE",
                             std::string("Transfer list contains duplicate ") + what);
        return false;
      }
    }
    list.push_back(item);
    return true;
  };
  if (transfer->IsArray()) {
    v8::Local<v8::Array> list = transfer.As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return false;
      if (item->IsObject() && IsPort(isolate, item.As<v8::Object>())) {
        if (!add_once(ports, item.As<v8::Object>(), "MessagePort")) return false;
        continue;
      }
      if (!item->IsArrayBuffer() || !item.As<v8::ArrayBuffer>()->IsDetachable()) {
        bindings::ThrowError(isolate, "ERR_DATA_CLONE", "Value not transferable");
        return false;
      }
      if (!add_once(transfers, item.As<v8::ArrayBuffer>(), "ArrayBuffer")) return false;
    }
  }
  SerializerDelegate delegate(isolate, out, &ports);
  v8::ValueSerializer serializer(isolate, &delegate);
  delegate.serializer = &serializer;
  for (uint32_t i = 0; i < transfers.size(); i++) serializer.TransferArrayBuffer(i, transfers[i]);
  serializer.WriteHeader();
  if (serializer.WriteValue(context, value).IsNothing()) return false;
  std::pair<uint8_t*, size_t> data = serializer.Release();
  out->data.assign(data.first, data.first + data.second);
  std::free(data.first);
  for (auto& buffer : transfers) {
    out->array_buffers.push_back(buffer->GetBackingStore());
    buffer->Detach();
  }
  for (auto& port : ports) out->ports.push_back(TakePortForTransfer(port));
  return true;
}

v8::MaybeLocal<v8::Value> Deserialize(v8::Isolate* isolate, Message& message) {
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  // Ports first: no JavaScript may run while V8 deserializes.
  std::vector<v8::Local<v8::Object>> ports;
  for (auto& data : message.ports) {
    v8::Local<v8::Object> port;
    if (!data || !PortFromTransfer(isolate, std::move(data)).ToLocal(&port)) return {};
    ports.push_back(port);
  }
  DeserializerDelegate delegate(&message, &ports);
  v8::ValueDeserializer deserializer(isolate, message.data.data(), message.data.size(), &delegate);
  delegate.deserializer = &deserializer;
  for (uint32_t i = 0; i < message.array_buffers.size(); i++) {
    deserializer.TransferArrayBuffer(i, v8::ArrayBuffer::New(isolate, message.array_buffers[i]));
  }
  v8::Local<v8::Value> result;
  if (!deserializer.ReadHeader(context).FromMaybe(false) ||
      !deserializer.ReadValue(context).ToLocal(&result)) {
    return {};
  }
  return scope.Escape(result);
}

void Wake(int fd) {
  uint64_t one = 1;
  ssize_t written;
  do {
    written = write(fd, &one, sizeof(one));
  } while (written < 0 && errno == EINTR);
  // EAGAIN: the counter is saturated, a wake-up is pending anyway.
}

void PortData::Entangle(const std::shared_ptr<PortData>& a, const std::shared_ptr<PortData>& b) {
  a->peer = b;
  b->peer = a;
}

bool PortData::PostToPeer(Message message) {
  std::shared_ptr<PortData> other = peer.lock();
  if (!other) return false;
  std::lock_guard<std::mutex> lock(other->mu);
  if (other->closed) return false;
  // A non-empty queue already has a wake-up on its way (the receiver drains
  // until the queue is empty), so only the first message sends one.
  bool wake = other->queue.empty();
  other->queue.push_back(std::move(message));
  if (wake && other->wake_fd >= 0) Wake(other->wake_fd);
  return true;
}

void SetPlatform(v8::Platform* platform) { g_platform.store(platform); }
v8::Platform* GetPlatform() { return g_platform.load(); }

// --- The worker thread ---------------------------------------------------------

WorkerThread::WorkerThread(Env* parent, WorkerConfig config, std::shared_ptr<PortData> port)
    : parent_(parent),
      config_(std::move(config)),
      port_(std::move(port)),
      thread_id_(g_next_thread_id.fetch_add(1)) {}

WorkerThread::~WorkerThread() = default;

bool WorkerThread::Start(v8::Local<v8::Object> object) {
  object_.Reset(parent_->isolate(), object);
  NODUS_CHECK_EQ(uv_async_init(parent_->loop(), &control_, OnControl), 0);
  control_.data = this;
  if (uv_thread_create(&thread_, ThreadMain, this) != 0) {
    uv_close(reinterpret_cast<uv_handle_t*>(&control_), nullptr);
    return false;
  }
  return true;
}

void WorkerThread::Ref() {
  if (!uv_is_closing(reinterpret_cast<uv_handle_t*>(&control_))) {
    uv_ref(reinterpret_cast<uv_handle_t*>(&control_));
  }
}

void WorkerThread::Unref() { uv_unref(reinterpret_cast<uv_handle_t*>(&control_)); }

void WorkerThread::Terminate() {
  std::lock_guard<std::mutex> lock(mu_);
  if (exited_ || terminate_requested_) return;
  terminate_requested_ = true;
  if (isolate_ != nullptr) isolate_->TerminateExecution();
  if (stop_async_ != nullptr) uv_async_send(stop_async_);
}

void WorkerThread::SetError(Message error) {
  std::lock_guard<std::mutex> lock(mu_);
  error_ = std::move(error);
  has_error_ = true;
}

void WorkerThread::ThreadMain(void* arg) { static_cast<WorkerThread*>(arg)->Run(); }

void WorkerThread::OnStop(uv_async_t* handle) {
  auto* self = static_cast<WorkerThread*>(handle->data);
  Env* env = self->env_;
  if (env != nullptr) env->StopWorker(1);
}

namespace {
struct WorkerPump {
  v8::Platform* platform;
  v8::Isolate* isolate;
};
}  // namespace

void WorkerThread::Run() {
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator(
      v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator.get();
  v8::Isolate* isolate = v8::Isolate::New(params);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  isolate->AddMessageListener([](v8::Local<v8::Message>, v8::Local<v8::Value>) {});

  uv_loop_t loop;
  NODUS_CHECK_EQ(uv_loop_init(&loop), 0);
  uv_async_t stop_async;
  NODUS_CHECK_EQ(uv_async_init(&loop, &stop_async, OnStop), 0);
  stop_async.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&stop_async));

  WorkerPump pump{GetPlatform(), isolate};
  uv_prepare_t prepare;
  uv_prepare_init(&loop, &prepare);
  prepare.data = &pump;
  uv_prepare_start(&prepare, [](uv_prepare_t* handle) {
    auto* p = static_cast<WorkerPump*>(handle->data);
    while (v8::platform::PumpMessageLoop(p->platform, p->isolate)) {
    }
  });
  uv_unref(reinterpret_cast<uv_handle_t*>(&prepare));

  int exit_code = 1;
  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);

    std::vector<std::string> argv{config_.exec_path};
    Options options = config_.options;
    // Process-wide things stay the main thread's: the inspector, profilers
    // started from the command line, the process title.
    options.inspect = false;
    options.inspect_brk = false;
    options.inspect_wait = false;
    options.cpu_prof = false;
    options.heap_prof = false;
    options.title.clear();
    Env env(isolate, context, &loop, options, argv);
    env.set_worker_thread(this);
    bool run;
    {
      std::lock_guard<std::mutex> lock(mu_);
      run = !terminate_requested_;
      isolate_ = isolate;
      stop_async_ = &stop_async;
      env_ = &env;
      if (run) {
        online_ = true;
        uv_async_send(&control_);
      }
    }
    if (run && env.Bootstrap() && !env.is_stopping()) {
      exit_code = env.RunLoopAndExit();
    }
    if (env.is_stopping()) {
      exit_code = env.exit_code();
    } else {
      env.StopWorker(exit_code);
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      isolate_ = nullptr;
      stop_async_ = nullptr;
      env_ = nullptr;
      if (terminate_requested_) exit_code = 1;
    }
    isolate->CancelTerminateExecution();
    DetachThreadPorts();
  }
  uv_walk(
      &loop,
      [](uv_handle_t* handle, void*) {
        if (!uv_is_closing(handle)) uv_close(handle, nullptr);
      },
      nullptr);
  uv_run(&loop, UV_RUN_DEFAULT);
  uv_loop_close(&loop);
  v8::platform::NotifyIsolateShutdown(GetPlatform(), isolate);
  isolate->Dispose();

  std::lock_guard<std::mutex> lock(mu_);
  exited_ = true;
  exit_code_ = exit_code;
  uv_async_send(&control_);
}

void WorkerThread::OnControl(uv_async_t* handle) {
  auto* self = static_cast<WorkerThread*>(handle->data);
  Env* env = self->parent_;
  bool report_online = false;
  bool exited;
  int code;
  bool has_error;
  {
    std::lock_guard<std::mutex> lock(self->mu_);
    if (self->online_ && !self->online_reported_) {
      self->online_reported_ = true;
      report_online = true;
    }
    exited = self->exited_;
    code = self->exit_code_;
    has_error = self->has_error_;
  }
  v8::Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  v8::Local<v8::Object> object = self->object_.Get(isolate);
  if (report_online) {
    v8::Local<v8::Value> fn;
    if (object->Get(env->context(), bindings::ToV8(isolate, "ononline")).ToLocal(&fn) &&
        fn->IsFunction()) {
      if (env->MakeCallback(fn.As<v8::Function>(), object, 0, nullptr).IsEmpty()) {
        // Reported through the uncaught-exception path.
      }
    }
  }
  if (!exited) return;
  uv_thread_join(&self->thread_);
  uv_close(reinterpret_cast<uv_handle_t*>(&self->control_),
           [](uv_handle_t* h) { delete static_cast<WorkerThread*>(h->data); });
  object->SetAlignedPointerInInternalField(0, nullptr);
  v8::Local<v8::Value> error = v8::Undefined(isolate);
  if (has_error) {
    v8::TryCatch try_catch(isolate);
    if (!Deserialize(isolate, self->error_).ToLocal(&error)) error = v8::Undefined(isolate);
  }
  v8::Local<v8::Value> fn;
  if (object->Get(env->context(), bindings::ToV8(isolate, "onexit")).ToLocal(&fn) &&
      fn->IsFunction()) {
    v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, code), error};
    if (env->MakeCallback(fn.As<v8::Function>(), object, 2, args).IsEmpty()) {
      // Reported through the uncaught-exception path.
    }
  }
}

}  // namespace nodus::worker
