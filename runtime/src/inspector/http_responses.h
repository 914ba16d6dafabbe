#pragma once

// The inspector's HTTP answers, byte-for-byte as Node 20 sends them. Pure
// string building (no sockets).

#include <string>
#include <string_view>

#include "inspector/inspector_io.h"

namespace nodus::inspector {

// The body of /json and /json/list: `host_port` is the request's Host header
// (or the listening host:port without one).
std::string JsonListBody(const TargetInfo& target, std::string_view host_port);
// The body of /json/version.
std::string JsonVersionBody(const TargetInfo& target);
// The merged protocol description (generated at build time).
std::string_view ProtocolJson();

// "HTTP/1.0 200 OK" with Node's JSON headers and Content-Length.
std::string HttpJsonResponse(std::string_view body);
// What Node answers with --inspect-publish-uid without http: 404, empty.
std::string HttpNotPublishedResponse();
// Node's answer to anything it does not serve (then it closes the connection).
std::string HttpBadRequestResponse();
// The 101 answer to a WebSocket upgrade.
std::string WebSocketUpgradeResponse(std::string_view sec_websocket_key);

// A JSON string literal (quotes included).
std::string JsonQuote(std::string_view s);

}  // namespace nodus::inspector
