#include "inspector_agent.h"

#include <semaphore.h>
#include <signal.h>
#include <unistd.h>
#include <uv.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>
#include <utility>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::inspector {

namespace {

using v8_inspector::StringBuffer;
using v8_inspector::StringView;

// One context group: the main context (no workers yet).
constexpr int kContextGroupId = 1;
// Printed under the listening and ending lines, as Node does.
constexpr const char* kHelpUrl = "https://nodejs.org/en/docs/inspector";

StringView ToStringView(std::string_view ascii) {
  return StringView(reinterpret_cast<const uint8_t*>(ascii.data()), ascii.size());
}

void AppendUtf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// V8's protocol strings are Latin-1 or UTF-16; the wire is UTF-8. Lone
// surrogates become U+FFFD.
std::string ToUtf8(const StringView& view) {
  std::string out;
  out.reserve(view.length());
  if (view.is8Bit()) {
    const uint8_t* chars = view.characters8();
    size_t ascii = 0;  // protocol JSON is mostly ASCII (heap snapshots: all of it)
    while (ascii < view.length() && chars[ascii] < 0x80) ascii++;
    out.append(reinterpret_cast<const char*>(chars), ascii);
    for (size_t i = ascii; i < view.length(); i++) AppendUtf8(out, chars[i]);
    return out;
  }
  const uint16_t* chars = view.characters16();
  for (size_t i = 0; i < view.length(); i++) {
    uint32_t unit = chars[i];
    if (unit < 0x80) {
      out += static_cast<char>(unit);
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < view.length() && chars[i + 1] >= 0xDC00 &&
        chars[i + 1] <= 0xDFFF) {
      AppendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (chars[++i] - 0xDC00));
    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
      AppendUtf8(out, 0xFFFD);
    } else {
      AppendUtf8(out, unit);
    }
  }
  return out;
}

// UTF-8 to UTF-16 for messages that are not plain ASCII; invalid sequences
// become U+FFFD.
std::u16string Utf8ToUtf16(std::string_view text) {
  std::u16string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<uint8_t>(text[i]);
    uint32_t code_point = 0xFFFD;
    size_t length = 1;
    if (byte < 0x80) {
      code_point = byte;
    } else if (byte >= 0xC2 && byte < 0xF5) {
      size_t need = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
      uint32_t value = byte & (0x7F >> need);
      bool valid = i + need <= text.size();
      for (size_t k = 1; valid && k < need; k++) {
        auto next = static_cast<uint8_t>(text[i + k]);
        valid = (next & 0xC0) == 0x80;
        value = (value << 6) | (next & 0x3F);
      }
      if (valid && ((need == 3 && value >= 0x800 && (value < 0xD800 || value > 0xDFFF)) ||
                    (need == 4 && value >= 0x10000 && value <= 0x10FFFF) || need == 2)) {
        code_point = value;
        length = need;
      }
    }
    if (code_point >= 0x10000) {
      code_point -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (code_point >> 10));
      out += static_cast<char16_t>(0xDC00 + (code_point & 0x3FF));
    } else {
      out += static_cast<char16_t>(code_point);
    }
    i += length;
  }
  return out;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// file:// URL of an absolute path, percent-encoding what a URL path cannot hold.
std::string FileUrl(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                 (byte >= '0' && byte <= '9') ||
                 std::string_view("/-._~!$&'()*+,;=:@").find(c) != std::string_view::npos;
    if (plain) {
      url += c;
    } else {
      url += '%';
      url += kHex[byte >> 4];
      url += kHex[byte & 0xF];
    }
  }
  return url;
}

std::string ProcessName() { return "nodus[" + std::to_string(getpid()) + "]"; }

}  // namespace

// One protocol session: a remote client (transport id > 0) or an in-process
// `inspector.Session` (id < 0).
class Session final : public v8_inspector::V8Inspector::Channel {
 public:
  Session(Agent& agent, int id, LocalSessionDelegate* local)
      : agent_(agent), id_(id), local_(local) {}

  void Connect(v8_inspector::V8Inspector* inspector) {
    v8_session_ = inspector->connect(kContextGroupId, this, StringView());
  }

  int id() const { return id_; }
  bool remote() const { return local_ == nullptr; }
  v8_inspector::V8InspectorSession* v8_session() const { return v8_session_.get(); }

  // One message from the client, UTF-8 JSON.
  void Dispatch(const std::string& message) {
    if (HandleNodeDomain(message)) return;
    dispatch_depth++;
    if (IsAscii(message)) {
      v8_session_->dispatchProtocolMessage(ToStringView(message));
    } else {
      std::u16string wide = Utf8ToUtf16(message);
      v8_session_->dispatchProtocolMessage(
          StringView(reinterpret_cast<const uint16_t*>(wide.data()), wide.size()));
    }
    dispatch_depth--;
  }

  void SendText(const std::string& ascii_json) {
    if (remote()) {
      agent_.SendToRemote(id_, ascii_json);
    } else {
      local_->OnMessage(ToStringView(ascii_json));
    }
  }

  // v8_inspector::V8Inspector::Channel
  void sendResponse(int, std::unique_ptr<StringBuffer> message) override {
    Send(message->string());
  }
  void sendNotification(std::unique_ptr<StringBuffer> message) override { Send(message->string()); }
  void flushProtocolNotifications() override {}

  bool notify_when_waiting_for_disconnect = false;
  // Set while a message of this session is being dispatched: a session that
  // ends meanwhile is deleted only after the dispatch returns.
  int dispatch_depth = 0;
  bool ended = false;

 private:
  void Send(const StringView& view) {
    if (ended) return;
    if (remote()) {
      agent_.SendToRemote(id_, ToUtf8(view));
    } else {
      local_->OnMessage(view);
    }
  }

  // The Node domains are ours: NodeRuntime (waiting for a debugger, for the
  // disconnect at exit) and NodeWorker (no worker threads yet: nothing to
  // attach to). Everything else goes to V8, which answers unknown methods.
  bool HandleNodeDomain(const std::string& message) {
    if (message.find("\"Node") == std::string::npos) return false;
    nlohmann::json parsed = nlohmann::json::parse(message, nullptr, false);
    if (!parsed.is_object()) return false;
    auto method_it = parsed.find("method");
    auto id_it = parsed.find("id");
    if (method_it == parsed.end() || !method_it->is_string() || id_it == parsed.end() ||
        !id_it->is_number_integer()) {
      return false;
    }
    const std::string& method = method_it->get_ref<const std::string&>();
    if (method.rfind("NodeRuntime.", 0) != 0 && method.rfind("NodeWorker.", 0) != 0 &&
        method.rfind("NodeTracing.", 0) != 0) {
      return false;
    }
    nlohmann::json reply = {{"id", *id_it}};
    const nlohmann::json& params = parsed.contains("params") ? parsed["params"] : nlohmann::json();
    bool send_waiting = false;
    if (method == "NodeRuntime.enable") {
      reply["result"] = nlohmann::json::object();
      send_waiting = agent_.waiting_for_frontend();
    } else if (method == "NodeRuntime.disable" || method == "NodeWorker.enable" ||
               method == "NodeWorker.disable") {
      reply["result"] = nlohmann::json::object();
    } else if (method == "NodeRuntime.notifyWhenWaitingForDisconnect") {
      if (params.is_object() && params.contains("enabled") && params["enabled"].is_boolean()) {
        notify_when_waiting_for_disconnect = params["enabled"].get<bool>();
        reply["result"] = nlohmann::json::object();
      } else {
        reply["error"] = {{"code", -32602},
                          {"message", "Invalid parameters"},
                          {"data",
                           "Failed to deserialize params.enabled - BINDINGS: bool value "
                           "expected"}};
      }
    } else {
      reply["error"] = {{"code", -32601}, {"message", "'" + method + "' wasn't found"}};
    }
    SendText(reply.dump(-1, ' ', true));
    if (send_waiting) SendText(R"({"method":"NodeRuntime.waitingForDebugger","params":{}})");
    return true;
  }

  Agent& agent_;
  int id_;
  LocalSessionDelegate* local_;
  std::unique_ptr<v8_inspector::V8InspectorSession> v8_session_;
};

struct Agent::RepeatingTimer {
  uv_timer_t handle;
  TimerCallback callback;
  void* data;
};

Agent::Agent(Env& env) : env_(env) {
  v8::Isolate* isolate = env.isolate();
  v8::HandleScope scope(isolate);
  inspector_ = v8_inspector::V8Inspector::create(isolate, this);
  std::string name = ProcessName();
  v8_inspector::V8ContextInfo info(env.context(), kContextGroupId, ToStringView(name));
  info.auxData = ToStringView(R"({"isDefault":true})");
  inspector_->contextCreated(info);

  wakeup_.Init(
      env.loop(),
      [](void* data) {
        auto* agent = static_cast<Agent*>(data);
        v8::HandleScope handle_scope(agent->env_.isolate());
        v8::Context::Scope context_scope(agent->env_.context());
        agent->ProcessEvents();
        // What a dispatched message scheduled (an evaluated promise's
        // reactions) runs now, as after any other macrotask.
        agent->env_.DrainTasks();
      },
      this);
  wakeup_.Unref();
}

Agent::~Agent() {
  io_.reset();
  sessions_.clear();
}

bool Agent::StartIo(const std::string& host, int port) {
  if (io_) return true;
  const Options& options = env_.options();
  TargetInfo target;
  target.id = GenerateUuidV4();
  target.title = ProcessName();
  target.url = "file://";
  if (options.mode == RunMode::kScript && !options.script.empty()) {
    std::string path = options.script;
    if (path[0] != '/') {
      char cwd[4096];
      size_t size = sizeof(cwd);
      if (uv_cwd(cwd, &size) == 0) path = std::string(cwd, size) + "/" + path;
    }
    target.url = FileUrl(path);
  }
  target.browser = "nodus/v" NODUS_VERSION;
  target.publish_http = options.inspect_publish_http;
  std::string error;
  io_ = InspectorIo::Start(host, port, std::move(target), this, &error);
  accepting_sessions_ = true;
  if (!io_) {
    std::fprintf(stderr, "Starting inspector on %s:%d failed: %s\n", host.c_str(), port,
                 error.c_str());
    std::fflush(stderr);
    return false;
  }
  // process.debugPort tells the program the port it got (port 0 picks one).
  v8::HandleScope scope(env_.isolate());
  env_.process_object()
      ->Set(env_.context(), bindings::ToV8(env_.isolate(), "debugPort"),
            v8::Integer::New(env_.isolate(), io_->port()))
      .Check();
  if (options.inspect_publish_stderr) {
    std::fprintf(stderr, "Debugger listening on %s\nFor help, see: %s\n", WebSocketUrl().c_str(),
                 kHelpUrl);
  }
  if (!io_->loopback()) {
    // Node only documents this danger; we say it where the user looks.
    std::fprintf(stderr,
                 "Warning: the inspector is bound to %s, which is not a loopback address: "
                 "anyone who can reach it can run any code in this process. Use "
                 "--inspect=127.0.0.1:%d unless that is intended.\n",
                 host.c_str(), io_->port());
  }
  std::fflush(stderr);
  return true;
}

void Agent::StopIo() {
  if (!io_) return;
  io_.reset();  // joins the transport thread; its sessions' ends are queued
  DrainQueue();
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second->remote() && it->second->dispatch_depth == 0) {
      it = sessions_.erase(it);
    } else {
      if (it->second->remote()) it->second->ended = true;
      ++it;
    }
  }
}

std::string Agent::WebSocketUrl() const { return io_ ? io_->WebSocketUrl() : std::string(); }

void Agent::WaitForFrontend() {
  if (!io_) return;
  waiting_for_frontend_ = true;
  bool was_draining = std::exchange(draining_, true);
  while (waiting_for_frontend_) WaitAndDrain();
  draining_ = was_draining;
}

void Agent::PauseOnNextStatement(std::string_view reason) {
  for (auto& [id, session] : sessions_) {
    if (session->ended) continue;
    session->v8_session()->schedulePauseOnNextStatement(ToStringView(reason), StringView());
  }
}

void Agent::WaitForDisconnect() {
  if (!io_ || !has_remote_sessions()) return;
  std::fprintf(stderr, "Waiting for the debugger to disconnect...\n");
  std::fflush(stderr);
  bool notified = false;
  for (auto& [id, session] : sessions_) {
    if (session->remote() && !session->ended && session->notify_when_waiting_for_disconnect) {
      session->SendText(R"({"method":"NodeRuntime.waitingForDisconnect","params":{}})");
      notified = true;
    }
  }
  v8::HandleScope scope(env_.isolate());
  if (!notified) inspector_->contextDestroyed(env_.context());
  io_->StopAcceptingNewSessions();
  accepting_sessions_ = false;
  bool was_draining = std::exchange(draining_, true);
  while (has_remote_sessions()) WaitAndDrain();
  draining_ = was_draining;
}

void Agent::ReportUncaughtException(v8::Local<v8::Value> error) {
  if (!io_ || !has_remote_sessions()) return;
  v8::Isolate* isolate = env_.isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = env_.context();
  v8::Local<v8::Message> message = v8::Exception::CreateMessage(isolate, error);
  v8::String::Value detailed(isolate, message->Get());
  v8::String::Value url(isolate, message->GetScriptResourceName());
  auto view = [](const v8::String::Value& value) {
    return StringView(reinterpret_cast<const uint16_t*>(*value), value.length());
  };
  inspector_->exceptionThrown(context, ToStringView("Uncaught"), error, view(detailed), view(url),
                              static_cast<unsigned>(message->GetLineNumber(context).FromMaybe(0)),
                              static_cast<unsigned>(message->GetStartColumn(context).FromMaybe(0)),
                              inspector_->createStackTrace(message->GetStackTrace()),
                              message->GetScriptOrigin().ScriptId());
  WaitForDisconnect();
}

int Agent::ConnectLocal(LocalSessionDelegate* delegate) {
  int id = next_local_session_id_--;
  auto session = std::make_unique<Session>(*this, id, delegate);
  session->Connect(inspector_.get());
  sessions_.emplace(id, std::move(session));
  return id;
}

void Agent::DispatchLocal(int session_id, const std::string& message) {
  auto it = sessions_.find(session_id);
  if (it == sessions_.end() || it->second->ended) return;
  Session* session = it->second.get();
  session->Dispatch(message);
  if (session->ended && session->dispatch_depth == 0) sessions_.erase(session_id);
}

void Agent::DisconnectLocal(int session_id) { EndSession(session_id); }

// --- The transport thread -----------------------------------------------------

void Agent::OnSessionStarted(int session_id) {
  Post({Event::Kind::kSessionStarted, session_id, {}});
}

void Agent::OnMessage(int session_id, std::string message) {
  Post({Event::Kind::kMessage, session_id, std::move(message)});
}

void Agent::OnSessionEnded(int session_id) { Post({Event::Kind::kSessionEnded, session_id, {}}); }

void Agent::Post(Event event) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push_back(std::move(event));
  }
  WakeMainThread();
}

void Agent::WakeMainThread() {
  wake_.notify_all();
  wakeup_.Send();
  env_.isolate()->RequestInterrupt(
      [](v8::Isolate* isolate, void* data) {
        v8::HandleScope scope(isolate);
        static_cast<Agent*>(data)->ProcessEvents();
      },
      this);
}

// --- The main thread ------------------------------------------------------------

void Agent::ProcessEvents() {
  if (draining_) return;
  draining_ = true;
  DrainQueue();
  draining_ = false;
}

void Agent::DrainQueue() {
  while (true) {
    Event event;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (events_.empty()) return;
      event = std::move(events_.front());
      events_.pop_front();
    }
    Handle(event);
  }
}

void Agent::WaitAndDrain() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait(lock, [this] { return !events_.empty(); });
  }
  DrainQueue();
}

void Agent::Handle(Event& event) {
  v8::HandleScope scope(env_.isolate());
  v8::Context::Scope context_scope(env_.context());
  switch (event.kind) {
    case Event::Kind::kSessionStarted: {
      if (!io_) return;
      auto session = std::make_unique<Session>(*this, event.session_id, nullptr);
      session->Connect(inspector_.get());
      sessions_.emplace(event.session_id, std::move(session));
      std::fprintf(stderr, "Debugger attached.\n");
      std::fflush(stderr);
      return;
    }
    case Event::Kind::kMessage: {
      auto it = sessions_.find(event.session_id);
      if (it == sessions_.end() || it->second->ended) return;
      Session* session = it->second.get();
      session->Dispatch(event.message);
      if (session->ended && session->dispatch_depth == 0) sessions_.erase(event.session_id);
      return;
    }
    case Event::Kind::kSessionEnded: {
      auto it = sessions_.find(event.session_id);
      if (it == sessions_.end()) return;
      bool was_remote = it->second->remote() && !it->second->ended;
      EndSession(event.session_id);
      // The last client left a program that goes on: say so, as Node does.
      if (was_remote && io_ && accepting_sessions_ && !has_remote_sessions() &&
          env_.options().inspect_publish_stderr) {
        std::fprintf(stderr, "Debugger ending on %s\nFor help, see: %s\n", WebSocketUrl().c_str(),
                     kHelpUrl);
        std::fflush(stderr);
      }
      return;
    }
  }
}

void Agent::EndSession(int session_id) {
  auto it = sessions_.find(session_id);
  if (it == sessions_.end()) return;
  Session* session = it->second.get();
  if (session->dispatch_depth > 0) {
    // Its dispatch is still on the stack (paused inside it): let the program
    // go on; the session is deleted when that dispatch returns.
    session->ended = true;
    session->v8_session()->setSkipAllPauses(true);
    session->v8_session()->resume();
    return;
  }
  sessions_.erase(it);
}

bool Agent::has_remote_sessions() const {
  for (const auto& [id, session] : sessions_) {
    if (session->remote() && !session->ended) return true;
  }
  return false;
}

void Agent::SendToRemote(int session_id, std::string message) {
  if (io_) io_->Send(session_id, std::move(message));
}

// --- V8InspectorClient ------------------------------------------------------------

void Agent::runMessageLoopOnPause(int) {
  if (in_pause_loop_) return;
  in_pause_loop_ = true;
  bool was_draining = std::exchange(draining_, true);
  // Only remote clients hold a pause: an in-process session that pauses
  // without resuming would otherwise block its own thread forever (Node
  // behaves the same). A resume may already have come while V8 announced
  // the pause (a listener of Debugger.paused resuming at once).
  while (!resume_requested_ && has_remote_sessions()) {
    WaitAndDrain();
  }
  resume_requested_ = false;
  in_pause_loop_ = false;
  draining_ = was_draining;
}

// V8 calls this only while paused: from the announcement of the pause to the
// end of runMessageLoopOnPause.
void Agent::quitMessageLoopOnPause() { resume_requested_ = true; }

void Agent::runIfWaitingForDebugger(int) { waiting_for_frontend_ = false; }

v8::Local<v8::Context> Agent::ensureDefaultContextInGroup(int) { return env_.context(); }

double Agent::currentTimeMS() {
  uv_timeval64_t now;
  uv_gettimeofday(&now);
  return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_usec) / 1000.0;
}

void Agent::startRepeatingTimer(double interval_s, TimerCallback callback, void* data) {
  auto timer = std::make_unique<RepeatingTimer>();
  timer->callback = callback;
  timer->data = data;
  uv_timer_init(env_.loop(), &timer->handle);
  timer->handle.data = timer.get();
  auto interval_ms = static_cast<uint64_t>(interval_s * 1000.0);
  uv_timer_start(
      &timer->handle,
      [](uv_timer_t* handle) {
        auto* t = static_cast<RepeatingTimer*>(handle->data);
        t->callback(t->data);
      },
      interval_ms, interval_ms);
  uv_unref(reinterpret_cast<uv_handle_t*>(&timer->handle));
  timers_[data] = std::move(timer);
}

void Agent::cancelTimer(void* data) {
  auto it = timers_.find(data);
  if (it == timers_.end()) return;
  RepeatingTimer* timer = it->second.release();
  timers_.erase(it);
  uv_close(reinterpret_cast<uv_handle_t*>(&timer->handle),
           [](uv_handle_t* handle) { delete static_cast<RepeatingTimer*>(handle->data); });
}

std::unique_ptr<StringBuffer> Agent::resourceNameToUrl(const StringView& resource_name) {
  std::string name = ToUtf8(resource_name);
  if (name.empty() || name[0] != '/') return nullptr;
  std::string url = FileUrl(name);
  return StringBuffer::create(ToStringView(url));
}

// --- SIGUSR1 ------------------------------------------------------------------------

namespace {

struct Sigusr1State {
  Env* env = nullptr;
  sem_t semaphore;
  LoopWakeup wakeup;
};
Sigusr1State* g_sigusr1 = nullptr;

void StartFromSignal(Env& env) {
  v8::HandleScope scope(env.isolate());
  v8::Context::Scope context_scope(env.context());
  inspector::Agent& agent = env.inspector_agent();
  if (!agent.io_active()) agent.StartIo(env.options().inspect_host, env.options().inspect_port);
}

}  // namespace

void InstallSigusr1Handler(Env& env) {
  if (g_sigusr1 != nullptr) return;
  g_sigusr1 = new Sigusr1State;
  g_sigusr1->env = &env;
  sem_init(&g_sigusr1->semaphore, 0, 0);
  g_sigusr1->wakeup.Init(
      env.loop(), [](void*) { StartFromSignal(*g_sigusr1->env); }, nullptr);
  g_sigusr1->wakeup.Unref();
  // The watchdog wakes the main thread both ways: the async while the loop
  // waits, an interrupt while JavaScript runs (a process stuck in a loop).
  std::thread([] {
    while (true) {
      if (sem_wait(&g_sigusr1->semaphore) != 0) continue;
      g_sigusr1->wakeup.Send();
      g_sigusr1->env->isolate()->RequestInterrupt(
          [](v8::Isolate*, void*) { StartFromSignal(*g_sigusr1->env); }, nullptr);
    }
  }).detach();
  struct sigaction action = {};
  action.sa_handler = [](int) { sem_post(&g_sigusr1->semaphore); };
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &action, nullptr);
}

}  // namespace nodus::inspector
