// The inspector transport's pure parts: HTTP request parsing, the Host check,
// routing, Node's response bytes, and the WebSocket frame reader.

#include <catch2/catch.hpp>
#include <string>

#include "inspector/http_request.h"
#include "inspector/http_responses.h"
#include "inspector/inspector_io.h"
#include "inspector/websocket_frame.h"

using namespace nodus::inspector;

namespace {

// A masked client frame.
std::string ClientFrame(uint8_t first_byte, std::string_view payload, bool mask = true) {
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
  const char key[4] = {0x12, 0x34, 0x56, 0x78};
  if (mask) f.append(key, 4);
  for (size_t i = 0; i < n; ++i)
    f.push_back(mask ? static_cast<char>(payload[i] ^ key[i % 4]) : payload[i]);
  return f;
}

}  // namespace

TEST_CASE("http: a complete request head parses with its headers") {
  HttpRequest req;
  size_t consumed = 0;
  std::string data = "GET /json/list HTTP/1.1\r\nHost: localhost:9229\r\nX-A:  b \r\n\r\nrest";
  REQUIRE(ParseHttpRequest(data, &req, &consumed) == ParseStatus::kComplete);
  CHECK(consumed == data.size() - 4);
  CHECK(req.method == "GET");
  CHECK(req.target == "/json/list");
  CHECK(req.version == "HTTP/1.1");
  CHECK(req.Header("HOST").value() == "localhost:9229");
  CHECK(req.Header("x-a").value() == "b");
  CHECK_FALSE(req.Header("missing").has_value());
  CHECK_FALSE(req.IsWebSocketUpgrade());
}

TEST_CASE("http: partial heads are incomplete and garbage is an error") {
  HttpRequest req;
  size_t consumed = 0;
  CHECK(ParseHttpRequest("GET /json HTTP/1.1\r\nHost: x\r\n", &req, &consumed) ==
        ParseStatus::kIncomplete);
  CHECK(ParseHttpRequest("GE", &req, &consumed) == ParseStatus::kIncomplete);
  CHECK(ParseHttpRequest("", &req, &consumed) == ParseStatus::kIncomplete);
  CHECK(ParseHttpRequest("garbage\r\n\r\n", &req, &consumed) == ParseStatus::kError);
  CHECK(ParseHttpRequest("\x16\x03\x01\x02", &req, &consumed) == ParseStatus::kError);
  CHECK(ParseHttpRequest("GET /json HTTP/1.1\r\nno colon\r\n\r\n", &req, &consumed) ==
        ParseStatus::kError);
  CHECK(ParseHttpRequest("GET /json HTTP/1.1\r\n folded\r\n\r\n", &req, &consumed) ==
        ParseStatus::kError);
  CHECK(ParseHttpRequest("GET /json HTTP/9\r\n\r\n", &req, &consumed) == ParseStatus::kError);
  std::string huge = "GET /json HTTP/1.1\r\nX: " + std::string(kMaxRequestHeadBytes, 'a');
  CHECK(ParseHttpRequest(huge, &req, &consumed) == ParseStatus::kError);
  CHECK(ParseHttpRequest(huge + "\r\n\r\n", &req, &consumed) == ParseStatus::kError);
}

TEST_CASE("http: the upgrade needs Upgrade websocket and a key") {
  HttpRequest req;
  size_t consumed = 0;
  REQUIRE(ParseHttpRequest("GET /id HTTP/1.1\r\nUpgrade: WebSocket\r\nSec-WebSocket-Key: k\r\n\r\n",
                           &req, &consumed) == ParseStatus::kComplete);
  CHECK(req.IsWebSocketUpgrade());
  REQUIRE(ParseHttpRequest("GET /id HTTP/1.1\r\nUpgrade: websocket\r\n\r\n", &req, &consumed) ==
          ParseStatus::kComplete);
  CHECK_FALSE(req.IsWebSocketUpgrade());
}

TEST_CASE("http: the Host check accepts IP literals and localhost only (as node 20)") {
  for (const char* ok : {"", "localhost", "LocalHost:1", "localhost:abc", "127.0.0.1",
                         "127.0.0.1:", "1.2.3.4:5", "[::1]", "[::1]:9229", "[::1]:x"})
    CHECK(IsAllowedHost(ok));
  for (const char* bad : {"evil.com", "evil.com:9229", "127.0.0.1.evil.com", "::1", "[::1",
                          "[::1]x", "localhost.", "0x7f.1:1", "127.1", "foo:80", "[evil]"})
    CHECK_FALSE(IsAllowedHost(bad));
}

TEST_CASE("http: routing matches node's path segments case-insensitively") {
  CHECK(RouteHttpTarget("/json") == Endpoint::kList);
  CHECK(RouteHttpTarget("/json/") == Endpoint::kList);
  CHECK(RouteHttpTarget("/JSON") == Endpoint::kList);
  CHECK(RouteHttpTarget("/json/list") == Endpoint::kList);
  CHECK(RouteHttpTarget("/Json/List/") == Endpoint::kList);
  CHECK(RouteHttpTarget("/json/version") == Endpoint::kVersion);
  CHECK(RouteHttpTarget("/json/VERSION") == Endpoint::kVersion);
  CHECK(RouteHttpTarget("/json/version/x") == Endpoint::kVersion);
  CHECK(RouteHttpTarget("/json/protocol/") == Endpoint::kProtocol);
  for (const char* other : {"/", "/jsonx", "/json/versionx", "/json//list", "/json/list?x",
                            "/json/activate/x", "/json/new", "json", ""})
    CHECK(RouteHttpTarget(other) == Endpoint::kOther);
}

TEST_CASE("http: responses are node's bytes") {
  TargetInfo t;
  t.id = "ae639f56-dffe-463f-a4b0-5d91b0ba60e8";
  t.title = "node[27243]";
  t.url = "file://";
  t.browser = "node.js/v20.20.2";
  std::string list = JsonListBody(t, "127.0.0.1:9431");
  // Captured from node v20.20.2 --inspect=127.0.0.1:9431 (curl -s /json).
  CHECK(list ==
        "[ {\n"
        "  \"description\": \"node.js instance\",\n"
        "  \"devtoolsFrontendUrl\": "
        "\"devtools://devtools/bundled/"
        "js_app.html?experiments=true&v8only=true&ws=127.0.0.1:9431/"
        "ae639f56-dffe-463f-a4b0-5d91b0ba60e8\",\n"
        "  \"devtoolsFrontendUrlCompat\": "
        "\"devtools://devtools/bundled/"
        "inspector.html?experiments=true&v8only=true&ws=127.0.0.1:9431/"
        "ae639f56-dffe-463f-a4b0-5d91b0ba60e8\",\n"
        "  \"faviconUrl\": \"https://nodejs.org/static/images/favicons/favicon.ico\",\n"
        "  \"id\": \"ae639f56-dffe-463f-a4b0-5d91b0ba60e8\",\n"
        "  \"title\": \"node[27243]\",\n"
        "  \"type\": \"node\",\n"
        "  \"url\": \"file://\",\n"
        "  \"webSocketDebuggerUrl\": "
        "\"ws://127.0.0.1:9431/ae639f56-dffe-463f-a4b0-5d91b0ba60e8\"\n"
        "} ]\n\n");
  CHECK(list.size() == 629);
  std::string version = JsonVersionBody(t);
  CHECK(version == "{\n  \"Browser\": \"node.js/v20.20.2\",\n  \"Protocol-Version\": \"1.1\"\n} ");
  CHECK(HttpJsonResponse(version) ==
        "HTTP/1.0 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\n"
        "Cache-Control: no-cache\r\nContent-Length: 65\r\n\r\n" +
            version);
  CHECK(HttpBadRequestResponse() ==
        "HTTP/1.0 400 Bad Request\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
        "WebSockets request was expected\r\n");
  CHECK(JsonQuote("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
}

TEST_CASE("http: the protocol description has V8's domains and ours") {
  std::string_view p = ProtocolJson();
  CHECK(p.substr(0, 46) == "{\"version\":{\"major\":\"1\",\"minor\":\"0\"},\"domains\"");
  for (const char* d : {"Runtime", "Debugger", "Profiler", "HeapProfiler", "Schema", "Console",
                        "NodeRuntime", "NodeWorker"})
    CHECK(p.find("{\"domain\":\"" + std::string(d) + "\"") != std::string_view::npos);
  CHECK(p.find("notifyWhenWaitingForDisconnect") != std::string_view::npos);
}

TEST_CASE("ws: the accept key is RFC 6455's example") {
  CHECK(WebSocketAcceptKey("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

TEST_CASE("ws: server frame headers use 7 16 and 64 bit lengths") {
  CHECK(EncodeFrameHeader(kWsText, 5) == std::string("\x81\x05", 2));
  CHECK(EncodeFrameHeader(kWsText, 126) == std::string("\x81\x7e\x00\x7e", 4));
  CHECK(EncodeFrameHeader(kWsText, 65535) == std::string("\x81\x7e\xff\xff", 4));
  CHECK(EncodeFrameHeader(kWsText, 65536) ==
        std::string("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10));
  CHECK(EncodeFrame(kWsClose, ClosePayload(1000)) == std::string("\x88\x02\x03\xe8", 4));
}

TEST_CASE("ws: the reader decodes masked text in any split") {
  std::string msg(70000, 'x');
  msg[0] = '{';
  std::string frames = ClientFrame(0x81, "hello") + ClientFrame(0x81, msg) + ClientFrame(0x81, "");
  for (size_t step : {size_t{1}, size_t{7}, size_t{4096}, frames.size()}) {
    WebSocketReader r;
    std::vector<std::string> got;
    for (size_t i = 0; i < frames.size(); i += step) {
      r.Feed(std::string_view(frames).substr(i, step));
      for (auto e = r.Next(); e != WebSocketReader::Event::kNeedMore; e = r.Next()) {
        REQUIRE(e == WebSocketReader::Event::kText);
        got.push_back(r.message());
      }
    }
    REQUIRE(got.size() == 3);
    CHECK(got[0] == "hello");
    CHECK(got[1] == msg);
    CHECK(got[2].empty());
    CHECK(r.buffered() == 0);
  }
}

TEST_CASE("ws: fragmented messages are reassembled around control frames") {
  WebSocketReader r;
  r.Feed(ClientFrame(0x01, "{\"id\":") + ClientFrame(0x89, "p") + ClientFrame(0x00, "1,") +
         ClientFrame(0x80, "\"x\":2}"));
  CHECK(r.Next() == WebSocketReader::Event::kPing);
  CHECK(r.message() == "p");
  CHECK(r.Next() == WebSocketReader::Event::kText);
  CHECK(r.message() == "{\"id\":1,\"x\":2}");
  CHECK(r.Next() == WebSocketReader::Event::kNeedMore);
}

TEST_CASE("ws: close frames carry their code") {
  WebSocketReader r;
  r.Feed(ClientFrame(0x88, std::string("\x0f\xa0"
                                       "bye",
                                       5)));
  CHECK(r.Next() == WebSocketReader::Event::kClose);
  CHECK(r.close_code() == 4000);
  WebSocketReader empty;
  empty.Feed(ClientFrame(0x88, ""));
  CHECK(empty.Next() == WebSocketReader::Event::kClose);
  CHECK(empty.close_code() == 1005);
}

TEST_CASE("ws: protocol violations are errors with 1002") {
  auto error_of = [](const std::string& bytes) {
    WebSocketReader r;
    r.Feed(bytes);
    auto e = r.Next();
    return e == WebSocketReader::Event::kError ? r.error_code() : 0;
  };
  CHECK(error_of(ClientFrame(0x81, "x", false)) == 1002);                    // unmasked
  CHECK(error_of(ClientFrame(0xC1, "x")) == 1002);                           // RSV1
  CHECK(error_of(ClientFrame(0x83, "x")) == 1002);                           // reserved opcode
  CHECK(error_of(ClientFrame(0x80, "x")) == 1002);                           // lone continuation
  CHECK(error_of(ClientFrame(0x09, "x")) == 1002);                           // fragmented ping
  CHECK(error_of(ClientFrame(0x89, std::string(126, 'x'))) == 1002);         // long ping
  CHECK(error_of(ClientFrame(0x88, "x")) == 1002);                           // 1-byte close
  CHECK(error_of(ClientFrame(0x01, "a") + ClientFrame(0x81, "b")) == 1002);  // text inside text
  CHECK(error_of(std::string("\x81\xff\x80\x00\x00\x00\x00\x00\x00\x00", 10)) == 1002);  // top bit
  CHECK(error_of(std::string("\x81\xfe\x00\x05", 4)) == 1002);  // non-minimal length
  CHECK(error_of(std::string("\x81\xff\x00\x00\x00\x10\x00\x00\x00\x00", 10)) == 1009);  // 64 GB
}

TEST_CASE("ws: the reader survives arbitrary bytes") {
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    size_t n = (seed % 64) + 1;
    for (size_t i = 0; i < n; ++i) {
      seed = seed * 1664525u + 1013904223u;
      bytes.push_back(static_cast<char>(seed >> 24));
    }
    WebSocketReader r;
    r.Feed(bytes);
    for (int i = 0; i < 100; ++i) {
      auto e = r.Next();
      if (e == WebSocketReader::Event::kNeedMore || e == WebSocketReader::Event::kError) break;
    }
    HttpRequest req;
    size_t consumed;
    (void)ParseHttpRequest(bytes, &req, &consumed);
  }
  SUCCEED();
}

TEST_CASE("uuid: version 4 layout and distinct values") {
  std::string a = GenerateUuidV4(), b = GenerateUuidV4();
  REQUIRE(a.size() == 36);
  CHECK(a != b);
  CHECK(a[8] == '-');
  CHECK(a[13] == '-');
  CHECK(a[14] == '4');
  CHECK(std::string("89ab").find(a[19]) != std::string::npos);
}
