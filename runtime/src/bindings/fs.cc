// internalBinding('fs'): file-system calls on libuv's uv_fs_* functions.
//
// Every call takes its arguments (already validated by lib/fs.js) and, last, a
// `req`: undefined runs the call synchronously on the main thread and throws a
// libuv error; a function queues it on libuv's thread pool and calls
// `req(err)` or `req(null, result)` through Env::MakeCallback when it is done.
// The module loader's helpers (readFileUtf8, internalModuleStat, realpath) are
// kept with their names. Thread affinity: main thread, except ReadFileWork's
// DoWork.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"
#include "thread_pool_work.h"

namespace nodus::bindings::fs {

namespace {

using v8::Array;
using v8::ArrayBufferView;
using v8::BigInt;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::Value;

// How a finished request becomes a JavaScript value.
enum class Result {
  kVoid,        // undefined
  kInt,         // req.result (fd, byte count)
  kStat,        // Float64Array/BigInt64Array of the stat fields
  kPtrString,   // req.ptr as a string (readlink, realpath)
  kPathString,  // req.path as a string (mkdtemp)
  kScandir,     // [names] or [names, types]
  kDir,         // an opendir handle object
  kDirEntries,  // [name, type, name, type...] or null at the end
};

// The stat fields in Node's order: dev, mode, nlink, uid, gid, rdev, blksize,
// ino, size, blocks, then seconds and nanoseconds of atime, mtime, ctime,
// birthtime.
constexpr int kStatFields = 18;

template <typename T>
void FillStat(T* out, const uv_stat_t& s) {
  out[0] = static_cast<T>(s.st_dev);
  out[1] = static_cast<T>(s.st_mode);
  out[2] = static_cast<T>(s.st_nlink);
  out[3] = static_cast<T>(s.st_uid);
  out[4] = static_cast<T>(s.st_gid);
  out[5] = static_cast<T>(s.st_rdev);
  out[6] = static_cast<T>(s.st_blksize);
  out[7] = static_cast<T>(s.st_ino);
  out[8] = static_cast<T>(s.st_size);
  out[9] = static_cast<T>(s.st_blocks);
  const uv_timespec_t* times[] = {&s.st_atim, &s.st_mtim, &s.st_ctim, &s.st_birthtim};
  for (int i = 0; i < 4; ++i) {
    out[10 + 2 * i] = static_cast<T>(times[i]->tv_sec);
    out[11 + 2 * i] = static_cast<T>(times[i]->tv_nsec);
  }
}

Local<Value> StatArray(Isolate* isolate, const uv_stat_t& s, bool bigint) {
  if (bigint) {
    Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, kStatFields * sizeof(int64_t));
    FillStat(static_cast<int64_t*>(ab->Data()), s);
    return v8::BigInt64Array::New(ab, 0, kStatFields);
  }
  Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, kStatFields * sizeof(double));
  FillStat(static_cast<double*>(ab->Data()), s);
  return v8::Float64Array::New(ab, 0, kStatFields);
}

// The object that stands for an open uv_dir_t in JavaScript.
Local<v8::ObjectTemplate> DirTemplate(Isolate* isolate) {
  // Per thread (each worker has its own isolate); never destroyed.
  thread_local auto* tmpl = new Global<v8::ObjectTemplate>();
  if (tmpl->IsEmpty()) {
    Local<v8::ObjectTemplate> t = v8::ObjectTemplate::New(isolate);
    t->SetInternalFieldCount(1);
    tmpl->Reset(isolate, t);
  }
  return tmpl->Get(isolate);
}

constexpr size_t kDirEntriesPerRead = 32;

// The dirents buffer that a uv_dir_t reads into, allocated with the dir.
struct DirHandle {
  uv_dir_t* dir = nullptr;
  uv_dirent_t entries[kDirEntriesPerRead];
};

DirHandle* HolderFrom(Local<Value> value) {
  return static_cast<DirHandle*>(value.As<Object>()->GetAlignedPointerFromInternalField(0));
}

Local<Value> Convert(Env& env, uv_fs_t* req, Result kind, bool flag) {
  Isolate* isolate = env.isolate();
  Local<Context> context = env.context();
  switch (kind) {
    case Result::kVoid:
      return v8::Undefined(isolate);
    case Result::kInt:
      return Number::New(isolate, static_cast<double>(req->result));
    case Result::kStat:
      return StatArray(isolate, req->statbuf, flag);
    case Result::kPtrString:
      return ToV8(isolate, static_cast<const char*>(req->ptr));
    case Result::kPathString:
      return ToV8(isolate, req->path);
    case Result::kScandir: {
      std::vector<Local<Value>> names;
      std::vector<Local<Value>> types;
      uv_dirent_t ent;
      while (uv_fs_scandir_next(req, &ent) != UV_EOF) {
        names.push_back(ToV8(isolate, ent.name));
        if (flag) types.push_back(Integer::New(isolate, ent.type));
      }
      Local<Array> list = Array::New(isolate, names.data(), names.size());
      if (!flag) return list;
      Local<Value> pair[] = {list, Array::New(isolate, types.data(), types.size())};
      return Array::New(isolate, pair, 2);
    }
    case Result::kDir: {
      auto* dir = static_cast<uv_dir_t*>(req->ptr);
      auto* holder = new DirHandle();
      holder->dir = dir;
      dir->dirents = holder->entries;
      dir->nentries = kDirEntriesPerRead;
      Local<Object> obj = DirTemplate(isolate)->NewInstance(context).ToLocalChecked();
      obj->SetAlignedPointerInInternalField(0, holder);
      return obj;
    }
    case Result::kDirEntries: {
      if (req->result == 0) return v8::Null(isolate);
      auto* dir = static_cast<uv_dir_t*>(req->ptr);
      std::vector<Local<Value>> out;
      for (ssize_t i = 0; i < req->result; ++i) {
        out.push_back(ToV8(isolate, dir->dirents[i].name));
        out.push_back(Integer::New(isolate, dir->dirents[i].type));
      }
      return Array::New(isolate, out.data(), out.size());
    }
  }
  return v8::Undefined(isolate);
}

// One asynchronous uv_fs_t: owns the request, the callback and whatever must
// stay alive until libuv is done (the buffers of read/write).
class FSReq {
 public:
  FSReq(Env& env, Local<Function> callback, const char* syscall, Result kind, bool flag)
      : env_(env), syscall_(syscall), kind_(kind), flag_(flag) {
    callback_.Reset(env.isolate(), callback);
    req_.data = this;
  }
  uv_fs_t* req() { return &req_; }
  void SetPaths(std::string path, std::string dest) {
    path_ = std::move(path);
    dest_ = std::move(dest);
  }
  void Keep(Local<Value> value) { keep_.Reset(env_.isolate(), value); }
  std::vector<uv_buf_t>& bufs() { return bufs_; }

  static void After(uv_fs_t* uv_req) {
    auto* self = static_cast<FSReq*>(uv_req->data);
    Env& env = self->env_;
    Isolate* isolate = env.isolate();
    HandleScope scope(isolate);
    v8::Context::Scope context_scope(env.context());
    Local<Value> argv[2];
    int argc;
    if (uv_req->result < 0) {
      argv[0] = UVException(isolate, static_cast<int>(uv_req->result), self->syscall_,
                            self->path_.empty() ? nullptr : self->path_.c_str(),
                            self->dest_.empty() ? nullptr : self->dest_.c_str());
      argc = 1;
    } else {
      argv[0] = v8::Null(isolate);
      argv[1] = Convert(env, uv_req, self->kind_, self->flag_);
      // Calls without a result report only `null`, as in Node.
      argc = self->kind_ == Result::kVoid ? 1 : 2;
    }
    if (self->kind_ == Result::kVoid && uv_req->fs_type == UV_FS_CLOSEDIR) {
      delete reinterpret_cast<DirHandle*>(self->dir_holder_);
    }
    uv_fs_req_cleanup(uv_req);
    Local<Function> callback = self->callback_.Get(isolate);
    delete self;
    env.MakeCallback(callback, v8::Undefined(isolate), argc, argv);
  }

  void set_dir_holder(void* holder) { dir_holder_ = holder; }

 private:
  Env& env_;
  uv_fs_t req_;
  Global<Function> callback_;
  Global<Value> keep_;
  std::vector<uv_buf_t> bufs_;
  std::string path_;
  std::string dest_;
  const char* syscall_;
  Result kind_;
  bool flag_;
  void* dir_holder_ = nullptr;
};

// Runs `call(loop, req, cb)` synchronously (req is undefined) or queues it.
// `path`/`dest` name the files in errors.
template <typename Call>
void Dispatch(const FunctionCallbackInfo<Value>& info, Local<Value> req_arg, const char* syscall,
              Result kind, bool flag, const std::string* path, const std::string* dest, Call&& call,
              Local<Value> keep = Local<Value>(), std::vector<uv_buf_t>* bufs = nullptr) {
  Env* env = Env::From(info);
  Isolate* isolate = env->isolate();
  if (req_arg->IsFunction()) {
    auto* wrap = new FSReq(*env, req_arg.As<Function>(), syscall, kind, flag);
    wrap->SetPaths(path ? *path : std::string(), dest ? *dest : std::string());
    if (!keep.IsEmpty()) wrap->Keep(keep);
    if (bufs != nullptr) wrap->bufs() = std::move(*bufs);
    int err = call(env->loop(), wrap->req(), FSReq::After);
    if (err < 0) {
      uv_fs_req_cleanup(wrap->req());
      delete wrap;
      isolate->ThrowException(UVException(isolate, err, syscall, path ? path->c_str() : nullptr,
                                          dest ? dest->c_str() : nullptr));
    }
    return;
  }
  uv_fs_t req;
  int err = call(env->loop(), &req, nullptr);
  if (err < 0) {
    uv_fs_req_cleanup(&req);
    isolate->ThrowException(UVException(isolate, err, syscall, path ? path->c_str() : nullptr,
                                        dest ? dest->c_str() : nullptr));
    return;
  }
  info.GetReturnValue().Set(Convert(*env, &req, kind, flag));
  uv_fs_req_cleanup(&req);
}

std::string Str(const FunctionCallbackInfo<Value>& info, int i) {
  return ToStdString(info.GetIsolate(), info[i]);
}
int Int(const FunctionCallbackInfo<Value>& info, int i) {
  return info[i]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}
double Num(const FunctionCallbackInfo<Value>& info, int i) {
  return info[i]->NumberValue(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}
// A file position: -1 (current position) unless a number or bigint is given.
int64_t Position(const FunctionCallbackInfo<Value>& info, int i) {
  if (info[i]->IsBigInt()) return info[i].As<BigInt>()->Int64Value();
  if (info[i]->IsNumber()) return static_cast<int64_t>(info[i].As<Number>()->Value());
  return -1;
}

// Pointer to the bytes of an ArrayBufferView (moving on-heap data off-heap, so
// the pointer stays valid while the view is kept alive).
char* ViewData(Local<Value> value) {
  Local<ArrayBufferView> view = value.As<ArrayBufferView>();
  return static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset();
}

// --- path calls ---------------------------------------------------------------

// open(path, flags, mode, req) -> fd
void Open(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  int flags = Int(info, 1);
  int mode = Int(info, 2);
  Dispatch(info, info[3], "open", Result::kInt, false, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_open(loop, req, path.c_str(), flags, mode, cb);
           });
}

// close(fd, req)
void Close(const FunctionCallbackInfo<Value>& info) {
  int fd = Int(info, 0);
  Dispatch(
      info, info[1], "close", Result::kVoid, false, nullptr, nullptr,
      [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) { return uv_fs_close(loop, req, fd, cb); });
}

// read(fd, view, offset, length, position, req) -> bytesRead
// write(fd, view, offset, length, position, req) -> bytesWritten
template <bool kWrite>
void ReadWrite(const FunctionCallbackInfo<Value>& info) {
  int fd = Int(info, 0);
  char* data = ViewData(info[1]) + static_cast<size_t>(Num(info, 2));
  size_t length = static_cast<size_t>(Num(info, 3));
  int64_t position = Position(info, 4);
  uv_buf_t buf = uv_buf_init(data, static_cast<unsigned>(length));
  Dispatch(
      info, info[5], kWrite ? "write" : "read", Result::kInt, false, nullptr, nullptr,
      [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
        return kWrite ? uv_fs_write(loop, req, fd, &buf, 1, position, cb)
                      : uv_fs_read(loop, req, fd, &buf, 1, position, cb);
      },
      info[1]);
}

// writeString(fd, string, position, req) -> bytesWritten (UTF-8)
void WriteString(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  int fd = Int(info, 0);
  // The encoded bytes live in an ArrayBuffer that the request keeps alive.
  Local<v8::String> str = info[1].As<v8::String>();
  size_t length = str->Utf8Length(isolate);
  Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, length);
  str->WriteUtf8(isolate, static_cast<char*>(ab->Data()), static_cast<int>(length), nullptr,
                 v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  int64_t position = Position(info, 2);
  uv_buf_t buf = uv_buf_init(static_cast<char*>(ab->Data()), static_cast<unsigned>(length));
  Dispatch(
      info, info[3], "write", Result::kInt, false, nullptr, nullptr,
      [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
        return uv_fs_write(loop, req, fd, &buf, 1, position, cb);
      },
      ab);
}

// readv/writev(fd, [views], position, req) -> bytes
template <bool kWrite>
void Vectored(const FunctionCallbackInfo<Value>& info) {
  Local<Context> context = info.GetIsolate()->GetCurrentContext();
  int fd = Int(info, 0);
  Local<Array> list = info[1].As<Array>();
  std::vector<uv_buf_t> own;
  for (uint32_t i = 0; i < list->Length(); ++i) {
    Local<Value> item = list->Get(context, i).ToLocalChecked();
    own.push_back(uv_buf_init(ViewData(item),
                              static_cast<unsigned>(item.As<ArrayBufferView>()->ByteLength())));
  }
  int64_t position = Position(info, 2);
  // libuv copies the uv_buf_t array itself; the views stay alive through `list`.
  Dispatch(
      info, info[3], kWrite ? "write" : "read", Result::kInt, false, nullptr, nullptr,
      [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
        auto n = static_cast<unsigned>(own.size());
        return kWrite ? uv_fs_write(loop, req, fd, own.data(), n, position, cb)
                      : uv_fs_read(loop, req, fd, own.data(), n, position, cb);
      },
      list);
}

// stat/lstat(path, bigint, req), fstat(fd, bigint, req) -> stat array
template <int kWhich>
void StatCall(const FunctionCallbackInfo<Value>& info) {
  bool bigint = info[1]->IsTrue();
  if (kWhich == 2) {
    int fd = Int(info, 0);
    Dispatch(
        info, info[2], "fstat", Result::kStat, bigint, nullptr, nullptr,
        [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) { return uv_fs_fstat(loop, req, fd, cb); });
    return;
  }
  std::string path = Str(info, 0);
  Dispatch(info, info[2], kWhich == 0 ? "stat" : "lstat", Result::kStat, bigint, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return kWhich == 0 ? uv_fs_stat(loop, req, path.c_str(), cb)
                                : uv_fs_lstat(loop, req, path.c_str(), cb);
           });
}

// statNoThrow(path, lstat) -> stat array or the negative errno (for exists,
// rm's force and the recursive helpers).
void StatNoThrow(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  uv_fs_t req;
  int err = info[1]->IsTrue() ? uv_fs_lstat(nullptr, &req, path.c_str(), nullptr)
                              : uv_fs_stat(nullptr, &req, path.c_str(), nullptr);
  if (err < 0) {
    info.GetReturnValue().Set(err);
  } else {
    info.GetReturnValue().Set(StatArray(info.GetIsolate(), req.statbuf, false));
  }
  uv_fs_req_cleanup(&req);
}

// readdir(path, withTypes, req) -> names | [names, types]
void ReadDir(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  bool with_types = info[1]->IsTrue();
  Dispatch(info, info[2], "scandir", Result::kScandir, with_types, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_scandir(loop, req, path.c_str(), 0, cb);
           });
}

// mkdir(path, mode, req)
void MkDir(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  int mode = Int(info, 1);
  Dispatch(info, info[2], "mkdir", Result::kVoid, false, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_mkdir(loop, req, path.c_str(), mode, cb);
           });
}

// mkdtemp(prefix, req) -> path
void MkDTemp(const FunctionCallbackInfo<Value>& info) {
  std::string tmpl = Str(info, 0) + "XXXXXX";
  std::string shown = tmpl;
  Dispatch(info, info[1], "mkdtemp", Result::kPathString, false, &shown, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_mkdtemp(loop, req, tmpl.c_str(), cb);
           });
}

// Calls with one path and no result: rmdir, unlink, fsync-like by path.
template <int (*Fn)(uv_loop_t*, uv_fs_t*, const char*, uv_fs_cb)>
void PathOnly(const FunctionCallbackInfo<Value>& info, const char* syscall) {
  std::string path = Str(info, 0);
  Dispatch(
      info, info[1], syscall, Result::kVoid, false, &path, nullptr,
      [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) { return Fn(loop, req, path.c_str(), cb); });
}
void RmDir(const FunctionCallbackInfo<Value>& info) { PathOnly<uv_fs_rmdir>(info, "rmdir"); }
void Unlink(const FunctionCallbackInfo<Value>& info) { PathOnly<uv_fs_unlink>(info, "unlink"); }

// Calls with a path and a string result: readlink, realpath.
template <int (*Fn)(uv_loop_t*, uv_fs_t*, const char*, uv_fs_cb)>
void PathString(const FunctionCallbackInfo<Value>& info, const char* syscall) {
  std::string path = Str(info, 0);
  Dispatch(
      info, info[1], syscall, Result::kPtrString, false, &path, nullptr,
      [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) { return Fn(loop, req, path.c_str(), cb); });
}
void ReadLink(const FunctionCallbackInfo<Value>& info) {
  PathString<uv_fs_readlink>(info, "readlink");
}
void RealPathCall(const FunctionCallbackInfo<Value>& info) {
  PathString<uv_fs_realpath>(info, "realpath");
}

// Calls with two paths: rename(src, dest, req), link(existing, new, req).
template <int (*Fn)(uv_loop_t*, uv_fs_t*, const char*, const char*, uv_fs_cb)>
void TwoPaths(const FunctionCallbackInfo<Value>& info, const char* syscall) {
  std::string path = Str(info, 0);
  std::string dest = Str(info, 1);
  Dispatch(info, info[2], syscall, Result::kVoid, false, &path, &dest,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return Fn(loop, req, path.c_str(), dest.c_str(), cb);
           });
}
void Rename(const FunctionCallbackInfo<Value>& info) { TwoPaths<uv_fs_rename>(info, "rename"); }
void Link(const FunctionCallbackInfo<Value>& info) { TwoPaths<uv_fs_link>(info, "link"); }

// symlink(target, path, flags, req)
void Symlink(const FunctionCallbackInfo<Value>& info) {
  std::string target = Str(info, 0);
  std::string path = Str(info, 1);
  int flags = Int(info, 2);
  Dispatch(info, info[3], "symlink", Result::kVoid, false, &target, &path,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_symlink(loop, req, target.c_str(), path.c_str(), flags, cb);
           });
}

// copyFile(src, dest, mode, req)
void CopyFile(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  std::string dest = Str(info, 1);
  int mode = Int(info, 2);
  Dispatch(info, info[3], "copyfile", Result::kVoid, false, &path, &dest,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_copyfile(loop, req, path.c_str(), dest.c_str(), mode, cb);
           });
}

// access(path, mode, req)
void Access(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  int mode = Int(info, 1);
  Dispatch(info, info[2], "access", Result::kVoid, false, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_access(loop, req, path.c_str(), mode, cb);
           });
}

// existsSync's fast path: access(F_OK) without an exception.
void Exists(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  uv_fs_t req;
  int err = uv_fs_access(nullptr, &req, path.c_str(), F_OK, nullptr);
  uv_fs_req_cleanup(&req);
  info.GetReturnValue().Set(err == 0);
}

// chmod(path, mode, req), fchmod(fd, mode, req)
void Chmod(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  int mode = Int(info, 1);
  Dispatch(info, info[2], "chmod", Result::kVoid, false, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_chmod(loop, req, path.c_str(), mode, cb);
           });
}
void FChmod(const FunctionCallbackInfo<Value>& info) {
  int fd = Int(info, 0);
  int mode = Int(info, 1);
  Dispatch(info, info[2], "fchmod", Result::kVoid, false, nullptr, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_fchmod(loop, req, fd, mode, cb);
           });
}

// chown/lchown(path, uid, gid, req), fchown(fd, uid, gid, req)
template <int kWhich>
void Chown(const FunctionCallbackInfo<Value>& info) {
  auto uid = static_cast<uv_uid_t>(Num(info, 1));
  auto gid = static_cast<uv_gid_t>(Num(info, 2));
  if (kWhich == 2) {
    int fd = Int(info, 0);
    Dispatch(info, info[3], "fchown", Result::kVoid, false, nullptr, nullptr,
             [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
               return uv_fs_fchown(loop, req, fd, uid, gid, cb);
             });
    return;
  }
  std::string path = Str(info, 0);
  Dispatch(info, info[3], kWhich == 0 ? "chown" : "lchown", Result::kVoid, false, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return kWhich == 0 ? uv_fs_chown(loop, req, path.c_str(), uid, gid, cb)
                                : uv_fs_lchown(loop, req, path.c_str(), uid, gid, cb);
           });
}

// utimes/lutimes(path, atime, mtime, req), futimes(fd, atime, mtime, req);
// times in seconds.
template <int kWhich>
void Utimes(const FunctionCallbackInfo<Value>& info) {
  double atime = Num(info, 1);
  double mtime = Num(info, 2);
  if (kWhich == 2) {
    int fd = Int(info, 0);
    Dispatch(info, info[3], "futime", Result::kVoid, false, nullptr, nullptr,
             [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
               return uv_fs_futime(loop, req, fd, atime, mtime, cb);
             });
    return;
  }
  std::string path = Str(info, 0);
  Dispatch(info, info[3], kWhich == 0 ? "utime" : "lutime", Result::kVoid, false, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return kWhich == 0 ? uv_fs_utime(loop, req, path.c_str(), atime, mtime, cb)
                                : uv_fs_lutime(loop, req, path.c_str(), atime, mtime, cb);
           });
}

// ftruncate(fd, length, req)
void FTruncate(const FunctionCallbackInfo<Value>& info) {
  int fd = Int(info, 0);
  auto length = static_cast<int64_t>(Num(info, 1));
  Dispatch(info, info[2], "ftruncate", Result::kVoid, false, nullptr, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_ftruncate(loop, req, fd, length, cb);
           });
}

// fsync(fd, req), fdatasync(fd, req)
template <bool kData>
void FSync(const FunctionCallbackInfo<Value>& info) {
  int fd = Int(info, 0);
  Dispatch(info, info[1], kData ? "fdatasync" : "fsync", Result::kVoid, false, nullptr, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return kData ? uv_fs_fdatasync(loop, req, fd, cb) : uv_fs_fsync(loop, req, fd, cb);
           });
}

// opendir(path, req) -> handle; dirRead(handle, req) -> [name, type, ...] |
// null; dirClose(handle, req).
void OpenDir(const FunctionCallbackInfo<Value>& info) {
  std::string path = Str(info, 0);
  Dispatch(info, info[1], "opendir", Result::kDir, false, &path, nullptr,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_opendir(loop, req, path.c_str(), cb);
           });
}
void DirRead(const FunctionCallbackInfo<Value>& info) {
  uv_dir_t* dir = HolderFrom(info[0])->dir;
  Dispatch(
      info, info[1], "scandir", Result::kDirEntries, false, nullptr, nullptr,
      [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) { return uv_fs_readdir(loop, req, dir, cb); },
      info[0]);
}
void DirClose(const FunctionCallbackInfo<Value>& info) {
  // The holder is freed after libuv has closed the dir (it owns the dirents).
  DirHandle* holder = HolderFrom(info[0]);
  uv_dir_t* dir = holder->dir;
  info[0].As<Object>()->SetAlignedPointerInInternalField(0, nullptr);
  if (info[1]->IsFunction()) {
    Env* env = Env::From(info);
    auto* wrap = new FSReq(*env, info[1].As<Function>(), "closedir", Result::kVoid, false);
    wrap->set_dir_holder(holder);
    int err = uv_fs_closedir(env->loop(), wrap->req(), dir, FSReq::After);
    if (err < 0) {
      delete wrap;
      delete holder;
      info.GetIsolate()->ThrowException(UVException(info.GetIsolate(), err, "closedir"));
    }
    return;
  }
  uv_fs_t req;
  int err = uv_fs_closedir(nullptr, &req, dir, nullptr);
  uv_fs_req_cleanup(&req);
  delete holder;
  if (err < 0) info.GetIsolate()->ThrowException(UVException(info.GetIsolate(), err, "closedir"));
}

// --- whole files --------------------------------------------------------------

// Reads a whole file into a malloc'ed buffer; returns 0 or a negative errno and
// names the failing call. Runs on any thread.
int ReadWhole(const char* path, int fd_arg, int flags, char** out, size_t* out_len,
              const char** syscall) {
  *syscall = "open";
  int fd = fd_arg;
  if (fd < 0) {
    fd = open(path, flags | O_CLOEXEC, 0666);
    if (fd < 0) return -errno;
  }
  struct stat st;
  size_t capacity = 8192;
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (fd_arg < 0) close(fd);
      *syscall = "read";
      return UV_EISDIR;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) capacity = static_cast<size_t>(st.st_size) + 1;
  }
  char* data = static_cast<char*>(malloc(capacity));
  size_t length = 0;
  for (;;) {
    if (length == capacity) {
      capacity *= 2;
      data = static_cast<char*>(realloc(data, capacity));
    }
    ssize_t n = read(fd, data + length, capacity - length);
    if (n > 0) {
      length += static_cast<size_t>(n);
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      int err = -errno;
      if (fd_arg < 0) close(fd);
      free(data);
      *syscall = "read";
      return err;
    }
  }
  if (fd_arg < 0) close(fd);
  *out = data;
  *out_len = length;
  return 0;
}

// The file's bytes as a JavaScript value: a string for 'utf8' (1) and
// 'latin1' (2), else a Uint8Array that owns the memory (0).
Local<Value> WholeFileValue(Isolate* isolate, char* data, size_t length, int encoding) {
  if (encoding == 1 || encoding == 2) {
    Local<Value> result;
    if (length > static_cast<size_t>(v8::String::kMaxLength)) {
      result = v8::Undefined(isolate);
    } else if (encoding == 1) {
      // A UTF-8 byte order mark is kept, as in Node.
      result = v8::String::NewFromUtf8(isolate, data, v8::NewStringType::kNormal,
                                       static_cast<int>(length))
                   .ToLocalChecked();
    } else {
      result = v8::String::NewFromOneByte(isolate, reinterpret_cast<uint8_t*>(data),
                                          v8::NewStringType::kNormal, static_cast<int>(length))
                   .ToLocalChecked();
    }
    free(data);
    return result;
  }
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data, length, [](void* ptr, size_t, void*) { free(ptr); }, nullptr);
  Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(ab, 0, length);
}

class ReadFileWork : public ThreadPoolWork {
 public:
  ReadFileWork(Env& env, Local<Function> callback, std::string path, int fd, int flags,
               int encoding)
      : ThreadPoolWork(env), path_(std::move(path)), fd_(fd), flags_(flags), encoding_(encoding) {
    callback_.Reset(env.isolate(), callback);
  }

 protected:
  void DoWork() override {
    err_ = ReadWhole(path_.c_str(), fd_, flags_, &data_, &length_, &syscall_);
  }
  void AfterWork(int status) override {
    Isolate* isolate = env().isolate();
    Local<Value> argv[2];
    int argc = 2;
    if (status != 0 && err_ == 0) {
      free(data_);
      err_ = status;
    }
    if (err_ != 0) {
      // Like Node, only open's failures name the file.
      bool named = fd_ < 0 && strcmp(syscall_, "open") == 0;
      argv[0] = UVException(isolate, err_, syscall_, named ? path_.c_str() : nullptr);
      argc = 1;
    } else {
      argv[0] = v8::Null(isolate);
      argv[1] = WholeFileValue(isolate, data_, length_, encoding_);
    }
    env().MakeCallback(callback_.Get(isolate), v8::Undefined(isolate), argc, argv);
  }

 private:
  Global<Function> callback_;
  std::string path_;
  int fd_;
  int flags_;
  int encoding_;
  int err_ = 0;
  const char* syscall_ = "open";
  char* data_ = nullptr;
  size_t length_ = 0;
};

// readFile(pathOrFd, flags, encoding, req) -> Uint8Array | string | undefined
// (undefined: the file is too large for a string).
void ReadFile(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  int fd = -1;
  std::string path;
  if (info[0]->IsInt32()) {
    fd = info[0].As<v8::Int32>()->Value();
  } else {
    path = Str(info, 0);
  }
  int flags = Int(info, 1);
  int encoding = Int(info, 2);
  if (info[3]->IsFunction()) {
    auto* work =
        new ReadFileWork(*Env::From(info), info[3].As<Function>(), path, fd, flags, encoding);
    int err = work->Queue();
    if (err != 0) {
      delete work;
      isolate->ThrowException(UVException(isolate, err, "open", path.c_str()));
    }
    return;
  }
  char* data = nullptr;
  size_t length = 0;
  const char* syscall = "open";
  int err = ReadWhole(path.c_str(), fd, flags, &data, &length, &syscall);
  if (err != 0) {
    bool named = fd < 0 && strcmp(syscall, "open") == 0;
    isolate->ThrowException(UVException(isolate, err, syscall, named ? path.c_str() : nullptr));
    return;
  }
  info.GetReturnValue().Set(WholeFileValue(isolate, data, length, encoding));
}

// --- watchers -----------------------------------------------------------------

// A libuv handle owned by a JavaScript object (internal field 0). While the
// handle is open the JS object is held strongly (it must receive events);
// close() releases it after uv_close completes.
template <typename Handle>
class HandleWrap {
 public:
  HandleWrap(Env& env, Local<Object> object) : env_(env) {
    object_.Reset(env.isolate(), object);
    object->SetAlignedPointerInInternalField(0, this);
    handle_.data = this;
  }
  virtual ~HandleWrap() = default;
  Handle* handle() { return &handle_; }
  Env& env() { return env_; }
  Local<Object> object() { return object_.Get(env_.isolate()); }

  void Close() {
    if (closing_) return;
    closing_ = true;
    object()->SetAlignedPointerInInternalField(0, nullptr);
    uv_close(reinterpret_cast<uv_handle_t*>(&handle_),
             [](uv_handle_t* h) { delete static_cast<HandleWrap*>(h->data); });
  }
  bool closing() const { return closing_; }

  // Calls object[name](...args).
  void Emit(const char* name, int argc, Local<Value>* argv) {
    Isolate* isolate = env_.isolate();
    Local<Object> obj = object();
    Local<Value> fn;
    if (!obj->Get(env_.context(), ToV8(isolate, name)).ToLocal(&fn) || !fn->IsFunction()) return;
    env_.MakeCallback(fn.As<Function>(), obj, argc, argv);
  }

 private:
  Env& env_;
  Global<Object> object_;
  Handle handle_;
  bool closing_ = false;
};

using FSEventWrap = HandleWrap<uv_fs_event_t>;
using StatWatcherWrap = HandleWrap<uv_fs_poll_t>;

template <typename Handle>
HandleWrap<Handle>* WrapFrom(Local<Value> object) {
  return static_cast<HandleWrap<Handle>*>(
      object.As<Object>()->GetAlignedPointerFromInternalField(0));
}

Local<Object> NewHandleObject(const FunctionCallbackInfo<Value>& info) {
  return DirTemplate(info.GetIsolate())
      ->NewInstance(info.GetIsolate()->GetCurrentContext())
      .ToLocalChecked();
}

void OnFsEvent(uv_fs_event_t* handle, const char* filename, int events, int status) {
  auto* wrap = static_cast<FSEventWrap*>(handle->data);
  if (wrap->closing()) return;
  Isolate* isolate = wrap->env().isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(wrap->env().context());
  const char* type = (events & UV_RENAME) ? "rename" : "change";
  Local<Value> argv[] = {
      Integer::New(isolate, status),
      ToV8(isolate, type),
      filename != nullptr ? ToV8(isolate, filename).As<Value>() : v8::Null(isolate).As<Value>(),
  };
  wrap->Emit("onchange", 3, argv);
}

// fsEventStart(object, path) -> 0 or a negative errno; events arrive as
// object.onchange(status, 'rename'|'change', filename).
void FsEventStart(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  std::string path = Str(info, 1);
  auto* wrap = new FSEventWrap(*env, info[0].As<Object>());
  int err = uv_fs_event_init(env->loop(), wrap->handle());
  if (err == 0) err = uv_fs_event_start(wrap->handle(), OnFsEvent, path.c_str(), 0);
  if (err != 0) wrap->Close();
  info.GetReturnValue().Set(err);
}

void OnPoll(uv_fs_poll_t* handle, int status, const uv_stat_t* prev, const uv_stat_t* curr) {
  auto* wrap = static_cast<StatWatcherWrap*>(handle->data);
  if (wrap->closing()) return;
  Isolate* isolate = wrap->env().isolate();
  HandleScope scope(isolate);
  v8::Context::Scope context_scope(wrap->env().context());
  bool bigint = wrap->object()
                    ->Get(wrap->env().context(), ToV8(isolate, "bigint"))
                    .ToLocalChecked()
                    ->IsTrue();
  Local<Value> argv[] = {Integer::New(isolate, status), StatArray(isolate, *curr, bigint),
                         StatArray(isolate, *prev, bigint)};
  wrap->Emit("onchange", 3, argv);
}

// statWatcherStart(object, path, interval) -> 0 or a negative errno; changes
// arrive as object.onchange(status, currentStats, previousStats).
void StatWatcherStart(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  std::string path = Str(info, 1);
  auto interval = static_cast<unsigned>(Num(info, 2));
  auto* wrap = new StatWatcherWrap(*env, info[0].As<Object>());
  int err = uv_fs_poll_init(env->loop(), wrap->handle());
  if (err == 0) err = uv_fs_poll_start(wrap->handle(), OnPoll, path.c_str(), interval);
  if (err != 0) wrap->Close();
  info.GetReturnValue().Set(err);
}

// handleClose(object, kind), handleRef(object, kind, ref): kind 0 = fs event,
// 1 = stat watcher.
void HandleClose(const FunctionCallbackInfo<Value>& info) {
  if (info[0].As<Object>()->GetAlignedPointerFromInternalField(0) == nullptr) return;
  if (Int(info, 1) == 0) {
    WrapFrom<uv_fs_event_t>(info[0])->Close();
  } else {
    WrapFrom<uv_fs_poll_t>(info[0])->Close();
  }
}

void HandleRef(const FunctionCallbackInfo<Value>& info) {
  void* ptr = info[0].As<Object>()->GetAlignedPointerFromInternalField(0);
  if (ptr == nullptr) return;
  uv_handle_t* handle =
      Int(info, 1) == 0 ? reinterpret_cast<uv_handle_t*>(WrapFrom<uv_fs_event_t>(info[0])->handle())
                        : reinterpret_cast<uv_handle_t*>(WrapFrom<uv_fs_poll_t>(info[0])->handle());
  if (info[2]->IsTrue()) {
    uv_ref(handle);
  } else {
    uv_unref(handle);
  }
}

// newHandle() -> an object with one internal field for the watchers.
void NewHandle(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(NewHandleObject(info));
}

// --- the module loader's helpers ----------------------------------------------

// readFileUtf8(path) -> string; throws ENOENT etc. like fs.readFileSync.
void ReadFileUtf8(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  std::string path = ToStdString(isolate, info[0]);
  char* data = nullptr;
  size_t length = 0;
  const char* syscall = "open";
  int err = ReadWhole(path.c_str(), -1, O_RDONLY, &data, &length, &syscall);
  if (err != 0) {
    isolate->ThrowException(UVException(isolate, err, syscall, path.c_str()));
    return;
  }
  info.GetReturnValue().Set(WholeFileValue(isolate, data, length, 1));
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
    {"open", Open},
    {"close", Close},
    {"read", ReadWrite<false>},
    {"write", ReadWrite<true>},
    {"writeString", WriteString},
    {"readv", Vectored<false>},
    {"writev", Vectored<true>},
    {"stat", StatCall<0>},
    {"lstat", StatCall<1>},
    {"fstat", StatCall<2>},
    {"statNoThrow", StatNoThrow},
    {"readdir", ReadDir},
    {"mkdir", MkDir},
    {"mkdtemp", MkDTemp},
    {"rmdir", RmDir},
    {"unlink", Unlink},
    {"readlink", ReadLink},
    {"realpathNative", RealPathCall},
    {"rename", Rename},
    {"link", Link},
    {"symlink", Symlink},
    {"copyFile", CopyFile},
    {"access", Access},
    {"exists", Exists},
    {"chmod", Chmod},
    {"fchmod", FChmod},
    {"chown", Chown<0>},
    {"lchown", Chown<1>},
    {"fchown", Chown<2>},
    {"utimes", Utimes<0>},
    {"lutimes", Utimes<1>},
    {"futimes", Utimes<2>},
    {"ftruncate", FTruncate},
    {"fsync", FSync<false>},
    {"fdatasync", FSync<true>},
    {"opendir", OpenDir},
    {"dirRead", DirRead},
    {"dirClose", DirClose},
    {"readFile", ReadFile},
    {"newHandle", NewHandle},
    {"fsEventStart", FsEventStart},
    {"statWatcherStart", StatWatcherStart},
    {"handleClose", HandleClose},
    {"handleRef", HandleRef},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  v8::Local<v8::Object> constants = v8::Object::New(env.isolate());
#define NODUS_FS_CONSTANT(name) SetConstant(env, constants, #name, name);
  NODUS_FS_CONSTANT(UV_FS_SYMLINK_DIR)
  NODUS_FS_CONSTANT(UV_FS_SYMLINK_JUNCTION)
  NODUS_FS_CONSTANT(O_RDONLY)
  NODUS_FS_CONSTANT(O_WRONLY)
  NODUS_FS_CONSTANT(O_RDWR)
  NODUS_FS_CONSTANT(UV_DIRENT_UNKNOWN)
  NODUS_FS_CONSTANT(UV_DIRENT_FILE)
  NODUS_FS_CONSTANT(UV_DIRENT_DIR)
  NODUS_FS_CONSTANT(UV_DIRENT_LINK)
  NODUS_FS_CONSTANT(UV_DIRENT_FIFO)
  NODUS_FS_CONSTANT(UV_DIRENT_SOCKET)
  NODUS_FS_CONSTANT(UV_DIRENT_CHAR)
  NODUS_FS_CONSTANT(UV_DIRENT_BLOCK)
  SetConstant(env, constants, "EXTENSIONLESS_FORMAT_JAVASCRIPT", 0);
  SetConstant(env, constants, "EXTENSIONLESS_FORMAT_WASM", 1);
  NODUS_FS_CONSTANT(S_IFMT)
  NODUS_FS_CONSTANT(S_IFREG)
  NODUS_FS_CONSTANT(S_IFDIR)
  NODUS_FS_CONSTANT(S_IFCHR)
  NODUS_FS_CONSTANT(S_IFBLK)
  NODUS_FS_CONSTANT(S_IFIFO)
  NODUS_FS_CONSTANT(S_IFLNK)
  NODUS_FS_CONSTANT(S_IFSOCK)
  NODUS_FS_CONSTANT(O_CREAT)
  NODUS_FS_CONSTANT(O_EXCL)
  NODUS_FS_CONSTANT(UV_FS_O_FILEMAP)
  NODUS_FS_CONSTANT(O_NOCTTY)
  NODUS_FS_CONSTANT(O_TRUNC)
  NODUS_FS_CONSTANT(O_APPEND)
  NODUS_FS_CONSTANT(O_DIRECTORY)
  NODUS_FS_CONSTANT(O_NOATIME)
  NODUS_FS_CONSTANT(O_NOFOLLOW)
  NODUS_FS_CONSTANT(O_SYNC)
  NODUS_FS_CONSTANT(O_DSYNC)
  NODUS_FS_CONSTANT(O_DIRECT)
  NODUS_FS_CONSTANT(O_NONBLOCK)
  NODUS_FS_CONSTANT(S_IRWXU)
  NODUS_FS_CONSTANT(S_IRUSR)
  NODUS_FS_CONSTANT(S_IWUSR)
  NODUS_FS_CONSTANT(S_IXUSR)
  NODUS_FS_CONSTANT(S_IRWXG)
  NODUS_FS_CONSTANT(S_IRGRP)
  NODUS_FS_CONSTANT(S_IWGRP)
  NODUS_FS_CONSTANT(S_IXGRP)
  NODUS_FS_CONSTANT(S_IRWXO)
  NODUS_FS_CONSTANT(S_IROTH)
  NODUS_FS_CONSTANT(S_IWOTH)
  NODUS_FS_CONSTANT(S_IXOTH)
  NODUS_FS_CONSTANT(F_OK)
  NODUS_FS_CONSTANT(R_OK)
  NODUS_FS_CONSTANT(W_OK)
  NODUS_FS_CONSTANT(X_OK)
  NODUS_FS_CONSTANT(UV_FS_COPYFILE_EXCL)
  SetConstant(env, constants, "COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
  NODUS_FS_CONSTANT(UV_FS_COPYFILE_FICLONE)
  SetConstant(env, constants, "COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
  NODUS_FS_CONSTANT(UV_FS_COPYFILE_FICLONE_FORCE)
  SetConstant(env, constants, "COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE);
#undef NODUS_FS_CONSTANT
  SetValue(env, target, "constants", constants);
}

}  // namespace nodus::bindings::fs
