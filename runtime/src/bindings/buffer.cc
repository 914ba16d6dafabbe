// internalBinding('buffer'): the byte-level fast paths under lib/buffer.js.
// JavaScript validates every argument (types, ranges, encodings); these
// callbacks trust them. Strings are encoded and decoded here with V8's own
// UTF-8/Latin-1/UTF-16 conversions and our own base64 and hex tables.
#include <cstring>
#include <memory>
#include <string>
#include <vector>

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

// ---- base64 and hex tables ---------------------------------------------------

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kBase64UrlAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kHexDigits[] = "0123456789abcdef";

// Both alphabets decode with one table (as Node does): 255 marks a character
// that is skipped, '=' ends the data.
struct DecodeTables {
  uint8_t base64[256];
  int8_t hex[256];
  uint16_t hex_pairs[256];  // byte -> two ASCII hex digits (little-endian)
  constexpr DecodeTables() : base64(), hex(), hex_pairs() {
    for (int i = 0; i < 256; i++) {
      base64[i] = 255;
      hex[i] = -1;
    }
    for (int i = 0; i < 64; i++) {
      base64[static_cast<uint8_t>(kBase64Alphabet[i])] = static_cast<uint8_t>(i);
      base64[static_cast<uint8_t>(kBase64UrlAlphabet[i])] = static_cast<uint8_t>(i);
    }
    for (int i = 0; i < 10; i++) hex['0' + i] = static_cast<int8_t>(i);
    for (int i = 0; i < 6; i++) {
      hex['a' + i] = static_cast<int8_t>(10 + i);
      hex['A' + i] = static_cast<int8_t>(10 + i);
    }
    for (int i = 0; i < 256; i++) {
      hex_pairs[i] = static_cast<uint16_t>(kHexDigits[i >> 4] | (kHexDigits[i & 15] << 8));
    }
  }
};
constexpr DecodeTables kTables;

// Two-byte characters are looked up by their low byte, as Node does.
template <typename Char>
inline uint8_t Base64Value(Char c) {
  return kTables.base64[static_cast<uint8_t>(c)];
}

struct ShiftedTables {
  uint32_t t[4][256];
  constexpr ShiftedTables() : t() {
    for (int c = 0; c < 256; c++) {
      uint8_t v = kTables.base64[c];
      for (int pos = 0; pos < 4; pos++) {
        t[pos][c] = v == 255 ? 0x80000000u : uint32_t{v} << (6 * (3 - pos));
      }
    }
  }
};
constexpr ShiftedTables kShifted;

// Decodes base64 or base64url (either alphabet) into at most `capacity`
// bytes: characters outside the alphabet are skipped, '=' stops decoding.
template <typename Char>
size_t DecodeBase64(uint8_t* out, size_t capacity, const Char* src, size_t length) {
  size_t i = 0;
  size_t k = 0;
  // Fast path: whole groups of four alphabet characters, through tables
  // that place each character's six bits (or an error bit) in a word.
  while (i + 4 <= length && k + 4 <= capacity) {
    uint32_t n = kShifted.t[0][static_cast<uint8_t>(src[i])] |
                 kShifted.t[1][static_cast<uint8_t>(src[i + 1])] |
                 kShifted.t[2][static_cast<uint8_t>(src[i + 2])] |
                 kShifted.t[3][static_cast<uint8_t>(src[i + 3])];
    if (n & 0x80000000u) break;
    uint32_t be = __builtin_bswap32(n << 8);
    std::memcpy(out + k, &be, 4);  // writes one spare byte, overwritten next
    i += 4;
    k += 3;
  }
  while (i + 4 <= length && k + 3 <= capacity) {
    uint32_t n = kShifted.t[0][static_cast<uint8_t>(src[i])] |
                 kShifted.t[1][static_cast<uint8_t>(src[i + 1])] |
                 kShifted.t[2][static_cast<uint8_t>(src[i + 2])] |
                 kShifted.t[3][static_cast<uint8_t>(src[i + 3])];
    if (n & 0x80000000u) break;
    out[k] = static_cast<uint8_t>(n >> 16);
    out[k + 1] = static_cast<uint8_t>(n >> 8);
    out[k + 2] = static_cast<uint8_t>(n);
    i += 4;
    k += 3;
  }
  // Slow path: skip characters outside the alphabet.
  uint32_t acc = 0;
  int have = 0;
  for (; i < length && k < capacity; i++) {
    auto ch = static_cast<uint8_t>(src[i]);
    uint8_t v = Base64Value(ch);
    if (v == 255) {
      if (ch == '=') break;
      continue;
    }
    acc = (acc << 6) | v;
    have++;
    if (have == 2) {
      out[k++] = static_cast<uint8_t>(acc >> 4);
      acc &= 0xF;
    } else if (have == 3) {
      out[k++] = static_cast<uint8_t>(acc >> 2);
      acc &= 0x3;
    } else if (have == 4) {
      out[k++] = static_cast<uint8_t>(acc);
      acc = 0;
      have = 0;
    }
  }
  return k;
}

template <typename Char>
size_t DecodeHex(uint8_t* out, size_t capacity, const Char* src, size_t length) {
  size_t pairs = length / 2;
  if (pairs > capacity) pairs = capacity;
  for (size_t i = 0; i < pairs; i++) {
    Char hi_c = src[2 * i];
    Char lo_c = src[2 * i + 1];
    int hi = kTables.hex[static_cast<uint8_t>(hi_c)];
    int lo = kTables.hex[static_cast<uint8_t>(lo_c)];
    if ((hi | lo) < 0) return i;
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return pairs;
}

// 12 bits -> two alphabet characters, for each alphabet.
struct PairTables {
  uint16_t standard[4096];
  uint16_t url[4096];
  constexpr PairTables() : standard(), url() {
    for (int i = 0; i < 4096; i++) {
      standard[i] = static_cast<uint16_t>(static_cast<uint8_t>(kBase64Alphabet[i >> 6]) |
                                          (static_cast<uint8_t>(kBase64Alphabet[i & 63]) << 8));
      url[i] = static_cast<uint16_t>(static_cast<uint8_t>(kBase64UrlAlphabet[i >> 6]) |
                                     (static_cast<uint8_t>(kBase64UrlAlphabet[i & 63]) << 8));
    }
  }
};
constexpr PairTables kPairs;

size_t EncodeBase64(char* out, const uint8_t* src, size_t length, bool url) {
  const char* table = url ? kBase64UrlAlphabet : kBase64Alphabet;
  const uint16_t* pairs = url ? kPairs.url : kPairs.standard;
  size_t i = 0;
  size_t k = 0;
  for (; i + 3 <= length; i += 3) {
    uint32_t n = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8) | src[i + 2];
    std::memcpy(out + k, &pairs[n >> 12], 2);
    std::memcpy(out + k + 2, &pairs[n & 0xFFF], 2);
    k += 4;
  }
  size_t rest = length - i;
  if (rest > 0) {
    uint32_t n = uint32_t{src[i]} << 16;
    if (rest == 2) n |= uint32_t{src[i + 1]} << 8;
    out[k++] = table[n >> 18];
    out[k++] = table[(n >> 12) & 63];
    if (rest == 2) {
      out[k++] = table[(n >> 6) & 63];
    } else if (!url) {
      out[k++] = '=';
    }
    if (!url) out[k++] = '=';
  }
  return k;
}

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
        std::memcpy(dst, tmp.data(), static_cast<size_t>(n) * 2);
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
      for (size_t i = 0; i < size; i++) out[i] = src[i] & 0x7f;
      return ReturnOneByte(info, out.data(), size);
    }
    case Encoding::kUcs2: {
      size_t units = size / 2;
      if (units > static_cast<size_t>(v8::String::kMaxLength)) return ThrowStringTooLong(isolate);
      std::vector<uint16_t> out(units);
      if (units > 0) std::memcpy(out.data(), src, units * 2);
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
      for (size_t i = 0; i < size; i++) std::memcpy(dst + 2 * i, &kTables.hex_pairs[src[i]], 2);
      return ReturnOwned(info, std::move(out));
    }
    case Encoding::kBase64:
    case Encoding::kBase64Url: {
      if (size / 3 > static_cast<size_t>(v8::String::kMaxLength) / 4) {
        return ThrowStringTooLong(isolate);
      }
      auto out = std::make_unique<OwnedOneByte>((size + 2) / 3 * 4);
      out->set_length(
          EncodeBase64(out->mutable_data(), src, size, kEncoding == Encoding::kBase64Url));
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
