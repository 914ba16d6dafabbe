// internalBinding('fs'): file-system calls. For now the synchronous ones the
// module loader needs; the fs module builds on the same binding.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::fs {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

// Reads a whole file; on failure returns a negative errno and names the call.
int ReadWholeFile(const std::string& path, std::string* out, const char** syscall) {
  *syscall = "open";
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    *syscall = "read";
    return UV_EISDIR;
  }
  if (st.st_size > 0) out->reserve(static_cast<size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n > 0) {
      out->append(buffer, static_cast<size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      int err = -errno;
      close(fd);
      *syscall = "read";
      return err;
    }
  }
  close(fd);
  return 0;
}

// readFileUtf8(path) -> string; throws ENOENT etc. like fs.readFileSync.
void ReadFileUtf8(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string path = ToStdString(isolate, info[0]);
  std::string data;
  const char* syscall = "open";
  int err = ReadWholeFile(path, &data, &syscall);
  if (err != 0) {
    isolate->ThrowException(UVException(isolate, err, syscall, path.c_str()));
    return;
  }
  info.GetReturnValue().Set(ToV8(isolate, data));
}

// internalModuleStat(path) -> 0 file, 1 directory, negative errno.
void InternalModuleStat(const FunctionCallbackInfo<Value>& info) {
  std::string path = ToStdString(info.GetIsolate(), info[0]);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return info.GetReturnValue().Set(-errno);
  info.GetReturnValue().Set(S_ISDIR(st.st_mode) ? 1 : 0);
}

void RealPath(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string path = ToStdString(isolate, info[0]);
  char* resolved = realpath(path.c_str(), nullptr);
  if (resolved == nullptr) {
    isolate->ThrowException(UVException(isolate, -errno, "realpath", path.c_str()));
    return;
  }
  info.GetReturnValue().Set(ToV8(isolate, resolved));
  free(resolved);
}

constexpr Method kMethods[] = {
    {"readFileUtf8", ReadFileUtf8},
    {"internalModuleStat", InternalModuleStat},
    {"realpath", RealPath},
};

}  // namespace

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::fs
