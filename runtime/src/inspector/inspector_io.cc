#include "inspector/inspector_io.h"

#include <openssl/rand.h>
#include <signal.h>
#include <uv.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "inspector/http_request.h"
#include "inspector/http_responses.h"
#include "inspector/loop_wakeup.h"
#include "inspector/websocket_frame.h"

namespace nodus::inspector {

std::string GenerateUuidV4() {
  unsigned char b[16];
  if (uv_random(nullptr, nullptr, b, sizeof b, 0, nullptr) != 0 && RAND_bytes(b, sizeof b) != 1) {
    // Neither the OS nor OpenSSL has randomness: refuse to hand out a guessable id.
    std::fprintf(stderr, "nodus: no random source for the inspector's UUID\n");
    std::abort();
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  char out[37];
  std::snprintf(out, sizeof out,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return out;
}

namespace {

// How long CloseSession waits for the client's close frame before dropping it.
constexpr uint64_t kCloseReplyTimeoutMs = 2000;

// Session ids are unique for the life of the process, across servers.
std::atomic<int> g_next_session_id{1};

class Server;

// One TCP connection: HTTP requests until a WebSocket upgrade, then frames.
// Owned by the Server; deleted in the close callback of its handle.
struct Connection {
  enum class State { kHttp, kWebSocket, kClosing };

  explicit Connection(Server* s) : server(s) { tcp.data = this; }

  Server* server;
  uv_tcp_t tcp;
  State state = State::kHttp;
  std::string http_buffer;
  WebSocketReader reader;
  int session_id = 0;  // 0 until the upgrade
  bool handle_closing = false;
  bool shutting_down = false;         // no more writes: our FIN is queued
  bool awaiting_close_reply = false;  // we sent close 1000 and wait for the client's
  // Bounds the wait for the client's close frame; initialized only then.
  uv_timer_t close_timer;
  bool close_timer_inited = false;
  int open_handles = 1;  // tcp (+ close_timer): deleted when the last one closes
};

// One uv_write: the buffers live here until the write callback.
struct WriteReq {
  uv_write_t req;
  Connection* connection;
  std::string head;
  std::string payload;
};

// Work posted from other threads.
struct Task {
  enum class Kind { kSend, kCloseSession, kStop } kind;
  int session_id = 0;
  std::string message;
};

class Server final : public InspectorIo {
 public:
  Server(TargetInfo target, InspectorIoDelegate* delegate)
      : target_(std::move(target)), delegate_(delegate) {}

  ~Server() override {
    if (thread_.joinable()) {
      Post({Task::Kind::kStop, 0, {}});
      thread_.join();
    }
    if (loop_open_) uv_loop_close(&loop_);
  }

  // Binds and listens on the calling thread, then hands the loop to the
  // transport thread. Returns 0 or a libuv error.
  int Bind(const std::string& host, int port);
  void StartThread() {
    thread_ = std::thread([this] {
      // Signals belong to the main thread (SIGUSR1, SIGINT...), never to this one.
      sigset_t all;
      sigfillset(&all);
      pthread_sigmask(SIG_BLOCK, &all, nullptr);
      uv_run(&loop_, UV_RUN_DEFAULT);
    });
  }

  int port() const override { return port_; }
  bool loopback() const override { return loopback_; }
  std::string WebSocketUrl() const override { return "ws://" + host_port_ + "/" + target_.id; }

  void Send(int session_id, std::string message) override {
    Post({Task::Kind::kSend, session_id, std::move(message)});
  }
  void CloseSession(int session_id) override { Post({Task::Kind::kCloseSession, session_id, {}}); }
  void StopAcceptingNewSessions() override { accepting_.store(false); }

 private:
  void Post(Task task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    wakeup_.Send();
  }

  static void OnConnection(uv_stream_t* server, int status);
  static void OnAlloc(uv_handle_t*, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnWrite(uv_write_t* req, int status);
  static void OnShutdown(uv_shutdown_t* req, int status);
  static void OnClosed(uv_handle_t* handle);
  static void OnCloseTimeout(uv_timer_t* timer);

  void RunTasks();
  void OnData(Connection* c, const char* data, size_t n);
  void HandleHttp(Connection* c);
  bool HandleRequest(Connection* c, const HttpRequest& req);  // false: stop reading requests
  void HandleFrames(Connection* c);
  void Write(Connection* c, std::string head, std::string payload = {});
  void WriteAndClose(Connection* c, std::string data);
  void SendClose(Connection* c, uint16_t code);
  void Shutdown(Connection* c);
  void Close(Connection* c);

  TargetInfo target_;
  InspectorIoDelegate* delegate_;
  uv_loop_t loop_;
  uv_tcp_t server_;
  LoopWakeup wakeup_;  // other threads' Send/CloseSession (not uv_async_t: see loop_wakeup.h)
  std::thread thread_;
  bool loop_open_ = false;
  int port_ = 0;
  bool loopback_ = true;
  std::string host_port_;  // "127.0.0.1:9229", "[::1]:9229"
  std::atomic<bool> accepting_{true};

  std::mutex mutex_;
  std::vector<Task> tasks_;  // guarded by mutex_

  // Transport thread only.
  std::vector<Connection*> connections_;
  std::map<int, Connection*> sessions_;
  bool stopping_ = false;
};

int Server::Bind(const std::string& host_in, int port) {
  int err = uv_loop_init(&loop_);
  if (err) return err;
  loop_open_ = true;
  std::string host = host_in;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);

  addrinfo hints;
  std::memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  uv_getaddrinfo_t resolver;
  std::string port_str = std::to_string(port);
  err = uv_getaddrinfo(&loop_, &resolver, nullptr, host.c_str(), port_str.c_str(), &hints);
  if (err == 0) {
    err = UV_EADDRNOTAVAIL;
    for (addrinfo* ai = resolver.addrinfo; ai; ai = ai->ai_next) {
      if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) continue;
      uv_tcp_init(&loop_, &server_);
      server_.data = this;
      err = uv_tcp_bind(&server_, ai->ai_addr, 0);
      if (err == 0) err = uv_listen(reinterpret_cast<uv_stream_t*>(&server_), 511, OnConnection);
      if (err == 0) break;
      uv_close(reinterpret_cast<uv_handle_t*>(&server_), nullptr);
      uv_run(&loop_, UV_RUN_DEFAULT);
    }
    uv_freeaddrinfo(resolver.addrinfo);
  }
  if (err) {
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
    loop_open_ = false;
    return err;
  }

  sockaddr_storage name;
  int len = sizeof name;
  uv_tcp_getsockname(&server_, reinterpret_cast<sockaddr*>(&name), &len);
  if (name.ss_family == AF_INET6) {
    auto* a6 = reinterpret_cast<sockaddr_in6*>(&name);
    port_ = ntohs(a6->sin6_port);
    const in6_addr& a = a6->sin6_addr;
    loopback_ = IN6_IS_ADDR_LOOPBACK(&a) || (IN6_IS_ADDR_V4MAPPED(&a) && a.s6_addr[12] == 127);
  } else {
    auto* a4 = reinterpret_cast<sockaddr_in*>(&name);
    port_ = ntohs(a4->sin_port);
    loopback_ = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
  }
  // The URL names the host as given (Node prints "localhost" as is).
  bool v6 = host.find(':') != std::string::npos;
  host_port_ = (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port_);

  return wakeup_.Init(
      &loop_, [](void* data) { static_cast<Server*>(data)->RunTasks(); }, this);
}

void Server::RunTasks() {
  std::vector<Task> tasks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks.swap(tasks_);
  }
  for (Task& t : tasks) {
    switch (t.kind) {
      case Task::Kind::kSend: {
        auto it = sessions_.find(t.session_id);
        if (it == sessions_.end() || it->second->state != Connection::State::kWebSocket) break;
        std::string head = EncodeFrameHeader(kWsText, t.message.size());
        Write(it->second, std::move(head), std::move(t.message));
        break;
      }
      case Task::Kind::kCloseSession: {
        auto it = sessions_.find(t.session_id);
        if (it == sessions_.end() || it->second->state != Connection::State::kWebSocket) break;
        SendClose(it->second, kWsCloseNormal);
        break;
      }
      case Task::Kind::kStop:
        if (stopping_) break;
        stopping_ = true;
        for (Connection* c : std::vector<Connection*>(connections_)) Close(c);
        uv_close(reinterpret_cast<uv_handle_t*>(&server_), nullptr);
        wakeup_.Close();
        return;  // later tasks are dropped: nothing may run after the stop
    }
  }
}

void Server::OnConnection(uv_stream_t* stream, int status) {
  auto* self = static_cast<Server*>(stream->data);
  if (status < 0 || self->stopping_) return;
  auto* c = new Connection(self);
  uv_tcp_init(&self->loop_, &c->tcp);
  if (uv_accept(stream, reinterpret_cast<uv_stream_t*>(&c->tcp)) != 0) {
    c->handle_closing = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp), OnClosed);
    return;
  }
  self->connections_.push_back(c);
  uv_tcp_nodelay(&c->tcp, 1);
  uv_read_start(reinterpret_cast<uv_stream_t*>(&c->tcp), OnAlloc, OnRead);
}

void Server::OnAlloc(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
  size_t size = suggested < 64 * 1024 ? 64 * 1024 : suggested;
  buf->base = static_cast<char*>(std::malloc(size));
  buf->len = buf->base ? size : 0;
}

void Server::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* c = static_cast<Connection*>(stream->data);
  if (nread < 0) {
    c->server->Close(c);
  } else if (nread > 0 && !c->handle_closing) {
    c->server->OnData(c, buf->base, static_cast<size_t>(nread));
  }
  std::free(buf->base);
}

void Server::OnData(Connection* c, const char* data, size_t n) {
  if (c->state == Connection::State::kHttp) {
    c->http_buffer.append(data, n);
    HandleHttp(c);
  } else {
    c->reader.Feed(std::string_view(data, n));
    HandleFrames(c);
  }
}

void Server::HandleHttp(Connection* c) {
  while (c->state == Connection::State::kHttp && !c->shutting_down && !c->handle_closing) {
    HttpRequest req;
    size_t consumed = 0;
    ParseStatus st = ParseHttpRequest(c->http_buffer, &req, &consumed);
    if (st == ParseStatus::kIncomplete) return;
    if (st == ParseStatus::kError) {
      c->http_buffer.clear();
      WriteAndClose(c, HttpBadRequestResponse());
      return;
    }
    c->http_buffer.erase(0, consumed);
    if (!HandleRequest(c, req)) break;
  }
  if (c->state == Connection::State::kWebSocket && !c->http_buffer.empty()) {
    // Frames sent right behind the upgrade request.
    c->reader.Feed(c->http_buffer);
    c->http_buffer.clear();
    HandleFrames(c);
  }
}

bool Server::HandleRequest(Connection* c, const HttpRequest& req) {
  size_t host_count = 0;
  auto host = req.Header("host", &host_count);
  if (host_count > 1 || (host && !IsAllowedHost(*host))) {
    WriteAndClose(c, HttpBadRequestResponse());
    return false;
  }
  if (req.IsWebSocketUpgrade()) {
    if (req.method != "GET" || req.target != "/" + target_.id || !accepting_.load() || stopping_) {
      WriteAndClose(c, HttpBadRequestResponse());
      return false;
    }
    Write(c, WebSocketUpgradeResponse(*req.Header("sec-websocket-key")));
    c->state = Connection::State::kWebSocket;
    c->session_id = g_next_session_id.fetch_add(1);
    sessions_[c->session_id] = c;
    delegate_->OnSessionStarted(c->session_id);
    return false;
  }
  if (req.method != "GET") {
    WriteAndClose(c, HttpBadRequestResponse());
    return false;
  }
  if (!target_.publish_http) {
    Write(c, HttpNotPublishedResponse());
    return true;
  }
  switch (RouteHttpTarget(req.target)) {
    case Endpoint::kList:
      Write(c, HttpJsonResponse(JsonListBody(
                   target_, host && !host->empty() ? std::string(*host) : host_port_)));
      return true;
    case Endpoint::kVersion:
      Write(c, HttpJsonResponse(JsonVersionBody(target_)));
      return true;
    case Endpoint::kProtocol:
      Write(c, HttpJsonResponse(ProtocolJson()));
      return true;
    case Endpoint::kOther:
      break;
  }
  WriteAndClose(c, HttpBadRequestResponse());
  return false;
}

void Server::HandleFrames(Connection* c) {
  while (!c->handle_closing) {
    switch (c->reader.Next()) {
      case WebSocketReader::Event::kNeedMore:
        return;
      case WebSocketReader::Event::kText:
        if (c->state == Connection::State::kWebSocket)
          delegate_->OnMessage(c->session_id, std::move(c->reader.message()));
        break;
      case WebSocketReader::Event::kBinary:
        // The protocol is text only; Node drops such connections.
        SendClose(c, kWsCloseUnsupportedData);
        return;
      case WebSocketReader::Event::kPing:
        if (c->state == Connection::State::kWebSocket) {
          std::string head = EncodeFrameHeader(kWsPong, c->reader.message().size());
          Write(c, std::move(head), std::move(c->reader.message()));
        }
        break;
      case WebSocketReader::Event::kPong:
        break;
      case WebSocketReader::Event::kClose: {
        if (c->state == Connection::State::kClosing) {
          // The answer to our close frame (or a late one after an error): done.
          Close(c);
          return;
        }
        {
          // Echo the code (an empty close answers an empty close), then end.
          uint16_t code = c->reader.close_code();
          std::string payload = code == 1005 ? std::string() : ClosePayload(code);
          Write(c, EncodeFrame(kWsClose, payload));
        }
        c->state = Connection::State::kClosing;
        Shutdown(c);
        return;
      }
      case WebSocketReader::Event::kError:
        SendClose(c, c->reader.error_code());
        return;
    }
  }
}

void Server::Write(Connection* c, std::string head, std::string payload) {
  if (c->handle_closing || c->shutting_down) return;
  auto* w = new WriteReq;
  w->connection = c;
  w->head = std::move(head);
  w->payload = std::move(payload);
  w->req.data = w;
  uv_buf_t bufs[2] = {uv_buf_init(w->head.data(), static_cast<unsigned>(w->head.size())),
                      uv_buf_init(w->payload.data(), 0)};
  // uv_buf_init takes an unsigned int; lengths beyond 4 GB are set directly.
  bufs[1].len = w->payload.size();
  int nbufs = w->payload.empty() ? 1 : 2;
  if (uv_write(&w->req, reinterpret_cast<uv_stream_t*>(&c->tcp), bufs, nbufs, OnWrite) != 0) {
    delete w;
    Close(c);
  }
}

void Server::OnWrite(uv_write_t* req, int status) {
  auto* w = static_cast<WriteReq*>(req->data);
  Connection* c = w->connection;
  delete w;
  if (status < 0 && status != UV_ECANCELED) c->server->Close(c);
}

void Server::WriteAndClose(Connection* c, std::string data) {
  Write(c, std::move(data));
  if (c->handle_closing || c->shutting_down) return;
  uv_read_stop(reinterpret_cast<uv_stream_t*>(&c->tcp));
  Shutdown(c);
}

// Queues our FIN behind the pending writes; OnShutdown closes the connection
// unless the client still owes the answer to our close frame.
void Server::Shutdown(Connection* c) {
  c->shutting_down = true;
  auto* req = new uv_shutdown_t;
  req->data = c;
  if (uv_shutdown(req, reinterpret_cast<uv_stream_t*>(&c->tcp), OnShutdown) != 0) {
    delete req;
    Close(c);
  }
}

// Starts the closing handshake: our close frame, then FIN after it; the
// connection is closed when the client answers (or drops).
void Server::SendClose(Connection* c, uint16_t code) {
  if (c->handle_closing || c->shutting_down) return;
  Write(c, EncodeFrame(kWsClose, ClosePayload(code)));
  c->state = Connection::State::kClosing;
  if (code == kWsCloseNormal) {
    c->awaiting_close_reply = true;
    uv_timer_init(&loop_, &c->close_timer);
    c->close_timer.data = c;
    c->close_timer_inited = true;
    ++c->open_handles;
    uv_timer_start(&c->close_timer, OnCloseTimeout, kCloseReplyTimeoutMs, 0);
  } else {
    // A protocol error means nothing more from this client is worth reading.
    uv_read_stop(reinterpret_cast<uv_stream_t*>(&c->tcp));
  }
  Shutdown(c);
}

void Server::OnShutdown(uv_shutdown_t* req, int status) {
  auto* c = static_cast<Connection*>(req->data);
  delete req;
  if (status < 0 || !c->awaiting_close_reply) c->server->Close(c);
}

void Server::Close(Connection* c) {
  if (c->handle_closing) return;
  c->handle_closing = true;
  for (size_t i = 0; i < connections_.size(); ++i) {
    if (connections_[i] == c) {
      connections_[i] = connections_.back();
      connections_.pop_back();
      break;
    }
  }
  if (c->session_id != 0) {
    sessions_.erase(c->session_id);
    delegate_->OnSessionEnded(c->session_id);
  }
  uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp), OnClosed);
  if (c->close_timer_inited) uv_close(reinterpret_cast<uv_handle_t*>(&c->close_timer), OnClosed);
}

void Server::OnClosed(uv_handle_t* handle) {
  auto* c = static_cast<Connection*>(handle->data);
  if (--c->open_handles == 0) delete c;
}

void Server::OnCloseTimeout(uv_timer_t* timer) {
  auto* c = static_cast<Connection*>(timer->data);
  c->server->Close(c);
}

}  // namespace

std::unique_ptr<InspectorIo> InspectorIo::Start(const std::string& host, int port,
                                                TargetInfo target, InspectorIoDelegate* delegate,
                                                std::string* error) {
  auto server = std::make_unique<Server>(std::move(target), delegate);
  int err = server->Bind(host, port);
  if (err != 0) {
    if (error) *error = uv_strerror(err);
    return nullptr;
  }
  server->StartThread();
  return server;
}

}  // namespace nodus::inspector
