#pragma once

// The uv_stream_t base shared by the tcp_wrap, pipe_wrap and tty_wrap
// bindings (implemented in bindings/stream_wrap.cc).
//
// A StreamHandle owns one libuv stream handle and wraps one JavaScript object
// (internal field 0 holds the C++ pointer). The object is held strongly while
// the handle is open; `close(cb)` calls uv_close, and when libuv is done the
// callback runs, the internal field is cleared, the reference becomes weak and
// the C++ object is freed. JavaScript sees:
//   readStart() / readStop() -> err; reads arrive through the one `onread`
//     function registered with stream_wrap.setOnRead(fn), called as
//     fn.call(handle, nread, arrayBuffer) (nread < 0: a libuv error, UV_EOF
//     at the end);
//   writeBuffer(req, buf) / writeUtf8String(req, s[, sendHandle])
//     / writeLatin1String(req, s)
//     / writev(req, chunks, allBuffers) -> err, with streamBaseState
//     [kBytesWritten] and [kLastWriteWasAsync] set; an async write later calls
//     req.oncomplete(status); a sendHandle (a TCP or Pipe object, on an IPC
//     pipe) is passed with the bytes by uv_write2, always asynchronously;
//   shutdown(req) -> err, later req.oncomplete(status);
//   close(cb), ref(), unref(), hasRef(), fd (getter), writeQueueSize.

#include <uv.h>
#include <v8.h>

#include <span>

#include "bindings/binding.h"

namespace nodus {

class Env;

class StreamHandle {
 public:
  // Indices into the shared Int32Array stream_wrap.streamBaseState.
  enum StateField { kReadBytesOrError, kBytesWritten, kLastWriteWasAsync, kStateCount };

  StreamHandle(Env* env, v8::Local<v8::Object> object);
  virtual ~StreamHandle();
  StreamHandle(const StreamHandle&) = delete;
  StreamHandle& operator=(const StreamHandle&) = delete;

  virtual uv_handle_t* handle() = 0;
  uv_stream_t* stream() { return reinterpret_cast<uv_stream_t*>(handle()); }

  Env* env() const { return env_; }
  v8::Local<v8::Object> object() const;
  bool closing() const { return closing_; }

  // nullptr when the object's handle was closed (or it is not a handle).
  static StreamHandle* Unwrap(v8::Local<v8::Object> object);
  // The open handle behind `info.This()` as T; when there is none (closed, or
  // not a handle) the call returns UV_EBADF to JavaScript and this nullptr.
  template <typename T = StreamHandle>
  static T* Open(const v8::FunctionCallbackInfo<v8::Value>& info) {
    StreamHandle* handle = Unwrap(info.This());
    if (handle == nullptr || handle->closing()) {
      info.GetReturnValue().Set(UV_EBADF);
      return nullptr;
    }
    return static_cast<T*>(handle);
  }

  // Adds the handle and stream methods to a class's prototype (with its
  // signature) and one internal field to its instances.
  static void InstallMethods(Env& env, v8::Local<v8::FunctionTemplate> tmpl);
  // Adds methods specific to one class.
  static void AddMethods(Env& env, v8::Local<v8::FunctionTemplate> tmpl,
                         std::span<const bindings::Method> methods);
  // Creates a class, its template kept for the life of the process.
  static v8::Local<v8::FunctionTemplate> NewClass(Env& env, const char* name,
                                                  v8::FunctionCallback ctor);
  // The callbacks InstallMethods installs (bindings::ExternalReferences).
  static void RegisterExternalReferences(bindings::ExternalReferences& references);

  // close(cb) and TCP's reset(cb): uv_close or uv_tcp_close_reset, then cb.
  void BeginClose(v8::Local<v8::Value> callback, bool reset);

  // The shared Int32Array's storage (streamBaseState).
  static int32_t* state();

  // connect() for TCP and pipes: req.oncomplete(status, handle, req, true, true).
  struct ConnectReq {
    uv_connect_t req;
    Env* env;
    v8::Global<v8::Object> req_object;
    v8::Global<v8::Object> handle_object;
  };
  static ConnectReq* NewConnectReq(StreamHandle* handle, v8::Local<v8::Object> req_object);
  static void AfterConnect(uv_connect_t* req, int status);

 protected:
  // Called by the constructor of the concrete class once uv_*_init succeeded.
  void Attach();
  // A new, not yet connected object of the same class, for accept().
  virtual v8::MaybeLocal<v8::Object> NewClient() { return {}; }
  // For NewClient: a new object of `tmpl`'s class, constructed with `type`.
  v8::MaybeLocal<v8::Object> NewInstanceOf(v8::Local<v8::FunctionTemplate> tmpl, int type);

 private:
  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnClose(uv_handle_t* handle);
  static void OnConnection(uv_stream_t* server, int status);

  static std::span<const bindings::Method> Methods();
  static void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void WriteUtf8String(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void WriteLatin1String(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void Writev(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void Listen(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void Close(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void Ref(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void Unref(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void HasRef(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void GetFd(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void GetWriteQueueSize(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void SetBlocking(const v8::FunctionCallbackInfo<v8::Value>& info);
  static void GetAsyncId(const v8::FunctionCallbackInfo<v8::Value>& info);

  Env* env_;
  v8::Global<v8::Object> object_;
  v8::Global<v8::Function> close_callback_;
  bool closing_ = false;
};

}  // namespace nodus
