// nodus-watch: the supervisor behind `nodus --watch` (see README.md). It never
// loads V8: it spawns the runtime next to it.
#include <unistd.h>
#include <uv.h>

#include <cstdio>
#include <string>
#include <vector>

#include "log_file.h"
#include "service.h"
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
  if (config.subcommand == nodus::watch::Subcommand::kStatus) {
    return nodus::watch::RunStatus(config);
  }
  if (config.subcommand == nodus::watch::Subcommand::kStop) return nodus::watch::RunStop(config);
  if (config.subcommand == nodus::watch::Subcommand::kReload) {
    return nodus::watch::RunReload(config);
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
      // systemd runs the supervisor in the foreground and tracks it itself.
      if (arg == "--print-systemd-unit" || arg == "--daemon") continue;
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
  // The log is opened, and the pidfile checked, before detaching, so their
  // errors reach the terminal.
  std::unique_ptr<nodus::watch::LogFile> log;
  if (!config.log_file.empty()) {
    auto opened =
        nodus::watch::LogFile::Open(config.log_file, config.log_max_size, config.log_keep);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.error().c_str());
      return 1;
    }
    log = std::move(opened).value();
  }
  std::string pidfile = config.pidfile;
  if (config.daemon) {
    auto daemon = nodus::watch::Daemonize(pidfile);  // returns in the daemon only
    if (!daemon.ok()) {
      std::fprintf(stderr, "%s\n", daemon.error().c_str());
      return 1;
    }
  } else if (!pidfile.empty()) {
    auto taken = nodus::watch::AcquirePidfile(pidfile, getpid());
    if (!taken.ok()) {
      std::fprintf(stderr, "%s\n", taken.error().c_str());
      return 1;
    }
  }
  int code;
  {
    nodus::watch::Supervisor supervisor(uv_default_loop(), std::move(config));
    supervisor.SetLog(std::move(log));
    code = supervisor.Run();
  }
  if (!pidfile.empty()) nodus::watch::ReleasePidfile(pidfile, getpid());
  return code;
}
