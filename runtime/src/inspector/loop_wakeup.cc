#include "inspector/loop_wakeup.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace nodus::inspector {

int LoopWakeup::Init(uv_loop_t* loop, Callback callback, void* data) {
  fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (fd_ < 0) return uv_translate_sys_error(errno);
  callback_ = callback;
  data_ = data;
  int err = uv_poll_init(loop, &poll_, fd_);
  if (err == 0) {
    poll_.data = this;
    err = uv_poll_start(&poll_, UV_READABLE, OnReadable);
  }
  if (err != 0) {
    ::close(fd_);
    fd_ = -1;
  }
  return err;
}

void LoopWakeup::Send() {
  uint64_t one = 1;
  // EAGAIN means the counter is saturated: a wake-up is pending anyway.
  while (write(fd_, &one, sizeof one) < 0 && errno == EINTR) {
  }
}

void LoopWakeup::Unref() { uv_unref(reinterpret_cast<uv_handle_t*>(&poll_)); }

void LoopWakeup::Close() {
  if (fd_ < 0) return;
  uv_close(reinterpret_cast<uv_handle_t*>(&poll_), nullptr);
  ::close(fd_);  // uv_close stopped the watcher synchronously
  fd_ = -1;
}

void LoopWakeup::OnReadable(uv_poll_t* poll, int status, int) {
  auto* self = static_cast<LoopWakeup*>(poll->data);
  uint64_t count;
  while (read(self->fd_, &count, sizeof count) < 0 && errno == EINTR) {
  }
  if (status == 0) self->callback_(self->data_);
}

}  // namespace nodus::inspector
