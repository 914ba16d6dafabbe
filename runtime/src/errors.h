#pragma once

// Source context for errors, as Node prints them: "file:line", the source
// line, and a caret line under the failing expression.

#include <v8.h>

#include <string>

namespace nodus {

class Env;

// "/abs/file.js:2\n  foo.bar(a);\n  ^\n" (empty if the message has no script).
std::string ArrowMessage(v8::Isolate* isolate, v8::Local<v8::Message> message);

// Stores the arrow on `exception` (if it is an object and not decorated yet),
// so whoever prints the error later can show where it was thrown.
void DecorateWithArrow(Env& env, v8::Local<v8::Value> exception, v8::Local<v8::Message> message);
std::string GetArrow(Env& env, v8::Local<v8::Value> exception);

// Last-resort printing when the JavaScript error path is unavailable (for
// example an exception during bootstrap): arrow + stack, to stderr.
void PrintExceptionFallback(Env& env, v8::Local<v8::Value> exception,
                            v8::Local<v8::Message> message);

}  // namespace nodus
