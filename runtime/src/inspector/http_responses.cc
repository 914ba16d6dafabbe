#include "inspector/http_responses.h"

#include <cstdio>

#include "inspector/websocket_frame.h"

namespace nodus::inspector {

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string JsonListBody(const TargetInfo& target, std::string_view host_port) {
  std::string address = std::string(host_port) + "/" + target.id;
  std::string query = "?experiments=true&v8only=true&ws=" + address;
  std::string b = "[ {\n";
  auto field = [&b](std::string_view name, std::string_view value, bool last = false) {
    b += "  ";
    b += JsonQuote(name);
    b += ": ";
    b += JsonQuote(value);
    b += last ? "\n" : ",\n";
  };
  field("description", "node.js instance");
  field("devtoolsFrontendUrl", "devtools://devtools/bundled/js_app.html" + query);
  field("devtoolsFrontendUrlCompat", "devtools://devtools/bundled/inspector.html" + query);
  field("faviconUrl", "https://nodejs.org/static/images/favicons/favicon.ico");
  field("id", target.id);
  field("title", target.title);
  field("type", "node");
  field("url", target.url);
  field("webSocketDebuggerUrl", "ws://" + address, true);
  b += "} ]\n\n";
  return b;
}

std::string JsonVersionBody(const TargetInfo& target) {
  return "{\n  \"Browser\": " + JsonQuote(target.browser) +
         ",\n  \"Protocol-Version\": \"1.1\"\n} ";
}

std::string HttpJsonResponse(std::string_view body) {
  std::string r =
      "HTTP/1.0 200 OK\r\n"
      "Content-Type: application/json; charset=UTF-8\r\n"
      "Cache-Control: no-cache\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  r.append(body);
  return r;
}

std::string HttpNotPublishedResponse() {
  return "HTTP/1.0 404 OK\r\n"
         "Content-Type: application/json; charset=UTF-8\r\n"
         "Cache-Control: no-cache\r\n"
         "Content-Length: 0\r\n\r\n";
}

std::string HttpBadRequestResponse() {
  return "HTTP/1.0 400 Bad Request\r\n"
         "Content-Type: text/html; charset=UTF-8\r\n\r\n"
         "WebSockets request was expected\r\n";
}

std::string WebSocketUpgradeResponse(std::string_view sec_websocket_key) {
  return "HTTP/1.1 101 Switching Protocols\r\n"
         "Upgrade: websocket\r\n"
         "Connection: Upgrade\r\n"
         "Sec-WebSocket-Accept: " +
         WebSocketAcceptKey(sec_websocket_key) + "\r\n\r\n";
}

}  // namespace nodus::inspector
