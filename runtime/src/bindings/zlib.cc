// internalBinding('zlib'): a compression engine over zlib and brotli that the
// zlib module drives chunk by chunk, synchronously or on libuv's thread pool.
//
// JS creates `new Engine(mode)`, calls init(...), then write/writeSync with
// (flush, input, inOffset, inLength, output, outOffset, outLength); each call
// reports [availOutAfter, availInAfter] in the engine's `state` array, and
// errors as (message, errno, code). The JS side owns the buffers and keeps
// them alive while a write is in flight.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"
#include "thread_pool_work.h"

namespace nodus::bindings::zlib {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// Node's mode numbers (zlib.constants.DEFLATE ...).
enum Mode {
  kNone = 0,
  kDeflate = 1,
  kInflate = 2,
  kGzip = 3,
  kGunzip = 4,
  kDeflateRaw = 5,
  kInflateRaw = 6,
  kUnzip = 7,
  kBrotliDecode = 8,
  kBrotliEncode = 9,
};

constexpr uint8_t kGzipMagic0 = 0x1f;
constexpr uint8_t kGzipMagic1 = 0x8b;

// "_ERROR_FORMAT_PADDING_1" for BROTLI_DECODER_ERROR_FORMAT_PADDING_1, the
// suffix Node turns into the error's code.
const char* BrotliErrorName(BrotliDecoderErrorCode code) {
  switch (static_cast<int>(code)) {
#define NODUS_BROTLI_CASE(prefix, name, value) \
  case value:                                  \
    return #prefix #name;
    BROTLI_DECODER_ERROR_CODES_LIST(NODUS_BROTLI_CASE, )
#undef NODUS_BROTLI_CASE
  }
  return "_ERROR_UNREACHABLE";
}

// One compression or decompression stream. Owned by its JS object (an
// internal field); freed on close() or when the object is collected.
class Engine {
 public:
  explicit Engine(Mode mode) : mode_(mode) { std::memset(&strm_, 0, sizeof(strm_)); }
  ~Engine() { Close(); }

  Mode mode() const { return mode_; }
  bool write_in_progress = false;

  // Returns false and sets the error on failure.
  bool Init(int level, int window_bits, int mem_level, int strategy,
            const std::vector<uint8_t>& dictionary) {
    level_ = level;
    window_bits_ = window_bits;
    mem_level_ = mem_level;
    strategy_ = strategy;
    dictionary_ = dictionary;
    int err = Z_OK;
    switch (mode_) {
      case kDeflate:
      case kGzip:
      case kDeflateRaw:
        err = deflateInit2(&strm_, level, Z_DEFLATED, ZlibWindowBits(), mem_level, strategy);
        break;
      case kInflate:
      case kGunzip:
      case kInflateRaw:
      case kUnzip:
        err = inflateInit2(&strm_, ZlibWindowBits());
        break;
      default:
        return SetError("Init error", Z_STREAM_ERROR);
    }
    if (err != Z_OK) {
      mode_ = kNone;
      return SetError("Init error", err);
    }
    zlib_ready_ = true;
    return SetDictionary();
  }

  bool InitBrotli(const std::vector<std::pair<int, uint32_t>>& params) {
    if (mode_ == kBrotliEncode) {
      encoder_ = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
      if (encoder_ == nullptr)
        return SetError("Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
      for (const auto& [key, value] : params) {
        if (!BrotliEncoderSetParameter(encoder_, static_cast<BrotliEncoderParameter>(key), value)) {
          return SetError("Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
        }
      }
    } else {
      decoder_ = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
      if (decoder_ == nullptr)
        return SetError("Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
      for (const auto& [key, value] : params) {
        if (!BrotliDecoderSetParameter(decoder_, static_cast<BrotliDecoderParameter>(key), value)) {
          return SetError("Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
        }
      }
    }
    return true;
  }

  // Runs on any thread: no V8.
  void Write(int flush, const uint8_t* in, uint32_t in_len, uint8_t* out, uint32_t out_len) {
    error_.clear();
    if (mode_ == kBrotliEncode || mode_ == kBrotliDecode) {
      WriteBrotli(flush, in, in_len, out, out_len);
      return;
    }
    strm_.next_in = const_cast<Bytef*>(in);
    strm_.avail_in = in_len;
    strm_.next_out = out;
    strm_.avail_out = out_len;
    int err = Z_OK;
    switch (mode_) {
      case kDeflate:
      case kGzip:
      case kDeflateRaw:
        err = deflate(&strm_, flush);
        break;
      case kUnzip:
      case kInflate:
      case kGunzip:
      case kInflateRaw:
        err = inflate(&strm_, flush);
        if (err == Z_NEED_DICT && !dictionary_.empty()) {
          err = inflateSetDictionary(&strm_, dictionary_.data(),
                                     static_cast<uInt>(dictionary_.size()));
          if (err == Z_OK) {
            err = inflate(&strm_, flush);
          } else if (err == Z_DATA_ERROR) {
            err = Z_NEED_DICT;  // reported as "Bad dictionary"
          }
        }
        // Concatenated gzip members: after one ends, the next starts fresh.
        while (mode_ == kGunzip && err == Z_STREAM_END && strm_.avail_in > 0 &&
               strm_.next_in[0] == kGzipMagic0) {
          if (strm_.avail_in > 1 && strm_.next_in[1] != kGzipMagic1) break;
          inflateReset(&strm_);
          err = inflate(&strm_, flush);
        }
        break;
      default:
        SetError("zlib binding closed", Z_STREAM_ERROR);
        return;
    }
    CheckZlibResult(err, flush);
  }

  void Reset() {
    error_.clear();
    if (encoder_ != nullptr || decoder_ != nullptr) {
      std::vector<std::pair<int, uint32_t>> none;
      CloseBrotli();
      InitBrotli(none);
      return;
    }
    if (!zlib_ready_) return;
    int err = Z_OK;
    if (mode_ == kDeflate || mode_ == kGzip || mode_ == kDeflateRaw) {
      err = deflateReset(&strm_);
    } else {
      err = inflateReset(&strm_);
    }
    if (err != Z_OK) {
      SetError("Failed to reset stream", err);
      return;
    }
    SetDictionary();
  }

  bool Params(int level, int strategy) {
    error_.clear();
    if (mode_ != kDeflate && mode_ != kGzip && mode_ != kDeflateRaw) return true;
    int err = deflateParams(&strm_, level, strategy);
    if (err != Z_OK && err != Z_BUF_ERROR) return SetError("Failed to set parameters", err);
    return true;
  }

  void Close() {
    if (zlib_ready_) {
      if (mode_ == kDeflate || mode_ == kGzip || mode_ == kDeflateRaw) {
        deflateEnd(&strm_);
      } else {
        inflateEnd(&strm_);
      }
      zlib_ready_ = false;
    }
    CloseBrotli();
  }

  uint32_t avail_in() const { return avail_in_; }
  uint32_t avail_out() const { return avail_out_; }
  const std::string& error() const { return error_; }
  int error_number() const { return error_number_; }
  const std::string& error_code() const { return error_code_; }

 private:
  // Node's windowBits: gzip adds 16, unzip auto-detects (32), raw negates.
  int ZlibWindowBits() const {
    switch (mode_) {
      case kGzip:
      case kGunzip:
        return window_bits_ + 16;
      case kUnzip:
        return window_bits_ + 32;
      case kDeflateRaw:
      case kInflateRaw:
        return -window_bits_;
      default:
        return window_bits_;
    }
  }

  bool SetDictionary() {
    if (dictionary_.empty()) return true;
    int err = Z_OK;
    if (mode_ == kDeflate || mode_ == kDeflateRaw) {
      err = deflateSetDictionary(&strm_, dictionary_.data(), static_cast<uInt>(dictionary_.size()));
    } else if (mode_ == kInflateRaw) {
      err = inflateSetDictionary(&strm_, dictionary_.data(), static_cast<uInt>(dictionary_.size()));
    }
    if (err != Z_OK) return SetError("Failed to set dictionary", err);
    return true;
  }

  void CheckZlibResult(int err, int flush) {
    avail_in_ = strm_.avail_in;
    avail_out_ = strm_.avail_out;
    switch (err) {
      case Z_OK:
      case Z_STREAM_END:
        return;
      case Z_BUF_ERROR:
        // No progress is fine, except when the input ended early.
        if (strm_.avail_out != 0 && flush == Z_FINISH) {
          SetError("unexpected end of file", err);
        }
        return;
      case Z_NEED_DICT:
        SetError(dictionary_.empty() ? "Missing dictionary" : "Bad dictionary", err);
        return;
      default:
        SetError(strm_.msg != nullptr ? strm_.msg : "Zlib error", err);
    }
  }

  void WriteBrotli(int flush, const uint8_t* in, uint32_t in_len, uint8_t* out, uint32_t out_len) {
    size_t available_in = in_len;
    size_t available_out = out_len;
    const uint8_t* next_in = in;
    uint8_t* next_out = out;
    if (mode_ == kBrotliEncode) {
      if (encoder_ == nullptr) {
        SetError("zlib binding closed", -1);
        return;
      }
      if (!BrotliEncoderCompressStream(encoder_, static_cast<BrotliEncoderOperation>(flush),
                                       &available_in, &next_in, &available_out, &next_out,
                                       nullptr)) {
        SetError("Compression failed", -1, "ERR_BROTLI_COMPRESSION_FAILED");
      }
    } else {
      if (decoder_ == nullptr) {
        SetError("zlib binding closed", -1);
        return;
      }
      BrotliDecoderResult result = BrotliDecoderDecompressStream(
          decoder_, &available_in, &next_in, &available_out, &next_out, nullptr);
      if (result == BROTLI_DECODER_RESULT_ERROR) {
        BrotliDecoderErrorCode code = BrotliDecoderGetErrorCode(decoder_);
        // Node's code: "ERR_" + the code's name ("ERR__ERROR_FORMAT_PADDING_1").
        SetError("Decompression failed", static_cast<int>(code),
                 std::string("ERR_") + BrotliErrorName(code));
      } else if (flush == BROTLI_OPERATION_FINISH &&
                 result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
        SetError("unexpected end of file", Z_BUF_ERROR, "Z_BUF_ERROR");
      }
    }
    avail_in_ = static_cast<uint32_t>(available_in);
    avail_out_ = static_cast<uint32_t>(available_out);
  }

  void CloseBrotli() {
    if (encoder_ != nullptr) BrotliEncoderDestroyInstance(encoder_);
    if (decoder_ != nullptr) BrotliDecoderDestroyInstance(decoder_);
    encoder_ = nullptr;
    decoder_ = nullptr;
  }

  bool SetError(const char* message, int number, std::string code = {}) {
    error_ = message;
    error_number_ = number;
    if (code.empty()) code = ZlibCodeName(number);
    error_code_ = std::move(code);
    return false;
  }

  static const char* ZlibCodeName(int err) {
    switch (err) {
      case Z_OK:
        return "Z_OK";
      case Z_STREAM_END:
        return "Z_STREAM_END";
      case Z_NEED_DICT:
        return "Z_NEED_DICT";
      case Z_ERRNO:
        return "Z_ERRNO";
      case Z_STREAM_ERROR:
        return "Z_STREAM_ERROR";
      case Z_DATA_ERROR:
        return "Z_DATA_ERROR";
      case Z_MEM_ERROR:
        return "Z_MEM_ERROR";
      case Z_BUF_ERROR:
        return "Z_BUF_ERROR";
      case Z_VERSION_ERROR:
        return "Z_VERSION_ERROR";
      default:
        return "Z_UNKNOWN_ERROR";
    }
  }

  Mode mode_;
  z_stream strm_;
  bool zlib_ready_ = false;
  BrotliEncoderState* encoder_ = nullptr;
  BrotliDecoderState* decoder_ = nullptr;
  int level_ = 0;
  int window_bits_ = 0;
  int mem_level_ = 0;
  int strategy_ = 0;
  std::vector<uint8_t> dictionary_;
  uint32_t avail_in_ = 0;
  uint32_t avail_out_ = 0;
  std::string error_;
  int error_number_ = 0;
  std::string error_code_;
};

Engine* Unwrap(const FunctionCallbackInfo<Value>& info) {
  return static_cast<Engine*>(info.This()->GetAlignedPointerFromInternalField(0));
}

uint8_t* ViewData(Local<Value> value, size_t offset) {
  auto view = value.As<v8::ArrayBufferView>();
  return static_cast<uint8_t*>(view->Buffer()->Data()) + view->ByteOffset() + offset;
}

uint32_t U32(const FunctionCallbackInfo<Value>& info, int index) {
  return info[index]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}

int32_t I32(const FunctionCallbackInfo<Value>& info, int index) {
  return info[index]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}

// Reports the engine's result to JS: state = [availOut, availIn]; returns
// true, or calls onerror(message, errno, code) on the object and returns false.
bool Report(Env& env, Local<v8::Object> self, Engine* engine) {
  v8::Isolate* isolate = env.isolate();
  Local<v8::Context> context = env.context();
  Local<Value> state;
  if (self->Get(context, ToV8(isolate, "state")).ToLocal(&state) && state->IsUint32Array()) {
    uint32_t* data = TypedArrayData<uint32_t>(state.As<v8::Uint32Array>());
    data[0] = engine->avail_out();
    data[1] = engine->avail_in();
  }
  if (engine->error().empty()) return true;
  Local<Value> onerror;
  if (self->Get(context, ToV8(isolate, "onerror")).ToLocal(&onerror) && onerror->IsFunction()) {
    Local<Value> args[] = {ToV8(isolate, engine->error()),
                           v8::Integer::New(isolate, engine->error_number()),
                           ToV8(isolate, engine->error_code())};
    if (env.MakeCallback(onerror.As<v8::Function>(), self, std::size(args), args).IsEmpty()) {
      // Reported through the uncaught-exception path already.
    }
  }
  return false;
}

struct EngineHolder {
  v8::Global<v8::Object> object;
  Engine* engine;
};

void New(const FunctionCallbackInfo<Value>& info) {
  auto mode = static_cast<Mode>(I32(info, 0));
  auto* engine = new Engine(mode);
  info.This()->SetAlignedPointerInInternalField(0, engine);
  // Collected engines free their zlib state. The weak callback runs while the
  // object is being collected, so it must not touch the object: the holder
  // carries the engine pointer itself.
  auto* holder = new EngineHolder{v8::Global<v8::Object>(info.GetIsolate(), info.This()), engine};
  holder->object.SetWeak(
      holder,
      [](const v8::WeakCallbackInfo<EngineHolder>& data) {
        EngineHolder* owned = data.GetParameter();
        owned->object.Reset();
        delete owned->engine;
        delete owned;
      },
      v8::WeakCallbackType::kParameter);
}

// init(level, windowBits, memLevel, strategy, dictionary?) -> bool
void Init(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = Unwrap(info);
  std::vector<uint8_t> dictionary;
  if (info[4]->IsArrayBufferView()) {
    auto view = info[4].As<v8::ArrayBufferView>();
    uint8_t* data = ViewData(view, 0);
    dictionary.assign(data, data + view->ByteLength());
  }
  bool ok = engine->Init(I32(info, 0), I32(info, 1), I32(info, 2), I32(info, 3), dictionary);
  if (!ok) Report(*Env::From(info), info.This(), engine);
  info.GetReturnValue().Set(ok);
}

// initBrotli(Uint32Array params: value per parameter index, 0xFFFFFFFF = unset) -> bool
void InitBrotli(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = Unwrap(info);
  std::vector<std::pair<int, uint32_t>> params;
  if (info[0]->IsUint32Array()) {
    auto array = info[0].As<v8::Uint32Array>();
    uint32_t* data = TypedArrayData<uint32_t>(array);
    for (size_t i = 0; i < array->Length(); i++) {
      if (data[i] != 0xFFFFFFFFu) params.emplace_back(static_cast<int>(i), data[i]);
    }
  }
  bool ok = engine->InitBrotli(params);
  if (!ok) Report(*Env::From(info), info.This(), engine);
  info.GetReturnValue().Set(ok);
}

// writeSync(flush, in, inOff, inLen, out, outOff, outLen) -> bool (false: onerror called)
void WriteSync(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = Unwrap(info);
  uint8_t* in = info[1]->IsArrayBufferView() ? ViewData(info[1], U32(info, 2)) : nullptr;
  engine->Write(I32(info, 0), in, in != nullptr ? U32(info, 3) : 0, ViewData(info[4], U32(info, 5)),
                U32(info, 6));
  info.GetReturnValue().Set(Report(*Env::From(info), info.This(), engine));
}

class WriteWork final : public ThreadPoolWork {
 public:
  WriteWork(Env& env, Local<v8::Object> self, Engine* engine, int flush, const uint8_t* in,
            uint32_t in_len, uint8_t* out, uint32_t out_len)
      : ThreadPoolWork(env),
        self_(env.isolate(), self),
        engine_(engine),
        flush_(flush),
        in_(in),
        in_len_(in_len),
        out_(out),
        out_len_(out_len) {}

 protected:
  void DoWork() override { engine_->Write(flush_, in_, in_len_, out_, out_len_); }
  void AfterWork(int status) override {
    engine_->write_in_progress = false;
    Local<v8::Object> self = self_.Get(env().isolate());
    if (!Report(env(), self, engine_)) return;
    Local<Value> callback;
    if (self->Get(env().context(), ToV8(env().isolate(), "callback")).ToLocal(&callback) &&
        callback->IsFunction()) {
      if (env().MakeCallback(callback.As<v8::Function>(), self, 0, nullptr).IsEmpty()) {
        // Reported through the uncaught-exception path already.
      }
    }
  }

 private:
  v8::Global<v8::Object> self_;
  Engine* engine_;
  int flush_;
  const uint8_t* in_;
  uint32_t in_len_;
  uint8_t* out_;
  uint32_t out_len_;
};

// write(...same as writeSync): runs on the thread pool, then calls
// this.callback() (or this.onerror(...)).
void Write(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = Unwrap(info);
  uint8_t* in = info[1]->IsArrayBufferView() ? ViewData(info[1], U32(info, 2)) : nullptr;
  engine->write_in_progress = true;
  auto* work = new WriteWork(*Env::From(info), info.This(), engine, I32(info, 0), in,
                             in != nullptr ? U32(info, 3) : 0, ViewData(info[4], U32(info, 5)),
                             U32(info, 6));
  int err = work->Queue();
  if (err != 0) {
    delete work;
    info.GetIsolate()->ThrowException(UVException(info.GetIsolate(), err, "uv_queue_work"));
  }
}

void Params(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = Unwrap(info);
  bool ok = engine->Params(I32(info, 0), I32(info, 1));
  if (!ok) Report(*Env::From(info), info.This(), engine);
  info.GetReturnValue().Set(ok);
}

void Reset(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = Unwrap(info);
  engine->Reset();
  Report(*Env::From(info), info.This(), engine);
}

void Close(const FunctionCallbackInfo<Value>& info) { Unwrap(info)->Close(); }

void Crc32(const FunctionCallbackInfo<Value>& info) {
  uint32_t value = U32(info, 1);
  auto view = info[0].As<v8::ArrayBufferView>();
  value =
      static_cast<uint32_t>(crc32(value, ViewData(view, 0), static_cast<uInt>(view->ByteLength())));
  info.GetReturnValue().Set(value);
}

constexpr Method kEngineMethods[] = {
    {"init", Init},     {"initBrotli", InitBrotli}, {"writeSync", WriteSync}, {"write", Write},
    {"params", Params}, {"reset", Reset},           {"close", Close},
};

constexpr Method kMethods[] = {{"crc32", Crc32}};

struct Constant {
  const char* name;
  double value;
};
constexpr Constant kZlibConstants[] = {
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_OK", Z_OK},
    {"Z_STREAM_END", Z_STREAM_END},
    {"Z_NEED_DICT", Z_NEED_DICT},
    {"Z_ERRNO", Z_ERRNO},
    {"Z_STREAM_ERROR", Z_STREAM_ERROR},
    {"Z_DATA_ERROR", Z_DATA_ERROR},
    {"Z_MEM_ERROR", Z_MEM_ERROR},
    {"Z_BUF_ERROR", Z_BUF_ERROR},
    {"Z_VERSION_ERROR", Z_VERSION_ERROR},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_RLE", Z_RLE},
    {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"ZLIB_VERNUM", ZLIB_VERNUM},
};
constexpr Constant kBrotliConstants[] = {
    {"BROTLI_OPERATION_PROCESS", BROTLI_OPERATION_PROCESS},
    {"BROTLI_OPERATION_FLUSH", BROTLI_OPERATION_FLUSH},
    {"BROTLI_OPERATION_FINISH", BROTLI_OPERATION_FINISH},
    {"BROTLI_OPERATION_EMIT_METADATA", BROTLI_OPERATION_EMIT_METADATA},
    {"BROTLI_PARAM_MODE", BROTLI_PARAM_MODE},
    {"BROTLI_MODE_GENERIC", BROTLI_MODE_GENERIC},
    {"BROTLI_MODE_TEXT", BROTLI_MODE_TEXT},
    {"BROTLI_MODE_FONT", BROTLI_MODE_FONT},
    {"BROTLI_DEFAULT_MODE", BROTLI_DEFAULT_MODE},
    {"BROTLI_PARAM_QUALITY", BROTLI_PARAM_QUALITY},
    {"BROTLI_MIN_QUALITY", BROTLI_MIN_QUALITY},
    {"BROTLI_MAX_QUALITY", BROTLI_MAX_QUALITY},
    {"BROTLI_DEFAULT_QUALITY", BROTLI_DEFAULT_QUALITY},
    {"BROTLI_PARAM_LGWIN", BROTLI_PARAM_LGWIN},
    {"BROTLI_MIN_WINDOW_BITS", BROTLI_MIN_WINDOW_BITS},
    {"BROTLI_MAX_WINDOW_BITS", BROTLI_MAX_WINDOW_BITS},
    {"BROTLI_LARGE_MAX_WINDOW_BITS", BROTLI_LARGE_MAX_WINDOW_BITS},
    {"BROTLI_DEFAULT_WINDOW", BROTLI_DEFAULT_WINDOW},
    {"BROTLI_PARAM_LGBLOCK", BROTLI_PARAM_LGBLOCK},
    {"BROTLI_MIN_INPUT_BLOCK_BITS", BROTLI_MIN_INPUT_BLOCK_BITS},
    {"BROTLI_MAX_INPUT_BLOCK_BITS", BROTLI_MAX_INPUT_BLOCK_BITS},
    {"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING",
     BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING},
    {"BROTLI_PARAM_SIZE_HINT", BROTLI_PARAM_SIZE_HINT},
    {"BROTLI_PARAM_LARGE_WINDOW", BROTLI_PARAM_LARGE_WINDOW},
    {"BROTLI_PARAM_NPOSTFIX", BROTLI_PARAM_NPOSTFIX},
    {"BROTLI_PARAM_NDIRECT", BROTLI_PARAM_NDIRECT},
    {"BROTLI_DECODER_RESULT_ERROR", BROTLI_DECODER_RESULT_ERROR},
    {"BROTLI_DECODER_RESULT_SUCCESS", BROTLI_DECODER_RESULT_SUCCESS},
    {"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT},
    {"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT},
    {"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION",
     BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION},
    {"BROTLI_DECODER_PARAM_LARGE_WINDOW", BROTLI_DECODER_PARAM_LARGE_WINDOW},
};
#define NODUS_BROTLI_ERROR(prefix, name, value) {"BROTLI_DECODER" #prefix #name, value},
constexpr Constant kBrotliErrors[] = {BROTLI_DECODER_ERROR_CODES_LIST(NODUS_BROTLI_ERROR, )};
#undef NODUS_BROTLI_ERROR

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(New);
  refs.Add(kEngineMethods);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env.isolate();
  SetMethods(env, target, kMethods);
  Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->SetClassName(ToV8(isolate, "Zlib"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  for (const Method& method : kEngineMethods) {
    tmpl->PrototypeTemplate()->Set(ToV8(isolate, method.name),
                                   v8::FunctionTemplate::New(isolate, method.callback));
  }
  SetValue(env, target, "Engine", tmpl->GetFunction(env.context()).ToLocalChecked());
  SetValue(env, target, "zlibVersion", ToV8(isolate, zlibVersion()));

  // zlib.constants, in Node's order.
  Local<v8::Object> c = v8::Object::New(isolate);
  auto set = [&](const char* name, double value) { SetConstant(env, c, name, value); };
  for (const Constant& constant : kZlibConstants) set(constant.name, constant.value);
  set("DEFLATE", kDeflate);
  set("INFLATE", kInflate);
  set("GZIP", kGzip);
  set("GUNZIP", kGunzip);
  set("DEFLATERAW", kDeflateRaw);
  set("INFLATERAW", kInflateRaw);
  set("UNZIP", kUnzip);
  set("BROTLI_DECODE", kBrotliDecode);
  set("BROTLI_ENCODE", kBrotliEncode);
  set("Z_MIN_WINDOWBITS", 8);
  set("Z_MAX_WINDOWBITS", 15);
  set("Z_DEFAULT_WINDOWBITS", 15);
  set("Z_MIN_CHUNK", 64);
  set("Z_MAX_CHUNK", std::numeric_limits<double>::infinity());
  set("Z_DEFAULT_CHUNK", 16 * 1024);
  set("Z_MIN_MEMLEVEL", 1);
  set("Z_MAX_MEMLEVEL", 9);
  set("Z_DEFAULT_MEMLEVEL", 8);
  set("Z_MIN_LEVEL", -1);
  set("Z_MAX_LEVEL", 9);
  set("Z_DEFAULT_LEVEL", Z_DEFAULT_COMPRESSION);
  for (const Constant& constant : kBrotliConstants) set(constant.name, constant.value);
  for (const Constant& constant : kBrotliErrors) {
    // Node 20's list lacks FORMAT_BLOCK_SWITCH (added in a newer brotli).
    if (std::strcmp(constant.name, "BROTLI_DECODER_ERROR_FORMAT_BLOCK_SWITCH") != 0) {
      set(constant.name, constant.value);
    }
  }
  SetValue(env, target, "constants", c);
}

}  // namespace nodus::bindings::zlib
