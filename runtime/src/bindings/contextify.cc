// internalBinding('contextify'): compiling user code. Syntax errors carry
// their source context (file:line, source line, caret) for printing.
#include <semaphore.h>
#include <signal.h>

#include <mutex>
#include <thread>
#include <utility>

#include "bindings/binding.h"
#include "compile_cache.h"
#include "env.h"
#include "errors.h"

namespace nodus::bindings::contextify {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// compileFunction(source, filename, params) -> function
void CompileFunction(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = env->context();
  Local<v8::String> source_text = info[0].As<v8::String>();
  Local<v8::String> filename = info[1].As<v8::String>();
  Local<v8::Array> param_array = info[2].As<v8::Array>();
  std::vector<Local<v8::String>> params;
  for (uint32_t i = 0; i < param_array->Length(); i++) {
    params.push_back(param_array->Get(context, i).ToLocalChecked().As<v8::String>());
  }
  v8::TryCatch try_catch(isolate);
  Local<v8::Function> fn;
  bool compiled;
  if (CompileCache* cache = env->compile_cache()) {
    compiled = cache->CompileFunction(context, source_text, filename, params).ToLocal(&fn);
  } else {
    v8::ScriptOrigin origin(isolate, filename);
    v8::ScriptCompiler::Source source(source_text, origin);
    compiled = v8::ScriptCompiler::CompileFunction(context, &source, params.size(), params.data())
                   .ToLocal(&fn);
  }
  if (!compiled) {
    if (try_catch.HasCaught() && try_catch.CanContinue()) {
      DecorateWithArrow(*env, try_catch.Exception(), try_catch.Message());
      try_catch.ReThrow();
    }
    return;
  }
  info.GetReturnValue().Set(fn);
}

// runInThisContext(source, filename) -> completion value (for -e, -p, stdin).
void RunInThisContext(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = env->context();
  v8::ScriptOrigin origin(isolate, info[1].As<v8::String>());
  v8::ScriptCompiler::Source source(info[0].As<v8::String>(), origin);
  v8::TryCatch try_catch(isolate);
  Local<v8::Script> script;
  Local<Value> result;
  if (!v8::ScriptCompiler::Compile(context, &source).ToLocal(&script) ||
      !script->Run(context).ToLocal(&result)) {
    if (try_catch.HasCaught() && try_catch.CanContinue()) {
      DecorateWithArrow(*env, try_catch.Exception(), try_catch.Message());
      try_catch.ReThrow();
    }
    return;
  }
  info.GetReturnValue().Set(result);
}

// The REPL's Ctrl-C during an evaluation (breakEvalOnSigint): while started,
// SIGINT posts a semaphore and a watchdog thread terminates the running
// JavaScript (TerminateExecution is the one isolate call other threads may
// make). Dispatch of the evaluation then returns; stopSigintWatchdog() says
// whether it was interrupted and lets JavaScript run again.
struct SigintWatchdog {
  v8::Isolate* isolate = nullptr;
  sem_t semaphore;
  std::mutex mutex;  // start/stop never race a termination
  bool active = false;
  bool interrupted = false;
  struct sigaction previous = {};
};
SigintWatchdog* g_watchdog = nullptr;

void StartSigintWatchdog(const FunctionCallbackInfo<Value>& info) {
  if (g_watchdog == nullptr) {
    g_watchdog = new SigintWatchdog;
    g_watchdog->isolate = info.GetIsolate();
    sem_init(&g_watchdog->semaphore, 0, 0);
    std::thread([] {
      while (true) {
        if (sem_wait(&g_watchdog->semaphore) != 0) continue;
        std::lock_guard<std::mutex> lock(g_watchdog->mutex);
        if (!g_watchdog->active) continue;
        g_watchdog->interrupted = true;
        g_watchdog->isolate->TerminateExecution();
      }
    }).detach();
  }
  {
    std::lock_guard<std::mutex> lock(g_watchdog->mutex);
    g_watchdog->interrupted = false;
    g_watchdog->active = true;
  }
  struct sigaction action = {};
  action.sa_handler = [](int) { sem_post(&g_watchdog->semaphore); };
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_watchdog->previous);
}

// -> whether a SIGINT interrupted the evaluation since the start.
void StopSigintWatchdog(const FunctionCallbackInfo<Value>& info) {
  bool interrupted;
  {
    if (g_watchdog == nullptr) return info.GetReturnValue().Set(false);
    std::lock_guard<std::mutex> lock(g_watchdog->mutex);
    if (!g_watchdog->active) return info.GetReturnValue().Set(false);
    g_watchdog->active = false;
    interrupted = std::exchange(g_watchdog->interrupted, false);
  }
  sigaction(SIGINT, &g_watchdog->previous, nullptr);
  // A termination that came after the evaluation ended must not hit the next.
  if (interrupted) info.GetIsolate()->CancelTerminateExecution();
  info.GetReturnValue().Set(interrupted);
}

constexpr Method kMethods[] = {
    {"startSigintWatchdog", StartSigintWatchdog},
    {"stopSigintWatchdog", StopSigintWatchdog},
    {"compileFunction", CompileFunction},
    {"runInThisContext", RunInThisContext},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::contextify
