// internalBinding('http_parser'): an HTTPParser object over Debian's
// libhttp-parser (2.9.4). JavaScript (lib/_http_common.js) sets callbacks on
// the object at the indices below; execute() calls them synchronously:
//   [kOnMessageBegin]()
//   [kOnHeadersComplete](versionMajor, versionMinor, rawHeaders, method, url,
//                        statusCode, statusMessage, upgrade, shouldKeepAlive)
//        -> 1 to expect no body (responses to HEAD), 2 for no body and no
//           further messages (CONNECT)
//   [kOnBody](buffer, start, length)
//   [kOnMessageComplete](trailers | undefined)
// execute(buffer) returns the number of bytes consumed or an Error
// ("Parse Error: ...", code HPE_*, bytesParsed). Header bytes (start line,
// names and values) are counted per message against maxHeaderSize and give
// HPE_HEADER_OVERFLOW as Node's parser does. The library itself rejects
// Content-Length together with Transfer-Encoding, repeated Content-Length
// and a request Transfer-Encoding that does not end in chunked; on top of it
// (unless lenient) header names must be tokens and versions 0.9/1.0/1.1/2.0,
// and errors carry llhttp's codes and reasons where the library's differ.
// Not detected, unlike llhttp: obsolete line folding and bare-LF line ends;
// the QUERY method is unknown to the library (a 400, HPE_INVALID_METHOD).
#include <http_parser.h>
#include <strings.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::http_parser {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::Value;

constexpr uint32_t kOnMessageBegin = 0;
constexpr uint32_t kOnHeadersComplete = 1;
constexpr uint32_t kOnBody = 2;
constexpr uint32_t kOnMessageComplete = 3;

// The library's own limit is process-wide; ours is per parser, so the
// library's only has to be at least as large as any parser's.
uint32_t g_library_limit = 0;

class Parser {
 public:
  Parser(v8::Isolate* isolate, Local<Object> self) : isolate_(isolate) {
    self_.Reset(isolate, self);
    self_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    self->SetAlignedPointerInInternalField(0, this);
  }

  static Parser* Unwrap(Local<Object> object) {
    return static_cast<Parser*>(object->GetAlignedPointerFromInternalField(0));
  }

  void Init(http_parser_type type, uint32_t max_header_size, bool lenient) {
    http_parser_init(&parser_, type);
    parser_.data = this;
    parser_.lenient_http_headers = lenient ? 1 : 0;
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

  // Returns bytes parsed, or sets an error result.
  void Execute(const FunctionCallbackInfo<Value>& info, const char* data, size_t length,
               Local<Value> buffer) {
    buffer_ = buffer;
    data_ = data;
    got_exception_ = false;
    size_t parsed = http_parser_execute(&parser_, &kSettings, data, length);
    buffer_ = Local<Value>();
    data_ = nullptr;
    if (got_exception_) return;  // the JS exception propagates
    // Headers still in progress: keep the partial pieces for the next chunk.
    http_errno err = own_error_ != HPE_OK ? own_error_ : HTTP_PARSER_ERRNO(&parser_);
    if (err == HPE_UNEXPECTED_CONTENT_LENGTH && own_error_ == HPE_OK && SawTransferEncoding()) {
      // Content-Length with Transfer-Encoding: llhttp's code and words.
      own_code_ = "HPE_INVALID_TRANSFER_ENCODING";
      own_reason_ = "Transfer-Encoding can't be present with Content-Length";
    }
    if (err != HPE_OK) {
      info.GetReturnValue().Set(MakeError(err, parsed));
      return;
    }
    info.GetReturnValue().Set(static_cast<double>(parsed));
  }

  bool SawTransferEncoding() const {
    for (const std::string& field : fields_) {
      if (field.size() == 17 && strncasecmp(field.c_str(), "transfer-encoding", 17) == 0)
        return true;
    }
    return false;
  }

  Local<Value> MakeError(http_errno err, size_t parsed) {
    Local<v8::Context> context = isolate_->GetCurrentContext();
    const char* code = http_errno_name(err);
    std::string reason;
    if (own_reason_ != nullptr) {
      reason = own_reason_;
      if (own_code_ != nullptr) code = own_code_;
    } else {
      reason = NodeReason(err);
    }
    Local<Object> error =
        v8::Exception::Error(ToV8(isolate_, "Parse Error: " + reason)).As<Object>();
    error
        ->Set(context, ToV8(isolate_, "bytesParsed"),
              v8::Number::New(isolate_, static_cast<double>(parsed)))
        .Check();
    error->Set(context, ToV8(isolate_, "code"), ToV8(isolate_, code)).Check();
    error->Set(context, ToV8(isolate_, "reason"), ToV8(isolate_, reason)).Check();
    return error;
  }

 private:
  static void OnCollected(const v8::WeakCallbackInfo<Parser>& data) { delete data.GetParameter(); }

  static Parser* From(::http_parser* p) { return static_cast<Parser*>(p->data); }

  // Node's (llhttp's) wording for the library's errors, where they differ.
  static std::string NodeReason(http_errno err) {
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

  // Stops parsing with an error of ours (node's code and reason).
  int Fail(http_errno err, const char* code, const char* reason) {
    own_error_ = err;
    own_code_ = code;
    own_reason_ = reason;
    return -1;
  }

  static bool IsToken(unsigned char c) {
    if (c >= '0' && c <= '9') return true;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
  }

  // What llhttp rejects and the (non-strict) library lets through: header
  // names that are not tokens ("X : a"), versions other than 0.9, 1.0, 1.1
  // and 2.0, and Transfer-Encoding together with Content-Length (reported
  // with llhttp's code). Skipped for insecureHTTPParser.
  int CheckHead(::http_parser* p) {
    if (lenient_) return 0;
    for (const std::string& field : fields_) {
      if (field.empty()) return Fail(HPE_INVALID_HEADER_TOKEN, nullptr, "Invalid header token");
      for (char c : field) {
        if (!IsToken(static_cast<unsigned char>(c)))
          return Fail(HPE_INVALID_HEADER_TOKEN, nullptr, "Invalid header token");
      }
    }
    unsigned short major = p->http_major;
    unsigned short minor = p->http_minor;
    bool version_ok = (major == 1 && (minor == 0 || minor == 1)) || (major == 0 && minor == 9) ||
                      (major == 2 && minor == 0);
    if (!version_ok) return Fail(HPE_INVALID_VERSION, nullptr, "Invalid HTTP version");
    return 0;
  }

  void ResetMessage() {
    url_.clear();
    status_.clear();
    fields_.clear();
    values_.clear();
    header_bytes_ = 0;
    headers_done_ = false;
  }

  // Counts header bytes; false (and the overflow error) past the limit.
  bool Track(size_t length) {
    header_bytes_ += length;
    if (header_bytes_ >= max_header_size_) {
      own_error_ = HPE_HEADER_OVERFLOW;
      return false;
    }
    return true;
  }

  Local<Value> Callback(uint32_t index) {
    Local<Object> self = self_.Get(isolate_);
    Local<Value> fn;
    if (!self->Get(isolate_->GetCurrentContext(), index).ToLocal(&fn)) return Local<Value>();
    return fn;
  }

  // Calls callback `index`; false if it threw (parsing stops).
  bool Call(uint32_t index, int argc, Local<Value>* argv, Local<Value>* result = nullptr) {
    Local<Value> fn = Callback(index);
    if (fn.IsEmpty()) {
      got_exception_ = true;
      return false;
    }
    if (!fn->IsFunction()) return true;
    Local<Value> value;
    if (!fn.As<v8::Function>()
             ->Call(isolate_->GetCurrentContext(), self_.Get(isolate_), argc, argv)
             .ToLocal(&value)) {
      got_exception_ = true;
      return false;
    }
    if (result != nullptr) *result = value;
    return true;
  }

  Local<v8::Array> RawHeaders() {
    std::vector<Local<Value>> items;
    items.reserve(fields_.size() * 2);
    for (size_t i = 0; i < fields_.size(); ++i) {
      items.push_back(OneByte(fields_[i]));
      items.push_back(OneByte(i < values_.size() ? values_[i] : std::string()));
    }
    return v8::Array::New(isolate_, items.data(), items.size());
  }

  Local<v8::String> OneByte(const std::string& text) {
    return v8::String::NewFromOneByte(isolate_, reinterpret_cast<const uint8_t*>(text.data()),
                                      v8::NewStringType::kNormal, static_cast<int>(text.size()))
        .ToLocalChecked();
  }

  static int OnMessageBegin(::http_parser* p) {
    Parser* self = From(p);
    self->ResetMessage();
    return self->Call(kOnMessageBegin, 0, nullptr) ? 0 : -1;
  }

  static int OnUrl(::http_parser* p, const char* at, size_t length) {
    Parser* self = From(p);
    if (!self->Track(length)) return -1;
    self->url_.append(at, length);
    return 0;
  }

  static int OnStatus(::http_parser* p, const char* at, size_t length) {
    Parser* self = From(p);
    if (!self->Track(length)) return -1;
    self->status_.append(at, length);
    return 0;
  }

  static int OnHeaderField(::http_parser* p, const char* at, size_t length) {
    Parser* self = From(p);
    if (!self->Track(length)) return -1;
    if (self->fields_.size() == self->values_.size()) self->fields_.emplace_back();
    self->fields_.back().append(at, length);
    return 0;
  }

  static int OnHeaderValue(::http_parser* p, const char* at, size_t length) {
    Parser* self = From(p);
    if (!self->Track(length)) return -1;
    if (self->values_.size() < self->fields_.size()) self->values_.emplace_back();
    self->values_.back().append(at, length);
    return 0;
  }

  static int OnHeadersComplete(::http_parser* p) {
    Parser* self = From(p);
    if (self->CheckHead(p) != 0) return -1;
    v8::Isolate* isolate = self->isolate_;
    bool request = p->type == HTTP_REQUEST;
    Local<Value> argv[] = {
        v8::Integer::New(isolate, p->http_major),
        v8::Integer::New(isolate, p->http_minor),
        self->RawHeaders(),
        request ? Local<Value>(ToV8(isolate, http_method_str(static_cast<http_method>(p->method))))
                : Local<Value>(v8::Undefined(isolate)),
        request ? Local<Value>(self->OneByte(self->url_)) : Local<Value>(v8::Undefined(isolate)),
        v8::Integer::New(isolate, request ? 0 : static_cast<int>(p->status_code)),
        request ? Local<Value>(v8::Undefined(isolate)) : Local<Value>(self->OneByte(self->status_)),
        v8::Boolean::New(isolate, p->upgrade != 0),
        v8::Boolean::New(isolate, http_should_keep_alive(p) != 0),
    };
    self->fields_.clear();
    self->values_.clear();
    self->header_bytes_ = 0;
    self->headers_done_ = true;
    Local<Value> result;
    if (!self->Call(kOnHeadersComplete, static_cast<int>(std::size(argv)), argv, &result))
      return -1;
    if (result->IsNumber()) {
      int skip = static_cast<int>(result.As<v8::Number>()->Value());
      if (skip == 1 || skip == 2) return skip;
    }
    return 0;
  }

  static int OnBody(::http_parser* p, const char* at, size_t length) {
    Parser* self = From(p);
    v8::Isolate* isolate = self->isolate_;
    Local<Value> argv[] = {
        self->buffer_,
        v8::Number::New(isolate, static_cast<double>(at - self->data_)),
        v8::Number::New(isolate, static_cast<double>(length)),
    };
    return self->Call(kOnBody, 3, argv) ? 0 : -1;
  }

  static int OnMessageComplete(::http_parser* p) {
    Parser* self = From(p);
    Local<Value> trailers = v8::Undefined(self->isolate_);
    if (!self->fields_.empty()) trailers = self->RawHeaders();
    self->fields_.clear();
    self->values_.clear();
    Local<Value> argv[] = {trailers};
    return self->Call(kOnMessageComplete, 1, argv) ? 0 : -1;
  }

  static constexpr http_parser_settings kSettings = {
      OnMessageBegin,    OnUrl,  OnStatus,          OnHeaderField, OnHeaderValue,
      OnHeadersComplete, OnBody, OnMessageComplete, nullptr,       nullptr,
  };

  v8::Isolate* isolate_;
  v8::Global<Object> self_;
  ::http_parser parser_{};
  std::string url_;
  std::string status_;
  std::vector<std::string> fields_;
  std::vector<std::string> values_;
  size_t header_bytes_ = 0;
  uint32_t max_header_size_ = 16 * 1024;
  bool headers_done_ = false;
  bool got_exception_ = false;
  http_errno own_error_ = HPE_OK;
  const char* own_code_ = nullptr;    // node's code where it differs from the library's
  const char* own_reason_ = nullptr;  // node's reason for our own errors
  bool lenient_ = false;
  Local<Value> buffer_;
  const char* data_ = nullptr;
};

Parser* Self(const FunctionCallbackInfo<Value>& info) { return Parser::Unwrap(info.This()); }

// new HTTPParser()
void New(const FunctionCallbackInfo<Value>& info) {
  auto* parser = new Parser(info.GetIsolate(), info.This());
  parser->Init(HTTP_REQUEST, 16 * 1024, false);
}

// initialize(type 0=request 1=response, maxHeaderSize, lenient)
void Initialize(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int type = info[0]->Int32Value(context).FromJust();
  uint32_t max = info[1]->Uint32Value(context).FromJust();
  Self(info)->Init(type == 1 ? HTTP_RESPONSE : HTTP_REQUEST, max, info[2]->IsTrue());
}

// execute(buffer) -> bytes parsed | Error
void Execute(const FunctionCallbackInfo<Value>& info) {
  auto view = info[0].As<v8::ArrayBufferView>();
  const char* data = static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset();
  Self(info)->Execute(info, data, view->ByteLength(), info[0]);
}

// finish(): the peer ended the stream -> undefined | Error
void Finish(const FunctionCallbackInfo<Value>& info) {
  Parser* parser = Self(info);
  v8::HandleScope scope(info.GetIsolate());
  parser->Execute(info, nullptr, 0, v8::Undefined(info.GetIsolate()));
  Local<Value> result = info.GetReturnValue().Get();
  if (!result->IsObject()) info.GetReturnValue().SetUndefined();
}

constexpr Method kParserMethods[] = {
    {"initialize", Initialize},
    {"execute", Execute},
    {"finish", Finish},
};

// methods() -> the library's method names, in its order.
void Methods(const FunctionCallbackInfo<Value>& info) {
  std::vector<std::string> names;
  for (int i = 0;; ++i) {
    const char* name = http_method_str(static_cast<http_method>(i));
    if (std::strcmp(name, "<unknown>") == 0) break;
    names.emplace_back(name);
  }
  info.GetReturnValue().Set(ToV8Array(info.GetIsolate(), names));
}

constexpr Method kMethods[] = {
    {"methods", Methods},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(New);
  refs.Add(kParserMethods);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  Local<v8::Function> ctor = SetClass(env, target, "HTTPParser", New, kParserMethods);
  SetConstant(env, ctor, "REQUEST", 0);
  SetConstant(env, ctor, "RESPONSE", 1);
  SetConstant(env, ctor, "kOnMessageBegin", kOnMessageBegin);
  SetConstant(env, ctor, "kOnHeadersComplete", kOnHeadersComplete);
  SetConstant(env, ctor, "kOnBody", kOnBody);
  SetConstant(env, ctor, "kOnMessageComplete", kOnMessageComplete);
}

}  // namespace nodus::bindings::http_parser
