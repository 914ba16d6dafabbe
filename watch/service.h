#pragma once

// The supervisor as a service: its pidfile, --daemon, and the `status` and
// `stop` subcommands that find it through the pidfile. No libuv here: these
// run before the loop exists (the daemon forks first) or without one.

#include <string>

#include "base/result.h"
#include "watch_logic.h"

namespace nodus::watch {

// What a pidfile says.
struct PidfileState {
  enum class Kind {
    kMissing,  // no file
    kInvalid,  // a file that holds no pid (or cannot be read)
    kStale,    // names a process that is gone
    kRunning,  // names a live nodus-watch (or a live process whose program is unknown)
    kForeign,  // names a live process that is not nodus-watch (its pid was reused)
  };
  Kind kind = Kind::kMissing;
  int pid = 0;
  std::string program;  // the live process's executable's name, when known
  std::string error;    // why kInvalid
};
PidfileState InspectPidfile(const std::string& path);

// A process that exists and is not a zombie.
bool ProcessIsLive(int pid);
// The basename of /proc/PID/exe ("" when unknown).
std::string ProcessProgram(int pid);

// Writes `pid` to `path` atomically (a temporary file linked into place, so a
// reader never sees it half-written) unless `path` names a live process. A
// stale or invalid pidfile is replaced. The error is the message to print.
Result<bool, std::string> AcquirePidfile(const std::string& path, int pid);
// Removes `path` if it still holds `pid`.
void ReleasePidfile(const std::string& path, int pid);

// --daemon: forks; the original process waits until the daemon has written
// its pidfile (or failed to) and exits 0 (or 1 with the daemon's message) —
// it never returns. The daemon (a grandchild: setsid between the forks, so it
// is no session leader and never gets a controlling terminal) keeps the
// working directory, has stdin/stdout/stderr on /dev/null, and returns true.
Result<bool, std::string> Daemonize(const std::string& pidfile);

// `nodus-watch status --pidfile=FILE`: prints `running (pid N)` and returns 0,
// or `stopped` (with what the pidfile said) and returns 3, as an LSB status.
int RunStatus(const Config& config);
// `nodus-watch stop --pidfile=FILE [--timeout=MS]`: SIGTERM to the supervisor,
// waits until it is gone (it stops its program first), SIGKILL (to it and to
// the process groups of its children) after the timeout. 0 when it is gone or
// was not running; 1 when the pidfile names a process that is not nodus-watch.
int RunStop(const Config& config);
// `nodus-watch reload --pidfile=FILE`: SIGUSR2 to the supervisor, which starts
// a new program and stops the old one once the new one is up (a rolling
// restart; see README.md). Returns at once: 0 when signalled, 7 (LSB's "not
// running") when no supervisor runs, 1 when the pidfile names another program.
int RunReload(const Config& config);

}  // namespace nodus::watch
