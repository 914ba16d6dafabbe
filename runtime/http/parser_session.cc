#include "http/parser_session.h"

#include <http_parser.h>
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace nodus::http {

namespace {

// The library's own limit is process-wide; ours is per session, so the
// library's only has to be at least as large as any session's.
uint32_t g_library_limit = 0;

// Node's (llhttp's) wording for the library's errors, where they differ.
std::string NodeReason(http_errno err) {
  switch (err) {
    case HPE_HEADER_OVERFLOW:
      return "Header overflow";
    case HPE_INVALID_METHOD:
      return "Invalid method encountered";
    case HPE_INVALID_URL:
      return "Invalid char in url path";
    case HPE_INVALID_VERSION:
      return "Invalid HTTP version";
    case HPE_INVALID_HEADER_TOKEN:
      return "Invalid header value char";
    case HPE_INVALID_CONTENT_LENGTH:
      return "Invalid character in Content-Length";
    case HPE_UNEXPECTED_CONTENT_LENGTH:
      return "Duplicate Content-Length";
    case HPE_INVALID_CHUNK_SIZE:
      return "Invalid character in chunk size";
    case HPE_LF_EXPECTED:
      return "Missing expected LF after header value";
    case HPE_INVALID_EOF_STATE:
      return "Invalid EOF state";
    case HPE_INVALID_TRANSFER_ENCODING:
      return "Request has invalid `Transfer-Encoding`";
    case HPE_INVALID_STATUS:
      return "Invalid status code";
    default: {
      std::string reason = http_errno_description(err);
      if (!reason.empty()) reason[0] = static_cast<char>(toupper(reason[0]));
      return reason;
    }
  }
}

bool IsToken(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

}  // namespace

ParserSession::ParserSession() : parser_(new ::http_parser()) {
  Init(Type::kRequest, 16 * 1024, false);
}

ParserSession::~ParserSession() { delete parser_; }

ParserSession* ParserSession::From(::http_parser* p) {
  return static_cast<ParserSession*>(p->data);
}

void ParserSession::Init(Type type, uint32_t max_header_size, bool lenient) {
  http_parser_init(parser_, type == Type::kResponse ? HTTP_RESPONSE : HTTP_REQUEST);
  parser_->data = this;
  parser_->lenient_http_headers = lenient ? 1 : 0;
  max_header_size_ = max_header_size;
  uint32_t wanted = std::max<uint32_t>(max_header_size * 2 + 1024, 80 * 1024);
  if (wanted > g_library_limit) {
    g_library_limit = wanted;
    http_parser_set_max_header_size(wanted);
  }
  ResetMessage();
  own_error_ = HPE_OK;
  own_code_ = nullptr;
  own_reason_ = nullptr;
  lenient_ = lenient;
}

ExecuteResult ParserSession::Execute(ParserDelegate* delegate, const char* data, size_t length) {
  static constexpr http_parser_settings kSettings = {
      OnMessageBegin,    OnUrl,  OnStatus,          OnHeaderField, OnHeaderValue,
      OnHeadersComplete, OnBody, OnMessageComplete, nullptr,       nullptr,
  };
  delegate_ = delegate;
  stopped_ = false;
  upgraded_ = false;
  ExecuteResult result;
  result.parsed = http_parser_execute(parser_, &kSettings, data, length);
  result.upgraded = upgraded_;
  // The library counts one byte for the end of the stream when it fails
  // there; none was given (Node reports 0).
  if (result.parsed > length) result.parsed = length;
  delegate_ = nullptr;
  if (stopped_) {
    result.stopped = true;
    return result;
  }
  // Headers still in progress: the partial pieces stay for the next chunk.
  auto err =
      static_cast<http_errno>(own_error_ != HPE_OK ? own_error_ : HTTP_PARSER_ERRNO(parser_));
  if (err == HPE_UNEXPECTED_CONTENT_LENGTH && own_error_ == HPE_OK && SawTransferEncoding()) {
    // Content-Length with Transfer-Encoding: llhttp's code and words.
    own_code_ = "HPE_INVALID_TRANSFER_ENCODING";
    own_reason_ = "Transfer-Encoding can't be present with Content-Length";
  }
  if (err == HPE_OK) return result;
  result.error = true;
  result.code = http_errno_name(err);
  if (own_reason_ != nullptr) {
    result.reason = own_reason_;
    if (own_code_ != nullptr) result.code = own_code_;
  } else {
    result.reason = NodeReason(err);
  }
  return result;
}

std::vector<std::string> ParserSession::MethodNames() {
  std::vector<std::string> names;
  for (int i = 0;; ++i) {
    const char* name = http_method_str(static_cast<http_method>(i));
    if (std::strcmp(name, "<unknown>") == 0) break;
    names.emplace_back(name);
  }
  return names;
}

bool ParserSession::SawTransferEncoding() const {
  for (const std::string& field : fields_) {
    if (field.size() == 17 && strncasecmp(field.c_str(), "transfer-encoding", 17) == 0) return true;
  }
  return false;
}

// Stops parsing with an error of ours (node's code and reason).
int ParserSession::Fail(int err, const char* code, const char* reason) {
  own_error_ = err;
  own_code_ = code;
  own_reason_ = reason;
  return -1;
}

// What llhttp rejects and the (non-strict) library lets through: header
// names that are not tokens ("X : a") and versions other than 0.9, 1.0, 1.1
// and 2.0. Skipped for insecureHTTPParser.
int ParserSession::CheckHead() {
  if (lenient_) return 0;
  for (const std::string& field : fields_) {
    if (field.empty()) return Fail(HPE_INVALID_HEADER_TOKEN, nullptr, "Invalid header token");
    for (char c : field) {
      if (!IsToken(static_cast<unsigned char>(c)))
        return Fail(HPE_INVALID_HEADER_TOKEN, nullptr, "Invalid header token");
    }
  }
  unsigned short major = parser_->http_major;
  unsigned short minor = parser_->http_minor;
  bool version_ok = (major == 1 && (minor == 0 || minor == 1)) || (major == 0 && minor == 9) ||
                    (major == 2 && minor == 0);
  if (!version_ok) return Fail(HPE_INVALID_VERSION, nullptr, "Invalid HTTP version");
  return 0;
}

void ParserSession::ResetMessage() {
  url_.clear();
  status_.clear();
  fields_.clear();
  values_.clear();
  header_bytes_ = 0;
}

// Counts header bytes; false (and the overflow error) past the limit.
bool ParserSession::Track(size_t length) {
  header_bytes_ += length;
  if (header_bytes_ >= max_header_size_) {
    own_error_ = HPE_HEADER_OVERFLOW;
    return false;
  }
  return true;
}

int ParserSession::OnMessageBegin(::http_parser* p) {
  ParserSession* self = From(p);
  self->ResetMessage();
  if (self->delegate_->OnMessageBegin()) return 0;
  self->stopped_ = true;
  return -1;
}

int ParserSession::OnUrl(::http_parser* p, const char* at, size_t length) {
  ParserSession* self = From(p);
  if (!self->Track(length)) return -1;
  self->url_.append(at, length);
  return 0;
}

int ParserSession::OnStatus(::http_parser* p, const char* at, size_t length) {
  ParserSession* self = From(p);
  if (!self->Track(length)) return -1;
  self->status_.append(at, length);
  return 0;
}

int ParserSession::OnHeaderField(::http_parser* p, const char* at, size_t length) {
  ParserSession* self = From(p);
  if (!self->Track(length)) return -1;
  if (self->fields_.size() == self->values_.size()) self->fields_.emplace_back();
  self->fields_.back().append(at, length);
  return 0;
}

int ParserSession::OnHeaderValue(::http_parser* p, const char* at, size_t length) {
  ParserSession* self = From(p);
  if (!self->Track(length)) return -1;
  if (self->values_.size() < self->fields_.size()) self->values_.emplace_back();
  self->values_.back().append(at, length);
  return 0;
}

int ParserSession::OnHeadersComplete(::http_parser* p) {
  ParserSession* self = From(p);
  if (self->CheckHead() != 0) return -1;
  // A header line without a value (its field cut off by the end of the head)
  // still pairs with an empty value.
  self->values_.resize(self->fields_.size());
  MessageHead head;
  head.request = p->type == HTTP_REQUEST;
  head.version_major = p->http_major;
  head.version_minor = p->http_minor;
  if (head.request) {
    head.method = http_method_str(static_cast<http_method>(p->method));
    head.url = self->url_;
  } else {
    head.status_code = static_cast<int>(p->status_code);
    head.status_message = self->status_;
  }
  head.fields = &self->fields_;
  head.values = &self->values_;
  head.upgrade = p->upgrade != 0;
  head.keep_alive = http_should_keep_alive(p) != 0;
  int skip = 0;
  bool go_on = self->delegate_->OnHeadersComplete(head, &skip);
  self->fields_.clear();
  self->values_.clear();
  self->header_bytes_ = 0;
  if (!go_on) {
    self->stopped_ = true;
    return -1;
  }
  return skip == 1 || skip == 2 ? skip : 0;
}

int ParserSession::OnBody(::http_parser* p, const char* at, size_t length) {
  ParserSession* self = From(p);
  if (self->delegate_->OnBody(at, length)) return 0;
  self->stopped_ = true;
  return -1;
}

int ParserSession::OnMessageComplete(::http_parser* p) {
  ParserSession* self = From(p);
  // The library returns right after an upgrade's message.
  if (p->upgrade != 0) self->upgraded_ = true;
  self->values_.resize(self->fields_.size());
  bool go_on = self->delegate_->OnMessageComplete(self->fields_, self->values_);
  self->fields_.clear();
  self->values_.clear();
  if (go_on) return 0;
  self->stopped_ = true;
  return -1;
}

}  // namespace nodus::http
