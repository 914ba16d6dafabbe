// internalBinding('stdio'): synchronous writes to the standard streams and
// what kind of handle an fd is. Node writes to TTYs, files and (on Linux)
// pipes synchronously, so output is never lost when the process exits.
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::stdio {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

// Writes all of `data`, waiting when a non-blocking fd is full.
int WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n >= 0) {
      data += n;
      size -= static_cast<size_t>(n);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      pollfd pfd{fd, POLLOUT, 0};
      poll(&pfd, 1, -1);
      continue;
    }
    return -errno;
  }
  return 0;
}

void ReturnWriteResult(const FunctionCallbackInfo<Value>& info, int err) {
  // EPIPE on a closed reader is not fatal here: the JS stream reports it.
  info.GetReturnValue().Set(err);
}

void WriteString(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int fd = info[0]->Int32Value(isolate->GetCurrentContext()).FromJust();
  v8::Local<v8::String> text = info[1].As<v8::String>();
  // Latin-1 one-byte strings are the common case for ASCII output.
  if (text->IsOneByte() && text->ContainsOnlyOneByte()) {
    int length = text->Length();
    std::string buffer(static_cast<size_t>(length), '\0');
    text->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(buffer.data()), 0, length,
                       v8::String::NO_NULL_TERMINATION);
    bool ascii = true;
    for (unsigned char c : buffer) {
      if (c >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return ReturnWriteResult(info, WriteAll(fd, buffer.data(), buffer.size()));
  }
  v8::String::Utf8Value utf8(isolate, text);
  ReturnWriteResult(info, WriteAll(fd, *utf8, static_cast<size_t>(utf8.length())));
}

void WriteBuffer(const FunctionCallbackInfo<Value>& info) {
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  auto view = info[1].As<v8::ArrayBufferView>();
  const char* data = static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset();
  ReturnWriteResult(info, WriteAll(fd, data, view->ByteLength()));
}

void GuessHandleType(const FunctionCallbackInfo<Value>& info) {
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  const char* type = "UNKNOWN";
  switch (uv_guess_handle(fd)) {
    case UV_TTY:
      type = "TTY";
      break;
    case UV_FILE:
      type = "FILE";
      break;
    case UV_NAMED_PIPE:
      type = "PIPE";
      break;
    case UV_TCP:
      type = "TCP";
      break;
    case UV_UDP:
      type = "UDP";
      break;
    default:
      break;
  }
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), type));
}

void IsATTY(const FunctionCallbackInfo<Value>& info) {
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  info.GetReturnValue().Set(isatty(fd) == 1);
}

// [columns, rows] of a terminal, or undefined.
void GetWindowSize(const FunctionCallbackInfo<Value>& info) {
  int fd = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Value> values[] = {v8::Integer::New(isolate, size.ws_col),
                                   v8::Integer::New(isolate, size.ws_row)};
  info.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

// Reads all of fd 0 (for `nodus - < file`); blocking is fine at startup.
void ReadStdin(const FunctionCallbackInfo<Value>& info) {
  std::string data;
  char buffer[65536];
  for (;;) {
    ssize_t n = read(0, buffer, sizeof(buffer));
    if (n > 0) {
      data.append(buffer, static_cast<size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno == EINTR) {
      continue;
    } else if (errno == EAGAIN) {
      pollfd pfd{0, POLLIN, 0};
      poll(&pfd, 1, -1);
    } else {
      info.GetIsolate()->ThrowException(UVException(info.GetIsolate(), -errno, "read"));
      return;
    }
  }
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), data));
}

constexpr Method kMethods[] = {
    {"writeString", WriteString},         {"writeBuffer", WriteBuffer},
    {"guessHandleType", GuessHandleType}, {"isatty", IsATTY},
    {"getWindowSize", GetWindowSize},     {"readStdin", ReadStdin},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::stdio
