// internalBinding('buffer'): the byte-level fast paths under lib/buffer.js.
// JavaScript validates every argument (types, ranges, encodings); these
// callbacks trust them. Strings are encoded and decoded here with V8's own
// UTF-8/Latin-1/UTF-16 conversions and our own base64 and hex codecs
// (runtime/base/byte_codecs.h, no V8, fuzzed by tests/fuzz).
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "base/byte_codecs.h"
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::buffer {

namespace {

using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Value;

struct Bytes {
  uint8_t* data;
  size_t size;
};

Bytes ViewBytes(Local<Value> value) {
  Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  size_t size = view->ByteLength();
  if (size == 0) return {nullptr, 0};
  auto* base = static_cast<uint8_t*>(view->Buffer()->Data());
  return {base + view->ByteOffset(), size};
}

size_t SizeArg(const FunctionCallbackInfo<Value>& info, int index) {
  return static_cast<size_t>(info[index].As<v8::Number>()->Value());
}

int64_t IntArg(const FunctionCallbackInfo<Value>& info, int index) {
  double value = info[index].As<v8::Number>()->Value();
  if (value != value) return 0;
  if (value > 9.0e15) return static_cast<int64_t>(9.0e15);
  if (value < -9.0e15) return static_cast<int64_t>(-9.0e15);
  return static_cast<int64_t>(value);
}

// base64, hex, ASCII and UTF-16LE bytes: runtime/base/byte_codecs.h.
using base::codec::DecodeBase64;
using base::codec::DecodeHex;
using base::codec::EncodeBase64;

// ---- strings -----------------------------------------------------------------

enum class Encoding { kUtf8, kLatin1, kAscii, kUcs2, kHex, kBase64, kBase64Url };

void ThrowStringTooLong(Isolate* isolate) {
  ThrowError(isolate, "ERR_STRING_TOO_LONG",
             "Cannot create a string longer than 0x1fffffe8 characters");
}

void ReturnOneByte(const FunctionCallbackInfo<Value>& info, const uint8_t* data, size_t size) {
  Isolate* isolate = info.GetIsolate();
  if (size > static_cast<size_t>(v8::String::kMaxLength)) return ThrowStringTooLong(isolate);
  Local<v8::String> result;
  if (!v8::String::NewFromOneByte(isolate, data, v8::NewStringType::kNormal, static_cast<int>(size))
           .ToLocal(&result)) {
    return ThrowStringTooLong(isolate);
  }
  info.GetReturnValue().Set(result);
}

// A one-byte string's characters in memory we own; V8 frees them through
// Dispose() when the string dies, so large results are not copied again.
class OwnedOneByte final : public v8::String::ExternalOneByteStringResource {
 public:
  explicit OwnedOneByte(size_t size) : data_(new char[size > 0 ? size : 1]), size_(size) {}
  const char* data() const override { return data_.get(); }
  size_t length() const override { return size_; }
  char* mutable_data() { return data_.get(); }
  void set_length(size_t size) { size_ = size; }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_;
};

constexpr size_t kExternalThreshold = 64 * 1024;

// Returns the characters of `owned` as a string; takes ownership.
void ReturnOwned(const FunctionCallbackInfo<Value>& info, std::unique_ptr<OwnedOneByte> owned) {
  Isolate* isolate = info.GetIsolate();
  size_t size = owned->length();
  if (size > static_cast<size_t>(v8::String::kMaxLength)) return ThrowStringTooLong(isolate);
  if (size < kExternalThreshold) {
    return ReturnOneByte(info, reinterpret_cast<const uint8_t*>(owned->data()), size);
  }
  Local<v8::String> result;
  if (!v8::String::NewExternalOneByte(isolate, owned.get()).ToLocal(&result)) {
    return ThrowStringTooLong(isolate);
  }
  owned.release();  // V8 owns it now.
  info.GetReturnValue().Set(result);
}

// A string's characters, copied out once, in their own width.
class Chars {
 public:
  Chars(Isolate* isolate, Local<v8::String> text)
      : length_(static_cast<size_t>(text->Length())), one_byte_(text->IsOneByte()) {
    if (length_ == 0) return;
    if (one_byte_) {
      one_.reset(new uint8_t[length_]);
      text->WriteOneByte(isolate, one_.get(), 0, static_cast<int>(length_),
                         v8::String::NO_NULL_TERMINATION);
    } else {
      two_.reset(new uint16_t[length_]);
      text->Write(isolate, two_.get(), 0, static_cast<int>(length_),
                  v8::String::NO_NULL_TERMINATION);
    }
  }
  bool one_byte() const { return one_byte_; }
  const uint8_t* one() const { return one_.get(); }
  const uint16_t* two() const { return two_.get(); }
  size_t length() const { return length_; }

 private:
  size_t length_;
  bool one_byte_;
  std::unique_ptr<uint8_t[]> one_;
  std::unique_ptr<uint16_t[]> two_;
};

size_t WriteString(Isolate* isolate, Local<v8::String> text, Encoding encoding, uint8_t* dst,
                   size_t capacity) {
  if (capacity == 0) return 0;
  int cap = capacity > 0x7fffffff ? 0x7fffffff : static_cast<int>(capacity);
  switch (encoding) {
    case Encoding::kUtf8:
      return static_cast<size_t>(
          text->WriteUtf8(isolate, reinterpret_cast<char*>(dst), cap, nullptr,
                          v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
    case Encoding::kLatin1:
    case Encoding::kAscii: {
      int n = text->Length() < cap ? text->Length() : cap;
      return static_cast<size_t>(
          text->WriteOneByte(isolate, dst, 0, n, v8::String::NO_NULL_TERMINATION));
    }
    case Encoding::kUcs2: {
      int n = text->Length() < cap / 2 ? text->Length() : cap / 2;
      if (n == 0) return 0;
      if (reinterpret_cast<uintptr_t>(dst) % alignof(uint16_t) == 0) {
        text->Write(isolate, reinterpret_cast<uint16_t*>(dst), 0, n,
                    v8::String::NO_NULL_TERMINATION);
      } else {
        std::vector<uint16_t> tmp(static_cast<size_t>(n));
        text->Write(isolate, tmp.data(), 0, n, v8::String::NO_NULL_TERMINATION);
        base::codec::UnitsToUtf16le(dst, tmp.data(), static_cast<size_t>(n));
      }
      return static_cast<size_t>(n) * 2;
    }
    case Encoding::kHex:
    case Encoding::kBase64:
    case Encoding::kBase64Url: {
      Chars chars(isolate, text);
      bool hex = encoding == Encoding::kHex;
      if (chars.one_byte()) {
        return hex ? DecodeHex(dst, capacity, chars.one(), chars.length())
                   : DecodeBase64(dst, capacity, chars.one(), chars.length());
      }
      return hex ? DecodeHex(dst, capacity, chars.two(), chars.length())
                 : DecodeBase64(dst, capacity, chars.two(), chars.length());
    }
  }
  return 0;
}

// xxxWrite(buffer, string, offset, maxLength) -> bytes written
template <Encoding kEncoding>
void Write(const FunctionCallbackInfo<Value>& info) {
  Bytes bytes = ViewBytes(info[0]);
  size_t offset = SizeArg(info, 2);
  size_t length = SizeArg(info, 3);
  if (offset > bytes.size) offset = bytes.size;
  if (length > bytes.size - offset) length = bytes.size - offset;
  size_t written = WriteString(info.GetIsolate(), info[1].As<v8::String>(), kEncoding,
                               bytes.data + offset, length);
  info.GetReturnValue().Set(static_cast<double>(written));
}

// xxxSlice(buffer, start, end) -> string
template <Encoding kEncoding>
void Slice(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  Bytes bytes = ViewBytes(info[0]);
  size_t start = SizeArg(info, 1);
  size_t end = SizeArg(info, 2);
  if (end > bytes.size) end = bytes.size;
  if (start >= end) return info.GetReturnValue().SetEmptyString();
  const uint8_t* src = bytes.data + start;
  size_t size = end - start;
  switch (kEncoding) {
    case Encoding::kUtf8: {
      if (size > 0x7fffffff) return ThrowStringTooLong(isolate);
      Local<v8::String> result;
      if (!v8::String::NewFromUtf8(isolate, reinterpret_cast<const char*>(src),
                                   v8::NewStringType::kNormal, static_cast<int>(size))
               .ToLocal(&result)) {
        return ThrowStringTooLong(isolate);
      }
      return info.GetReturnValue().Set(result);
    }
    case Encoding::kLatin1:
      return ReturnOneByte(info, src, size);
    case Encoding::kAscii: {
      bool high = false;
      for (size_t i = 0; i < size; i++) high |= (src[i] & 0x80) != 0;
      if (!high) return ReturnOneByte(info, src, size);
      std::vector<uint8_t> out(size);
      base::codec::StripHighBits(out.data(), src, size);
      return ReturnOneByte(info, out.data(), size);
    }
    case Encoding::kUcs2: {
      size_t units = size / 2;
      if (units > static_cast<size_t>(v8::String::kMaxLength)) return ThrowStringTooLong(isolate);
      std::vector<uint16_t> out(units);
      base::codec::Utf16leToUnits(out.data(), src, units);
      Local<v8::String> result;
      if (!v8::String::NewFromTwoByte(isolate, out.data(), v8::NewStringType::kNormal,
                                      static_cast<int>(units))
               .ToLocal(&result)) {
        return ThrowStringTooLong(isolate);
      }
      return info.GetReturnValue().Set(result);
    }
    case Encoding::kHex: {
      if (size > static_cast<size_t>(v8::String::kMaxLength) / 2) {
        return ThrowStringTooLong(isolate);
      }
      auto out = std::make_unique<OwnedOneByte>(size * 2);
      char* dst = out->mutable_data();
      base::codec::EncodeHex(dst, src, size);
      return ReturnOwned(info, std::move(out));
    }
    case Encoding::kBase64:
    case Encoding::kBase64Url: {
      if (size / 3 > static_cast<size_t>(v8::String::kMaxLength) / 4) {
        return ThrowStringTooLong(isolate);
      }
      bool url = kEncoding == Encoding::kBase64Url;
      auto out = std::make_unique<OwnedOneByte>(base::codec::Base64EncodedLength(size, url));
      out->set_length(EncodeBase64(out->mutable_data(), src, size, url));
      return ReturnOwned(info, std::move(out));
    }
  }
}

void ByteLengthUtf8(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(info[0].As<v8::String>()->Utf8Length(info.GetIsolate()));
}

// ---- comparison and search -------------------------------------------------

// compare(a, aStart, aEnd, b, bStart, bEnd) -> -1 | 0 | 1
void Compare(const FunctionCallbackInfo<Value>& info) {
  Bytes a = ViewBytes(info[0]);
  Bytes b = ViewBytes(info[3]);
  size_t a_start = SizeArg(info, 1), a_end = SizeArg(info, 2);
  size_t b_start = SizeArg(info, 4), b_end = SizeArg(info, 5);
  if (a_end > a.size) a_end = a.size;
  if (b_end > b.size) b_end = b.size;
  size_t a_len = a_end > a_start ? a_end - a_start : 0;
  size_t b_len = b_end > b_start ? b_end - b_start : 0;
  size_t n = a_len < b_len ? a_len : b_len;
  int cmp = n > 0 ? std::memcmp(a.data + a_start, b.data + b_start, n) : 0;
  if (cmp == 0) cmp = a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
  info.GetReturnValue().Set(cmp < 0 ? -1 : cmp > 0 ? 1 : 0);
}

// Where a search starts, following Buffer#indexOf's offset rules.
int64_t SearchStart(int64_t length, int64_t offset, int64_t needle, bool forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needle == 0) return 0;
    return -1;
  }
  if (offset + needle <= length) return offset;
  if (needle == 0) return length;
  if (forward) return -1;
  return length - 1;
}

template <typename Unit>
int64_t Search(const Unit* hay, int64_t hay_len, const Unit* needle, int64_t needle_len,
               int64_t start, bool forward) {
  if (needle_len > hay_len) return -1;
  int64_t last = hay_len - needle_len;
  if (forward) {
    if (sizeof(Unit) == 1) {
      const void* found = memmem(hay + start, static_cast<size_t>(hay_len - start), needle,
                                 static_cast<size_t>(needle_len));
      return found == nullptr ? -1 : static_cast<const Unit*>(found) - hay;
    }
    for (int64_t i = start; i <= last; i++) {
      if (hay[i] == needle[0] &&
          std::memcmp(hay + i, needle, static_cast<size_t>(needle_len) * sizeof(Unit)) == 0) {
        return i;
      }
    }
    return -1;
  }
  for (int64_t i = start < last ? start : last; i >= 0; i--) {
    if (hay[i] == needle[0] &&
        std::memcmp(hay + i, needle, static_cast<size_t>(needle_len) * sizeof(Unit)) == 0) {
      return i;
    }
  }
  return -1;
}

// indexOfBuffer(haystack, needle, byteOffset, forward, ucs2) -> index | -1
void IndexOfBuffer(const FunctionCallbackInfo<Value>& info) {
  Bytes hay = ViewBytes(info[0]);
  Bytes needle = ViewBytes(info[1]);
  int64_t offset = IntArg(info, 2);
  bool forward = info[3]->IsTrue();
  bool ucs2 = info[4]->IsTrue();
  // A UTF-16 search sees whole code units only.
  auto hay_len = static_cast<int64_t>(ucs2 ? hay.size & ~size_t{1} : hay.size);
  auto needle_len = static_cast<int64_t>(needle.size);
  int64_t start = SearchStart(hay_len, offset, needle_len, forward);
  if (needle_len == 0) return info.GetReturnValue().Set(static_cast<double>(start));
  if (hay_len == 0 || start < 0 || needle_len > hay_len ||
      (forward && start + needle_len > hay_len)) {
    return info.GetReturnValue().Set(-1);
  }
  int64_t result;
  if (ucs2) {
    if (hay_len < 2 || needle_len < 2) return info.GetReturnValue().Set(-1);
    std::vector<uint16_t> h(static_cast<size_t>(hay_len / 2));
    std::vector<uint16_t> n(static_cast<size_t>(needle_len / 2));
    std::memcpy(h.data(), hay.data, h.size() * 2);
    std::memcpy(n.data(), needle.data, n.size() * 2);
    result = Search(h.data(), static_cast<int64_t>(h.size()), n.data(),
                    static_cast<int64_t>(n.size()), start / 2, forward);
    if (result >= 0) result *= 2;
  } else {
    result = Search(hay.data, hay_len, needle.data, needle_len, start, forward);
  }
  info.GetReturnValue().Set(static_cast<double>(result));
}

// indexOfNumber(haystack, byte, byteOffset, forward) -> index | -1
void IndexOfNumber(const FunctionCallbackInfo<Value>& info) {
  Bytes hay = ViewBytes(info[0]);
  auto needle = static_cast<uint8_t>(info[1].As<v8::Number>()->Value());
  int64_t offset = IntArg(info, 2);
  bool forward = info[3]->IsTrue();
  int64_t start = SearchStart(static_cast<int64_t>(hay.size), offset, 1, forward);
  if (start < 0 || hay.size == 0) return info.GetReturnValue().Set(-1);
  auto from = static_cast<size_t>(start);
  const void* found = forward ? std::memchr(hay.data + from, needle, hay.size - from)
                              : memrchr(hay.data, needle, from + 1);
  if (found == nullptr) return info.GetReturnValue().Set(-1);
  info.GetReturnValue().Set(static_cast<double>(static_cast<const uint8_t*>(found) - hay.data));
}

// ---- mutation ------------------------------------------------------------------

// fillBytes(buffer, pattern, start, end): repeats `pattern` (a non-empty view).
void FillBytes(const FunctionCallbackInfo<Value>& info) {
  Bytes bytes = ViewBytes(info[0]);
  Bytes pattern = ViewBytes(info[1]);
  size_t start = SizeArg(info, 2);
  size_t end = SizeArg(info, 3);
  if (end > bytes.size) end = bytes.size;
  if (start >= end || pattern.size == 0) return;
  uint8_t* dst = bytes.data + start;
  size_t total = end - start;
  if (pattern.size == 1) {
    std::memset(dst, pattern.data[0], total);
    return;
  }
  size_t first = pattern.size < total ? pattern.size : total;
  std::memmove(dst, pattern.data, first);
  // Double the filled prefix until the range is full.
  size_t filled = first;
  while (filled < total) {
    size_t n = filled < total - filled ? filled : total - filled;
    std::memcpy(dst + filled, dst, n);
    filled += n;
  }
}

// copy(source, target, targetStart, sourceStart, count)
void Copy(const FunctionCallbackInfo<Value>& info) {
  Bytes source = ViewBytes(info[0]);
  Bytes target = ViewBytes(info[1]);
  size_t target_start = SizeArg(info, 2);
  size_t source_start = SizeArg(info, 3);
  size_t count = SizeArg(info, 4);
  if (count == 0) return;
  std::memmove(target.data + target_start, source.data + source_start, count);
}

void Swap16(const FunctionCallbackInfo<Value>& info) {
  Bytes b = ViewBytes(info[0]);
  for (size_t i = 0; i + 1 < b.size; i += 2) std::swap(b.data[i], b.data[i + 1]);
}

void Swap32(const FunctionCallbackInfo<Value>& info) {
  Bytes b = ViewBytes(info[0]);
  for (size_t i = 0; i + 3 < b.size; i += 4) {
    uint32_t v;
    std::memcpy(&v, b.data + i, 4);
    v = __builtin_bswap32(v);
    std::memcpy(b.data + i, &v, 4);
  }
}

void Swap64(const FunctionCallbackInfo<Value>& info) {
  Bytes b = ViewBytes(info[0]);
  for (size_t i = 0; i + 7 < b.size; i += 8) {
    uint64_t v;
    std::memcpy(&v, b.data + i, 8);
    v = __builtin_bswap64(v);
    std::memcpy(b.data + i, &v, 8);
  }
}

constexpr Method kMethods[] = {
    {"byteLengthUtf8", ByteLengthUtf8},
    {"utf8Write", Write<Encoding::kUtf8>},
    {"latin1Write", Write<Encoding::kLatin1>},
    {"asciiWrite", Write<Encoding::kAscii>},
    {"ucs2Write", Write<Encoding::kUcs2>},
    {"hexWrite", Write<Encoding::kHex>},
    {"base64Write", Write<Encoding::kBase64>},
    {"base64urlWrite", Write<Encoding::kBase64Url>},
    {"utf8Slice", Slice<Encoding::kUtf8>},
    {"latin1Slice", Slice<Encoding::kLatin1>},
    {"asciiSlice", Slice<Encoding::kAscii>},
    {"ucs2Slice", Slice<Encoding::kUcs2>},
    {"hexSlice", Slice<Encoding::kHex>},
    {"base64Slice", Slice<Encoding::kBase64>},
    {"base64urlSlice", Slice<Encoding::kBase64Url>},
    {"compare", Compare},
    {"indexOfBuffer", IndexOfBuffer},
    {"indexOfNumber", IndexOfNumber},
    {"fillBytes", FillBytes},
    {"copy", Copy},
    {"swap16", Swap16},
    {"swap32", Swap32},
    {"swap64", Swap64},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  SetConstant(env, target, "kMaxLength", static_cast<double>(v8::TypedArray::kMaxLength));
  SetConstant(env, target, "kStringMaxLength", static_cast<double>(v8::String::kMaxLength));
}

}  // namespace nodus::bindings::buffer
