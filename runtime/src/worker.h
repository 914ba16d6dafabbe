#pragma once

// worker_threads: message channels between threads and the worker thread
// itself (its own isolate, context, Env and libuv loop). The JavaScript side
// is internalBinding('worker') (bindings/worker.cc) and lib/worker_threads.js.

#include <uv.h>
#include <v8.h>

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "options.h"

namespace nodus {
class Env;
}

namespace nodus::worker {

// One structured-cloned value in flight between threads.
struct Message {
  std::vector<uint8_t> data;
  std::vector<std::shared_ptr<v8::BackingStore>> array_buffers;         // transferred
  std::vector<std::shared_ptr<v8::BackingStore>> shared_array_buffers;  // shared
  std::vector<std::shared_ptr<struct PortData>> ports;                  // transferred
  bool close = false;  // not a value: the other end closed
};

// Serializes `value` (ArrayBuffers in `transfer` move; they are detached).
// False with a pending JavaScript exception.
bool Serialize(v8::Isolate* isolate, v8::Local<v8::Value> value, v8::Local<v8::Value> transfer,
               Message* out);
v8::MaybeLocal<v8::Value> Deserialize(v8::Isolate* isolate, Message& message);

// One end of a channel. Shared by the two threads: everything is guarded by
// `mu`. `wake_fd` is the receiving loop's eventfd (-1 while no receiver is
// attached or after it closed). An eventfd watched by a uv_poll_t rather than
// a uv_async_t: libuv 1.44's receiver spins while a sender is inside
// uv_async_send, which made cross-thread round trips 5x slower than node's.
struct PortData {
  std::mutex mu;
  std::deque<Message> queue;
  std::weak_ptr<PortData> peer;
  int wake_fd = -1;
  bool closed = false;

  static void Entangle(const std::shared_ptr<PortData>& a, const std::shared_ptr<PortData>& b);
  // Queues for the peer and wakes it; false if the peer is gone or closed.
  bool PostToPeer(Message message);
};

// Wakes the loop watching an eventfd (thread-safe).
void Wake(int fd);

// Detaches this thread's ports from their channels (a worker is ending).
void DetachThreadPorts();

// MessagePorts inside messages (bindings/worker.cc): whether `object` is a
// port; its end of the channel, taken for a transfer (the port closes here);
// a port in this thread for a transferred end.
bool IsPort(v8::Isolate* isolate, v8::Local<v8::Object> object);
std::shared_ptr<PortData> TakePortForTransfer(v8::Local<v8::Object> object);
v8::MaybeLocal<v8::Object> PortFromTransfer(v8::Isolate* isolate, std::shared_ptr<PortData> data);

// The process-wide V8 platform (set once by Start before any worker runs).
void SetPlatform(v8::Platform* platform);
v8::Platform* GetPlatform();

// What the parent gives a worker.
struct WorkerConfig {
  std::string filename;  // or the code with `eval`
  bool eval = false;
  std::vector<std::string> argv;
  std::vector<std::string> exec_argv;
  bool share_env = false;
  std::vector<std::pair<std::string, std::string>> env;  // unless share_env
  Message worker_data;
  Options options;
  std::string exec_path;
};

class WorkerThread {
 public:
  WorkerThread(Env* parent, WorkerConfig config, std::shared_ptr<PortData> port);
  ~WorkerThread();
  WorkerThread(const WorkerThread&) = delete;
  WorkerThread& operator=(const WorkerThread&) = delete;

  // Parent thread. `object` gets `ononline()` and `onexit(code, error)` calls.
  bool Start(v8::Local<v8::Object> object);
  void Terminate();
  void Ref();
  void Unref();
  int thread_id() const { return thread_id_; }

  // Worker thread (the worker's Env).
  const WorkerConfig& config() const { return config_; }
  std::shared_ptr<PortData> port() const { return port_; }
  // An uncaught exception that ends the worker, for the parent's 'error'.
  void SetError(Message error);

 private:
  static void ThreadMain(void* arg);
  void Run();
  static void OnControl(uv_async_t* handle);
  static void OnStop(uv_async_t* handle);

  Env* parent_;
  WorkerConfig config_;
  std::shared_ptr<PortData> port_;
  int thread_id_;
  uv_thread_t thread_{};
  uv_async_t control_{};  // parent loop: online / exited
  v8::Global<v8::Object> object_;

  // Shared between the threads, under mu_.
  std::mutex mu_;
  v8::Isolate* isolate_ = nullptr;
  uv_async_t* stop_async_ = nullptr;  // worker loop
  Env* env_ = nullptr;
  bool terminate_requested_ = false;
  bool online_ = false;
  bool online_reported_ = false;
  bool exited_ = false;
  int exit_code_ = 0;
  bool has_error_ = false;
  Message error_;
};

}  // namespace nodus::worker
