// internalBinding('inspector'): the `inspector` module, the console bridge
// and --inspect-brk's pause on the main module's first statement, over the
// agent (inspector_agent.h).

#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"
#include "inspector_agent.h"

namespace nodus::bindings::inspector {

namespace {

using nodus::inspector::Agent;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::Value;

std::vector<Local<Value>> RestArguments(const FunctionCallbackInfo<Value>& info, int from) {
  std::vector<Local<Value>> args;
  for (int i = from; i < info.Length(); i++) args.push_back(info[i]);
  return args;
}

// consoleCall(inspectorMethod, nodeMethod, ...args), bound per console method:
// V8's console (for Runtime.consoleAPICalled) when an inspector exists, then
// ours. Native, so V8 sees the user's frame as the caller.
void ConsoleCall(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  Local<v8::Context> context = env->context();
  std::vector<Local<Value>> args = RestArguments(info, 2);
  if (env->inspector_agent_if_created() != nullptr && info[0]->IsFunction()) {
    v8::TryCatch try_catch(info.GetIsolate());
    // What V8's console throws is not the program's concern.
    if (info[0]
            .As<v8::Function>()
            ->Call(context, info.This(), static_cast<int>(args.size()), args.data())
            .IsEmpty()) {
      try_catch.Reset();
    }
  }
  if (!info[1]->IsFunction()) return;
  Local<Value> result;
  if (info[1]
          .As<v8::Function>()
          ->Call(context, info.This(), static_cast<int>(args.size()), args.data())
          .ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

// open(port, host) -> listening
void Open(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  int port = info[0]->Int32Value(env->context()).FromMaybe(0);
  std::string host = ToStdString(info.GetIsolate(), info[1]);
  info.GetReturnValue().Set(env->inspector_agent().StartIo(host, port));
}

void Close(const FunctionCallbackInfo<Value>& info) {
  if (Agent* agent = Env::From(info)->inspector_agent_if_created()) agent->StopIo();
}

void Url(const FunctionCallbackInfo<Value>& info) {
  Agent* agent = Env::From(info)->inspector_agent_if_created();
  if (agent == nullptr || !agent->io_active()) return;
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), agent->WebSocketUrl()));
}

void IsEnabled(const FunctionCallbackInfo<Value>& info) {
  Agent* agent = Env::From(info)->inspector_agent_if_created();
  info.GetReturnValue().Set(agent != nullptr && agent->io_active());
}

void WaitForDebugger(const FunctionCallbackInfo<Value>& info) {
  Agent* agent = Env::From(info)->inspector_agent_if_created();
  if (agent == nullptr || !agent->io_active()) return info.GetReturnValue().Set(false);
  agent->WaitForFrontend();
  info.GetReturnValue().Set(true);
}

void GetDefaultHostPort(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  Local<Value> items[] = {ToV8(isolate, env->options().inspect_host),
                          v8::Integer::New(isolate, env->options().inspect_port)};
  info.GetReturnValue().Set(v8::Array::New(isolate, items, std::size(items)));
}

// reportUncaughtException(error): before a fatal error is printed.
void ReportUncaughtException(const FunctionCallbackInfo<Value>& info) {
  if (Agent* agent = Env::From(info)->inspector_agent_if_created()) {
    agent->ReportUncaughtException(info[0]);
  }
}

// callAndPauseOnStart(fn, thisArg, ...args): --inspect-brk's "Break on start".
void CallAndPauseOnStart(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  env->inspector_agent().PauseOnNextStatement("Break on start");
  std::vector<Local<Value>> args = RestArguments(info, 2);
  Local<Value> result;
  if (info[0]
          .As<v8::Function>()
          ->Call(env->context(), info[1], static_cast<int>(args.size()), args.data())
          .ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

// new Connection(onMessage): an in-process session. Lives until disconnect().
class Connection final : public nodus::inspector::LocalSessionDelegate {
 public:
  Connection(Env& env, Local<v8::Function> on_message)
      : env_(env), on_message_(env.isolate(), on_message) {
    session_id_ = env.inspector_agent().ConnectLocal(this);
  }

  static Connection* Unwrap(const FunctionCallbackInfo<Value>& info) {
    return static_cast<Connection*>(info.This()->GetAlignedPointerFromInternalField(0));
  }

  void OnMessage(v8_inspector::StringView message) override {
    v8::Isolate* isolate = env_.isolate();
    v8::HandleScope scope(isolate);
    Local<v8::String> text;
    bool ok = message.is8Bit() ? v8::String::NewFromOneByte(isolate, message.characters8(),
                                                            v8::NewStringType::kNormal,
                                                            static_cast<int>(message.length()))
                                     .ToLocal(&text)
                               : v8::String::NewFromTwoByte(isolate, message.characters16(),
                                                            v8::NewStringType::kNormal,
                                                            static_cast<int>(message.length()))
                                     .ToLocal(&text);
    if (!ok) return;
    Local<Value> argv[] = {text};
    (void)env_.MakeCallback(on_message_.Get(isolate), v8::Undefined(isolate), 1, argv);
  }

  void Dispatch(const std::string& message) {
    env_.inspector_agent().DispatchLocal(session_id_, message);
  }
  void Disconnect() { env_.inspector_agent().DisconnectLocal(session_id_); }

 private:
  Env& env_;
  v8::Global<v8::Function> on_message_;
  int session_id_;
};

void NewConnection(const FunctionCallbackInfo<Value>& info) {
  Env* env = Env::From(info);
  auto* connection = new Connection(*env, info[0].As<v8::Function>());
  info.This()->SetAlignedPointerInInternalField(0, connection);
}

void Dispatch(const FunctionCallbackInfo<Value>& info) {
  Connection* connection = Connection::Unwrap(info);
  if (connection == nullptr) return;
  v8::String::Utf8Value message(info.GetIsolate(), info[0]);
  connection->Dispatch(std::string(*message, message.length()));
  // An evaluation stopped by the REPL's SIGINT watchdog (contextify) ends
  // here: the caller's JavaScript goes on.
  if (info.GetIsolate()->IsExecutionTerminating()) info.GetIsolate()->CancelTerminateExecution();
}

void Disconnect(const FunctionCallbackInfo<Value>& info) {
  Connection* connection = Connection::Unwrap(info);
  if (connection == nullptr) return;
  info.This()->SetAlignedPointerInInternalField(0, nullptr);
  connection->Disconnect();
  delete connection;
}

constexpr Method kMethods[] = {
    {"consoleCall", ConsoleCall},
    {"open", Open},
    {"close", Close},
    {"url", Url},
    {"isEnabled", IsEnabled},
    {"waitForDebugger", WaitForDebugger},
    {"getDefaultHostPort", GetDefaultHostPort},
    {"callAndPauseOnStart", CallAndPauseOnStart},
    {"reportUncaughtException", ReportUncaughtException},
};

constexpr Method kConnectionMethods[] = {
    {"dispatch", Dispatch},
    {"disconnect", Disconnect},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(NewConnection);
  refs.Add(kConnectionMethods);
}

void Initialize(Env& env, Local<Object> target) {
  SetMethods(env, target, kMethods);
  SetClass(env, target, "Connection", NewConnection, kConnectionMethods);
}

}  // namespace nodus::bindings::inspector
