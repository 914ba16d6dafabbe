// internalBinding('vm'): real V8 contexts for node:vm.
//
// A contextified sandbox is an ordinary object whose properties the new
// context's global object shows: the global template has named and indexed
// interceptors that read the sandbox first, write to it, and fall back to the
// context's own builtins (Node's design).
//
// Ownership (all inside the JS heap, so an unreachable sandbox and its
// context are collected together): sandbox --private--> wrapper (internal
// fields: [1] sandbox, [2] the context's global proxy) and the context's
// interceptors hold the wrapper as their data.
#include "bindings/binding.h"
#include "env.h"
#include "errors.h"

namespace nodus::bindings::vm {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Name;
using v8::Object;
using v8::PropertyAttribute;
using v8::PropertyCallbackInfo;
using v8::Value;

// NOTE[env-slot]: env.cc's kEnvSlot; contexts made here point to the Env too,
// so bindings called with a vm context current still find it.
constexpr int kEnvSlot = 32;

enum WrapperField { kWrapperTag = 0, kSandboxField = 1, kGlobalField = 2, kWrapperFieldCount };

v8::Eternal<v8::Private> context_private;

Local<v8::Private> ContextPrivate(v8::Isolate* isolate) { return context_private.Get(isolate); }

Local<Object> SandboxOf(Local<Object> wrapper) {
  return wrapper->GetInternalField(kSandboxField).As<Object>();
}

// The vm context's global proxy, or empty while the context is being made.
bool GlobalOf(Local<Object> wrapper, Local<Object>* global) {
  Local<Value> value = wrapper->GetInternalField(kGlobalField);
  if (!value->IsObject()) return false;
  *global = value.As<Object>();
  return true;
}

// The context of a contextified sandbox, or false.
bool ContextFromSandbox(v8::Isolate* isolate, Local<Value> sandbox, Local<v8::Context>* out) {
  if (!sandbox->IsObject()) return false;
  Local<v8::Context> current = isolate->GetCurrentContext();
  Local<Value> wrapper;
  if (!sandbox.As<Object>()->GetPrivate(current, ContextPrivate(isolate)).ToLocal(&wrapper) ||
      !wrapper->IsObject()) {
    return false;
  }
  Local<Object> global;
  if (!GlobalOf(wrapper.As<Object>(), &global)) return false;
  return global->GetCreationContext().ToLocal(out);
}

// ---------------------------------------------------------------------------
// Interceptors.

void PropertyGetter(Local<Name> property, const PropertyCallbackInfo<Value>& info) {
  Local<Object> wrapper = info.Data().As<Object>();
  Local<Object> global;
  if (!GlobalOf(wrapper, &global)) return;
  Local<Object> sandbox = SandboxOf(wrapper);
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  Local<Value> result;
  if (!sandbox->GetRealNamedProperty(context, property).ToLocal(&result)) {
    if (!global->GetRealNamedProperty(context, property).ToLocal(&result)) return;
  }
  if (result == sandbox) result = global;
  info.GetReturnValue().Set(result);
}

void PropertySetter(Local<Name> property, Local<Value> value,
                    const PropertyCallbackInfo<Value>& info) {
  Local<Object> wrapper = info.Data().As<Object>();
  Local<Object> global;
  if (!GlobalOf(wrapper, &global)) return;
  Local<Object> sandbox = SandboxOf(wrapper);
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  PropertyAttribute attributes = PropertyAttribute::None;
  bool on_global = global->GetRealNamedPropertyAttributes(context, property).To(&attributes);
  bool read_only = (attributes & PropertyAttribute::ReadOnly) != 0;
  attributes = PropertyAttribute::None;
  bool on_sandbox = sandbox->GetRealNamedPropertyAttributes(context, property).To(&attributes);
  read_only = read_only || (attributes & PropertyAttribute::ReadOnly) != 0;
  if (read_only) return;
  // `x = 1` (a contextual store) in strict code must still throw a
  // ReferenceError for an undeclared x: let V8 handle it.
  bool contextual_store = global != info.This();
  bool declared = on_global || on_sandbox;
  if (!declared && info.ShouldThrowOnError() && contextual_store && !value->IsFunction()) return;
  if (!declared && property->IsSymbol()) return;
  sandbox->Set(context, property, value).IsNothing();
}

void PropertyQuery(Local<Name> property, const PropertyCallbackInfo<v8::Integer>& info) {
  Local<Object> wrapper = info.Data().As<Object>();
  Local<Object> global;
  if (!GlobalOf(wrapper, &global)) return;
  Local<Object> sandbox = SandboxOf(wrapper);
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  PropertyAttribute attributes;
  if (sandbox->HasRealNamedProperty(context, property).FromMaybe(false)) {
    if (sandbox->GetRealNamedPropertyAttributes(context, property).To(&attributes)) {
      info.GetReturnValue().Set(static_cast<int>(attributes));
    }
  } else if (global->GetRealNamedPropertyAttributes(context, property).To(&attributes)) {
    info.GetReturnValue().Set(static_cast<int>(attributes));
  }
}

void PropertyDeleter(Local<Name> property, const PropertyCallbackInfo<v8::Boolean>& info) {
  Local<Object> wrapper = info.Data().As<Object>();
  Local<Object> global;
  if (!GlobalOf(wrapper, &global)) return;
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  if (SandboxOf(wrapper)->Delete(context, property).FromMaybe(false)) return;
  // The sandbox refused: keep the global's copy too.
  info.GetReturnValue().Set(false);
}

void PropertyEnumerator(const PropertyCallbackInfo<v8::Array>& info) {
  Local<Object> wrapper = info.Data().As<Object>();
  Local<Object> global;
  if (!GlobalOf(wrapper, &global)) return;
  // Own keys as names; V8 asks the query interceptor which are enumerable.
  Local<v8::Array> names;
  if (SandboxOf(wrapper)
          ->GetPropertyNames(info.GetIsolate()->GetCurrentContext(),
                             v8::KeyCollectionMode::kOwnOnly, v8::PropertyFilter::ALL_PROPERTIES,
                             v8::IndexFilter::kIncludeIndices,
                             v8::KeyConversionMode::kConvertToString)
          .ToLocal(&names)) {
    info.GetReturnValue().Set(names);
  }
}

void PropertyDefiner(Local<Name> property, const v8::PropertyDescriptor& desc,
                     const PropertyCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<Object> wrapper = info.Data().As<Object>();
  Local<Object> global;
  if (!GlobalOf(wrapper, &global)) return;
  Local<v8::Context> context = isolate->GetCurrentContext();
  PropertyAttribute attributes = PropertyAttribute::None;
  bool declared = global->GetRealNamedPropertyAttributes(context, property).To(&attributes);
  if (declared && (attributes & PropertyAttribute::ReadOnly) != 0 &&
      (attributes & PropertyAttribute::DontDelete) != 0) {
    return;
  }
  Local<Object> sandbox = SandboxOf(wrapper);
  auto define = [&](v8::PropertyDescriptor* copy) {
    if (desc.has_enumerable()) copy->set_enumerable(desc.enumerable());
    if (desc.has_configurable()) copy->set_configurable(desc.configurable());
    sandbox->DefineProperty(context, property, *copy).IsNothing();
  };
  Local<Value> undefined = v8::Undefined(isolate);
  if (desc.has_get() || desc.has_set()) {
    v8::PropertyDescriptor copy(desc.has_get() ? desc.get() : undefined,
                                desc.has_set() ? desc.set() : undefined);
    define(&copy);
  } else {
    Local<Value> value = desc.has_value() ? desc.value() : undefined;
    if (desc.has_writable()) {
      v8::PropertyDescriptor copy(value, desc.writable());
      define(&copy);
    } else {
      v8::PropertyDescriptor copy(value);
      define(&copy);
    }
  }
}

void PropertyDescriptorCallback(Local<Name> property, const PropertyCallbackInfo<Value>& info) {
  Local<Object> wrapper = info.Data().As<Object>();
  Local<Object> global;
  if (!GlobalOf(wrapper, &global)) return;
  Local<Object> sandbox = SandboxOf(wrapper);
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  if (sandbox->HasOwnProperty(context, property).FromMaybe(false)) {
    Local<Value> desc;
    if (sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc)) {
      info.GetReturnValue().Set(desc);
    }
  }
}

// Indexed properties go through the named interceptors with the index as a
// string, as on the sandbox.
Local<Name> IndexName(v8::Isolate* isolate, uint32_t index) {
  return v8::Uint32::NewFromUnsigned(isolate, index)
      ->ToString(isolate->GetCurrentContext())
      .ToLocalChecked();
}

void IndexedGetter(uint32_t index, const PropertyCallbackInfo<Value>& info) {
  PropertyGetter(IndexName(info.GetIsolate(), index), info);
}
void IndexedSetter(uint32_t index, Local<Value> value, const PropertyCallbackInfo<Value>& info) {
  PropertySetter(IndexName(info.GetIsolate(), index), value, info);
}
void IndexedQuery(uint32_t index, const PropertyCallbackInfo<v8::Integer>& info) {
  PropertyQuery(IndexName(info.GetIsolate(), index), info);
}
void IndexedDeleter(uint32_t index, const PropertyCallbackInfo<v8::Boolean>& info) {
  PropertyDeleter(IndexName(info.GetIsolate(), index), info);
}
void IndexedDefiner(uint32_t index, const v8::PropertyDescriptor& desc,
                    const PropertyCallbackInfo<Value>& info) {
  PropertyDefiner(IndexName(info.GetIsolate(), index), desc, info);
}
void IndexedDescriptor(uint32_t index, const PropertyCallbackInfo<Value>& info) {
  PropertyDescriptorCallback(IndexName(info.GetIsolate(), index), info);
}

// makeContext(sandbox): contextifies `sandbox` (JS checked it is not yet).
void MakeContext(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Env* env = Env::From(info);
  Local<v8::Context> main_context = isolate->GetCurrentContext();
  Local<Object> sandbox = info[0].As<Object>();

  Local<v8::ObjectTemplate> wrapper_template = v8::ObjectTemplate::New(isolate);
  wrapper_template->SetInternalFieldCount(kWrapperFieldCount);
  Local<Object> wrapper;
  if (!wrapper_template->NewInstance(main_context).ToLocal(&wrapper)) return;
  wrapper->SetInternalField(kSandboxField, sandbox);

  Local<v8::ObjectTemplate> global_template = v8::ObjectTemplate::New(isolate);
  global_template->SetHandler(v8::NamedPropertyHandlerConfiguration(
      PropertyGetter, PropertySetter, PropertyQuery, PropertyDeleter, PropertyEnumerator,
      PropertyDefiner, PropertyDescriptorCallback, wrapper));
  global_template->SetHandler(v8::IndexedPropertyHandlerConfiguration(
      IndexedGetter, IndexedSetter, IndexedQuery, IndexedDeleter, nullptr, IndexedDefiner,
      IndexedDescriptor, wrapper));

  Local<v8::Context> context = v8::Context::New(isolate, nullptr, global_template);
  if (context.IsEmpty()) {
    ThrowError(isolate, "ERR_OPERATION_FAILED", "Operation failed: could not create a context");
    return;
  }
  context->SetSecurityToken(main_context->GetSecurityToken());
  context->SetAlignedPointerInEmbedderData(kEnvSlot, env);
  wrapper->SetInternalField(kGlobalField, context->Global());
  sandbox->SetPrivate(main_context, ContextPrivate(isolate), wrapper).Check();
}

void IsContext(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Context> context;
  info.GetReturnValue().Set(ContextFromSandbox(info.GetIsolate(), info[0], &context));
}

// ---------------------------------------------------------------------------
// Scripts.

struct ScriptState {
  v8::Global<v8::UnboundScript> script;
  v8::Global<Object> self;
};

void OnScriptCollected(const v8::WeakCallbackInfo<ScriptState>& data) {
  delete data.GetParameter();
}

// Rethrows the pending exception with its source arrow (displayErrors).
void Rethrow(Env& env, v8::TryCatch& try_catch, bool display_errors) {
  if (!try_catch.HasCaught() || !try_catch.CanContinue()) return;
  if (display_errors) DecorateWithArrow(env, try_catch.Exception(), try_catch.Message());
  try_catch.ReThrow();
}

// new ContextifyScript(code, filename, lineOffset, columnOffset)
void ScriptNew(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Env* env = Env::From(info);
  Local<v8::Context> context = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, info[1], info[2]->Int32Value(context).FromJust(),
                          info[3]->Int32Value(context).FromJust());
  v8::ScriptCompiler::Source source(info[0].As<v8::String>(), origin);
  v8::TryCatch try_catch(isolate);
  Local<v8::UnboundScript> script;
  if (!v8::ScriptCompiler::CompileUnboundScript(isolate, &source).ToLocal(&script)) {
    Rethrow(*env, try_catch, true);
    return;
  }
  auto* state = new ScriptState();
  state->script.Reset(isolate, script);
  state->self.Reset(isolate, info.This());
  state->self.SetWeak(state, OnScriptCollected, v8::WeakCallbackType::kParameter);
  info.This()->SetAlignedPointerInInternalField(0, state);
}

// script.runInContext(sandbox | null, displayErrors) -> completion value.
void ScriptRun(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Env* env = Env::From(info);
  auto* state = static_cast<ScriptState*>(info.This()->GetAlignedPointerFromInternalField(0));
  Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsNull() && !ContextFromSandbox(isolate, info[0], &context)) {
    ThrowTypeError(isolate, "ERR_INVALID_ARG_TYPE", "The sandbox is not a vm context");
    return;
  }
  bool display_errors = info[1]->IsTrue();
  v8::Context::Scope scope(context);
  v8::TryCatch try_catch(isolate);
  Local<v8::Script> script = state->script.Get(isolate)->BindToCurrentContext();
  Local<Value> result;
  if (!script->Run(context).ToLocal(&result)) {
    Rethrow(*env, try_catch, display_errors);
    return;
  }
  info.GetReturnValue().Set(result);
}

// compileFunction(code, filename, lineOffset, columnOffset, sandbox | undefined,
//                 contextExtensions[], params[]) -> function
void CompileFunction(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Env* env = Env::From(info);
  Local<v8::Context> current = isolate->GetCurrentContext();
  Local<v8::Context> context = current;
  if (!info[4]->IsUndefined() && !ContextFromSandbox(isolate, info[4], &context)) {
    ThrowTypeError(isolate, "ERR_INVALID_ARG_TYPE", "The parsingContext is not a vm context");
    return;
  }
  std::vector<Local<Object>> extensions;
  Local<v8::Array> extension_array = info[5].As<v8::Array>();
  for (uint32_t i = 0; i < extension_array->Length(); i++) {
    extensions.push_back(extension_array->Get(current, i).ToLocalChecked().As<Object>());
  }
  std::vector<Local<v8::String>> params;
  Local<v8::Array> param_array = info[6].As<v8::Array>();
  for (uint32_t i = 0; i < param_array->Length(); i++) {
    params.push_back(param_array->Get(current, i).ToLocalChecked().As<v8::String>());
  }
  v8::ScriptOrigin origin(isolate, info[1], info[2]->Int32Value(current).FromJust(),
                          info[3]->Int32Value(current).FromJust());
  v8::ScriptCompiler::Source source(info[0].As<v8::String>(), origin);
  v8::Context::Scope scope(context);
  v8::TryCatch try_catch(isolate);
  Local<v8::Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(context, &source, params.size(), params.data(),
                                           extensions.size(), extensions.data())
           .ToLocal(&fn)) {
    Rethrow(*env, try_catch, true);
    return;
  }
  info.GetReturnValue().Set(fn);
}

constexpr Method kMethods[] = {
    {"makeContext", MakeContext},
    {"isContext", IsContext},
    {"compileFunction", CompileFunction},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(ScriptNew);
  refs.Add(ScriptRun);
  refs.AddFunction(PropertyGetter);
  refs.AddFunction(PropertySetter);
  refs.AddFunction(PropertyQuery);
  refs.AddFunction(PropertyDeleter);
  refs.AddFunction(PropertyEnumerator);
  refs.AddFunction(PropertyDefiner);
  refs.AddFunction(PropertyDescriptorCallback);
  refs.AddFunction(IndexedGetter);
  refs.AddFunction(IndexedSetter);
  refs.AddFunction(IndexedQuery);
  refs.AddFunction(IndexedDeleter);
  refs.AddFunction(IndexedDefiner);
  refs.AddFunction(IndexedDescriptor);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env.isolate();
  if (context_private.IsEmpty()) {
    context_private.Set(isolate, v8::Private::New(isolate, ToV8(isolate, "node:contextify")));
  }
  SetMethods(env, target, kMethods);
  Local<v8::FunctionTemplate> script = v8::FunctionTemplate::New(isolate, ScriptNew);
  script->SetClassName(ToV8(isolate, "ContextifyScript"));
  script->InstanceTemplate()->SetInternalFieldCount(1);
  script->PrototypeTemplate()->Set(ToV8(isolate, "runInContext"),
                                   v8::FunctionTemplate::New(isolate, ScriptRun, Local<Value>(),
                                                             v8::Signature::New(isolate, script), 0,
                                                             v8::ConstructorBehavior::kThrow));
  SetValue(env, target, "ContextifyScript", script->GetFunction(env.context()).ToLocalChecked());
}

}  // namespace nodus::bindings::vm
