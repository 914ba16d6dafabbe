#include "errors.h"

#include <cstdio>

#include "bindings/binding.h"
#include "env.h"

namespace nodus {

std::string ArrowMessage(v8::Isolate* isolate, v8::Local<v8::Message> message) {
  if (message.IsEmpty()) return {};
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> resource = message->GetScriptResourceName();
  if (resource.IsEmpty() || resource->IsUndefined()) return {};
  std::string file = bindings::ToStdString(isolate, resource);
  int line = message->GetLineNumber(context).FromMaybe(0);
  v8::Local<v8::String> source_line;
  if (!message->GetSourceLine(context).ToLocal(&source_line)) return {};
  std::string source = bindings::ToStdString(isolate, source_line);
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  // The first line of a CommonJS module may carry a shebang that the loader
  // blanked out; columns refer to the text as compiled.
  std::string arrow = file + ":" + std::to_string(line) + "\n" + source + "\n";
  for (int i = 0; i < start; i++)
    arrow += (i < static_cast<int>(source.size()) && source[i] == '\t') ? '\t' : ' ';
  for (int i = start; i < std::max(end, start + 1); i++) arrow += '^';
  arrow += "\n";
  return arrow;
}

void DecorateWithArrow(Env& env, v8::Local<v8::Value> exception, v8::Local<v8::Message> message) {
  if (!exception->IsObject() || message.IsEmpty()) return;
  v8::Local<v8::Context> context = env.context();
  v8::Local<v8::Object> object = exception.As<v8::Object>();
  v8::Local<v8::Private> key = env.arrow_message_private();
  if (object->HasPrivate(context, key).FromMaybe(true)) return;
  std::string arrow = ArrowMessage(env.isolate(), message);
  object->SetPrivate(context, key, bindings::ToV8(env.isolate(), arrow)).Check();
}

std::string GetArrow(Env& env, v8::Local<v8::Value> exception) {
  if (!exception->IsObject()) return {};
  v8::Local<v8::Value> value;
  if (!exception.As<v8::Object>()
           ->GetPrivate(env.context(), env.arrow_message_private())
           .ToLocal(&value) ||
      !value->IsString()) {
    return {};
  }
  return bindings::ToStdString(env.isolate(), value);
}

void PrintExceptionFallback(Env& env, v8::Local<v8::Value> exception,
                            v8::Local<v8::Message> message) {
  v8::Isolate* isolate = env.isolate();
  v8::TryCatch try_catch(isolate);
  std::string arrow = GetArrow(env, exception);
  if (arrow.empty()) arrow = ArrowMessage(isolate, message);
  std::string text;
  v8::Local<v8::Value> stack;
  if (exception->IsObject() &&
      exception.As<v8::Object>()
          ->Get(env.context(), bindings::ToV8(isolate, "stack"))
          .ToLocal(&stack) &&
      stack->IsString()) {
    text = bindings::ToStdString(isolate, stack);
  } else {
    text = bindings::ToStdString(isolate, exception);
  }
  std::fprintf(stderr, "%s\n%s\n\nnodus v%s\n", arrow.c_str(), text.c_str(), NODUS_VERSION);
  std::fflush(stderr);
}

}  // namespace nodus
