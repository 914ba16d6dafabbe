// internalBinding('stream_wrap'): the uv_stream_t base of TCP, Pipe and TTY
// handles (StreamHandle, see stream_handle.h), the shared streamBaseState
// array and the one onread callback.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "bindings/binding.h"
#include "env.h"
#include "stream_handle.h"

namespace nodus {

using bindings::ToStdString;
using bindings::ToV8;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

constexpr size_t kReadChunk = 64 * 1024;
// Stack storage for small string writes.
constexpr size_t kStackWrite = 16 * 1024;

// Per thread (each worker has its own isolate and loop); the Global is never
// destroyed, since the isolate is gone before the thread ends.
thread_local int32_t g_state[StreamHandle::kStateCount] = {};
Global<v8::Function>& OnReadFunction() {
  thread_local auto* fn = new Global<v8::Function>();
  return *fn;
}

// One uv_write in flight: keeps the request object, the buffers it refers to
// and any bytes copied out of strings until libuv is done.
struct WriteReq {
  uv_write_t req;
  Env* env;
  Global<Object> req_object;
  Global<Object> handle_object;
  std::vector<Global<Value>> keep_alive;
  std::unique_ptr<char[]> storage;
  std::vector<uv_buf_t> bufs;
};

void AfterWrite(uv_write_t* uv_req, int status) {
  std::unique_ptr<WriteReq> req(static_cast<WriteReq*>(uv_req->data));
  Env* env = req->env;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  Local<Object> req_object = req->req_object.Get(isolate);
  Local<Value> oncomplete;
  if (!req_object->Get(env->context(), ToV8(isolate, "oncomplete")).ToLocal(&oncomplete) ||
      !oncomplete->IsFunction()) {
    return;
  }
  Local<Value> argv[] = {v8::Integer::New(isolate, status), req->handle_object.Get(isolate)};
  env->MakeCallback(oncomplete.As<v8::Function>(), req_object, 2, argv);
}

void AfterShutdown(uv_shutdown_t* uv_req, int status) {
  auto* holder = static_cast<std::pair<Env*, Global<Object>>*>(uv_req->data);
  std::unique_ptr<std::pair<Env*, Global<Object>>> owned(holder);
  std::unique_ptr<uv_shutdown_t> req_owner(uv_req);
  Env* env = holder->first;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  Local<Object> req_object = holder->second.Get(isolate);
  Local<Value> oncomplete;
  if (!req_object->Get(env->context(), ToV8(isolate, "oncomplete")).ToLocal(&oncomplete) ||
      !oncomplete->IsFunction()) {
    return;
  }
  Local<Value> argv[] = {v8::Integer::New(isolate, status)};
  env->MakeCallback(oncomplete.As<v8::Function>(), req_object, 1, argv);
}

// Writes `bufs`: first uv_try_write, then uv_write for what is left. `stable`
// says the bytes stay valid (they belong to JS buffers kept in `keep_alive`);
// otherwise the remainder is copied. Returns 0 or a libuv error.
// `prior` bytes of the same write already went out through uv_try_write
// (the socket is full, so no second try).
// `send_handle` (IPC pipes only) goes out with the bytes through uv_write2;
// such a write is always asynchronous.
int DoWrite(StreamHandle* handle, Local<Object> req_object, std::vector<uv_buf_t> bufs, bool stable,
            std::vector<Global<Value>> keep_alive, size_t prior = 0,
            StreamHandle* send_handle = nullptr) {
  size_t total = prior;
  for (const uv_buf_t& buf : bufs) total += buf.len;
  int32_t* state = StreamHandle::state();
  uv_stream_t* stream = handle->stream();
  size_t first = 0;
  if (stream->write_queue_size == 0 && prior == 0 && send_handle == nullptr) {
    int written = uv_try_write(stream, bufs.data(), static_cast<unsigned>(bufs.size()));
    if (written < 0 && written != UV_EAGAIN && written != UV_ENOSYS) return written;
    if (written > 0) {
      size_t left = static_cast<size_t>(written);
      while (first < bufs.size() && left >= bufs[first].len) {
        left -= bufs[first].len;
        first++;
      }
      if (first < bufs.size()) {
        bufs[first].base += left;
        bufs[first].len -= left;
      }
    }
    while (first < bufs.size() && bufs[first].len == 0) first++;
  }
  state[StreamHandle::kBytesWritten] = static_cast<int32_t>(total);
  if (first == bufs.size()) {
    state[StreamHandle::kLastWriteWasAsync] = 0;
    return 0;
  }
  Env* env = handle->env();
  auto req = std::make_unique<WriteReq>();
  req->env = env;
  req->req.data = req.get();
  req->req_object.Reset(env->isolate(), req_object);
  req->handle_object.Reset(env->isolate(), handle->object());
  if (stable) {
    req->bufs.assign(bufs.begin() + static_cast<std::ptrdiff_t>(first), bufs.end());
    req->keep_alive = std::move(keep_alive);
  } else {
    size_t left = 0;
    for (size_t i = first; i < bufs.size(); i++) left += bufs[i].len;
    req->storage.reset(new char[left]);
    size_t at = 0;
    for (size_t i = first; i < bufs.size(); i++) {
      memcpy(req->storage.get() + at, bufs[i].base, bufs[i].len);
      at += bufs[i].len;
    }
    req->bufs.push_back(uv_buf_init(req->storage.get(), static_cast<unsigned>(left)));
  }
  int err;
  if (send_handle != nullptr) {
    req->keep_alive.emplace_back(env->isolate(), send_handle->object());
    err = uv_write2(&req->req, stream, req->bufs.data(), static_cast<unsigned>(req->bufs.size()),
                    send_handle->stream(), AfterWrite);
  } else {
    err = uv_write(&req->req, stream, req->bufs.data(), static_cast<unsigned>(req->bufs.size()),
                   AfterWrite);
  }
  if (err != 0) return err;
  req.release();
  state[StreamHandle::kLastWriteWasAsync] = 1;
  return 0;
}

// Encodes a string as UTF-8 or Latin-1 into `stack` or a heap buffer.
size_t EncodeString(Isolate* isolate, Local<v8::String> string, bool latin1, char* stack,
                    std::unique_ptr<char[]>* heap, char** out) {
  size_t capacity =
      latin1 ? static_cast<size_t>(string->Length()) : static_cast<size_t>(string->Length()) * 3;
  char* data = stack;
  if (capacity > kStackWrite) {
    heap->reset(new char[capacity]);
    data = heap->get();
  }
  size_t length;
  if (latin1) {
    length = static_cast<size_t>(string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(data), 0,
                                                      -1, v8::String::NO_NULL_TERMINATION));
  } else {
    length = static_cast<size_t>(
        string->WriteUtf8(isolate, data, static_cast<int>(capacity), nullptr,
                          v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
  }
  *out = data;
  return length;
}

}  // namespace

StreamHandle::StreamHandle(Env* env, Local<Object> object) : env_(env) {
  object_.Reset(env->isolate(), object);
}

StreamHandle::~StreamHandle() = default;

Local<Object> StreamHandle::object() const { return object_.Get(env_->isolate()); }

int32_t* StreamHandle::state() { return g_state; }

v8::MaybeLocal<Object> StreamHandle::NewInstanceOf(v8::Local<v8::FunctionTemplate> tmpl, int type) {
  Local<v8::Context> context = env_->context();
  Local<Value> arg = v8::Integer::New(env_->isolate(), type);
  return tmpl->GetFunction(context).ToLocalChecked()->NewInstance(context, 1, &arg);
}

StreamHandle* StreamHandle::Unwrap(Local<Object> object) {
  if (object->InternalFieldCount() < 1) return nullptr;
  return static_cast<StreamHandle*>(object->GetAlignedPointerFromInternalField(0));
}

void StreamHandle::Attach() {
  handle()->data = this;
  object()->SetAlignedPointerInInternalField(0, this);
}

void StreamHandle::OnAlloc(uv_handle_t*, size_t, uv_buf_t* buf) {
  buf->base = static_cast<char*>(malloc(kReadChunk));
  buf->len = buf->base == nullptr ? 0 : kReadChunk;
}

void StreamHandle::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* self = static_cast<StreamHandle*>(stream->data);
  if (nread == 0) {
    free(buf->base);
    return;
  }
  Env* env = self->env_;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  Local<Value> chunk = v8::Undefined(isolate);
  if (nread > 0) {
    size_t length = static_cast<size_t>(nread);
    void* data = length == kReadChunk ? buf->base : realloc(buf->base, length);
    if (data == nullptr) data = buf->base;
    std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        data, length, [](void* bytes, size_t, void*) { free(bytes); }, nullptr);
    chunk = v8::ArrayBuffer::New(isolate, std::move(store));
  } else {
    free(buf->base);
  }
  g_state[kReadBytesOrError] = static_cast<int32_t>(nread);
  Local<v8::Function> onread = OnReadFunction().Get(isolate);
  if (onread.IsEmpty()) return;
  Local<Value> argv[] = {v8::Integer::New(isolate, static_cast<int32_t>(nread)), chunk};
  env->MakeCallback(onread, self->object(), 2, argv);
}

void StreamHandle::OnClose(uv_handle_t* handle) {
  std::unique_ptr<StreamHandle> self(static_cast<StreamHandle*>(handle->data));
  Env* env = self->env_;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  Local<Object> object = self->object();
  object->SetAlignedPointerInInternalField(0, nullptr);
  if (!self->close_callback_.IsEmpty()) {
    Local<v8::Function> cb = self->close_callback_.Get(isolate);
    self->close_callback_.Reset();
    env->MakeCallback(cb, object, 0, nullptr);
  }
}

void StreamHandle::OnConnection(uv_stream_t* server, int status) {
  auto* self = static_cast<StreamHandle*>(server->data);
  Env* env = self->env_;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<v8::Context> context = env->context();
  v8::Context::Scope context_scope(context);
  Local<Object> object = self->object();
  Local<Value> client_value = v8::Undefined(isolate);
  if (status == 0) {
    Local<Object> client;
    if (!self->NewClient().ToLocal(&client)) return;
    StreamHandle* accepted = Unwrap(client);
    status = uv_accept(server, accepted->stream());
    if (status == 0) {
      client_value = client;
    } else {
      accepted->closing_ = true;
      uv_close(accepted->handle(), OnClose);
    }
  }
  Local<Value> onconnection;
  if (!object->Get(context, ToV8(isolate, "onconnection")).ToLocal(&onconnection) ||
      !onconnection->IsFunction()) {
    return;
  }
  Local<Value> argv[] = {v8::Integer::New(isolate, status), client_value};
  env->MakeCallback(onconnection.As<v8::Function>(), object, 2, argv);
}

StreamHandle::ConnectReq* StreamHandle::NewConnectReq(StreamHandle* handle,
                                                      Local<Object> req_object) {
  auto* req = new ConnectReq();
  req->env = handle->env_;
  req->req.data = req;
  req->req_object.Reset(handle->env_->isolate(), req_object);
  req->handle_object.Reset(handle->env_->isolate(), handle->object());
  return req;
}

void StreamHandle::AfterConnect(uv_connect_t* uv_req, int status) {
  std::unique_ptr<ConnectReq> req(static_cast<ConnectReq*>(uv_req->data));
  Env* env = req->env;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  Local<Object> req_object = req->req_object.Get(isolate);
  Local<Value> oncomplete;
  if (!req_object->Get(env->context(), ToV8(isolate, "oncomplete")).ToLocal(&oncomplete) ||
      !oncomplete->IsFunction()) {
    return;
  }
  Local<Value> argv[] = {v8::Integer::New(isolate, status), req->handle_object.Get(isolate),
                         req_object, v8::True(isolate), v8::True(isolate)};
  env->MakeCallback(oncomplete.As<v8::Function>(), req_object, 5, argv);
}

void StreamHandle::ReadStart(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  int err = uv_read_start(self->stream(), OnAlloc, OnRead);
  if (err == UV_EALREADY) err = 0;
  info.GetReturnValue().Set(err);
}

void StreamHandle::ReadStop(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  info.GetReturnValue().Set(uv_read_stop(self->stream()));
}

void StreamHandle::WriteBuffer(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  Local<v8::ArrayBufferView> view = info[1].As<v8::ArrayBufferView>();
  char* data = static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset();
  size_t length = view->ByteLength();
  // Fast path: the whole buffer goes out now, nothing to keep.
  size_t prior = 0;
  uv_stream_t* stream = self->stream();
  if (stream->write_queue_size == 0) {
    uv_buf_t buf = uv_buf_init(data, static_cast<unsigned>(length));
    int written = uv_try_write(stream, &buf, 1);
    if (written >= 0 && static_cast<size_t>(written) == length) {
      g_state[kBytesWritten] = static_cast<int32_t>(length);
      g_state[kLastWriteWasAsync] = 0;
      return info.GetReturnValue().Set(0);
    }
    if (written < 0 && written != UV_EAGAIN && written != UV_ENOSYS) {
      return info.GetReturnValue().Set(written);
    }
    if (written > 0) prior = static_cast<size_t>(written);
  }
  std::vector<uv_buf_t> bufs{uv_buf_init(data + prior, static_cast<unsigned>(length - prior))};
  std::vector<Global<Value>> keep;
  keep.emplace_back(info.GetIsolate(), view);
  info.GetReturnValue().Set(
      DoWrite(self, info[0].As<Object>(), std::move(bufs), true, std::move(keep), prior));
}

static void WriteString(const FunctionCallbackInfo<Value>& info, bool latin1) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  char stack[kStackWrite];
  std::unique_ptr<char[]> heap;
  char* data = nullptr;
  size_t length =
      EncodeString(info.GetIsolate(), info[1].As<v8::String>(), latin1, stack, &heap, &data);
  std::vector<uv_buf_t> bufs{uv_buf_init(data, static_cast<unsigned>(length))};
  // An optional third argument: a TCP or Pipe handle to pass over an IPC pipe.
  StreamHandle* send_handle = nullptr;
  if (info.Length() > 2 && info[2]->IsObject()) {
    send_handle = StreamHandle::Unwrap(info[2].As<Object>());
    if (send_handle == nullptr || send_handle->closing()) {
      return info.GetReturnValue().Set(UV_EBADF);
    }
  }
  info.GetReturnValue().Set(
      DoWrite(self, info[0].As<Object>(), std::move(bufs), false, {}, 0, send_handle));
}

void StreamHandle::WriteUtf8String(const FunctionCallbackInfo<Value>& info) {
  WriteString(info, false);
}

void StreamHandle::WriteLatin1String(const FunctionCallbackInfo<Value>& info) {
  WriteString(info, true);
}

// writev(req, chunks, allBuffers): chunks is [buf, buf, ...] when allBuffers,
// else [chunk, encoding, chunk, encoding, ...] (strings are 'utf8'/'latin1'
// here; JS turned other encodings into buffers).
void StreamHandle::Writev(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  Local<v8::Array> chunks = info[1].As<v8::Array>();
  bool all_buffers = info[2]->IsTrue();
  uint32_t count = chunks->Length();
  uint32_t step = all_buffers ? 1 : 2;
  std::vector<uv_buf_t> bufs;
  std::vector<Global<Value>> keep;
  std::vector<std::unique_ptr<char[]>> strings;
  for (uint32_t i = 0; i < count; i += step) {
    Local<Value> chunk = chunks->Get(context, i).ToLocalChecked();
    if (chunk->IsArrayBufferView()) {
      Local<v8::ArrayBufferView> view = chunk.As<v8::ArrayBufferView>();
      char* data = static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset();
      bufs.push_back(uv_buf_init(data, static_cast<unsigned>(view->ByteLength())));
      keep.emplace_back(isolate, view);
      continue;
    }
    bool latin1 = false;
    if (!all_buffers) {
      std::string encoding = ToStdString(isolate, chunks->Get(context, i + 1).ToLocalChecked());
      latin1 = encoding == "latin1" || encoding == "binary";
    }
    Local<v8::String> string = chunk.As<v8::String>();
    size_t capacity = static_cast<size_t>(string->Length()) * (latin1 ? 1 : 3);
    std::unique_ptr<char[]> storage(new char[capacity == 0 ? 1 : capacity]);
    char* out = nullptr;
    size_t length;
    if (latin1) {
      length = static_cast<size_t>(string->WriteOneByte(isolate,
                                                        reinterpret_cast<uint8_t*>(storage.get()),
                                                        0, -1, v8::String::NO_NULL_TERMINATION));
    } else {
      length = static_cast<size_t>(
          string->WriteUtf8(isolate, storage.get(), static_cast<int>(capacity), nullptr,
                            v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
    }
    out = storage.get();
    bufs.push_back(uv_buf_init(out, static_cast<unsigned>(length)));
    strings.push_back(std::move(storage));
  }
  // Encoded strings live only for this call: then the remainder is copied.
  bool stable = strings.empty();
  info.GetReturnValue().Set(
      DoWrite(self, info[0].As<Object>(), std::move(bufs), stable, std::move(keep)));
}

void StreamHandle::Listen(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  int backlog = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(511);
  info.GetReturnValue().Set(uv_listen(self->stream(), backlog, OnConnection));
}

void StreamHandle::Shutdown(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  auto* req = new uv_shutdown_t();
  auto* holder = new std::pair<Env*, Global<Object>>(self->env_, Global<Object>());
  holder->second.Reset(info.GetIsolate(), info[0].As<Object>());
  req->data = holder;
  int err = uv_shutdown(req, self->stream(), AfterShutdown);
  if (err != 0) {
    delete holder;
    delete req;
  }
  info.GetReturnValue().Set(err);
}

void StreamHandle::BeginClose(Local<Value> callback, bool reset) {
  if (closing_) return;
  closing_ = true;
  if (callback->IsFunction()) close_callback_.Reset(env_->isolate(), callback.As<v8::Function>());
  if (reset && handle()->type == UV_TCP &&
      uv_tcp_close_reset(reinterpret_cast<uv_tcp_t*>(handle()), OnClose) == 0) {
    return;
  }
  uv_close(handle(), OnClose);
}

void StreamHandle::Close(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Unwrap(info.This());
  if (self != nullptr) self->BeginClose(info[0], false);
}

void StreamHandle::Ref(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Unwrap(info.This());
  if (self != nullptr && !self->closing_) uv_ref(self->handle());
}

void StreamHandle::Unref(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Unwrap(info.This());
  if (self != nullptr && !self->closing_) uv_unref(self->handle());
}

void StreamHandle::HasRef(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Unwrap(info.This());
  info.GetReturnValue().Set(self != nullptr && !self->closing_ && uv_has_ref(self->handle()) != 0);
}

void StreamHandle::GetFd(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Unwrap(info.This());
  uv_os_fd_t fd = -1;
  if (self == nullptr || self->closing_ || uv_fileno(self->handle(), &fd) != 0) fd = -1;
  info.GetReturnValue().Set(static_cast<int32_t>(fd));
}

void StreamHandle::GetWriteQueueSize(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Unwrap(info.This());
  double size = self == nullptr ? 0 : static_cast<double>(self->stream()->write_queue_size);
  info.GetReturnValue().Set(size);
}

void StreamHandle::SetBlocking(const FunctionCallbackInfo<Value>& info) {
  StreamHandle* self = StreamHandle::Open(info);
  if (self == nullptr) return;
  info.GetReturnValue().Set(uv_stream_set_blocking(self->stream(), info[0]->IsTrue() ? 1 : 0));
}

void StreamHandle::GetAsyncId(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(-1);
}

void StreamHandle::AddMethods(Env& env, Local<v8::FunctionTemplate> tmpl,
                              std::span<const bindings::Method> methods) {
  Isolate* isolate = env.isolate();
  Local<v8::Signature> signature = v8::Signature::New(isolate, tmpl);
  for (const bindings::Method& method : methods) {
    tmpl->PrototypeTemplate()->Set(
        ToV8(isolate, method.name),
        v8::FunctionTemplate::New(isolate, method.callback, Local<Value>(), signature, 0,
                                  v8::ConstructorBehavior::kThrow));
  }
}

std::span<const bindings::Method> StreamHandle::Methods() {
  static constexpr bindings::Method kMethods[] = {
      {"readStart", ReadStart},
      {"readStop", ReadStop},
      {"writeBuffer", WriteBuffer},
      {"writeUtf8String", WriteUtf8String},
      {"writeLatin1String", WriteLatin1String},
      {"writev", Writev},
      {"listen", Listen},
      {"shutdown", Shutdown},
      {"close", Close},
      {"ref", Ref},
      {"unref", Unref},
      {"hasRef", HasRef},
      {"getAsyncId", GetAsyncId},
      {"setBlocking", SetBlocking},
  };
  return kMethods;
}

void StreamHandle::RegisterExternalReferences(bindings::ExternalReferences& references) {
  references.Add(Methods());
  references.Add(GetFd);
  references.Add(GetWriteQueueSize);
}

void StreamHandle::InstallMethods(Env& env, Local<v8::FunctionTemplate> tmpl) {
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  AddMethods(env, tmpl, Methods());
  Isolate* isolate = env.isolate();
  Local<v8::Signature> signature = v8::Signature::New(isolate, tmpl);
  tmpl->PrototypeTemplate()->SetAccessorProperty(
      ToV8(isolate, "fd"), v8::FunctionTemplate::New(isolate, GetFd, Local<Value>(), signature));
  tmpl->PrototypeTemplate()->SetAccessorProperty(
      ToV8(isolate, "writeQueueSize"),
      v8::FunctionTemplate::New(isolate, GetWriteQueueSize, Local<Value>(), signature));
}

Local<v8::FunctionTemplate> StreamHandle::NewClass(Env& env, const char* name,
                                                   v8::FunctionCallback ctor) {
  Isolate* isolate = env.isolate();
  Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, ctor);
  tmpl->SetClassName(ToV8(isolate, name));
  InstallMethods(env, tmpl);
  return tmpl;
}

namespace bindings::stream_wrap {

namespace {

void SetOnRead(const FunctionCallbackInfo<Value>& info) {
  OnReadFunction().Reset(info.GetIsolate(), info[0].As<v8::Function>());
}

constexpr Method kMethods[] = {
    {"setOnRead", SetOnRead},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  StreamHandle::RegisterExternalReferences(refs);
}

void Initialize(Env& env, Local<Object> target) {
  SetMethods(env, target, kMethods);
  Isolate* isolate = env.isolate();
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      g_state, sizeof(g_state), [](void*, size_t, void*) {}, nullptr);
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  SetValue(env, target, "streamBaseState",
           v8::Int32Array::New(buffer, 0, StreamHandle::kStateCount));
  SetConstant(env, target, "kReadBytesOrError", StreamHandle::kReadBytesOrError);
  SetConstant(env, target, "kBytesWritten", StreamHandle::kBytesWritten);
  SetConstant(env, target, "kLastWriteWasAsync", StreamHandle::kLastWriteWasAsync);
  SetConstant(env, target, "UV_EOF", UV_EOF);
}

}  // namespace bindings::stream_wrap

}  // namespace nodus
