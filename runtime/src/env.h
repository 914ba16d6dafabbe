#pragma once

// Env owns what one JavaScript program runs on: the isolate, the context, the
// libuv loop, the internal bindings and the JS callbacks the loop calls back
// into. Thread affinity: the thread that created it (the main thread, or a
// worker_threads thread with its own isolate and loop; worker.h).

#include <uv.h>
#include <v8.h>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "options.h"

namespace nodus {

namespace base {
class RealFs;
}
namespace resolve {
class Resolver;
}
namespace inspector {
class Agent;
}
class CompileCache;
namespace worker {
class WorkerThread;
}

class Env {
 public:
  Env(v8::Isolate* isolate, v8::Local<v8::Context> context, uv_loop_t* loop, const Options& options,
      std::vector<std::string> argv);
  ~Env();
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;

  static Env* From(v8::Local<v8::Context> context);
  static Env* From(const v8::FunctionCallbackInfo<v8::Value>& info) {
    return From(info.GetIsolate()->GetCurrentContext());
  }

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  uv_loop_t* loop() const { return loop_; }
  const Options& options() const { return options_; }
  const std::vector<std::string>& argv() const { return argv_; }
  v8::Local<v8::Object> process_object() const { return process_.Get(isolate_); }
  resolve::Resolver& resolver();
  // The inspector agent, created on first use (--inspect*, SIGUSR1, the
  // `inspector` module); nullptr until then.
  inspector::Agent& inspector_agent();
  inspector::Agent* inspector_agent_if_created() const { return inspector_agent_.get(); }
  // The user-module compile cache (compile_cache.h); nullptr when off.
  CompileCache* compile_cache() const { return compile_cache_.get(); }
  // Turns it on (once; the entries are written at exit). False with *error.
  bool EnableCompileCache(const std::string& dir, std::string* error);
  base::RealFs& resolver_fs();

  // Runs the bootstrap builtins and then the entry point for the run mode.
  // Returns false if JavaScript threw and the error was reported. After
  // RestoreFromSnapshot, the part the snapshot holds is skipped.
  bool Bootstrap();

  // The startup snapshot (snapshot.h). The part of the bootstrap that does
  // the same in every process: the builtin loader (internal/bootstrap/realm)
  // and the builtins every program loads (internal/bootstrap/snapshot),
  // evaluated at build time. Everything per-process (argv, env, pid, options,
  // handlers, stdio, the entry point) runs in Bootstrap afterwards.
  bool BootstrapSnapshotPart();
  // Build time: marks this Env as making a snapshot (internalBinding refuses
  // bindings with per-process state), then, after BootstrapSnapshotPart,
  // returns what the running Env needs back (SnapshotData) and detaches the
  // Env from the context.
  void set_building_snapshot() { building_snapshot_ = true; }
  bool building_snapshot() const { return building_snapshot_; }
  v8::Local<v8::Array> TakeSnapshotData();
  // Run time: re-attaches to a context deserialized from the snapshot.
  bool RestoreFromSnapshot(v8::Local<v8::Array> data);
  bool from_snapshot() const { return from_snapshot_; }
  // Runs the loop until nothing is referenced, with 'beforeExit' in between,
  // then emits 'exit'. Returns the process exit code.
  int RunLoopAndExit();

  // internalBinding(name): initialises bindings lazily, once.
  v8::MaybeLocal<v8::Object> GetBinding(const std::string& name);

  // Calls into JavaScript from the loop, then drains process.nextTick and the
  // microtask queue exactly as Node does after every macrotask. An exception
  // goes through the uncaught-exception path (which may exit the process).
  v8::MaybeLocal<v8::Value> MakeCallback(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv,
                                         int argc, v8::Local<v8::Value>* argv);
  // For callbacks that must be retried until they complete (timers and
  // immediates keep their queues consistent when a callback throws).
  void CallUntilDone(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv, int argc,
                     v8::Local<v8::Value>* argv, v8::Local<v8::Value>* result);
  void DrainTasks();

  // The uncaught-exception path: `process` listeners, else print and exit 1.
  void HandleUncaught(const v8::TryCatch& try_catch);
  void TriggerUncaughtException(v8::Local<v8::Value> error, v8::Local<v8::Message> message,
                                bool from_promise);
  // Flushes what must not be lost and ends the process now. In a worker it
  // ends only the worker (StopWorker) and returns: JavaScript is terminated.
  void Exit(int code);

  // worker_threads: the worker this Env runs (nullptr on the main thread).
  worker::WorkerThread* worker_thread() const { return worker_thread_; }
  void set_worker_thread(worker::WorkerThread* worker) { worker_thread_ = worker; }
  bool is_main_thread() const { return worker_thread_ == nullptr; }
  // Worker thread: runs the cleanup hooks once, terminates JavaScript and
  // stops the loop; the worker then ends with `code`.
  void StopWorker(int code);
  int exit_code() const { return exit_code_; }

  // Callbacks registered by the bootstrap JavaScript (see bindings).
  enum class Callback {
    kTickCallback,       // processTicksAndRejections()
    kProcessTimers,      // processTimers(now) -> next expiry
    kProcessImmediate,   // processImmediate()
    kUncaughtException,  // onUncaughtException(error, fromPromise) -> handled
    kPromiseReject,      // promiseRejectHandler(type, promise, reason)
    kEmitBeforeExit,     // emits process 'beforeExit'
    kEmitExit,           // emits process 'exit', returns the exit code
    kSignal,             // onSignal(signum): emits the signal event on process
    kCount,
  };
  void SetCallback(Callback which, v8::Local<v8::Function> fn);
  v8::Local<v8::Function> GetCallback(Callback which) const;

  // Shared with JavaScript (internal/process/task_queues): [hasTickScheduled, hasRejectionToWarn].
  uint8_t* tick_info() { return tick_info_; }
  void set_tick_info(uint8_t* info, v8::Local<v8::Uint8Array> keep_alive);
  // Shared with JavaScript (timers): [count, refCount, hasOutstanding].
  uint32_t* immediate_info() { return immediate_info_; }
  void set_immediate_info(uint32_t* info, v8::Local<v8::Uint32Array> keep_alive);

  uv_timer_t* timer_handle() { return &timer_handle_; }
  uv_check_t* immediate_check_handle() { return &immediate_check_handle_; }
  uv_idle_t* immediate_idle_handle() { return &immediate_idle_handle_; }
  void ToggleImmediateRef(bool ref);
  void ScheduleTimer(int64_t duration_ms);

  // Handles and requests that must be closed before the loop is torn down.
  void AddCleanupHook(std::function<void()> hook) { cleanup_hooks_.push_back(std::move(hook)); }

  bool is_stopping() const { return stopping_; }
  int callback_depth() const { return callback_depth_; }

  // Per-isolate private symbols and cached strings.
  v8::Local<v8::Private> arrow_message_private() const;
  v8::Local<v8::Private> decorated_private() const;

 private:
  static void RunTimers(uv_timer_t* handle);
  static void CheckImmediate(uv_check_t* handle);
  void InitHandles();
  bool EmitBeforeExit();
  int EmitExit();

  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;
  uv_loop_t* loop_;
  Options options_;
  std::vector<std::string> argv_;
  v8::Global<v8::Object> process_;
  v8::Global<v8::Function> internal_binding_;
  v8::Global<v8::Function> require_builtin_;
  bool building_snapshot_ = false;
  bool from_snapshot_ = false;
  std::map<std::string, v8::Global<v8::Object>> bindings_;
  std::array<v8::Global<v8::Function>, static_cast<size_t>(Callback::kCount)> callbacks_;
  std::unique_ptr<resolve::Resolver> resolver_;
  std::unique_ptr<base::RealFs> resolver_fs_;
  std::unique_ptr<inspector::Agent> inspector_agent_;
  std::unique_ptr<CompileCache> compile_cache_;

  uint8_t fallback_tick_info_[2] = {0, 0};
  uint8_t* tick_info_ = fallback_tick_info_;
  v8::Global<v8::Uint8Array> tick_info_array_;
  uint32_t fallback_immediate_info_[3] = {0, 0, 0};
  uint32_t* immediate_info_ = fallback_immediate_info_;
  v8::Global<v8::Uint32Array> immediate_info_array_;

  uv_timer_t timer_handle_;
  uv_check_t immediate_check_handle_;
  uv_idle_t immediate_idle_handle_;
  bool immediate_idle_active_ = false;

  v8::Global<v8::Private> arrow_message_private_;
  v8::Global<v8::Private> decorated_private_;

  std::vector<std::function<void()>> cleanup_hooks_;
  int callback_depth_ = 0;
  bool stopping_ = false;
  bool draining_ = false;
  worker::WorkerThread* worker_thread_ = nullptr;
  int exit_code_ = 0;
};

}  // namespace nodus
