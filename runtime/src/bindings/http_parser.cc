// internalBinding('http_parser'): an HTTPParser object over one
// http::ParserSession (runtime/http/parser_session.h: Debian's libhttp-parser
// plus our checks, no V8). JavaScript (lib/_http_common.js) sets callbacks on
// the object at the indices below; execute() calls them synchronously:
//   [kOnMessageBegin]()
//   [kOnHeadersComplete](versionMajor, versionMinor, rawHeaders, method, url,
//                        statusCode, statusMessage, upgrade, shouldKeepAlive)
//        -> 1 to expect no body (responses to HEAD), 2 for no body and no
//           further messages (CONNECT)
//   [kOnBody](buffer, start, length)
//   [kOnMessageComplete](trailers | undefined)
// execute(buffer) returns the number of bytes consumed or an Error
// ("Parse Error: ...", code HPE_*, bytesParsed).
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"
#include "http/parser_session.h"

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

class Parser final : public http::ParserDelegate {
 public:
  Parser(v8::Isolate* isolate, Local<Object> self) : isolate_(isolate) {
    self_.Reset(isolate, self);
    self_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    self->SetAlignedPointerInInternalField(0, this);
  }

  static Parser* Unwrap(Local<Object> object) {
    return static_cast<Parser*>(object->GetAlignedPointerFromInternalField(0));
  }

  void Init(http::ParserSession::Type type, uint32_t max_header_size, bool lenient) {
    session_.Init(type, max_header_size, lenient);
  }

  // Returns bytes parsed, or an error; a callback's exception propagates.
  void Execute(const FunctionCallbackInfo<Value>& info, const char* data, size_t length,
               Local<Value> buffer) {
    buffer_ = buffer;
    data_ = data;
    http::ExecuteResult result = session_.Execute(this, data, length);
    buffer_ = Local<Value>();
    data_ = nullptr;
    if (result.stopped) return;
    if (result.error) {
      info.GetReturnValue().Set(MakeError(result, data == nullptr));
      return;
    }
    info.GetReturnValue().Set(static_cast<double>(result.parsed));
  }

 private:
  static void OnCollected(const v8::WeakCallbackInfo<Parser>& data) { delete data.GetParameter(); }

  // An error at the end of the stream (finish()) is plain "Parse Error",
  // its reason only in .reason, as in Node.
  Local<Value> MakeError(const http::ExecuteResult& result, bool at_end) {
    Local<v8::Context> context = isolate_->GetCurrentContext();
    std::string message = at_end ? "Parse Error" : "Parse Error: " + result.reason;
    Local<Object> error = v8::Exception::Error(ToV8(isolate_, message)).As<Object>();
    error
        ->Set(context, ToV8(isolate_, "bytesParsed"),
              v8::Number::New(isolate_, static_cast<double>(result.parsed)))
        .Check();
    error->Set(context, ToV8(isolate_, "code"), ToV8(isolate_, result.code)).Check();
    error->Set(context, ToV8(isolate_, "reason"), ToV8(isolate_, result.reason)).Check();
    return error;
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
    if (fn.IsEmpty()) return false;
    if (!fn->IsFunction()) return true;
    Local<Value> value;
    if (!fn.As<v8::Function>()
             ->Call(isolate_->GetCurrentContext(), self_.Get(isolate_), argc, argv)
             .ToLocal(&value)) {
      return false;
    }
    if (result != nullptr) *result = value;
    return true;
  }

  Local<v8::Array> RawHeaders(const std::vector<std::string>& fields,
                              const std::vector<std::string>& values) {
    std::vector<Local<Value>> items;
    items.reserve(fields.size() * 2);
    for (size_t i = 0; i < fields.size(); ++i) {
      items.push_back(OneByte(fields[i]));
      items.push_back(OneByte(i < values.size() ? values[i] : std::string()));
    }
    return v8::Array::New(isolate_, items.data(), items.size());
  }

  Local<v8::String> OneByte(const std::string& text) {
    return v8::String::NewFromOneByte(isolate_, reinterpret_cast<const uint8_t*>(text.data()),
                                      v8::NewStringType::kNormal, static_cast<int>(text.size()))
        .ToLocalChecked();
  }

  bool OnMessageBegin() override { return Call(kOnMessageBegin, 0, nullptr); }

  bool OnHeadersComplete(const http::MessageHead& head, int* skip_body) override {
    v8::Isolate* isolate = isolate_;
    Local<Value> undefined = v8::Undefined(isolate);
    Local<Value> argv[] = {
        v8::Integer::New(isolate, head.version_major),
        v8::Integer::New(isolate, head.version_minor),
        RawHeaders(*head.fields, *head.values),
        head.request ? Local<Value>(ToV8(isolate, head.method)) : undefined,
        head.request ? Local<Value>(OneByte(head.url)) : undefined,
        v8::Integer::New(isolate, head.request ? 0 : head.status_code),
        head.request ? undefined : Local<Value>(OneByte(head.status_message)),
        v8::Boolean::New(isolate, head.upgrade),
        v8::Boolean::New(isolate, head.keep_alive),
    };
    Local<Value> result;
    if (!Call(kOnHeadersComplete, static_cast<int>(std::size(argv)), argv, &result)) return false;
    if (result->IsNumber()) {
      double skip = result.As<v8::Number>()->Value();
      if (skip == 1 || skip == 2) *skip_body = static_cast<int>(skip);
    }
    return true;
  }

  bool OnBody(const char* at, size_t length) override {
    Local<Value> argv[] = {
        buffer_,
        v8::Number::New(isolate_, static_cast<double>(at - data_)),
        v8::Number::New(isolate_, static_cast<double>(length)),
    };
    return Call(kOnBody, 3, argv);
  }

  bool OnMessageComplete(const std::vector<std::string>& fields,
                         const std::vector<std::string>& values) override {
    Local<Value> trailers = v8::Undefined(isolate_);
    if (!fields.empty()) trailers = RawHeaders(fields, values);
    Local<Value> argv[] = {trailers};
    return Call(kOnMessageComplete, 1, argv);
  }

  v8::Isolate* isolate_;
  v8::Global<Object> self_;
  http::ParserSession session_;
  Local<Value> buffer_;
  const char* data_ = nullptr;
};

Parser* Self(const FunctionCallbackInfo<Value>& info) { return Parser::Unwrap(info.This()); }

// new HTTPParser()
void New(const FunctionCallbackInfo<Value>& info) {
  auto* parser = new Parser(info.GetIsolate(), info.This());
  parser->Init(http::ParserSession::Type::kRequest, 16 * 1024, false);
}

// initialize(type 0=request 1=response, maxHeaderSize, lenient)
void Initialize(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int type = info[0]->Int32Value(context).FromJust();
  uint32_t max = info[1]->Uint32Value(context).FromJust();
  Self(info)->Init(
      type == 1 ? http::ParserSession::Type::kResponse : http::ParserSession::Type::kRequest, max,
      info[2]->IsTrue());
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
  info.GetReturnValue().Set(ToV8Array(info.GetIsolate(), http::ParserSession::MethodNames()));
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
