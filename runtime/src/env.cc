#include "env.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "base/check.h"
#include "base/fs.h"
#include "bindings/binding.h"
#include "builtins.h"
#include "compile_cache.h"
#include "errors.h"
#include "inspector_agent.h"
#include "resolve/resolve.h"
#include "snapshot.h"

namespace nodus {

namespace {

// Embedder data slot of the context that points back to its Env.
constexpr int kEnvSlot = 32;

template <typename T>
Env* EnvFromHandle(T* handle) {
  return static_cast<Env*>(handle->data);
}

// internalBinding(name), given to builtins only.
void InternalBinding(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  std::string name = bindings::ToStdString(isolate, info[0]);
  v8::Local<v8::Object> binding;
  if (env->GetBinding(name).ToLocal(&binding)) info.GetReturnValue().Set(binding);
}

void PromiseRejectCallback(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate* isolate = promise->GetIsolate();
  Env* env = Env::From(isolate->GetCurrentContext());
  v8::Local<v8::Function> handler = env->GetCallback(Env::Callback::kPromiseReject);
  if (handler.IsEmpty()) return;
  v8::Local<v8::Value> reason = message.GetValue();
  if (reason.IsEmpty()) reason = v8::Undefined(isolate);
  v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, static_cast<int>(message.GetEvent())),
                                 promise, reason};
  // The handler only records the rejection; it must not throw.
  v8::TryCatch try_catch(isolate);
  if (handler->Call(env->context(), v8::Undefined(isolate), std::size(args), args).IsEmpty()) {
    // Nothing to do: the handler records state and never throws.
  }
}

}  // namespace

namespace bindings {
void RegisterEnvExternalReferences(ExternalReferences& references) {
  references.Add(InternalBinding);
}
}  // namespace bindings

Env::Env(v8::Isolate* isolate, v8::Local<v8::Context> context, uv_loop_t* loop,
         const Options& options, std::vector<std::string> argv)
    : isolate_(isolate),
      context_(isolate, context),
      loop_(loop),
      options_(options),
      argv_(std::move(argv)) {
  context->SetAlignedPointerInEmbedderData(kEnvSlot, this);
  arrow_message_private_.Reset(
      isolate, v8::Private::New(isolate, bindings::ToV8(isolate, "node:arrowMessage")));
  decorated_private_.Reset(isolate,
                           v8::Private::New(isolate, bindings::ToV8(isolate, "node:decorated")));

  v8::Local<v8::FunctionTemplate> process_template = v8::FunctionTemplate::New(isolate);
  process_template->SetClassName(bindings::ToV8(isolate, "process"));
  v8::Local<v8::Object> process = process_template->GetFunction(context)
                                      .ToLocalChecked()
                                      ->NewInstance(context)
                                      .ToLocalChecked();
  process_.Reset(isolate, process);

  isolate->SetPromiseRejectCallback(PromiseRejectCallback);
  InitHandles();
}

Env::~Env() {
  if (!context_.IsEmpty()) context()->SetAlignedPointerInEmbedderData(kEnvSlot, nullptr);
}

Env* Env::From(v8::Local<v8::Context> context) {
  return static_cast<Env*>(context->GetAlignedPointerFromEmbedderData(kEnvSlot));
}

base::RealFs& Env::resolver_fs() {
  if (!resolver_fs_) resolver_fs_ = std::make_unique<base::RealFs>();
  return *resolver_fs_;
}

v8::Local<v8::Private> Env::arrow_message_private() const {
  return arrow_message_private_.Get(isolate_);
}
v8::Local<v8::Private> Env::decorated_private() const { return decorated_private_.Get(isolate_); }

void Env::SetCallback(Callback which, v8::Local<v8::Function> fn) {
  callbacks_[static_cast<size_t>(which)].Reset(isolate_, fn);
}

v8::Local<v8::Function> Env::GetCallback(Callback which) const {
  return callbacks_[static_cast<size_t>(which)].Get(isolate_);
}

void Env::set_tick_info(uint8_t* info, v8::Local<v8::Uint8Array> keep_alive) {
  tick_info_ = info;
  tick_info_array_.Reset(isolate_, keep_alive);
}

void Env::set_immediate_info(uint32_t* info, v8::Local<v8::Uint32Array> keep_alive) {
  immediate_info_ = info;
  immediate_info_array_.Reset(isolate_, keep_alive);
}

v8::MaybeLocal<v8::Object> Env::GetBinding(const std::string& name) {
  auto it = bindings_.find(name);
  if (it != bindings_.end()) return it->second.Get(isolate_);
  if (building_snapshot_ && !snapshot::CanHoldBinding(name)) {
    bindings::ThrowError(isolate_, "ERR_SNAPSHOT",
                         "internalBinding('" + name +
                             "') keeps per-process state and cannot be in the startup snapshot: "
                             "load the module that needs it lazily");
    return {};
  }
  bindings::InitializeFn init = bindings::FindBinding(name);
  if (init == nullptr) {
    bindings::ThrowError(isolate_, "ERR_INVALID_MODULE", "No such binding: " + name);
    return {};
  }
  v8::Local<v8::Object> target = v8::Object::New(isolate_);
  init(*this, target);
  bindings_[name].Reset(isolate_, target);
  return target;
}

// --- Bootstrap -------------------------------------------------------------

bool Env::BootstrapSnapshotPart() {
  v8::Local<v8::Context> ctx = context();
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Function> internal_binding =
      v8::Function::New(ctx, InternalBinding).ToLocalChecked();
  internal_binding_.Reset(isolate_, internal_binding);

  // internal/bootstrap/realm sets up the builtin module loader and returns
  // requireBuiltin; everything else is loaded through it.
  v8::Local<v8::Function> realm;
  if (!CompileBuiltin(ctx, "internal/bootstrap/realm").ToLocal(&realm)) {
    if (!try_catch.HasTerminated()) {
      PrintExceptionFallback(*this, try_catch.Exception(), try_catch.Message());
    }
    return false;
  }
  v8::Local<v8::Object> module = v8::Object::New(isolate_);
  v8::Local<v8::Object> exports = v8::Object::New(isolate_);
  module->Set(ctx, bindings::ToV8(isolate_, "exports"), exports).Check();
  v8::Local<v8::Value> args[] = {exports,          v8::Undefined(isolate_),
                                 module,           process_object(),
                                 internal_binding, v8::Undefined(isolate_)};
  v8::Local<v8::Value> require_builtin;
  if (realm->Call(ctx, v8::Undefined(isolate_), std::size(args), args).IsEmpty() ||
      !module->Get(ctx, bindings::ToV8(isolate_, "exports"))
           .ToLocalChecked()
           .As<v8::Object>()
           ->Get(ctx, bindings::ToV8(isolate_, "requireBuiltin"))
           .ToLocal(&require_builtin) ||
      !require_builtin->IsFunction()) {
    if (!try_catch.HasTerminated()) {
      PrintExceptionFallback(*this, try_catch.Exception(), try_catch.Message());
    }
    return false;
  }
  require_builtin_.Reset(isolate_, require_builtin.As<v8::Function>());
  if (!building_snapshot_) return true;
  // The builtins every program needs, evaluated once at build time.
  v8::Local<v8::Value> snapshot_id = bindings::ToV8(isolate_, "internal/bootstrap/snapshot");
  if (require_builtin.As<v8::Function>()
          ->Call(ctx, v8::Undefined(isolate_), 1, &snapshot_id)
          .IsEmpty()) {
    if (!try_catch.HasTerminated()) {
      PrintExceptionFallback(*this, try_catch.Exception(), try_catch.Message());
    }
    return false;
  }
  return true;
}

bool Env::Bootstrap() {
  v8::Local<v8::Context> ctx = context();
  // NODUS_COMPILE_CACHE (or newer Node's NODE_COMPILE_CACHE) turns the
  // user-module compile cache on; a directory that cannot be used is ignored.
  const char* cache_dir = std::getenv("NODUS_COMPILE_CACHE");
  if (cache_dir == nullptr || *cache_dir == '\0') cache_dir = std::getenv("NODE_COMPILE_CACHE");
  const char* disabled = std::getenv("NODE_DISABLE_COMPILE_CACHE");
  if (cache_dir != nullptr && *cache_dir != '\0' && (disabled == nullptr || *disabled == '\0')) {
    std::string ignored;
    EnableCompileCache(cache_dir, &ignored);
  }
  if (!from_snapshot_ && !BootstrapSnapshotPart()) return false;
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Function> internal_binding = internal_binding_.Get(isolate_);
  v8::Local<v8::Function> require_builtin = require_builtin_.Get(isolate_);

  // internal/bootstrap/node: process, globals, task queues, timers, error
  // and exit hooks (per process: it runs after a snapshot too).
  v8::Local<v8::Value> node_id = bindings::ToV8(isolate_, "internal/bootstrap/node");
  if (require_builtin->Call(ctx, v8::Undefined(isolate_), 1, &node_id).IsEmpty()) {
    if (!try_catch.HasTerminated()) {
      PrintExceptionFallback(*this, try_catch.Exception(), try_catch.Message());
    }
    return false;
  }
  try_catch.Reset();

  // --inspect*: listening before user code runs; --inspect-brk and
  // --inspect-wait hold it until a client says run.
  if (options_.inspect && options_.mode != RunMode::kCheck) {
    inspector::Agent& agent = inspector_agent();
    if (agent.StartIo(options_.inspect_host, options_.inspect_port) &&
        (options_.inspect_brk || options_.inspect_wait)) {
      agent.WaitForFrontend();
    }
  }

  const char* main_id = nullptr;
  switch (worker_thread_ != nullptr ? RunMode::kVersion : options_.mode) {
    case RunMode::kScript:
      main_id = "internal/main/run_main_module";
      break;
    case RunMode::kEval:
      main_id = "internal/main/eval_string";
      break;
    case RunMode::kStdin:
      main_id = "internal/main/eval_stdin";
      break;
    case RunMode::kCheck:
      main_id = "internal/main/check_syntax";
      break;
    case RunMode::kRepl:
      main_id = "internal/main/repl";
      break;
    case RunMode::kVersion:  // a worker thread
      main_id = "internal/worker/entry";
      break;
    case RunMode::kHelp:
      NODUS_UNREACHABLE();
  }
  // The entry point runs like any other macrotask: an exception goes to the
  // uncaught-exception path, then ticks and microtasks drain. It is called
  // directly (not through requireBuiltin) so user stacks end where Node's do.
  v8::Local<v8::Function> entry;
  if (!CompileBuiltin(ctx, main_id).ToLocal(&entry)) {
    if (!try_catch.HasTerminated()) {
      PrintExceptionFallback(*this, try_catch.Exception(), try_catch.Message());
    }
    return false;
  }
  v8::Local<v8::Object> entry_module = v8::Object::New(isolate_);
  v8::Local<v8::Object> entry_exports = v8::Object::New(isolate_);
  entry_module->Set(ctx, bindings::ToV8(isolate_, "exports"), entry_exports).Check();
  v8::Local<v8::Value> entry_args[] = {entry_exports,    require_builtin,  entry_module,
                                       process_object(), internal_binding, v8::Undefined(isolate_)};
  if (MakeCallback(entry, v8::Undefined(isolate_), std::size(entry_args), entry_args).IsEmpty()) {
    // Reported through the uncaught-exception path already.
  }
  return true;
}

// --- Calling into JavaScript ---------------------------------------------------

v8::MaybeLocal<v8::Value> Env::MakeCallback(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv,
                                            int argc, v8::Local<v8::Value>* argv) {
  v8::EscapableHandleScope scope(isolate_);
  v8::MaybeLocal<v8::Value> result;
  {
    v8::TryCatch try_catch(isolate_);
    // Verbose: what reaches this handler is uncaught, also for the
    // debugger's "pause on uncaught exceptions".
    try_catch.SetVerbose(true);
    callback_depth_++;
    result = fn->Call(context(), recv, argc, argv);
    callback_depth_--;
    if (try_catch.HasCaught()) HandleUncaught(try_catch);
  }
  if (callback_depth_ == 0) DrainTasks();
  v8::Local<v8::Value> value;
  if (!result.ToLocal(&value)) return {};
  return scope.Escape(value);
}

void Env::CallUntilDone(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv, int argc,
                        v8::Local<v8::Value>* argv, v8::Local<v8::Value>* result) {
  while (!stopping_) {
    v8::TryCatch try_catch(isolate_);
    try_catch.SetVerbose(true);  // as in MakeCallback
    callback_depth_++;
    v8::MaybeLocal<v8::Value> ret = fn->Call(context(), recv, argc, argv);
    callback_depth_--;
    if (!ret.IsEmpty()) {
      if (result != nullptr) *result = ret.ToLocalChecked();
      return;
    }
    if (try_catch.HasTerminated() || !try_catch.CanContinue()) return;
    HandleUncaught(try_catch);
  }
}

void Env::DrainTasks() {
  if (draining_ || stopping_) return;
  draining_ = true;
  v8::HandleScope scope(isolate_);
  if (!tick_info_[0] && !tick_info_[1]) isolate_->PerformMicrotaskCheckpoint();
  if (tick_info_[0] || tick_info_[1]) {
    v8::Local<v8::Function> tick = GetCallback(Callback::kTickCallback);
    if (!tick.IsEmpty()) CallUntilDone(tick, process_object(), 0, nullptr, nullptr);
  }
  draining_ = false;
}

void Env::HandleUncaught(const v8::TryCatch& try_catch) {
  if (try_catch.HasTerminated() || !try_catch.CanContinue()) return;
  v8::HandleScope scope(isolate_);
  TriggerUncaughtException(try_catch.Exception(), try_catch.Message(), false);
}

void Env::TriggerUncaughtException(v8::Local<v8::Value> error, v8::Local<v8::Message> message,
                                   bool from_promise) {
  v8::HandleScope scope(isolate_);
  if (message.IsEmpty()) message = v8::Exception::CreateMessage(isolate_, error);
  DecorateWithArrow(*this, error, message);
  std::string arrow = error->IsObject() ? GetArrow(*this, error) : ArrowMessage(isolate_, message);
  v8::Local<v8::Function> handler = GetCallback(Callback::kUncaughtException);
  if (handler.IsEmpty()) {
    PrintExceptionFallback(*this, error, message);
    Exit(1);
    return;
  }
  v8::Local<v8::Value> args[] = {error, v8::Boolean::New(isolate_, from_promise),
                                 bindings::ToV8(isolate_, arrow), v8::False(isolate_)};
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (handler->Call(context(), process_object(), std::size(args), args).ToLocal(&result)) {
    if (result->IsTrue()) return;  // an 'uncaughtException' listener handled it
    Exit(result->Int32Value(context()).FromMaybe(1));
    return;
  }
  if (try_catch.HasTerminated()) {
    Exit(1);
    return;
  }
  // A listener threw: Node prints that error and exits with 7.
  v8::Local<v8::Value> second = try_catch.Exception();
  v8::Local<v8::Message> second_message = try_catch.Message();
  DecorateWithArrow(*this, second, second_message);
  std::string second_arrow =
      second->IsObject() ? GetArrow(*this, second) : ArrowMessage(isolate_, second_message);
  v8::Local<v8::Value> print_args[] = {second, v8::False(isolate_),
                                       bindings::ToV8(isolate_, second_arrow), v8::True(isolate_)};
  v8::TryCatch print_catch(isolate_);
  if (handler->Call(context(), process_object(), std::size(print_args), print_args).IsEmpty()) {
    PrintExceptionFallback(*this, second, second_message);
  }
  Exit(7);
}

// --- The loop ------------------------------------------------------------------

void Env::InitHandles() {
  NODUS_CHECK_EQ(uv_timer_init(loop_, &timer_handle_), 0);
  timer_handle_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&timer_handle_));
  NODUS_CHECK_EQ(uv_check_init(loop_, &immediate_check_handle_), 0);
  immediate_check_handle_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&immediate_check_handle_));
  NODUS_CHECK_EQ(uv_check_start(&immediate_check_handle_, CheckImmediate), 0);
  NODUS_CHECK_EQ(uv_idle_init(loop_, &immediate_idle_handle_), 0);
  immediate_idle_handle_.data = this;
}

void Env::ToggleImmediateRef(bool ref) {
  if (ref == immediate_idle_active_) return;
  immediate_idle_active_ = ref;
  // An active idle handle keeps the loop alive and stops poll from blocking
  // while immediates are queued.
  if (ref) {
    uv_idle_start(&immediate_idle_handle_, [](uv_idle_t*) {});
  } else {
    uv_idle_stop(&immediate_idle_handle_);
  }
}

void Env::ScheduleTimer(int64_t duration_ms) {
  uv_timer_start(&timer_handle_, RunTimers, static_cast<uint64_t>(duration_ms), 0);
}

void Env::RunTimers(uv_timer_t* handle) {
  Env* env = EnvFromHandle(handle);
  v8::Isolate* isolate = env->isolate_;
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  v8::Local<v8::Function> process_timers = env->GetCallback(Callback::kProcessTimers);
  if (process_timers.IsEmpty()) return;
  v8::Local<v8::Value> now = v8::Number::New(isolate, static_cast<double>(uv_now(env->loop_)));
  v8::Local<v8::Value> ret;
  env->CallUntilDone(process_timers, env->process_object(), 1, &now, &ret);
  // processTimers returns the next expiry: 0 none, > 0 referenced, < 0 unreferenced.
  if (!ret.IsEmpty() && ret->IsNumber()) {
    int64_t expiry = static_cast<int64_t>(ret.As<v8::Number>()->Value());
    if (expiry != 0) {
      int64_t delay = std::llabs(expiry) - static_cast<int64_t>(uv_now(env->loop_));
      uv_timer_start(handle, RunTimers, delay > 0 ? static_cast<uint64_t>(delay) : 1, 0);
      if (expiry > 0) {
        uv_ref(reinterpret_cast<uv_handle_t*>(handle));
      } else {
        uv_unref(reinterpret_cast<uv_handle_t*>(handle));
      }
    }
  }
  env->DrainTasks();
}

void Env::CheckImmediate(uv_check_t* handle) {
  Env* env = EnvFromHandle(handle);
  if (env->immediate_info_[0] == 0 || env->stopping_) return;
  v8::Isolate* isolate = env->isolate_;
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  v8::Local<v8::Function> process_immediate = env->GetCallback(Callback::kProcessImmediate);
  if (process_immediate.IsEmpty()) return;
  env->CallUntilDone(process_immediate, env->process_object(), 0, nullptr, nullptr);
  env->DrainTasks();
  if (env->immediate_info_[1] == 0) env->ToggleImmediateRef(false);
}

bool Env::EmitBeforeExit() {
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Function> fn = GetCallback(Callback::kEmitBeforeExit);
  if (fn.IsEmpty()) return false;
  if (MakeCallback(fn, process_object(), 0, nullptr).IsEmpty()) {
    // Reported through the uncaught-exception path already.
  }
  return true;
}

int Env::EmitExit() {
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Function> fn = GetCallback(Callback::kEmitExit);
  if (fn.IsEmpty()) return 0;
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> code;
  callback_depth_++;  // no tick draining after 'exit': the process is ending
  bool ok = fn->Call(context(), process_object(), 0, nullptr).ToLocal(&code);
  callback_depth_--;
  if (!ok) {
    HandleUncaught(try_catch);
    return 7;
  }
  return code->Int32Value(context()).FromMaybe(0);
}

int Env::RunLoopAndExit() {
  bool more;
  do {
    uv_run(loop_, UV_RUN_DEFAULT);
    if (stopping_) return exit_code_;
    EmitBeforeExit();
    more = uv_loop_alive(loop_);
  } while (more && !stopping_);
  return EmitExit();
}

void Env::Exit(int code) {
  if (worker_thread_ != nullptr) {
    StopWorker(code);
    return;
  }
  // A debugger still attached sees the program end, then lets it go.
  if (inspector_agent_ && !stopping_) inspector_agent_->WaitForDisconnect();
  stopping_ = true;
  for (auto it = cleanup_hooks_.rbegin(); it != cleanup_hooks_.rend(); ++it) (*it)();
  cleanup_hooks_.clear();
  std::fflush(stdout);
  std::fflush(stderr);
  // Everything JavaScript wrote is already on its way (stdio writes are
  // synchronous); tearing V8 down would only cost time.
  _exit(code);
}

void Env::StopWorker(int code) {
  if (stopping_) return;
  stopping_ = true;
  exit_code_ = code;
  for (auto it = cleanup_hooks_.rbegin(); it != cleanup_hooks_.rend(); ++it) (*it)();
  cleanup_hooks_.clear();
  isolate_->TerminateExecution();
  uv_stop(loop_);
}

bool Env::EnableCompileCache(const std::string& dir, std::string* error) {
  if (compile_cache_) return true;
  compile_cache_ = CompileCache::Open(dir, error);
  if (!compile_cache_) return false;
  AddCleanupHook([this] { compile_cache_->Flush(isolate_); });
  return true;
}

inspector::Agent& Env::inspector_agent() {
  if (!inspector_agent_) inspector_agent_ = std::make_unique<inspector::Agent>(*this);
  return *inspector_agent_;
}

// --- Startup snapshot ------------------------------------------------------------

namespace {
enum SnapshotSlot : uint32_t {
  kProcessSlot,
  kInternalBindingSlot,
  kRequireBuiltinSlot,
  kBindingNamesSlot,
  kBindingObjectsSlot,
  kCallbacksSlot,
  kSlotCount,
};
}  // namespace

v8::Local<v8::Array> Env::TakeSnapshotData() {
  v8::EscapableHandleScope scope(isolate_);
  v8::Local<v8::Context> ctx = context();
  std::vector<v8::Local<v8::Value>> names;
  std::vector<v8::Local<v8::Value>> objects;
  for (auto& [name, object] : bindings_) {
    names.push_back(bindings::ToV8(isolate_, name));
    objects.push_back(object.Get(isolate_));
  }
  std::vector<v8::Local<v8::Value>> callbacks;
  for (const auto& callback : callbacks_) {
    callbacks.push_back(callback.IsEmpty() ? v8::Undefined(isolate_).As<v8::Value>()
                                           : callback.Get(isolate_).As<v8::Value>());
  }
  v8::Local<v8::Value> slots[kSlotCount] = {
      process_object(),
      internal_binding_.Get(isolate_),
      require_builtin_.Get(isolate_),
      v8::Array::New(isolate_, names.data(), names.size()),
      v8::Array::New(isolate_, objects.data(), objects.size()),
      v8::Array::New(isolate_, callbacks.data(), callbacks.size()),
  };
  v8::Local<v8::Array> data = v8::Array::New(isolate_, slots, kSlotCount);
  // V8 refuses to write a snapshot while handles outside it remain: this Env
  // lets go of everything, and the context of its pointer.
  process_.Reset();
  internal_binding_.Reset();
  require_builtin_.Reset();
  bindings_.clear();
  for (auto& callback : callbacks_) callback.Reset();
  tick_info_ = fallback_tick_info_;
  tick_info_array_.Reset();
  immediate_info_ = fallback_immediate_info_;
  immediate_info_array_.Reset();
  arrow_message_private_.Reset();
  decorated_private_.Reset();
  ctx->SetAlignedPointerInEmbedderData(kEnvSlot, nullptr);
  context_.Reset();
  return scope.Escape(data);
}

bool Env::RestoreFromSnapshot(v8::Local<v8::Array> data) {
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> ctx = context();
  auto slot = [&](uint32_t index) { return data->Get(ctx, index).ToLocalChecked(); };
  if (data->Length() != kSlotCount || !slot(kProcessSlot)->IsObject() ||
      !slot(kInternalBindingSlot)->IsFunction() || !slot(kRequireBuiltinSlot)->IsFunction()) {
    return false;
  }
  process_.Reset(isolate_, slot(kProcessSlot).As<v8::Object>());
  internal_binding_.Reset(isolate_, slot(kInternalBindingSlot).As<v8::Function>());
  require_builtin_.Reset(isolate_, slot(kRequireBuiltinSlot).As<v8::Function>());
  v8::Local<v8::Array> names = slot(kBindingNamesSlot).As<v8::Array>();
  v8::Local<v8::Array> objects = slot(kBindingObjectsSlot).As<v8::Array>();
  for (uint32_t i = 0; i < names->Length(); i++) {
    std::string name = bindings::ToStdString(isolate_, names->Get(ctx, i).ToLocalChecked());
    v8::Local<v8::Object> object = objects->Get(ctx, i).ToLocalChecked().As<v8::Object>();
    bindings_[name].Reset(isolate_, object);
    // The arrays shared with JavaScript now live in this process's heap.
    if (name == "task_queue") {
      v8::Local<v8::Uint8Array> info = object->Get(ctx, bindings::ToV8(isolate_, "tickInfo"))
                                           .ToLocalChecked()
                                           .As<v8::Uint8Array>();
      set_tick_info(bindings::TypedArrayData<uint8_t>(info), info);
    } else if (name == "timers") {
      v8::Local<v8::Uint32Array> info = object->Get(ctx, bindings::ToV8(isolate_, "immediateInfo"))
                                            .ToLocalChecked()
                                            .As<v8::Uint32Array>();
      set_immediate_info(bindings::TypedArrayData<uint32_t>(info), info);
    }
  }
  v8::Local<v8::Array> callbacks = slot(kCallbacksSlot).As<v8::Array>();
  for (uint32_t i = 0; i < callbacks->Length() && i < callbacks_.size(); i++) {
    v8::Local<v8::Value> callback = callbacks->Get(ctx, i).ToLocalChecked();
    if (callback->IsFunction()) callbacks_[i].Reset(isolate_, callback.As<v8::Function>());
  }
  from_snapshot_ = true;
  return true;
}

resolve::Resolver& Env::resolver() {
  if (!resolver_) resolver_ = bindings::modules::CreateResolver(*this, resolver_fs());
  return *resolver_;
}

}  // namespace nodus
