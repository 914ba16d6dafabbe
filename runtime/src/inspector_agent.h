#pragma once

// The inspector agent (DESIGN.md §5): V8's inspector on the main thread, the
// sessions of remote clients (through the transport, inspector/inspector_io.h)
// and of the `inspector` module. The transport thread posts events into a
// locked queue; the main thread drains it from wherever it is: an interrupt
// while JavaScript runs (so a busy loop can be paused), a wake-up while the
// loop waits, the pause loop while paused, and the wait for a client.
//
// Created on first use (Env::inspector_agent()): programs that never use the
// inspector do not pay for it.

#include <v8-inspector.h>
#include <v8.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "inspector/inspector_io.h"
#include "inspector/loop_wakeup.h"

namespace nodus {

class Env;

namespace inspector {

class Session;

// Receives what an in-process session sends (responses and notifications),
// synchronously, as UTF-8 JSON.
class LocalSessionDelegate {
 public:
  virtual ~LocalSessionDelegate() = default;
  virtual void OnMessage(v8_inspector::StringView message) = 0;
};

class Agent final : public v8_inspector::V8InspectorClient, public InspectorIoDelegate {
 public:
  explicit Agent(Env& env);
  ~Agent() override;
  Agent(const Agent&) = delete;
  Agent& operator=(const Agent&) = delete;

  // Starts the transport on host:port and prints Node's "Debugger listening"
  // lines (unless --inspect-publish-uid left out stderr). On failure prints
  // Node's "Starting inspector on ... failed" line and returns false: the
  // program goes on without it.
  bool StartIo(const std::string& host, int port);
  // Closes the transport and every remote session.
  void StopIo();
  bool io_active() const { return io_ != nullptr; }
  std::string WebSocketUrl() const;

  // Blocks (draining the queue) until a client sends
  // Runtime.runIfWaitingForDebugger: --inspect-brk, --inspect-wait,
  // inspector.waitForDebugger().
  void WaitForFrontend();
  // The next JavaScript statement pauses every session with `reason`.
  void PauseOnNextStatement(std::string_view reason);
  // At exit: while remote clients are connected, tell them and wait for
  // them to go (Node's "Waiting for the debugger to disconnect...").
  void WaitForDisconnect();
  // A fatal exception: clients get Runtime.exceptionThrown, then the process
  // waits for them to leave before the error is printed (Node's order).
  void ReportUncaughtException(v8::Local<v8::Value> error);

  // In-process sessions (the `inspector` module's Session).
  int ConnectLocal(LocalSessionDelegate* delegate);
  void DispatchLocal(int session_id, const std::string& message);
  void DisconnectLocal(int session_id);

  // console.* forwarded to V8's console so sessions get Runtime.consoleAPICalled.
  v8_inspector::V8Inspector* v8_inspector() const { return inspector_.get(); }

  // InspectorIoDelegate: the transport thread.
  void OnSessionStarted(int session_id) override;
  void OnMessage(int session_id, std::string message) override;
  void OnSessionEnded(int session_id) override;

  // V8InspectorClient: the main thread.
  void runMessageLoopOnPause(int context_group_id) override;
  void quitMessageLoopOnPause() override;
  void runIfWaitingForDebugger(int context_group_id) override;
  v8::Local<v8::Context> ensureDefaultContextInGroup(int context_group_id) override;
  double currentTimeMS() override;
  void startRepeatingTimer(double interval_s, TimerCallback callback, void* data) override;
  void cancelTimer(void* data) override;
  std::unique_ptr<v8_inspector::StringBuffer> resourceNameToUrl(
      const v8_inspector::StringView& resource_name) override;

  // Session (inspector_agent.cc) calls back into these.
  void SendToRemote(int session_id, std::string message);
  bool waiting_for_frontend() const { return waiting_for_frontend_; }

  // Called by the transport thread, by the SIGUSR1 watchdog, and by tests:
  // wakes the main thread wherever it is.
  void WakeMainThread();
  // Drains queued events unless already draining (re-entry from JavaScript
  // run by a dispatched message waits for the outer drain).
  void ProcessEvents();

 private:
  struct Event {
    enum class Kind { kSessionStarted, kMessage, kSessionEnded };
    Kind kind;
    int session_id;
    std::string message;
  };
  struct RepeatingTimer;

  void Post(Event event);
  // Handles queued events one at a time (a handler may pause and drain the
  // rest from the pause loop, in order).
  void DrainQueue();
  // Waits until an event is queued, then drains.
  void WaitAndDrain();
  void Handle(Event& event);
  void EndSession(int session_id);
  bool has_remote_sessions() const;

  Env& env_;
  std::unique_ptr<v8_inspector::V8Inspector> inspector_;
  std::unique_ptr<InspectorIo> io_;
  std::map<int, std::unique_ptr<Session>> sessions_;
  int next_local_session_id_ = -1;  // negative: never collides with the transport's ids
  std::map<void*, std::unique_ptr<RepeatingTimer>> timers_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Event> events_;
  LoopWakeup wakeup_;  // the loop is idle (see loop_wakeup.h for why not uv_async_t)

  bool draining_ = false;
  bool accepting_sessions_ = false;
  bool in_pause_loop_ = false;
  bool resume_requested_ = false;
  bool waiting_for_frontend_ = false;
};

// SIGUSR1 opens the inspector in a running process, as in Node: a handler
// posts a semaphore, a watchdog thread wakes the main thread (an interrupt, so
// busy JavaScript is reached too) which starts the transport on the
// --inspect-port host:port.
void InstallSigusr1Handler(Env& env);

}  // namespace inspector
}  // namespace nodus
