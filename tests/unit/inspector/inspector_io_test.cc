// The inspector transport over real sockets: InspectorIo on port 0 and a raw
// client written here (bounded waits everywhere).

#include "inspector/inspector_io.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "inspector/http_responses.h"
#include "inspector/websocket_frame.h"

using namespace nodus::inspector;
using namespace std::chrono_literals;

namespace {

constexpr auto kTimeout = 5s;

class RecordingDelegate : public InspectorIoDelegate {
 public:
  void OnSessionStarted(int id) override {
    std::lock_guard<std::mutex> l(m_);
    started_.push_back(id);
    cv_.notify_all();
  }
  void OnMessage(int id, std::string message) override {
    std::lock_guard<std::mutex> l(m_);
    messages_.emplace_back(id, std::move(message));
    cv_.notify_all();
  }
  void OnSessionEnded(int id) override {
    std::lock_guard<std::mutex> l(m_);
    ended_.push_back(id);
    cv_.notify_all();
  }
  // Waits until the list has more than `n` entries; returns entry n or -1.
  int WaitStarted(size_t n = 0) { return WaitIn(started_, n); }
  int WaitEnded(size_t n = 0) { return WaitIn(ended_, n); }
  std::pair<int, std::string> WaitMessage(size_t n = 0) {
    std::unique_lock<std::mutex> l(m_);
    if (!cv_.wait_for(l, kTimeout, [&] { return messages_.size() > n; })) return {-1, ""};
    return messages_[n];
  }
  size_t ended_count() {
    std::lock_guard<std::mutex> l(m_);
    return ended_.size();
  }

 private:
  int WaitIn(std::vector<int>& v, size_t n) {
    std::unique_lock<std::mutex> l(m_);
    if (!cv_.wait_for(l, kTimeout, [&] { return v.size() > n; })) return -1;
    return v[n];
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<int> started_, ended_;
  std::vector<std::pair<int, std::string>> messages_;
};

// A blocking TCP client with poll()-bounded reads.
class Client {
 public:
  explicit Client(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~Client() {
    if (fd_ >= 0) close(fd_);
  }
  bool connected() const { return connected_; }
  void Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      data.remove_prefix(static_cast<size_t>(n));
    }
  }
  // Reads until `n` bytes are buffered, EOF, or the timeout.
  bool ReadAtLeast(size_t n) {
    auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (buf_.size() < n) {
      if (!ReadSome(deadline)) return false;
    }
    return true;
  }
  // Reads until the peer closes (true) or the timeout (false).
  bool ReadToEof() {
    auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (!eof_)
      if (!ReadSome(deadline) && !eof_) return false;
    return true;
  }
  // One HTTP response head + Content-Length body, or up to EOF without one.
  std::string ReadHttpResponse() {
    auto deadline = std::chrono::steady_clock::now() + kTimeout;
    size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos)
      if (!ReadSome(deadline)) return Take(buf_.size());
    size_t cl = buf_.find("Content-Length: ");
    if (cl == std::string::npos || cl > end) {
      ReadToEof();
      return Take(buf_.size());
    }
    size_t total = end + 4 + std::stoul(buf_.substr(cl + 16));
    ReadAtLeast(total);
    return Take(std::min(total, buf_.size()));
  }
  // One server frame: {opcode, payload}; opcode -1 on timeout/EOF.
  std::pair<int, std::string> ReadFrame() {
    if (!ReadAtLeast(2)) return {-1, ""};
    auto* p = reinterpret_cast<const unsigned char*>(buf_.data());
    if (p[1] & 0x80) return {-2, ""};  // servers never mask
    uint64_t len = p[1] & 0x7f;
    size_t head = 2;
    if (len == 126) {
      if (!ReadAtLeast(4)) return {-1, ""};
      p = reinterpret_cast<const unsigned char*>(buf_.data());
      len = (uint64_t{p[2]} << 8) | p[3];
      head = 4;
    } else if (len == 127) {
      if (!ReadAtLeast(10)) return {-1, ""};
      p = reinterpret_cast<const unsigned char*>(buf_.data());
      len = 0;
      for (int i = 2; i < 10; ++i) len = (len << 8) | p[i];
      head = 10;
    }
    if (!ReadAtLeast(head + len)) return {-1, ""};
    int opcode = buf_[0] & 0x0f;
    std::string frame = Take(head + len);
    return {opcode, frame.substr(head)};
  }
  bool eof() const { return eof_; }
  std::string& buffer() { return buf_; }

 private:
  bool ReadSome(std::chrono::steady_clock::time_point deadline) {
    if (eof_) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd pfd{fd_, POLLIN, 0};
    if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) return false;
    char tmp[65536];
    ssize_t n = recv(fd_, tmp, sizeof tmp, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    buf_.append(tmp, static_cast<size_t>(n));
    return true;
  }
  std::string Take(size_t n) {
    std::string out = buf_.substr(0, n);
    buf_.erase(0, n);
    return out;
  }
  int fd_ = -1;
  bool connected_ = false;
  bool eof_ = false;
  std::string buf_;
};

std::string MaskedFrame(uint8_t first_byte, std::string_view payload, bool mask = true) {
  std::string f;
  f.push_back(static_cast<char>(first_byte));
  uint8_t m = mask ? 0x80 : 0;
  size_t n = payload.size();
  if (n < 126) {
    f.push_back(static_cast<char>(m | n));
  } else if (n <= 0xffff) {
    f.push_back(static_cast<char>(m | 126));
    f.push_back(static_cast<char>(n >> 8));
    f.push_back(static_cast<char>(n & 0xff));
  } else {
    f.push_back(static_cast<char>(m | 127));
    for (int s = 56; s >= 0; s -= 8) f.push_back(static_cast<char>((uint64_t{n} >> s) & 0xff));
  }
  const char key[4] = {0x0a, 0x1b, 0x2c, 0x3d};
  if (mask) f.append(key, 4);
  for (size_t i = 0; i < n; ++i)
    f.push_back(mask ? static_cast<char>(payload[i] ^ key[i % 4]) : payload[i]);
  return f;
}

TargetInfo MakeTarget() {
  TargetInfo t;
  t.id = GenerateUuidV4();
  t.title = "node[1234]";
  t.url = "file:///tmp/app.js";
  t.browser = "node.js/v20.20.2";
  return t;
}

std::string Get(int port, const std::string& path, const std::string& host_header) {
  Client c(port);
  c.Send("GET " + path + " HTTP/1.1\r\n" + host_header + "\r\n");
  return c.ReadHttpResponse();
}

std::string UpgradeRequest(const std::string& path, const std::string& host = "localhost") {
  return "GET " + path + " HTTP/1.1\r\nHost: " + host +
         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

const std::string kUpgraded =
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

struct Fixture {
  Fixture(bool publish_http = true) {
    target = MakeTarget();
    target.publish_http = publish_http;
    io = InspectorIo::Start("127.0.0.1", 0, target, &delegate, &error);
  }
  // Opens a session; returns its id (or -1).
  int Open(Client& c, size_t nth = 0) {
    c.Send(UpgradeRequest("/" + target.id));
    if (!c.ReadAtLeast(kUpgraded.size()) || c.buffer().substr(0, kUpgraded.size()) != kUpgraded)
      return -1;
    c.buffer().erase(0, kUpgraded.size());
    return delegate.WaitStarted(nth);
  }
  RecordingDelegate delegate;
  TargetInfo target;
  std::string error;
  std::unique_ptr<InspectorIo> io;
};

}  // namespace

TEST_CASE("io: starts on a free port and names its websocket url") {
  Fixture f;
  REQUIRE(f.io);
  CHECK(f.io->port() > 0);
  CHECK(f.io->WebSocketUrl() ==
        "ws://127.0.0.1:" + std::to_string(f.io->port()) + "/" + f.target.id);
}

TEST_CASE("io: the HTTP endpoints answer as node") {
  Fixture f;
  REQUIRE(f.io);
  int port = f.io->port();
  std::string hp = "127.0.0.1:" + std::to_string(port);
  CHECK(Get(port, "/json/version", "Host: " + hp + "\r\n") ==
        HttpJsonResponse(JsonVersionBody(f.target)));
  CHECK(Get(port, "/json/list", "Host: " + hp + "\r\n") ==
        HttpJsonResponse(JsonListBody(f.target, hp)));
  // The list names the Host header's host:port, or the server's without one.
  CHECK(Get(port, "/json", "Host: [::1]:80\r\n") ==
        HttpJsonResponse(JsonListBody(f.target, "[::1]:80")));
  CHECK(Get(port, "/json", "") == HttpJsonResponse(JsonListBody(f.target, hp)));
  std::string protocol = Get(port, "/json/protocol", "");
  CHECK(protocol == HttpJsonResponse(ProtocolJson()));
  CHECK(Get(port, "/json/activate/" + f.target.id, "") == HttpBadRequestResponse());
  CHECK(Get(port, "/", "") == HttpBadRequestResponse());
}

TEST_CASE("io: DNS names other than localhost are refused") {
  Fixture f;
  REQUIRE(f.io);
  int port = f.io->port();
  CHECK(Get(port, "/json", "Host: evil.com\r\n") == HttpBadRequestResponse());
  CHECK(Get(port, "/json/version", "Host: evil.com:" + std::to_string(port) + "\r\n") ==
        HttpBadRequestResponse());
  CHECK(Get(port, "/json/version", "Host: localhost\r\n") ==
        HttpJsonResponse(JsonVersionBody(f.target)));
  Client ws(port);
  ws.Send(UpgradeRequest("/" + f.target.id, "evil.com"));
  CHECK(ws.ReadHttpResponse() == HttpBadRequestResponse());
  CHECK(ws.eof());
}

TEST_CASE("io: requests on one connection are answered in turn") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  c.Send("GET /json/version HTTP/1.1\r\n\r\nGET /json/version HTTP/1.1\r\n\r\n");
  std::string want = HttpJsonResponse(JsonVersionBody(f.target));
  CHECK(c.ReadHttpResponse() == want);
  CHECK(c.ReadHttpResponse() == want);
}

TEST_CASE("io: without publish_http every GET is node's empty 404") {
  Fixture f(false);
  REQUIRE(f.io);
  CHECK(Get(f.io->port(), "/json/list", "") == HttpNotPublishedResponse());
  CHECK(Get(f.io->port(), "/json/version", "") == HttpNotPublishedResponse());
  Client c(f.io->port());
  CHECK(f.Open(c) > 0);
}

TEST_CASE("io: garbage and oversized heads get 400 and a closed connection") {
  Fixture f;
  REQUIRE(f.io);
  Client g(f.io->port());
  g.Send(std::string("\x16\x03\x01\x00\xa5\x01\x00\x00", 8));
  CHECK(g.ReadHttpResponse() == HttpBadRequestResponse());
  CHECK(g.eof());
  Client big(f.io->port());
  big.Send("GET /json HTTP/1.1\r\nX: " + std::string(64 * 1024, 'a'));
  CHECK(big.ReadHttpResponse() == HttpBadRequestResponse());
  CHECK(big.eof());
  // The server still serves.
  CHECK(Get(f.io->port(), "/json/version", "") == HttpJsonResponse(JsonVersionBody(f.target)));
}

TEST_CASE("io: a websocket session exchanges masked frames") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  // One frame, then a fragmented one with a ping in the middle.
  c.Send(MaskedFrame(0x81, "{\"id\":1}"));
  auto m = f.delegate.WaitMessage(0);
  CHECK(m.first == id);
  CHECK(m.second == "{\"id\":1}");
  c.Send(MaskedFrame(0x01, "{\"id\"") + MaskedFrame(0x89, "pi") + MaskedFrame(0x80, ":2}"));
  auto pong = c.ReadFrame();
  CHECK(pong.first == kWsPong);
  CHECK(pong.second == "pi");
  m = f.delegate.WaitMessage(1);
  CHECK(m.second == "{\"id\":2}");
  // Send from another thread, sizes across the 7/16/64-bit lengths.
  std::thread sender([&] {
    f.io->Send(id, "{\"r\":1}");
    f.io->Send(id, std::string(300, 'a'));
    f.io->Send(id, std::string(70000, 'b'));
  });
  sender.join();
  auto r1 = c.ReadFrame();
  CHECK(r1.first == kWsText);
  CHECK(r1.second == "{\"r\":1}");
  CHECK(c.ReadFrame().second == std::string(300, 'a'));
  CHECK((c.ReadFrame().second == std::string(70000, 'b')));
  // The close handshake: the code comes back, then the session ends.
  c.Send(MaskedFrame(0x88, ClosePayload(1001, "bye")));
  auto close = c.ReadFrame();
  CHECK(close.first == kWsClose);
  CHECK(close.second == ClosePayload(1001));
  CHECK(f.delegate.WaitEnded(0) == id);
  CHECK(c.ReadToEof());
  f.io->Send(id, "dropped");  // after the end: ignored
}

TEST_CASE("io: wrong target ids and stopped servers refuse upgrades") {
  Fixture f;
  REQUIRE(f.io);
  Client wrong(f.io->port());
  wrong.Send(UpgradeRequest("/not-the-id"));
  CHECK(wrong.ReadHttpResponse() == HttpBadRequestResponse());
  f.io->StopAcceptingNewSessions();
  Client late(f.io->port());
  late.Send(UpgradeRequest("/" + f.target.id));
  CHECK(late.ReadHttpResponse() == HttpBadRequestResponse());
}

TEST_CASE("io: an unmasked client frame closes with 1002") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  c.Send(MaskedFrame(0x81, "{}", false));
  auto close = c.ReadFrame();
  CHECK(close.first == kWsClose);
  CHECK(close.second == ClosePayload(1002));
  CHECK(c.ReadToEof());
  CHECK(f.delegate.WaitEnded(0) == id);
}

TEST_CASE("io: CloseSession sends 1000 and ends the session") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  f.io->CloseSession(id);
  auto close = c.ReadFrame();
  CHECK(close.first == kWsClose);
  CHECK(close.second == ClosePayload(1000));
  c.Send(MaskedFrame(0x88, ClosePayload(1000)));
  CHECK(f.delegate.WaitEnded(0) == id);
  CHECK(c.ReadToEof());
}

TEST_CASE("io: two sessions at once have their own ids and traffic") {
  Fixture f;
  REQUIRE(f.io);
  Client a(f.io->port()), b(f.io->port());
  int ia = f.Open(a, 0);
  int ib = f.Open(b, 1);
  REQUIRE(ia > 0);
  REQUIRE(ib > 0);
  CHECK(ia != ib);
  f.io->Send(ib, "to b");
  f.io->Send(ia, "to a");
  CHECK(a.ReadFrame().second == "to a");
  CHECK(b.ReadFrame().second == "to b");
  b.Send(MaskedFrame(0x81, "from b"));
  auto m = f.delegate.WaitMessage(0);
  CHECK(m.first == ib);
  CHECK(m.second == "from b");
}

TEST_CASE("io: a 32 MB message goes out whole") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  std::string big(32 * 1024 * 1024, 'z');
  big.front() = '{';
  big.back() = '}';
  f.io->Send(id, big);
  auto frame = c.ReadFrame();
  CHECK(frame.first == kWsText);
  CHECK(frame.second.size() == big.size());
  CHECK((frame.second == big));
}

TEST_CASE("io: a port in use is libuv's message") {
  Fixture f;
  REQUIRE(f.io);
  RecordingDelegate d;
  std::string error;
  auto second = InspectorIo::Start("127.0.0.1", f.io->port(), MakeTarget(), &d, &error);
  CHECK_FALSE(second);
  CHECK(error == "address already in use");
  auto bad = InspectorIo::Start("256.1.1.1", 0, MakeTarget(), &d, &error);
  CHECK_FALSE(bad);
  CHECK_FALSE(error.empty());
}

TEST_CASE("io: IPv6 and localhost hosts") {
  RecordingDelegate d;
  std::string error;
  auto v6 = InspectorIo::Start("::1", 0, MakeTarget(), &d, &error);
  if (v6) {
    CHECK(v6->WebSocketUrl().rfind("ws://[::1]:" + std::to_string(v6->port()) + "/", 0) == 0);
  }
  auto local = InspectorIo::Start("localhost", 0, MakeTarget(), &d, &error);
  REQUIRE(local);
  CHECK(local->WebSocketUrl().rfind("ws://localhost:", 0) == 0);
}

TEST_CASE("io: destroying the server ends open sessions and joins") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  Client idle(f.io->port());  // an HTTP connection with nothing sent
  REQUIRE(idle.connected());
  f.io.reset();
  CHECK(f.delegate.ended_count() == 1);
  CHECK(f.delegate.WaitEnded(0) == id);
  CHECK(c.ReadToEof());
}

TEST_CASE("io: CloseSession ends the session when the client never answers") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  auto start = std::chrono::steady_clock::now();
  f.io->CloseSession(id);
  CHECK(c.ReadFrame().first == kWsClose);
  CHECK(f.delegate.WaitEnded(0) == id);  // after the 2 s bound, without a close from us
  CHECK(std::chrono::steady_clock::now() - start >= 1900ms);
  CHECK(c.ReadToEof());
}

TEST_CASE("io: binary frames close with 1003") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  c.Send(MaskedFrame(0x82, "{}"));
  auto close = c.ReadFrame();
  CHECK(close.first == kWsClose);
  CHECK(close.second == ClosePayload(1003));
  CHECK(f.delegate.WaitEnded(0) == id);
}

TEST_CASE("io: frames right behind the upgrade request are read") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  c.Send(UpgradeRequest("/" + f.target.id) + MaskedFrame(0x81, "early"));
  int id = f.delegate.WaitStarted(0);
  REQUIRE(id > 0);
  auto m = f.delegate.WaitMessage(0);
  CHECK(m.first == id);
  CHECK(m.second == "early");
}

TEST_CASE("io: a client dropping mid-message ends its session") {
  Fixture f;
  REQUIRE(f.io);
  int id;
  {
    Client c(f.io->port());
    id = f.Open(c);
    REQUIRE(id > 0);
    c.Send(MaskedFrame(0x81, std::string(100000, 'x')).substr(0, 5000));
  }
  CHECK(f.delegate.WaitEnded(0) == id);
}

TEST_CASE("io: Send from several threads at once delivers every message") {
  Fixture f;
  REQUIRE(f.io);
  Client c(f.io->port());
  int id = f.Open(c);
  REQUIRE(id > 0);
  std::vector<std::thread> senders;
  for (int t = 0; t < 4; ++t)
    senders.emplace_back([&f, id, t] {
      for (int i = 0; i < 250; ++i) f.io->Send(id, std::to_string(t) + ":" + std::to_string(i));
    });
  for (auto& s : senders) s.join();
  int next[4] = {0, 0, 0, 0};
  bool in_order = true;
  for (int i = 0; i < 1000; ++i) {
    auto frame = c.ReadFrame();
    REQUIRE(frame.first == kWsText);
    int t = frame.second[0] - '0';
    in_order = in_order && frame.second == std::to_string(t) + ":" + std::to_string(next[t]);
    ++next[t];
  }
  CHECK(in_order);  // each thread's messages keep their order
}
