// internalBinding('crypto'): hashing, HMAC, key derivation and randomness on
// OpenSSL 3's EVP APIs. JavaScript (lib/crypto.js, lib/internal/crypto/*)
// validates every argument; C++ trusts them. Results are ArrayBuffers that
// JavaScript wraps as Buffers. pbkdf2, scrypt and randomFill also run on the
// libuv thread pool (ThreadPoolWork); their callbacks are (error, result).
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"
#include "thread_pool_work.h"

namespace nodus::bindings::crypto {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// NOTE[crypto-encodings]: the numbering is shared with
// lib/internal/crypto/util.js (encodingId).
enum Encoding { kBuffer = 0, kUtf8, kLatin1, kAscii, kHex, kBase64, kBase64Url, kUtf16le };

// ---------------------------------------------------------------------------
// Bytes in, bytes out.

// The bytes of an ArrayBuffer or ArrayBufferView (no copy).
struct ByteSpan {
  const uint8_t* data = nullptr;
  size_t size = 0;
};

ByteSpan GetBytes(Local<Value> value) {
  ByteSpan span;
  if (value->IsArrayBufferView()) {
    Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    span.size = view->ByteLength();
    if (span.size > 0) {
      span.data = static_cast<const uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
    }
  } else if (value->IsArrayBuffer()) {
    Local<v8::ArrayBuffer> buffer = value.As<v8::ArrayBuffer>();
    span.size = buffer->ByteLength();
    span.data = static_cast<const uint8_t*>(buffer->Data());
  } else if (value->IsSharedArrayBuffer()) {
    Local<v8::SharedArrayBuffer> buffer = value.As<v8::SharedArrayBuffer>();
    span.size = buffer->ByteLength();
    span.data = static_cast<const uint8_t*>(buffer->Data());
  }
  return span;
}

int HexValue(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int Base64Value(uint16_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

// Decodes a string as Buffer.from(string, encoding) does (lenient: hex stops
// at the first invalid pair, base64 skips characters outside its alphabet
// and stops at '=').
std::vector<uint8_t> DecodeString(v8::Isolate* isolate, Local<v8::String> string,
                                  Encoding encoding) {
  std::vector<uint8_t> out;
  switch (encoding) {
    case kLatin1:
    case kAscii: {
      out.resize(string->Length());
      string->WriteOneByte(isolate, out.data(), 0, -1, v8::String::NO_NULL_TERMINATION);
      return out;
    }
    case kUtf16le: {
      std::vector<uint16_t> units(string->Length());
      string->Write(isolate, units.data(), 0, -1, v8::String::NO_NULL_TERMINATION);
      out.resize(units.size() * 2);
      for (size_t i = 0; i < units.size(); i++) {
        out[2 * i] = static_cast<uint8_t>(units[i] & 0xff);
        out[2 * i + 1] = static_cast<uint8_t>(units[i] >> 8);
      }
      return out;
    }
    case kHex:
    case kBase64:
    case kBase64Url: {
      std::vector<uint16_t> units(string->Length());
      string->Write(isolate, units.data(), 0, -1, v8::String::NO_NULL_TERMINATION);
      if (encoding == kHex) {
        for (size_t i = 0; i + 1 < units.size(); i += 2) {
          int hi = HexValue(units[i]);
          int lo = HexValue(units[i + 1]);
          if (hi < 0 || lo < 0) break;
          out.push_back(static_cast<uint8_t>(hi * 16 + lo));
        }
        return out;
      }
      uint32_t accumulator = 0;
      int bits = 0;
      for (uint16_t c : units) {
        if (c == '=') break;
        int v = Base64Value(c);
        if (v < 0) continue;
        accumulator = (accumulator << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out.push_back(static_cast<uint8_t>((accumulator >> bits) & 0xff));
        }
      }
      return out;
    }
    case kBuffer:
    case kUtf8:
      break;
  }
  int length = string->Utf8Length(isolate);
  out.resize(length);
  string->WriteUtf8(isolate, reinterpret_cast<char*>(out.data()), length, nullptr,
                    v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  return out;
}

// Encodes bytes as buffer.toString(encoding) does.
Local<Value> EncodeBytes(v8::Isolate* isolate, const uint8_t* data, size_t size,
                         Encoding encoding) {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  static constexpr char kBase64Chars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  static constexpr char kBase64UrlChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string text;
  switch (encoding) {
    case kHex:
      text.resize(size * 2);
      for (size_t i = 0; i < size; i++) {
        text[2 * i] = kHexDigits[data[i] >> 4];
        text[2 * i + 1] = kHexDigits[data[i] & 15];
      }
      break;
    case kBase64:
    case kBase64Url: {
      const char* chars = encoding == kBase64 ? kBase64Chars : kBase64UrlChars;
      size_t i = 0;
      for (; i + 2 < size; i += 3) {
        uint32_t n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        text += chars[(n >> 18) & 63];
        text += chars[(n >> 12) & 63];
        text += chars[(n >> 6) & 63];
        text += chars[n & 63];
      }
      if (i < size) {
        uint32_t n = data[i] << 16;
        if (i + 1 < size) n |= data[i + 1] << 8;
        text += chars[(n >> 18) & 63];
        text += chars[(n >> 12) & 63];
        if (i + 1 < size) {
          text += chars[(n >> 6) & 63];
        } else if (encoding == kBase64) {
          text += '=';
        }
        if (encoding == kBase64) text += '=';
      }
      break;
    }
    case kLatin1:
    case kAscii: {
      std::vector<uint8_t> bytes(data, data + size);
      if (encoding == kAscii) {
        for (uint8_t& b : bytes) b &= 0x7f;
      }
      return v8::String::NewFromOneByte(isolate, bytes.data(), v8::NewStringType::kNormal,
                                        static_cast<int>(size))
          .ToLocalChecked();
    }
    case kUtf16le: {
      std::vector<uint16_t> units(size / 2);
      for (size_t i = 0; i < units.size(); i++) {
        units[i] = static_cast<uint16_t>(data[2 * i] | (data[2 * i + 1] << 8));
      }
      return v8::String::NewFromTwoByte(isolate, units.data(), v8::NewStringType::kNormal,
                                        static_cast<int>(units.size()))
          .ToLocalChecked();
    }
    case kUtf8:
      return v8::String::NewFromUtf8(isolate, reinterpret_cast<const char*>(data),
                                     v8::NewStringType::kNormal, static_cast<int>(size))
          .ToLocalChecked();
    case kBuffer:
      break;
  }
  return ToV8(isolate, text);
}

Local<v8::ArrayBuffer> NewArrayBuffer(v8::Isolate* isolate, const uint8_t* data, size_t size) {
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, size);
  if (size > 0) std::memcpy(buffer->Data(), data, size);
  return buffer;
}

// The bytes of `value` (a string decoded with `encoding`, or a buffer view).
// Strings are copied into `storage`.
ByteSpan GetInput(v8::Isolate* isolate, Local<Value> value, Local<Value> encoding,
                  std::vector<uint8_t>* storage) {
  if (!value->IsString()) return GetBytes(value);
  Encoding enc =
      encoding->IsInt32() ? static_cast<Encoding>(encoding.As<v8::Int32>()->Value()) : kUtf8;
  *storage = DecodeString(isolate, value.As<v8::String>(), enc);
  return ByteSpan{storage->data(), storage->size()};
}

// ---------------------------------------------------------------------------
// OpenSSL errors, shaped as Node shapes them: message "error:...", and
// library, reason, code (ERR_OSSL_<LIB>_<REASON>).

Local<Value> CryptoError(v8::Isolate* isolate, unsigned long err, const char* fallback) {
  Local<v8::Context> context = isolate->GetCurrentContext();
  if (err == 0) {
    ERR_clear_error();
    return v8::Exception::Error(ToV8(isolate, fallback));
  }
  char buffer[256];
  ERR_error_string_n(err, buffer, sizeof(buffer));
  ERR_clear_error();
  Local<v8::Object> error = v8::Exception::Error(ToV8(isolate, buffer)).As<v8::Object>();
  const char* library = ERR_lib_error_string(err);
  const char* reason = ERR_reason_error_string(err);
  if (library != nullptr) {
    error->Set(context, ToV8(isolate, "library"), ToV8(isolate, library)).Check();
  }
  if (reason != nullptr) {
    error->Set(context, ToV8(isolate, "reason"), ToV8(isolate, reason)).Check();
    const char* lib_code = "";
    switch (ERR_GET_LIB(err)) {
      case ERR_LIB_EVP:
        lib_code = "EVP_";
        break;
      case ERR_LIB_PROV:
        lib_code = "PROV_";
        break;
      case ERR_LIB_CRYPTO:
        lib_code = "CRYPTO_";
        break;
      case ERR_LIB_RAND:
        lib_code = "RAND_";
        break;
      default:
        break;
    }
    std::string code = std::string("ERR_OSSL_") + lib_code;
    for (const char* p = reason; *p != '\0'; p++) {
      code += *p == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    }
    error->Set(context, ToV8(isolate, "code"), ToV8(isolate, code)).Check();
  }
  return error;
}

void ThrowCryptoError(v8::Isolate* isolate, const char* fallback) {
  isolate->ThrowException(CryptoError(isolate, ERR_get_error(), fallback));
}

// ---------------------------------------------------------------------------
// Digests.

const EVP_MD* FindDigest(v8::Isolate* isolate, Local<Value> name) {
  std::string text = ToStdString(isolate, name);
  const EVP_MD* md = EVP_get_digestbyname(text.c_str());
  ERR_clear_error();
  return md;
}

// digestSize(name) -> size in bytes, or -1 if OpenSSL does not know it.
void DigestSize(const FunctionCallbackInfo<Value>& info) {
  const EVP_MD* md = FindDigest(info.GetIsolate(), info[0]);
  info.GetReturnValue().Set(md == nullptr ? -1 : EVP_MD_get_size(md));
}

// A Hash or Hmac object: one internal field holding the C++ state, freed
// when the JavaScript object is collected.
template <typename State>
class Wrapped {
 public:
  static State* Unwrap(Local<v8::Object> object) {
    return static_cast<State*>(object->GetAlignedPointerFromInternalField(0));
  }

  static void Attach(v8::Isolate* isolate, Local<v8::Object> object, State* state) {
    object->SetAlignedPointerInInternalField(0, state);
    state->self_.Reset(isolate, object);
    state->self_.SetWeak(state, &Wrapped::OnCollected, v8::WeakCallbackType::kParameter);
  }

 private:
  static void OnCollected(const v8::WeakCallbackInfo<State>& data) { delete data.GetParameter(); }
};

struct HashState {
  ~HashState() { EVP_MD_CTX_free(ctx); }
  EVP_MD_CTX* ctx = nullptr;
  const EVP_MD* md = nullptr;
  unsigned int output_length = 0;
  bool finalized = false;
  v8::Global<v8::Object> self_;
};

// new Hash(algorithm | sourceHash, outputLength | -1). Throws when the
// algorithm is unknown (Node's plain "Digest method not supported") or the
// output length is wrong for a non-XOF digest.
void HashNew(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  auto state = std::make_unique<HashState>();
  state->ctx = EVP_MD_CTX_new();
  if (info[0]->IsObject()) {
    HashState* source = Wrapped<HashState>::Unwrap(info[0].As<v8::Object>());
    state->md = source->md;
    if (EVP_MD_CTX_copy_ex(state->ctx, source->ctx) != 1) {
      ThrowCryptoError(isolate, "Digest method not supported");
      return;
    }
  } else {
    state->md = FindDigest(isolate, info[0]);
    if (state->md == nullptr || EVP_DigestInit_ex(state->ctx, state->md, nullptr) != 1) {
      ERR_clear_error();
      isolate->ThrowException(v8::Exception::Error(ToV8(isolate, "Digest method not supported")));
      return;
    }
  }
  state->output_length = EVP_MD_get_size(state->md);
  int64_t requested = info[1]->IntegerValue(context).FromMaybe(-1);
  if (requested >= 0 && requested != state->output_length) {
    if ((EVP_MD_get_flags(state->md) & EVP_MD_FLAG_XOF) == 0) {
      ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
      ThrowCryptoError(isolate, "Invalid XOF digest length");
      return;
    }
    state->output_length = static_cast<unsigned int>(requested);
  }
  Wrapped<HashState>::Attach(isolate, info.This(), state.release());
}

// hash.update(data, encodingId) -> true, or false on failure.
void HashUpdate(const FunctionCallbackInfo<Value>& info) {
  HashState* state = Wrapped<HashState>::Unwrap(info.This());
  std::vector<uint8_t> storage;
  ByteSpan input = GetInput(info.GetIsolate(), info[0], info[1], &storage);
  bool ok = EVP_DigestUpdate(state->ctx, input.data, input.size) == 1;
  info.GetReturnValue().Set(ok);
}

// hash.digest(encodingId) -> string, or an ArrayBuffer for kBuffer.
void HashDigest(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  HashState* state = Wrapped<HashState>::Unwrap(info.This());
  std::vector<uint8_t> out(state->output_length);
  int ok;
  if ((EVP_MD_get_flags(state->md) & EVP_MD_FLAG_XOF) != 0) {
    ok = out.empty() ? 1 : EVP_DigestFinalXOF(state->ctx, out.data(), out.size());
  } else {
    unsigned int length = 0;
    ok = EVP_DigestFinal_ex(state->ctx, out.data(), &length);
  }
  state->finalized = true;
  if (ok != 1) {
    ThrowCryptoError(isolate, "Digest failed");
    return;
  }
  Encoding encoding =
      static_cast<Encoding>(info[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0));
  if (encoding == kBuffer) {
    info.GetReturnValue().Set(NewArrayBuffer(isolate, out.data(), out.size()));
  } else {
    info.GetReturnValue().Set(EncodeBytes(isolate, out.data(), out.size(), encoding));
  }
}

// oneShotDigest(algorithm, data, encodingId, outputEncodingId) -> string |
// ArrayBuffer, or undefined if the algorithm is unknown.
void OneShotDigest(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const EVP_MD* md = FindDigest(isolate, info[0]);
  if (md == nullptr) return;
  std::vector<uint8_t> storage;
  ByteSpan input = GetInput(isolate, info[1], info[2], &storage);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if ((EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0) {
    length = EVP_MD_get_size(md);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    int ok = EVP_DigestInit_ex(ctx, md, nullptr) == 1 &&
             EVP_DigestUpdate(ctx, input.data, input.size) == 1 &&
             EVP_DigestFinalXOF(ctx, out, length) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok) return ThrowCryptoError(isolate, "Digest failed");
  } else if (EVP_Digest(input.data, input.size, out, &length, md, nullptr) != 1) {
    return ThrowCryptoError(isolate, "Digest failed");
  }
  Encoding encoding =
      static_cast<Encoding>(info[3]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0));
  if (encoding == kBuffer) {
    info.GetReturnValue().Set(NewArrayBuffer(isolate, out, length));
  } else {
    info.GetReturnValue().Set(EncodeBytes(isolate, out, length, encoding));
  }
}

void CollectDigestName(const EVP_MD* md, const char* from, const char* to, void* arg) {
  auto* names = static_cast<std::vector<std::string>*>(arg);
  // Aliases (to != nullptr) are listed too, as Node lists them; a digest that
  // this build cannot fetch is left out.
  if (md == nullptr && to == nullptr) return;
  const EVP_MD* fetched = EVP_get_digestbyname(from);
  if (fetched == nullptr) return;
  EVP_MD* implementation = EVP_MD_fetch(nullptr, EVP_MD_get0_name(fetched), nullptr);
  if (implementation == nullptr) {
    ERR_clear_error();
    return;
  }
  EVP_MD_free(implementation);
  names->push_back(from);
}

// getHashes() -> sorted names.
void GetHashes(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<std::string> names;
  EVP_MD_do_all_sorted(CollectDigestName, &names);
  std::vector<Local<Value>> values;
  for (const std::string& name : names) values.push_back(ToV8(isolate, name));
  info.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

// ---------------------------------------------------------------------------
// HMAC (EVP_MAC).

struct HmacState {
  ~HmacState() { EVP_MAC_CTX_free(ctx); }
  EVP_MAC_CTX* ctx = nullptr;
  bool finalized = false;
  v8::Global<v8::Object> self_;
};

// new Hmac(digestName, key) ; the digest name is known to be valid.
void HmacNew(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const EVP_MD* md = FindDigest(isolate, info[0]);
  ByteSpan key = GetBytes(info[1]);
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  auto state = std::make_unique<HmacState>();
  state->ctx = mac == nullptr ? nullptr : EVP_MAC_CTX_new(mac);
  EVP_MAC_free(mac);
  static const unsigned char kEmpty = 0;
  OSSL_PARAM params[2] = {
      OSSL_PARAM_construct_utf8_string("digest", const_cast<char*>(EVP_MD_get0_name(md)), 0),
      OSSL_PARAM_construct_end(),
  };
  if (md == nullptr || state->ctx == nullptr ||
      EVP_MAC_init(state->ctx, key.data == nullptr ? &kEmpty : key.data, key.size, params) != 1) {
    ThrowCryptoError(isolate, "Failed to initialize HMAC");
    return;
  }
  Wrapped<HmacState>::Attach(isolate, info.This(), state.release());
}

void HmacUpdate(const FunctionCallbackInfo<Value>& info) {
  HmacState* state = Wrapped<HmacState>::Unwrap(info.This());
  std::vector<uint8_t> storage;
  ByteSpan input = GetInput(info.GetIsolate(), info[0], info[1], &storage);
  info.GetReturnValue().Set(EVP_MAC_update(state->ctx, input.data, input.size) == 1);
}

// hmac.digest(encodingId): a second digest yields empty output, as in Node.
void HmacDigest(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  HmacState* state = Wrapped<HmacState>::Unwrap(info.This());
  unsigned char out[EVP_MAX_MD_SIZE];
  size_t length = 0;
  if (!state->finalized) {
    state->finalized = true;
    if (EVP_MAC_final(state->ctx, out, &length, sizeof(out)) != 1) {
      ThrowCryptoError(isolate, "HMAC digest failed");
      return;
    }
  }
  Encoding encoding =
      static_cast<Encoding>(info[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0));
  if (encoding == kBuffer) {
    info.GetReturnValue().Set(NewArrayBuffer(isolate, out, length));
  } else {
    info.GetReturnValue().Set(EncodeBytes(isolate, out, length, encoding));
  }
}

// ---------------------------------------------------------------------------
// Key derivation and randomness, synchronous or on the thread pool.

struct Pbkdf2Params {
  std::vector<uint8_t> password;
  std::vector<uint8_t> salt;
  int iterations = 1;
  const EVP_MD* md = nullptr;
};

struct ScryptParams {
  std::vector<uint8_t> password;
  std::vector<uint8_t> salt;
  uint64_t n = 0, r = 0, p = 0, maxmem = 0;
};

std::vector<uint8_t> CopyBytes(Local<Value> value) {
  ByteSpan span = GetBytes(value);
  return std::vector<uint8_t>(span.data, span.data + span.size);
}

// A job computes into `output` on the pool; the callback gets
// (null, ArrayBuffer) or (error).
class DeriveJob final : public ThreadPoolWork {
 public:
  using Work = bool (*)(const void* params, uint8_t* out, size_t size, unsigned long* err);

  DeriveJob(Env& env, Local<v8::Function> callback, size_t size, Work work,
            std::shared_ptr<const void> params)
      : ThreadPoolWork(env),
        callback_(env.isolate(), callback),
        work_(work),
        params_(std::move(params)),
        output_(v8::ArrayBuffer::NewBackingStore(env.isolate(), size)) {}

 protected:
  void DoWork() override {
    ok_ = work_(params_.get(), static_cast<uint8_t*>(output_->Data()), output_->ByteLength(),
                &error_);
  }

  void AfterWork(int status) override {
    v8::Isolate* isolate = env().isolate();
    Local<v8::Function> callback = callback_.Get(isolate);
    Local<Value> args[2];
    int argc;
    if (status != 0) {
      args[0] = UVException(isolate, status, "crypto");
      argc = 1;
    } else if (!ok_) {
      args[0] = CryptoError(isolate, error_, "Key derivation failed");
      argc = 1;
    } else {
      args[0] = v8::Null(isolate);
      args[1] = v8::ArrayBuffer::New(isolate, std::move(output_));
      argc = 2;
    }
    env().MakeCallback(callback, v8::Undefined(isolate), argc, args);
  }

 private:
  v8::Global<v8::Function> callback_;
  Work work_;
  std::shared_ptr<const void> params_;
  std::unique_ptr<v8::BackingStore> output_;
  bool ok_ = false;
  unsigned long error_ = 0;
};

bool RunPbkdf2(const void* raw, uint8_t* out, size_t size, unsigned long* err) {
  const auto* params = static_cast<const Pbkdf2Params*>(raw);
  static const unsigned char kEmpty = 0;
  bool ok = PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(
                                  params->password.empty() ? &kEmpty : params->password.data()),
                              static_cast<int>(params->password.size()),
                              params->salt.empty() ? &kEmpty : params->salt.data(),
                              static_cast<int>(params->salt.size()), params->iterations, params->md,
                              static_cast<int>(size), out) == 1;
  if (!ok) *err = ERR_get_error();
  ERR_clear_error();
  return ok;
}

bool RunScrypt(const void* raw, uint8_t* out, size_t size, unsigned long* err) {
  const auto* params = static_cast<const ScryptParams*>(raw);
  static const unsigned char kEmpty = 0;
  bool ok =
      EVP_PBE_scrypt(
          reinterpret_cast<const char*>(params->password.empty() ? &kEmpty
                                                                 : params->password.data()),
          params->password.size(), params->salt.empty() ? &kEmpty : params->salt.data(),
          params->salt.size(), params->n, params->r, params->p, params->maxmem, out, size) == 1;
  if (!ok) *err = ERR_get_error();
  ERR_clear_error();
  return ok;
}

// Runs `work` now (returning the ArrayBuffer) or, with a callback, on the pool.
void RunDerive(const FunctionCallbackInfo<Value>& info, Local<Value> callback, size_t size,
               DeriveJob::Work work, std::shared_ptr<const void> params) {
  v8::Isolate* isolate = info.GetIsolate();
  if (callback->IsFunction()) {
    auto* job =
        new DeriveJob(*Env::From(info), callback.As<v8::Function>(), size, work, std::move(params));
    int err = job->Queue();
    if (err != 0) {
      delete job;
      isolate->ThrowException(UVException(isolate, err, "uv_queue_work"));
    }
    return;
  }
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, size);
  unsigned long error = 0;
  if (!work(params.get(), static_cast<uint8_t*>(buffer->Data()), size, &error)) {
    isolate->ThrowException(CryptoError(isolate, error, "Key derivation failed"));
    return;
  }
  info.GetReturnValue().Set(buffer);
}

// pbkdf2(password, salt, iterations, keylen, digest, callback?)
void Pbkdf2(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  auto params = std::make_shared<Pbkdf2Params>();
  params->password = CopyBytes(info[0]);
  params->salt = CopyBytes(info[1]);
  params->iterations = info[2]->Int32Value(context).FromJust();
  size_t keylen = static_cast<size_t>(info[3]->IntegerValue(context).FromJust());
  params->md = FindDigest(isolate, info[4]);
  RunDerive(info, info[5], keylen, RunPbkdf2, params);
}

// scrypt(password, salt, keylen, N, r, p, maxmem, callback?)
void Scrypt(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  auto params = std::make_shared<ScryptParams>();
  params->password = CopyBytes(info[0]);
  params->salt = CopyBytes(info[1]);
  size_t keylen = static_cast<size_t>(info[2]->IntegerValue(context).FromJust());
  params->n = static_cast<uint64_t>(info[3]->IntegerValue(context).FromJust());
  params->r = static_cast<uint64_t>(info[4]->IntegerValue(context).FromJust());
  params->p = static_cast<uint64_t>(info[5]->IntegerValue(context).FromJust());
  params->maxmem = static_cast<uint64_t>(info[6]->IntegerValue(context).FromJust());
  RunDerive(info, info[7], keylen, RunScrypt, params);
}

// checkScryptParams(N, r, p, maxmem) -> "" if OpenSSL accepts them, else the
// OpenSSL error text (empty reason when OpenSSL gives none).
void CheckScryptParams(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  uint64_t n = static_cast<uint64_t>(info[0]->IntegerValue(context).FromJust());
  uint64_t r = static_cast<uint64_t>(info[1]->IntegerValue(context).FromJust());
  uint64_t p = static_cast<uint64_t>(info[2]->IntegerValue(context).FromJust());
  uint64_t maxmem = static_cast<uint64_t>(info[3]->IntegerValue(context).FromJust());
  ERR_clear_error();
  if (EVP_PBE_scrypt(nullptr, 0, nullptr, 0, n, r, p, maxmem, nullptr, 0) == 1) {
    info.GetReturnValue().Set(true);
    return;
  }
  unsigned long err = ERR_get_error();
  ERR_clear_error();
  if (err == 0) {
    info.GetReturnValue().Set(false);
    return;
  }
  char buffer[256];
  ERR_error_string_n(err, buffer, sizeof(buffer));
  info.GetReturnValue().Set(ToV8(isolate, buffer));
}

// randomFill(arrayBuffer, offset, size, callback?): the callback gets (error)
// or (null); the bytes are written in place.
class RandomFillJob final : public ThreadPoolWork {
 public:
  RandomFillJob(Env& env, Local<v8::Function> callback, std::shared_ptr<v8::BackingStore> store,
                size_t offset, size_t size)
      : ThreadPoolWork(env),
        callback_(env.isolate(), callback),
        store_(std::move(store)),
        offset_(offset),
        size_(size) {}

 protected:
  void DoWork() override {
    ok_ = size_ == 0 ||
          RAND_bytes(static_cast<uint8_t*>(store_->Data()) + offset_, static_cast<int>(size_)) == 1;
    if (!ok_) error_ = ERR_get_error();
    ERR_clear_error();
  }
  void AfterWork(int status) override {
    v8::Isolate* isolate = env().isolate();
    Local<Value> args[1] = {v8::Null(isolate)};
    if (status != 0) {
      args[0] = UVException(isolate, status, "crypto");
    } else if (!ok_) {
      args[0] = CryptoError(isolate, error_, "Random generation failed");
    }
    env().MakeCallback(callback_.Get(isolate), v8::Undefined(isolate), 1, args);
  }

 private:
  v8::Global<v8::Function> callback_;
  std::shared_ptr<v8::BackingStore> store_;
  size_t offset_;
  size_t size_;
  bool ok_ = false;
  unsigned long error_ = 0;
};

// randomFill(arrayBuffer, byteOffset, size, callback?)
void RandomFill(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  std::shared_ptr<v8::BackingStore> store =
      info[0]->IsSharedArrayBuffer() ? info[0].As<v8::SharedArrayBuffer>()->GetBackingStore()
                                     : info[0].As<v8::ArrayBuffer>()->GetBackingStore();
  size_t offset = static_cast<size_t>(info[1]->IntegerValue(context).FromJust());
  size_t size = static_cast<size_t>(info[2]->IntegerValue(context).FromJust());
  if (info[3]->IsFunction()) {
    auto* job =
        new RandomFillJob(*Env::From(info), info[3].As<v8::Function>(), store, offset, size);
    int err = job->Queue();
    if (err != 0) {
      delete job;
      isolate->ThrowException(UVException(isolate, err, "uv_queue_work"));
    }
    return;
  }
  if (size > 0 &&
      RAND_bytes(static_cast<uint8_t*>(store->Data()) + offset, static_cast<int>(size)) != 1) {
    ThrowCryptoError(isolate, "Random generation failed");
  }
}

// timingSafeEqual(a, b): same lengths, checked by JavaScript.
void TimingSafeEqual(const FunctionCallbackInfo<Value>& info) {
  ByteSpan a = GetBytes(info[0]);
  ByteSpan b = GetBytes(info[1]);
  info.GetReturnValue().Set(a.size == 0 || CRYPTO_memcmp(a.data, b.data, a.size) == 0);
}

// encode(view, encodingId) -> string: Buffer#toString for when the buffer
// module is not loaded.
void Encode(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  ByteSpan span = GetBytes(info[0]);
  Encoding encoding =
      static_cast<Encoding>(info[1]->Int32Value(isolate->GetCurrentContext()).FromMaybe(1));
  info.GetReturnValue().Set(EncodeBytes(isolate, span.data, span.size, encoding));
}

// decode(string, encodingId) -> ArrayBuffer.
void Decode(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<uint8_t> storage;
  ByteSpan span = GetInput(isolate, info[0], info[1], &storage);
  info.GetReturnValue().Set(NewArrayBuffer(isolate, span.data, span.size));
}

constexpr Method kMethods[] = {
    {"digestSize", DigestSize}, {"oneShotDigest", OneShotDigest},
    {"getHashes", GetHashes},   {"pbkdf2", Pbkdf2},
    {"scrypt", Scrypt},         {"checkScryptParams", CheckScryptParams},
    {"randomFill", RandomFill}, {"timingSafeEqual", TimingSafeEqual},
    {"encode", Encode},         {"decode", Decode},
};

constexpr Method kHashMethods[] = {
    {"update", HashUpdate},
    {"digest", HashDigest},
};

constexpr Method kHmacMethods[] = {
    {"update", HmacUpdate},
    {"digest", HmacDigest},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(HashNew);
  refs.Add(kHashMethods);
  refs.Add(HmacNew);
  refs.Add(kHmacMethods);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  SetClass(env, target, "Hash", HashNew, kHashMethods);
  SetClass(env, target, "Hmac", HmacNew, kHmacMethods);
}

}  // namespace nodus::bindings::crypto
