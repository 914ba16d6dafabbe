// internalBinding('spawn_sync'): spawn(options) runs a child to completion on
// a private uv_loop_t and returns
//   { pid, status, termSignal, output: [Buffer | null, ...], error }
// (error: 0 or a libuv error: the spawn failure, ETIMEDOUT after `timeout`
// ms, ENOBUFS once the outputs together exceed `maxBuffer` bytes; the child
// is then killed with `killSignal`). options are process_wrap's spawn options
// (stdio entries: { type: 'pipe', readable, writable, input }, 'ignore',
// 'inherit' / 'fd' with fd) plus timeout, maxBuffer and killSignal (a number).
// Input pipes (stdio[i].input, a Uint8Array) are written then shut down;
// other pipes are read until EOF.
#include <uv.h>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "bindings/spawn_options.h"
#include "env.h"

namespace nodus::bindings::spawn_sync {

namespace {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

struct Runner;

struct SyncPipe {
  uv_pipe_t pipe;
  Runner* runner = nullptr;
  std::string input;
  bool has_input = false;
  bool child_reads = false;  // stdin-like: we write (maybe nothing) and shut down
  std::string output;
  uv_write_t write_req;
  uv_shutdown_t shutdown_req;
  bool closing = false;
};

struct Runner {
  uv_loop_t loop;
  uv_process_t process;
  uv_timer_t timer;
  bool timer_active = false;
  bool process_spawned = false;
  bool exited = false;
  int64_t exit_status = 0;
  int term_signal = 0;
  int error = 0;
  int kill_signal = SIGTERM;
  double max_buffer = 0;  // 0: unlimited
  double buffered = 0;
  bool killed = false;
  std::vector<std::unique_ptr<SyncPipe>> pipes;  // indexed like stdio; null if not a pipe

  void ClosePipe(SyncPipe* pipe) {
    if (pipe->closing) return;
    pipe->closing = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&pipe->pipe), nullptr);
  }

  void CloseTimer() {
    if (!timer_active) return;
    timer_active = false;
    uv_close(reinterpret_cast<uv_handle_t*>(&timer), nullptr);
  }

  void Kill() {
    if (killed) return;
    killed = true;
    if (!exited) {
      int err = uv_process_kill(&process, kill_signal);
      if (err != 0 && err != UV_ESRCH) {
        if (error == 0) error = err;
        uv_process_kill(&process, SIGKILL);
      }
    }
    for (auto& pipe : pipes) {
      if (pipe) ClosePipe(pipe.get());
    }
    CloseTimer();
  }
};

void OnAlloc(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
  buf->base = static_cast<char*>(malloc(suggested));
  buf->len = buf->base == nullptr ? 0 : suggested;
}

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* pipe = static_cast<SyncPipe*>(stream->data);
  Runner* runner = pipe->runner;
  if (nread > 0) {
    pipe->output.append(buf->base, static_cast<size_t>(nread));
    runner->buffered += static_cast<double>(nread);
    if (runner->max_buffer > 0 && runner->buffered > runner->max_buffer) {
      if (runner->error == 0) runner->error = UV_ENOBUFS;
      runner->Kill();
    }
  } else if (nread < 0) {
    if (nread != UV_EOF && runner->error == 0) runner->error = static_cast<int>(nread);
    runner->ClosePipe(pipe);
  }
  free(buf->base);
}

void OnShutdown(uv_shutdown_t* req, int) {
  auto* pipe = static_cast<SyncPipe*>(req->data);
  pipe->runner->ClosePipe(pipe);
}

void OnWrite(uv_write_t* req, int status) {
  auto* pipe = static_cast<SyncPipe*>(req->data);
  if (status != 0 || pipe->closing) {
    // EPIPE: the child stopped reading; not an error of the run, as in node.
    pipe->runner->ClosePipe(pipe);
    return;
  }
  pipe->shutdown_req.data = pipe;
  if (uv_shutdown(&pipe->shutdown_req, reinterpret_cast<uv_stream_t*>(&pipe->pipe), OnShutdown) !=
      0) {
    pipe->runner->ClosePipe(pipe);
  }
}

void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
  auto* runner = static_cast<Runner*>(process->data);
  runner->exited = true;
  runner->exit_status = exit_status;
  runner->term_signal = term_signal;
  uv_close(reinterpret_cast<uv_handle_t*>(process), nullptr);
  runner->CloseTimer();
}

void OnTimeout(uv_timer_t* timer) {
  auto* runner = static_cast<Runner*>(timer->data);
  if (runner->error == 0) runner->error = UV_ETIMEDOUT;
  runner->Kill();
}

Local<Value> ToBuffer(Isolate* isolate, const std::string& bytes) {
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, bytes.size());
  if (!bytes.empty()) memcpy(buffer->Data(), bytes.data(), bytes.size());
  return v8::Uint8Array::New(buffer, 0, bytes.size());
}

void Spawn(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> js_options = info[0].As<Object>();

  auto runner = std::make_unique<Runner>();
  uv_loop_init(&runner->loop);
  runner->process.data = runner.get();
  Local<Value> timeout = GetOption(context, js_options, "timeout");
  Local<Value> max_buffer = GetOption(context, js_options, "maxBuffer");
  if (max_buffer->IsNumber() && std::isfinite(max_buffer.As<v8::Number>()->Value())) {
    runner->max_buffer = max_buffer.As<v8::Number>()->Value();
  }
  Local<Value> kill_signal = GetOption(context, js_options, "killSignal");
  if (kill_signal->IsInt32()) runner->kill_signal = kill_signal.As<v8::Int32>()->Value();

  uv_process_options_t options{};
  options.exit_cb = OnExit;
  SpawnCommand command;
  command.Read(isolate, context, js_options, &options);

  std::vector<uv_stdio_container_t> stdio;
  Local<Value> stdio_value = GetOption(context, js_options, "stdio");
  if (stdio_value->IsArray()) {
    Local<v8::Array> array = stdio_value.As<v8::Array>();
    for (uint32_t i = 0; i < array->Length(); i++) {
      Local<Object> entry = array->Get(context, i).ToLocalChecked().As<Object>();
      std::string type = ToStdString(isolate, GetOption(context, entry, "type"));
      uv_stdio_container_t container{};
      container.flags = UV_IGNORE;
      std::unique_ptr<SyncPipe> pipe;
      if (type == "pipe" || type == "overlapped") {
        pipe = std::make_unique<SyncPipe>();
        pipe->runner = runner.get();
        uv_pipe_init(&runner->loop, &pipe->pipe, 0);
        pipe->pipe.data = pipe.get();
        Local<Value> input = GetOption(context, entry, "input");
        if (input->IsArrayBufferView()) {
          Local<v8::ArrayBufferView> view = input.As<v8::ArrayBufferView>();
          pipe->input.resize(view->ByteLength());
          view->CopyContents(pipe->input.data(), pipe->input.size());
          pipe->has_input = true;
        }
        pipe->child_reads = pipe->has_input || GetOption(context, entry, "readable")->IsTrue();
        container.flags =
            static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
        container.data.stream = reinterpret_cast<uv_stream_t*>(&pipe->pipe);
      } else if (type == "fd" || type == "inherit") {
        container.flags = UV_INHERIT_FD;
        container.data.fd = GetOption(context, entry, "fd")->Int32Value(context).FromJust();
      }
      stdio.push_back(container);
      runner->pipes.push_back(std::move(pipe));
    }
  }
  options.stdio = stdio.data();
  options.stdio_count = static_cast<int>(stdio.size());

  int err = uv_spawn(&runner->loop, &runner->process, &options);
  if (err != 0) {
    runner->error = err;
    uv_close(reinterpret_cast<uv_handle_t*>(&runner->process), nullptr);
    for (auto& pipe : runner->pipes) {
      if (pipe) runner->ClosePipe(pipe.get());
    }
  } else {
    runner->process_spawned = true;
    if (timeout->IsNumber() && timeout.As<v8::Number>()->Value() > 0) {
      uv_timer_init(&runner->loop, &runner->timer);
      runner->timer.data = runner.get();
      runner->timer_active = true;
      uv_timer_start(&runner->timer, OnTimeout,
                     static_cast<uint64_t>(timeout.As<v8::Number>()->Value()), 0);
    }
    for (auto& pipe : runner->pipes) {
      if (!pipe) continue;
      auto* stream = reinterpret_cast<uv_stream_t*>(&pipe->pipe);
      if (pipe->child_reads) {
        if (!pipe->input.empty()) {
          pipe->write_req.data = pipe.get();
          uv_buf_t buf = uv_buf_init(pipe->input.data(), static_cast<unsigned>(pipe->input.size()));
          if (uv_write(&pipe->write_req, stream, &buf, 1, OnWrite) != 0) {
            runner->ClosePipe(pipe.get());
          }
        } else {
          pipe->shutdown_req.data = pipe.get();
          if (uv_shutdown(&pipe->shutdown_req, stream, OnShutdown) != 0) {
            runner->ClosePipe(pipe.get());
          }
        }
      } else if (uv_read_start(stream, OnAlloc, OnRead) != 0) {
        runner->ClosePipe(pipe.get());
      }
    }
  }
  uv_run(&runner->loop, UV_RUN_DEFAULT);
  // Anything left (nothing, normally) is closed before the loop goes away.
  uv_walk(
      &runner->loop,
      [](uv_handle_t* handle, void*) {
        if (!uv_is_closing(handle)) uv_close(handle, nullptr);
      },
      nullptr);
  uv_run(&runner->loop, UV_RUN_DEFAULT);
  uv_loop_close(&runner->loop);

  Local<Object> result = Object::New(isolate);
  auto set = [&](const char* key, Local<Value> value) {
    result->Set(context, ToV8(isolate, key), value).Check();
  };
  set("error", v8::Integer::New(isolate, runner->error));
  if (runner->process_spawned) {
    set("pid", v8::Integer::New(isolate, runner->process.pid));
    set("status", v8::Number::New(isolate, static_cast<double>(runner->exit_status)));
    set("termSignal", v8::Integer::New(isolate, runner->term_signal));
    Local<v8::Array> output = v8::Array::New(isolate, static_cast<int>(runner->pipes.size()));
    for (uint32_t i = 0; i < runner->pipes.size(); i++) {
      SyncPipe* pipe = runner->pipes[i].get();
      Local<Value> value = v8::Null(isolate);
      if (pipe != nullptr && !pipe->child_reads) value = ToBuffer(isolate, pipe->output);
      output->Set(context, i, value).Check();
    }
    set("output", output);
  } else {
    set("pid", v8::Integer::New(isolate, 0));
  }
  info.GetReturnValue().Set(result);
}

constexpr Method kMethods[] = {
    {"spawn", Spawn},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, Local<Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::spawn_sync
