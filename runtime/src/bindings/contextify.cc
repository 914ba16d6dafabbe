// internalBinding('contextify'): compiling user code. Syntax errors carry
// their source context (file:line, source line, caret) for printing.
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

constexpr Method kMethods[] = {
    {"compileFunction", CompileFunction},
    {"runInThisContext", RunInThisContext},
};

}  // namespace

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::contextify
