#include "start.h"

#include <libplatform/libplatform.h>
#include <signal.h>
#include <unistd.h>
#include <uv.h>
#include <v8.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "builtins.h"
#include "env.h"
#include "inspector_agent.h"
#include "options.h"
#include "snapshot.h"
#include "worker.h"

namespace nodus {

namespace {

void PrintVersion(const Options& options) {
  std::printf("v%s\n", NODUS_VERSION);
  if (options.verbose_version) {
    std::printf("%s\n", snapshot::Decide(options).description.c_str());
    std::printf("v8 %s (Debian libnode, %s)\nuv %s\n", v8::V8::GetVersion(), NODUS_LIBNODE_PREFIX,
                uv_version_string());
    std::printf(
        "builtins: embedded source with V8 code caches for %zu of them (compiled from source "
        "when this V8 rejects a cache)\n",
        kBuiltinCodeCacheCount);
  }
}

// V8's foreground tasks (GC finalisation, FinalizationRegistry cleanup)
// run once per loop iteration.
struct PlatformPump {
  v8::Platform* platform;
  v8::Isolate* isolate;
  uv_prepare_t prepare;
};

}  // namespace

int Start(int argc, char** argv, const char* write_code_cache_to) {
  // Like Node: a write to a closed pipe is an EPIPE error, not a fatal signal.
  signal(SIGPIPE, SIG_IGN);
  uv_setup_args(argc, argv);

  Options options;
  OptionsError error;
  if (const char* node_options = std::getenv("NODE_OPTIONS");
      node_options != nullptr && *node_options != '\0') {
    if (!ParseNodeOptionsEnv(node_options, &options, &error)) {
      std::fprintf(stderr, "%s\n", error.message.c_str());
      return error.exit_code;
    }
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!ParseOptions(args, isatty(0) == 1, &options, &error)) {
    std::fprintf(stderr, "%s\n", error.message.c_str());
    return error.exit_code;
  }
  if (options.mode == RunMode::kVersion) {
    PrintVersion(options);
    return 0;
  }
  if (options.mode == RunMode::kHelp) {
    std::fputs(HelpText().c_str(), stdout);
    return 0;
  }
  // --watch: the supervisor (watch/) runs this script in a child; no V8 here.
  // A child of the supervisor (NODUS_WATCH_REPORT_FD set) never starts another one.
  if (options.watch && options.mode == RunMode::kScript && !std::getenv("NODUS_WATCH_REPORT_FD")) {
    return ExecWatchSupervisor(options);
  }

  snapshot::DisableV8Checksum();
  for (const std::string& flag : options.v8_flags) {
    v8::V8::SetFlagsFromString(flag.c_str(), flag.size());
  }
  // The startup snapshot, if it fits this libnode (snapshot.h); else from source.
  // The code-cache stage never uses one.
  snapshot::Decision snap;
  if (write_code_cache_to == nullptr) snap = snapshot::Decide(options);

  std::unique_ptr<v8::Platform> platform = v8::platform::NewDefaultPlatform();
  v8::V8::InitializePlatform(platform.get());
  worker::SetPlatform(platform.get());
  v8::V8::Initialize();

  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator(
      v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator.get();
  if (snap.use) {
    params.snapshot_blob = &snap.startup;
    params.external_references = bindings::AllExternalReferences();
  }
  v8::Isolate* isolate = v8::Isolate::New(params);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  // Env reports uncaught exceptions itself (its TryCatches are verbose for the
  // debugger's sake); without a listener V8 would also print its own report.
  isolate->AddMessageListener([](v8::Local<v8::Message>, v8::Local<v8::Value>) {});

  int exit_code;
  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context;
    if (!snap.use ||
        !v8::Context::FromSnapshot(isolate, snapshot::kMainContextIndex).ToLocal(&context)) {
      snap.use = false;
      context = v8::Context::New(isolate);
    }
    v8::Context::Scope context_scope(context);

    uv_loop_t* loop = uv_default_loop();
    PlatformPump pump{platform.get(), isolate, {}};
    uv_prepare_init(loop, &pump.prepare);
    pump.prepare.data = &pump;
    uv_prepare_start(&pump.prepare, [](uv_prepare_t* handle) {
      auto* p = static_cast<PlatformPump*>(handle->data);
      while (v8::platform::PumpMessageLoop(p->platform, p->isolate)) {
      }
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&pump.prepare));

    // process.argv: [execPath, script (absolute later in JS), ...args]
    std::vector<std::string> process_argv;
    process_argv.push_back(argv[0]);
    Env env(isolate, context, loop, options, process_argv);
    v8::Local<v8::Array> snapshot_data;
    if (snap.use && (!context->GetDataFromSnapshotOnce<v8::Array>(snapshot::kEnvDataIndex)
                          .ToLocal(&snapshot_data) ||
                     !env.RestoreFromSnapshot(snapshot_data))) {
      std::fprintf(stderr, "nodus: the startup snapshot holds no usable context\n");
      return 70;
    }
    if (write_code_cache_to != nullptr) {
      CollectBuiltinsForCodeCache(isolate);
      env.AddCleanupHook([isolate, write_code_cache_to] {
        if (!WriteBuiltinCodeCache(isolate, write_code_cache_to)) {
          std::fprintf(stderr, "nodus: cannot write the code cache to %s\n", write_code_cache_to);
          std::fflush(stderr);
          _exit(70);
        }
      });
    }
    if (write_code_cache_to == nullptr) inspector::InstallSigusr1Handler(env);
    if (!env.Bootstrap()) env.Exit(1);
    exit_code = env.RunLoopAndExit();
    env.Exit(exit_code);
  }
  return exit_code;
}

}  // namespace nodus
