// internalBinding('encoding'): UTF-8 for TextEncoder/TextDecoder.
#include <cstring>
#include <string>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::encoding {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// Strict UTF-8 validation (no overlongs, no surrogates, max U+10FFFF).
bool IsValidUtf8(const uint8_t* s, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t len;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

Local<v8::Uint8Array> NewUint8Array(v8::Isolate* isolate, const char* data, size_t size) {
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, size);
  if (size > 0) std::memcpy(buffer->Data(), data, size);
  return v8::Uint8Array::New(buffer, 0, size);
}

// encodeUtf8(string) -> Uint8Array (lone surrogates become U+FFFD).
void EncodeUtf8(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::String> text = info[0].As<v8::String>();
  size_t length = static_cast<size_t>(text->Utf8Length(isolate));
  std::string out(length, '\0');
  text->WriteUtf8(isolate, out.data(), static_cast<int>(length), nullptr,
                  v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  info.GetReturnValue().Set(NewUint8Array(isolate, out.data(), out.size()));
}

// encodeInto(string, Uint8Array) -> [read (UTF-16 units), written (bytes)]
void EncodeInto(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::String> text = info[0].As<v8::String>();
  Local<v8::Uint8Array> dest = info[1].As<v8::Uint8Array>();
  char* data = static_cast<char*>(dest->Buffer()->Data()) + dest->ByteOffset();
  int read = 0;
  int written = text->WriteUtf8(isolate, data, static_cast<int>(dest->ByteLength()), &read,
                                v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  Local<Value> values[] = {v8::Integer::New(isolate, read), v8::Integer::New(isolate, written)};
  info.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

// decodeUtf8(view, ignoreBOM, fatal) -> string; with fatal, invalid input
// throws a TypeError with code ERR_ENCODING_INVALID_ENCODED_DATA.
void DecodeUtf8(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const uint8_t* data = nullptr;
  size_t size = 0;
  if (info[0]->IsArrayBufferView()) {
    auto view = info[0].As<v8::ArrayBufferView>();
    data = static_cast<const uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
    size = view->ByteLength();
  } else if (info[0]->IsArrayBuffer()) {
    auto buffer = info[0].As<v8::ArrayBuffer>();
    data = static_cast<const uint8_t*>(buffer->Data());
    size = buffer->ByteLength();
  }
  bool ignore_bom = info[1]->IsTrue();
  bool fatal = info[2]->IsTrue();
  if (fatal && !IsValidUtf8(data, size)) {
    ThrowTypeError(isolate, "ERR_ENCODING_INVALID_ENCODED_DATA",
                   "The encoded data was not valid for encoding utf-8");
    return;
  }
  if (!ignore_bom && size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
    data += 3;
    size -= 3;
  }
  Local<v8::String> result;
  if (!v8::String::NewFromUtf8(isolate, reinterpret_cast<const char*>(data),
                               v8::NewStringType::kNormal, static_cast<int>(size))
           .ToLocal(&result)) {
    return;
  }
  info.GetReturnValue().Set(result);
}

constexpr Method kMethods[] = {
    {"encodeUtf8", EncodeUtf8},
    {"encodeInto", EncodeInto},
    {"decodeUtf8", DecodeUtf8},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::encoding
