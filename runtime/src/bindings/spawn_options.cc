#include "bindings/spawn_options.h"

#include "bindings/binding.h"

namespace nodus::bindings {

void SpawnCommand::Read(v8::Isolate* isolate, v8::Local<v8::Context> context,
                        v8::Local<v8::Object> js_options, uv_process_options_t* options) {
  file_ = ToStdString(isolate, GetOption(context, js_options, "file"));
  args_ = ToStdStringVector(isolate, GetOption(context, js_options, "args"));
  if (args_.empty()) args_.push_back(file_);
  argv_ = NullTerminatedPointers(args_);
  v8::Local<v8::Value> env_pairs = GetOption(context, js_options, "envPairs");
  envs_ = ToStdStringVector(isolate, env_pairs);
  envp_ = NullTerminatedPointers(envs_);
  v8::Local<v8::Value> cwd = GetOption(context, js_options, "cwd");
  bool has_cwd = cwd->IsString() && cwd.As<v8::String>()->Length() > 0;
  if (has_cwd) cwd_ = ToStdString(isolate, cwd);

  options->file = file_.c_str();
  options->args = argv_.data();
  options->env = env_pairs->IsArray() ? envp_.data() : nullptr;
  options->cwd = has_cwd ? cwd_.c_str() : nullptr;
  if (GetOption(context, js_options, "detached")->IsTrue()) options->flags |= UV_PROCESS_DETACHED;
  v8::Local<v8::Value> uid = GetOption(context, js_options, "uid");
  if (uid->IsInt32()) {
    options->flags |= UV_PROCESS_SETUID;
    options->uid = static_cast<uv_uid_t>(uid.As<v8::Int32>()->Value());
  }
  v8::Local<v8::Value> gid = GetOption(context, js_options, "gid");
  if (gid->IsInt32()) {
    options->flags |= UV_PROCESS_SETGID;
    options->gid = static_cast<uv_gid_t>(gid.As<v8::Int32>()->Value());
  }
  if (GetOption(context, js_options, "windowsHide")->IsTrue()) {
    options->flags |= UV_PROCESS_WINDOWS_HIDE;
  }
}

}  // namespace nodus::bindings
