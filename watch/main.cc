// nodus-watch: the supervisor behind `nodus --watch` (see README.md). It never
// loads V8: it spawns the runtime next to it.
#include <uv.h>

#include <cstdio>
#include <string>
#include <vector>

#include "supervisor.h"
#include "watch_logic.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto parsed = nodus::watch::ParseArgs(args);
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s\n%s", parsed.error().message.c_str(),
                 nodus::watch::UsageText().c_str());
    return 9;
  }
  nodus::watch::Config config = std::move(parsed).value();
  if (config.help) {
    std::fputs(nodus::watch::UsageText().c_str(), stdout);
    return 0;
  }
  if (config.print_systemd_unit) {
    // The same command line, with absolute paths, minus this option; a
    // production unit restarts the program always unless told otherwise.
    char exe[4096];
    size_t size = sizeof(exe);
    std::vector<std::string> exec_start{uv_exepath(exe, &size) == 0 ? std::string(exe, size)
                                                                    : std::string(argv[0])};
    bool has_policy = false;
    for (const std::string& arg : args) {
      if (arg == "--print-systemd-unit") continue;
      if (arg.rfind("--restart", 0) == 0) has_policy = true;
      exec_start.push_back(arg);
    }
    if (!has_policy) exec_start.insert(exec_start.begin() + 1, "--restart=always");
    char cwd[4096];
    size_t cwd_size = sizeof(cwd);
    std::string dir = uv_cwd(cwd, &cwd_size) == 0 ? std::string(cwd, cwd_size) : "/";
    std::fputs(nodus::watch::SystemdUnit(exec_start, dir).c_str(), stdout);
    return 0;
  }
  if (config.nodus.empty()) {
    // The runtime sits next to the supervisor (build/watch and build/runtime
    // in a build tree; the same directory once installed).
    char exe[4096];
    size_t size = sizeof(exe);
    std::string dir = ".";
    if (uv_exepath(exe, &size) == 0) {
      std::string path(exe, size);
      dir = path.substr(0, path.rfind('/'));
    }
    config.nodus = dir + "/nodus";
    uv_fs_t req;
    if (uv_fs_access(nullptr, &req, config.nodus.c_str(), X_OK, nullptr) != 0) {
      config.nodus = dir + "/../runtime/nodus";
    }
    uv_fs_req_cleanup(&req);
  }
  nodus::watch::Supervisor supervisor(uv_default_loop(), std::move(config));
  return supervisor.Run();
}
