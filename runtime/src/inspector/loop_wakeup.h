#pragma once

// A libuv loop that other threads can wake: an eventfd watched by a
// uv_poll_t. Used instead of uv_async_t on purpose: libuv 1.44's
// uv_async_send marks the handle busy around its write(), and the woken loop
// spins (then sched_yield()s) until the flag clears. On a loaded two-core
// machine the woken thread often preempts the sender inside that window,
// costing scheduler round trips on every inspector message (measured:
// Runtime.evaluate round trips up to 4x slower than node's).

#include <uv.h>

namespace nodus::inspector {

class LoopWakeup {
 public:
  using Callback = void (*)(void* data);

  LoopWakeup() = default;
  LoopWakeup(const LoopWakeup&) = delete;
  LoopWakeup& operator=(const LoopWakeup&) = delete;

  // On the loop's thread. Returns 0 or a libuv error.
  int Init(uv_loop_t* loop, Callback callback, void* data);
  // Any thread, also a signal handler: `callback` runs on the loop's thread
  // at least once after this (several Sends may coalesce into one call).
  void Send();
  // On the loop's thread: the handle no longer keeps the loop alive.
  void Unref();
  // On the loop's thread: stops watching and closes the descriptor.
  void Close();

 private:
  static void OnReadable(uv_poll_t* poll, int status, int events);

  uv_poll_t poll_;
  int fd_ = -1;
  Callback callback_ = nullptr;
  void* data_ = nullptr;
};

}  // namespace nodus::inspector
