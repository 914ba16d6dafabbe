// libFuzzer: HTTP/1.x request and response parsing with our header handling
// (runtime/http/parser_session.h: libhttp-parser plus the header-size limit,
// token names, versions and llhttp's error codes), the part of
// internalBinding('http_parser') that has no V8 in it.
//
// Input: byte 0 chooses the message type, lenient mode, the header limit, what
// the head callback answers (0, 1: no body, 2: no body and no more messages)
// and whether the stream ends; byte 1 seeds the chunk boundaries; the rest is
// the stream. The stream is parsed twice: in one Execute() and in chunks cut
// at pseudo-random places; after a message that upgrades the connection no
// more is fed, as the binding's callers stop. Aborts when:
//   - a body chunk points outside the bytes given to that Execute(), or more
//     bytes are reported parsed than were given;
//   - a head that passed (not lenient) has a header name that is not a token,
//     a version other than 0.9/1.0/1.1/2.0, or more header bytes than the limit;
//   - the two feedings disagree: both must succeed or both fail; on success
//     the events (body chunks joined) and byte counts are the same; on failure
//     the error codes are the same, except that a chunked feeding may report
//     the header overflow first (a header cut by a chunk boundary is counted
//     up to the boundary before the byte that fails the whole feeding is read).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "http/parser_session.h"

namespace {

using nodus::http::ExecuteResult;
using nodus::http::MessageHead;
using nodus::http::ParserSession;

bool IsToken(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

// Records the events as text; body chunks in a row are joined.
class Recorder final : public nodus::http::ParserDelegate {
 public:
  Recorder(bool lenient, uint32_t max_header_size, int skip)
      : lenient_(lenient), max_header_size_(max_header_size), skip_(skip) {}

  void SetChunk(const char* data, size_t length) {
    chunk_ = data;
    chunk_length_ = length;
  }
  const std::string& events() const { return events_; }

  bool OnMessageBegin() override {
    events_ += "\nbegin\n";
    in_body_ = false;
    return true;
  }

  bool OnHeadersComplete(const MessageHead& head, int* skip_body) override {
    Check(head.fields != nullptr && head.values != nullptr);
    Check(head.fields->size() == head.values->size());
    size_t bytes = head.url.size() + head.status_message.size();
    for (size_t i = 0; i < head.fields->size(); i++) {
      bytes += (*head.fields)[i].size() + (*head.values)[i].size();
    }
    // Only header bytes under the limit get this far.
    Check(bytes < max_header_size_);
    if (!lenient_) {
      for (const std::string& field : *head.fields) {
        Check(!field.empty());
        for (char c : field) Check(IsToken(static_cast<unsigned char>(c)));
      }
      int major = head.version_major;
      int minor = head.version_minor;
      Check((major == 1 && (minor == 0 || minor == 1)) || (major == 0 && minor == 9) ||
            (major == 2 && minor == 0));
    }
    events_ += "head " + std::to_string(head.version_major) + "." +
               std::to_string(head.version_minor) + (head.request ? " req " : " res ") +
               head.method + " [" + head.url + "] " + std::to_string(head.status_code) + " [" +
               head.status_message + "] upgrade=" + (head.upgrade ? "1" : "0") +
               " keepalive=" + (head.keep_alive ? "1" : "0") + "\n";
    for (size_t i = 0; i < head.fields->size(); i++) {
      events_ += " [" + (*head.fields)[i] + "]: [" + (*head.values)[i] + "]\n";
    }
    *skip_body = skip_;
    in_body_ = false;
    return true;
  }

  bool OnBody(const char* at, size_t length) override {
    Check(at >= chunk_ && length <= chunk_length_ &&
          static_cast<size_t>(at - chunk_) <= chunk_length_ - length);
    if (!in_body_) events_ += "body ";
    in_body_ = true;
    events_.append(at, length);
    return true;
  }

  bool OnMessageComplete(const std::vector<std::string>& fields,
                         const std::vector<std::string>& values) override {
    Check(fields.size() == values.size());
    events_ += "\ncomplete\n";
    for (size_t i = 0; i < fields.size(); i++) {
      events_ += " trailer [" + fields[i] + "]: [" + values[i] + "]\n";
    }
    in_body_ = false;
    return true;
  }

 private:
  bool lenient_;
  uint32_t max_header_size_;
  int skip_;
  const char* chunk_ = nullptr;
  size_t chunk_length_ = 0;
  bool in_body_ = false;
  std::string events_;
};

struct Outcome {
  std::string events;
  size_t parsed = 0;  // over the whole stream
  bool error = false;
  std::string code;
  std::string reason;
};

struct Options {
  ParserSession::Type type;
  bool lenient;
  uint32_t max_header_size;
  int skip;
  bool end;
};

// Parses `stream` cut before each offset in `cuts` (ascending).
Outcome Parse(const Options& options, std::string_view stream, const std::vector<size_t>& cuts) {
  ParserSession session;
  session.Init(options.type, options.max_header_size, options.lenient);
  Recorder recorder(options.lenient, options.max_header_size, options.skip);
  Outcome outcome;
  size_t from = 0;
  auto feed = [&](const char* data, size_t length) {
    // A copy of exactly this chunk, so that ASan sees any read past it.
    std::vector<char> copy(data, data + length);
    const char* at = length == 0 ? nullptr : copy.data();
    recorder.SetChunk(at, length);
    ExecuteResult result = session.Execute(&recorder, at, length);
    Check(!result.stopped);
    Check(result.parsed <= length);
    outcome.parsed += result.parsed;
    if (result.error) {
      Check(!result.code.empty() && !result.reason.empty());
      outcome.error = true;
      outcome.code = result.code;
      outcome.reason = result.reason;
      return false;
    }
    // After an upgrade what follows is not HTTP: the caller stops feeding.
    if (result.upgraded) return false;
    Check(result.parsed == length);
    return true;
  };
  bool ok = true;
  for (size_t cut : cuts) {
    if (!ok) break;
    ok = feed(stream.data() + from, cut - from);
    from = cut;
  }
  if (ok) ok = feed(stream.data() + from, stream.size() - from);
  if (ok && options.end) feed(nullptr, 0);
  outcome.events = recorder.events();
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  uint8_t flags = data[0];
  // Limits below 40 KiB keep the library's process-wide limit at its 80 KiB
  // floor, so every input is parsed under the same conditions.
  static constexpr uint32_t kLimits[] = {16 * 1024, 64, 1024, 8 * 1024};
  Options options{
      (flags & 1) != 0 ? ParserSession::Type::kResponse : ParserSession::Type::kRequest,
      (flags & 2) != 0,
      kLimits[(flags >> 2) & 3],
      ((flags >> 4) & 3) == 3 ? 0 : (flags >> 4) & 3,
      (flags & 0x40) != 0,
  };
  std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);

  Outcome whole = Parse(options, stream, {});

  std::vector<size_t> cuts;
  uint32_t state = 0x9E3779B9u ^ data[1];
  for (size_t at = 0; at < stream.size();) {
    state = state * 1664525u + 1013904223u;
    at += 1 + (state >> 24) % 17;
    if (at < stream.size()) cuts.push_back(at);
  }
  Outcome split = Parse(options, stream, cuts);

  Check(whole.error == split.error);
  if (!whole.error) {
    Check(whole.events == split.events);
    Check(whole.parsed == split.parsed);
  } else if (split.code != whole.code) {
    Check(split.code == "HPE_HEADER_OVERFLOW");
  }
  return 0;
}
