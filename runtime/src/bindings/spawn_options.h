#pragma once

// The command part of a spawn options object built by our child_process
// JavaScript (file, args, envPairs, cwd, detached, uid, gid, windowsHide), as
// libuv process options. Shared by process_wrap (spawn) and spawn_sync.

#include <uv.h>
#include <v8.h>

#include <string>
#include <vector>

namespace nodus::bindings {

class SpawnCommand {
 public:
  SpawnCommand() = default;
  // `options` points into this object's strings: it must outlive the spawn.
  SpawnCommand(const SpawnCommand&) = delete;
  SpawnCommand& operator=(const SpawnCommand&) = delete;

  // Fills file, args, env, cwd, flags, uid and gid of `options`.
  void Read(v8::Isolate* isolate, v8::Local<v8::Context> context, v8::Local<v8::Object> js_options,
            uv_process_options_t* options);

 private:
  std::string file_;
  std::vector<std::string> args_;
  std::vector<std::string> envs_;
  std::vector<char*> argv_;
  std::vector<char*> envp_;
  std::string cwd_;
};

}  // namespace nodus::bindings
