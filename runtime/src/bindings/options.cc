// internalBinding('options'): the parsed command line, for the bootstrap and
// entry-point builtins.
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::options {

void RegisterExternalReferences(ExternalReferences&) {}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env.isolate();
  const Options& o = env.options();
  auto flag = [&](const char* name, bool value) {
    SetValue(env, target, name, v8::Boolean::New(isolate, value));
  };
  auto text = [&](const char* name, const std::string& value) {
    SetValue(env, target, name, ToV8(isolate, value));
  };
  text("evalSource", o.eval_source);
  flag("printEval", o.print_eval);
  flag("forceRepl", o.force_repl);
  text("script", o.script);
  SetValue(env, target, "scriptArgv", ToV8Array(isolate, o.script_argv));
  SetValue(env, target, "execArgv", ToV8Array(isolate, o.exec_argv));
  SetValue(env, target, "requires", ToV8Array(isolate, o.preload_modules));
  flag("preserveSymlinks", o.preserve_symlinks);
  flag("preserveSymlinksMain", o.preserve_symlinks_main);
  flag("traceWarnings", o.trace_warnings);
  flag("traceDeprecation", o.trace_deprecation);
  flag("noWarnings", o.no_warnings);
  flag("noDeprecation", o.no_deprecation);
  flag("throwDeprecation", o.throw_deprecation);
  flag("traceUncaught", o.trace_uncaught);
  text("title", o.title);
  text("unhandledRejections", o.unhandled_rejections);
  auto number = [&](const char* name, int value) {
    SetValue(env, target, name, v8::Integer::New(isolate, value));
  };
  flag("inspectBrk", o.inspect && o.inspect_brk);
  number("inspectPort", o.inspect_port);
  flag("cpuProf", o.cpu_prof);
  text("cpuProfDir", o.cpu_prof_dir);
  text("cpuProfName", o.cpu_prof_name);
  number("cpuProfInterval", o.cpu_prof_interval_us);
  flag("heapProf", o.heap_prof);
  text("heapProfDir", o.heap_prof_dir);
  text("heapProfName", o.heap_prof_name);
  number("heapProfInterval", o.heap_prof_interval_bytes);
}

}  // namespace nodus::bindings::options
