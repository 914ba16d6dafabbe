#pragma once

// The inspector's transport (DESIGN.md §5): one thread with its own libuv loop
// serves the DevTools HTTP endpoints (/json, /json/list, /json/version,
// /json/protocol) and RFC 6455 WebSocket sessions on host:port. No V8 here:
// the agent (inspector_agent.cc) receives session events on the transport
// thread through InspectorIoDelegate and posts them to the main thread itself,
// so the transport keeps working while JavaScript runs or is paused.

#include <memory>
#include <string>

namespace nodus::inspector {

// What /json/list and /json/version describe.
struct TargetInfo {
  std::string id;            // the UUID in ws://host:port/<id>
  std::string title;         // "node[<pid>]" or the process title
  std::string url;           // "file:///abs/app.js", or "file://" without a script
  std::string browser;       // /json/version "Browser", e.g. "node.js/v20.11.1"
  bool publish_http = true;  // --inspect-publish-uid=http: /json and /json/list list the target
};

// Called on the transport thread. Session ids are unique for the life of the
// process and never reused.
class InspectorIoDelegate {
 public:
  virtual ~InspectorIoDelegate() = default;
  // A WebSocket upgrade to /<target id> completed.
  virtual void OnSessionStarted(int session_id) = 0;
  // One complete (reassembled) text message from the client.
  virtual void OnMessage(int session_id, std::string message) = 0;
  // The client closed, the connection dropped, or CloseSession completed.
  virtual void OnSessionEnded(int session_id) = 0;
};

class InspectorIo {
 public:
  // Binds host:port (port 0 picks a free one) and starts the thread. On
  // failure returns nullptr and sets *error to libuv's message (e.g.
  // "address already in use"), for Node's "Starting inspector on HOST:PORT
  // failed: ..." line. `delegate` must outlive the InspectorIo.
  static std::unique_ptr<InspectorIo> Start(const std::string& host, int port, TargetInfo target,
                                            InspectorIoDelegate* delegate, std::string* error);
  // Closes every connection and joins the thread.
  virtual ~InspectorIo() = default;

  virtual int port() const = 0;
  // Whether the bound address is a loopback one (127.0.0.0/8, ::1): anything
  // else lets other machines run code in the process.
  virtual bool loopback() const = 0;
  // ws://HOST:PORT/ID as Node prints it (an IPv6 host in brackets).
  virtual std::string WebSocketUrl() const = 0;

  // Thread-safe. Queues one text frame for the session; dropped if it ended.
  virtual void Send(int session_id, std::string message) = 0;
  // Thread-safe. Closes the session with a close frame (1000); OnSessionEnded follows.
  virtual void CloseSession(int session_id) = 0;
  // Thread-safe. New WebSocket upgrades are refused from now on (at exit).
  virtual void StopAcceptingNewSessions() = 0;
};

// A random (version 4) UUID, "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
std::string GenerateUuidV4();

}  // namespace nodus::inspector
