#pragma once

// One HTTP/1.x parser session over Debian's libhttp-parser (2.9.4), with the
// checks Node's parser (llhttp) makes on top of it. No V8: the http_parser
// binding (runtime/src/bindings/http_parser.cc) turns the events into calls
// of its JavaScript callbacks, and tests/fuzz/fuzz_http_parser.cc feeds it
// bytes directly.
//
// What is ours, beyond the library: header bytes (start line, names and
// values) are counted per message against max_header_size and give
// HPE_HEADER_OVERFLOW as Node's parser does; unless lenient, header names
// must be tokens and versions 0.9/1.0/1.1/2.0; and errors carry llhttp's
// codes and reasons where the library's differ. The library itself rejects
// Content-Length together with Transfer-Encoding (reported with llhttp's
// code), repeated Content-Length and a request Transfer-Encoding that does
// not end in chunked. Not detected, unlike llhttp: obsolete line folding and
// bare-LF line ends; the QUERY method is unknown to the library.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct http_parser;

namespace nodus::http {

// A message's start line and headers, as the session collected them.
// Names and values are raw (as on the wire, one per header line).
struct MessageHead {
  bool request = true;
  int version_major = 0;
  int version_minor = 0;
  std::string method;          // requests: "GET"...
  std::string url;             // requests
  int status_code = 0;         // responses
  std::string status_message;  // responses
  const std::vector<std::string>* fields = nullptr;
  const std::vector<std::string>* values = nullptr;
  bool upgrade = false;
  bool keep_alive = false;
};

// What the session reports while it parses; every method returns false to
// stop parsing at once (the binding's JavaScript callback threw).
class ParserDelegate {
 public:
  virtual ~ParserDelegate() = default;
  virtual bool OnMessageBegin() = 0;
  // *skip_body: 0, 1 (the message has no body: a response to HEAD) or 2 (no
  // body and no further messages: a response to CONNECT).
  virtual bool OnHeadersComplete(const MessageHead& head, int* skip_body) = 0;
  // `at` points into the bytes given to Execute().
  virtual bool OnBody(const char* at, size_t length) = 0;
  // Trailers (chunked messages) or none (both empty).
  virtual bool OnMessageComplete(const std::vector<std::string>& fields,
                                 const std::vector<std::string>& values) = 0;
};

// The outcome of one Execute().
struct ExecuteResult {
  size_t parsed = 0;     // bytes consumed
  bool stopped = false;  // a delegate method returned false
  // A message ended with an upgrade (Upgrade: or CONNECT, or a head that
  // answered 2): the bytes after `parsed` are not HTTP; feed no more.
  bool upgraded = false;
  bool error = false;  // a parse error (code and reason below)
  std::string code;    // llhttp's name, e.g. "HPE_INVALID_METHOD"
  std::string reason;  // llhttp's words, e.g. "Invalid method encountered"
};

class ParserSession {
 public:
  enum class Type { kRequest, kResponse };

  ParserSession();
  ~ParserSession();
  ParserSession(const ParserSession&) = delete;
  ParserSession& operator=(const ParserSession&) = delete;

  // Starts over (a fresh connection). The library's own header limit is
  // process-wide; it is raised to cover the largest max_header_size seen.
  void Init(Type type, uint32_t max_header_size, bool lenient);

  // Parses `length` bytes (data may be null with length 0: the peer ended
  // the stream). Events go to `delegate`, synchronously.
  ExecuteResult Execute(ParserDelegate* delegate, const char* data, size_t length);

  // The library's method names, in its order (index = its method number).
  static std::vector<std::string> MethodNames();

 private:
  static ParserSession* From(::http_parser* p);
  static int OnMessageBegin(::http_parser* p);
  static int OnUrl(::http_parser* p, const char* at, size_t length);
  static int OnStatus(::http_parser* p, const char* at, size_t length);
  static int OnHeaderField(::http_parser* p, const char* at, size_t length);
  static int OnHeaderValue(::http_parser* p, const char* at, size_t length);
  static int OnHeadersComplete(::http_parser* p);
  static int OnBody(::http_parser* p, const char* at, size_t length);
  static int OnMessageComplete(::http_parser* p);

  int Fail(int err, const char* code, const char* reason);
  int CheckHead();
  void ResetMessage();
  bool Track(size_t length);
  bool SawTransferEncoding() const;

  ::http_parser* parser_;
  ParserDelegate* delegate_ = nullptr;
  std::string url_;
  std::string status_;
  std::vector<std::string> fields_;
  std::vector<std::string> values_;
  size_t header_bytes_ = 0;
  uint32_t max_header_size_ = 16 * 1024;
  bool stopped_ = false;
  bool upgraded_ = false;
  int own_error_ = 0;                 // an http_errno of ours (HPE_OK: none)
  const char* own_code_ = nullptr;    // node's code where it differs from the library's
  const char* own_reason_ = nullptr;  // node's reason for our own errors
  bool lenient_ = false;
};

}  // namespace nodus::http
