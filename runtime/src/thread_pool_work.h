#pragma once

// Work on libuv's thread pool with a completion on the main thread: the
// pattern every asynchronous binding that is not a plain uv_fs_* call uses
// (crypto's pbkdf2/scrypt, ...). Subclass, implement DoWork (thread pool: no
// V8 here) and AfterWork (main thread, with a HandleScope and the context
// entered; report results through Env::MakeCallback). The object deletes
// itself after AfterWork. Thread affinity: constructed, queued and completed
// on the main thread; DoWork runs on a pool thread.

#include <uv.h>
#include <v8.h>

#include "env.h"

namespace nodus {

class ThreadPoolWork {
 public:
  explicit ThreadPoolWork(Env& env) : env_(env) { req_.data = this; }
  virtual ~ThreadPoolWork() = default;
  ThreadPoolWork(const ThreadPoolWork&) = delete;
  ThreadPoolWork& operator=(const ThreadPoolWork&) = delete;

  // Returns 0, or a libuv error (then nothing runs and the caller still owns
  // this object).
  int Queue() {
    return uv_queue_work(env_.loop(), &req_, &ThreadPoolWork::Work, &ThreadPoolWork::After);
  }

 protected:
  virtual void DoWork() = 0;
  // `status` is 0, or UV_ECANCELED when the loop is shutting down.
  virtual void AfterWork(int status) = 0;

  Env& env() { return env_; }

 private:
  static void Work(uv_work_t* req) { static_cast<ThreadPoolWork*>(req->data)->DoWork(); }
  static void After(uv_work_t* req, int status) {
    auto* self = static_cast<ThreadPoolWork*>(req->data);
    v8::Isolate* isolate = self->env_.isolate();
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(self->env_.context());
    self->AfterWork(status);
    delete self;
  }

  Env& env_;
  uv_work_t req_;
};

}  // namespace nodus
