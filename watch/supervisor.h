#pragma once

// The supervisor: runs one child at a time in its own process group, watches
// the directories of the files it reports (plus --watch-path), and restarts it
// after a change (development) or after it exits (production --restart).
// Single-threaded: everything runs on the libuv loop given to the constructor.

#include <uv.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "log_file.h"
#include "watch_logic.h"

namespace nodus::watch {

class Supervisor {
 public:
  Supervisor(uv_loop_t* loop, Config config);
  ~Supervisor();
  Supervisor(const Supervisor&) = delete;
  Supervisor& operator=(const Supervisor&) = delete;

  // --log: the child's output goes to `log` (opened by the caller, before
  // any --daemon fork, so an error reaches the terminal).
  void SetLog(std::unique_ptr<LogFile> log) { log_ = std::move(log); }

  // Runs until the supervisor is told to stop; returns the exit code.
  int Run();

 private:
  struct Stream;
  struct Check;
  // A process group being stopped beside the current child: the old program
  // after a reload, or a new one whose reload failed.
  struct Retiree {
    uv_process_t* process;  // null once it exited
    int pgid;
    uint64_t since;
    bool killed;
  };
  enum class State { kIdle, kRunning, kStopping, kChecking, kWaitingBackoff };

  bool watching() const { return config_.restart == RestartPolicy::kWatch; }
  std::string CommandName() const;
  void Say(const char* color, const std::string& text);
  // A supervisor message on stderr, and in the log (`[watch]`) with --log.
  void Note(const std::string& text);

  Stream* OpenStream(int kind);
  void StartReading(Stream* stream);
  void CloseStream(Stream* stream);
  void OnStreamLine(Stream* stream, std::string_view line);
  void DrainOutput();

  bool StartChild();
  void OnProcessExit(uv_process_t* process, int64_t status, int term_signal);
  void OnChildExit(int64_t status, int term_signal);
  void AfterExitProduction(int exit_code, bool failed);

  // Stops the child's whole process group, then calls `then` once nothing in
  // it is left (never overlapping: one stop at a time).
  void StopGroup(int signal, void (Supervisor::*then)());
  bool GroupAlive() const;
  void PollGroup();
  void RestartNow();
  void QuitNow();

  void WatchDirectory(const std::string& dir);
  void WatchTree(const std::string& dir, int depth);
  void OnReportLine(const std::string& line);
  void OnFsEvent(const std::string& dir, const char* name);
  void OnDebounce();
  void RunChecksThenRestart();
  void OnCheckDone(bool ok, const std::string& file, const std::string& output);
  void OnSignal(int signal);
  void Exit(int code);

  // `rs` + Enter (development): stdin is read here and forwarded to the child.
  void StartStdin();
  void ReadStdin();
  void OnStdin(ssize_t nread, const uv_buf_t* buf);
  void ForwardToChild(std::string data);
  void CloseChildStdin();
  void ManualRestart();

  // Rolling restart (production, SIGUSR2 / `nodus-watch reload`).
  bool OpenListenSocket();
  void Reload();
  void FinishReload();
  void AbortReload(const std::string& why);
  void Retire(uv_process_t* process, int pgid, int signal);
  void PollRetirees();

  uv_loop_t* loop_;
  Config config_;
  WatchSet watch_set_;
  Debouncer debouncer_;
  std::set<std::string> changed_;
  std::vector<std::string> to_check_;
  std::map<std::string, uv_fs_event_t*> dir_watches_;
  bool color_ = false;
  bool clear_ = false;

  State state_ = State::kIdle;
  uv_process_t* child_ = nullptr;  // null when no child process is running
  int pgid_ = 0;                   // the last child's process group (0: none)
  std::set<Stream*> streams_;      // pipes from children, each closed at its EOF
  int open_outputs_ = 0;           // of which the child's stdout/stderr (--log)
  uint64_t generation_ = 0;        // the current child; older children's pipes are ignored
  std::unique_ptr<LogFile> log_;
  bool child_ready_ = true;  // --ready-signal: false until the child writes "ready"
  Check* check_ = nullptr;
  uint64_t child_started_ = 0;
  int last_exit_code_ = 0;
  bool restart_requested_ = false;
  void (Supervisor::*after_stop_)() = nullptr;
  uint64_t stop_started_ = 0;
  bool sent_kill_ = false;
  bool quitting_ = false;
  int quit_signal_ = 0;
  bool done_ = false;
  int exit_code_ = 0;
  int quick_failures_ = 0;

  uv_timer_t debounce_timer_;
  uv_timer_t group_timer_;
  uv_timer_t backoff_timer_;
  uv_signal_t signals_[4];

  // stdin forwarding (watch mode, unless --watch-inherit-stdin)
  uv_stream_t* stdin_ = nullptr;  // a uv_tty_t or uv_pipe_t on fd 0; null: inherited
  bool stdin_paused_ = false;     // the child's pipe is full
  bool stdin_eof_ = false;
  RestartCommandFilter restart_filter_;
  uv_pipe_t* child_stdin_ = nullptr;  // the write end of the current child's stdin

  // reload
  int listen_fd_ = -1;                 // --listen: the shared socket
  bool reloading_ = false;             // a new child runs beside old_child_
  uv_process_t* old_child_ = nullptr;  // the child a reload replaces
  int old_pgid_ = 0;
  uint64_t old_started_ = 0;
  bool old_ready_ = true;
  uv_timer_t reload_timer_;     // up without --ready-signal: after --min-uptime
  uv_timer_t reload_deadline_;  // --reload-timeout
  std::vector<Retiree> retiring_;
  uv_timer_t retire_timer_;
};

}  // namespace nodus::watch
