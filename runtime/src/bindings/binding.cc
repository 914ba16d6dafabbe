#include "bindings/binding.h"

#include <uv.h>

#include <cstring>
#include <string>

#include "env.h"

namespace nodus::bindings {

void SetMethods(Env& env, v8::Local<v8::Object> target, std::span<const Method> methods) {
  v8::Isolate* isolate = env.isolate();
  v8::Local<v8::Context> context = env.context();
  for (const Method& method : methods) {
    v8::Local<v8::String> name = ToV8(isolate, method.name);
    v8::Local<v8::Function> fn =
        v8::FunctionTemplate::New(isolate, method.callback, v8::Local<v8::Value>(),
                                  v8::Local<v8::Signature>(), 0, v8::ConstructorBehavior::kThrow)
            ->GetFunction(context)
            .ToLocalChecked();
    fn->SetName(name);
    target->Set(context, name, fn).Check();
  }
}

void SetConstant(Env& env, v8::Local<v8::Object> target, const char* name, double value) {
  SetValue(env, target, name, v8::Number::New(env.isolate(), value));
}

void SetValue(Env& env, v8::Local<v8::Object> target, const char* name,
              v8::Local<v8::Value> value) {
  target->Set(env.context(), ToV8(env.isolate(), name), value).Check();
}

v8::Local<v8::Function> SetClass(Env& env, v8::Local<v8::Object> target, const char* name,
                                 v8::FunctionCallback ctor, std::span<const Method> methods) {
  v8::Isolate* isolate = env.isolate();
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, ctor);
  tmpl->SetClassName(ToV8(isolate, name));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  v8::Local<v8::Signature> signature = v8::Signature::New(isolate, tmpl);
  for (const Method& method : methods) {
    tmpl->PrototypeTemplate()->Set(
        ToV8(isolate, method.name),
        v8::FunctionTemplate::New(isolate, method.callback, v8::Local<v8::Value>(), signature, 0,
                                  v8::ConstructorBehavior::kThrow));
  }
  v8::Local<v8::Function> constructor = tmpl->GetFunction(env.context()).ToLocalChecked();
  SetValue(env, target, name, constructor);
  return constructor;
}

InitializeFn FindBinding(std::string_view name) {
#define NODUS_BINDING_ENTRY(id) \
  if (name == #id) return &id::Initialize;
  NODUS_BINDINGS(NODUS_BINDING_ENTRY)
#undef NODUS_BINDING_ENTRY
  return nullptr;
}

void ExternalReferences::AddAddress(intptr_t address) {
  // Insertion order is the index V8 records, so it must not depend on
  // addresses (the snapshot is written by another executable).
  for (intptr_t known : addresses_) {
    if (known == address) return;
  }
  addresses_.push_back(address);
}

const intptr_t* AllExternalReferences() {
  static const std::vector<intptr_t>* table = [] {
    ExternalReferences references;
    RegisterEnvExternalReferences(references);
#define NODUS_BINDING_REFERENCES(id) id::RegisterExternalReferences(references);
    NODUS_BINDINGS(NODUS_BINDING_REFERENCES)
#undef NODUS_BINDING_REFERENCES
    auto* out = new std::vector<intptr_t>(references.addresses());
    out->push_back(0);
    return out;
  }();
  return table->data();
}

v8::Local<v8::String> ToV8(v8::Isolate* isolate, std::string_view text) {
  return v8::String::NewFromUtf8(isolate, text.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(text.size()))
      .ToLocalChecked();
}

std::string ToStdString(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 == nullptr ? std::string() : std::string(*utf8, utf8.length());
}

v8::Local<v8::Array> ToV8Array(v8::Isolate* isolate, const std::vector<std::string>& items) {
  std::vector<v8::Local<v8::Value>> values;
  values.reserve(items.size());
  for (const std::string& item : items) values.push_back(ToV8(isolate, item));
  return v8::Array::New(isolate, values.data(), values.size());
}

std::vector<std::string> ToStdStringVector(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  std::vector<std::string> out;
  if (!value->IsArray()) return out;
  v8::Local<v8::Array> array = value.As<v8::Array>();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  for (uint32_t i = 0; i < array->Length(); i++) {
    out.push_back(ToStdString(isolate, array->Get(context, i).ToLocalChecked()));
  }
  return out;
}

std::vector<char*> NullTerminatedPointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

v8::Local<v8::Value> GetOption(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                               const char* key) {
  return object->Get(context, ToV8(context->GetIsolate(), key)).ToLocalChecked();
}

namespace {
void ThrowWithCode(v8::Isolate* isolate, v8::Local<v8::Value> error, const char* code) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (code != nullptr) {
    error.As<v8::Object>()->Set(context, ToV8(isolate, "code"), ToV8(isolate, code)).Check();
  }
  isolate->ThrowException(error);
}
}  // namespace

void ThrowError(v8::Isolate* isolate, const char* code, std::string_view message) {
  ThrowWithCode(isolate, v8::Exception::Error(ToV8(isolate, message)), code);
}

void ThrowTypeError(v8::Isolate* isolate, const char* code, std::string_view message) {
  ThrowWithCode(isolate, v8::Exception::TypeError(ToV8(isolate, message)), code);
}

v8::Local<v8::Value> UVException(v8::Isolate* isolate, int err, const char* syscall,
                                 const char* path, const char* dest) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::string message = std::string(uv_err_name(err)) + ": " + uv_strerror(err) + ", " + syscall;
  if (path != nullptr) message += std::string(" '") + path + "'";
  if (dest != nullptr) message += std::string(" -> '") + dest + "'";
  v8::Local<v8::Object> error =
      v8::Exception::Error(ToV8(isolate, message))->ToObject(context).ToLocalChecked();
  error->Set(context, ToV8(isolate, "errno"), v8::Integer::New(isolate, err)).Check();
  error->Set(context, ToV8(isolate, "code"), ToV8(isolate, uv_err_name(err))).Check();
  error->Set(context, ToV8(isolate, "syscall"), ToV8(isolate, syscall)).Check();
  if (path != nullptr) error->Set(context, ToV8(isolate, "path"), ToV8(isolate, path)).Check();
  if (dest != nullptr) error->Set(context, ToV8(isolate, "dest"), ToV8(isolate, dest)).Check();
  return error;
}

}  // namespace nodus::bindings
