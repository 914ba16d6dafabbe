// internalBinding('v8_heap'): node:v8's heap statistics, flags and the
// Serializer/Deserializer classes over V8's ValueSerializer. Also the event
// loop's idle time for perf_hooks.eventLoopUtilization (there is no
// perf_hooks binding; this is the V8/loop-metrics binding it reads).
#include <uv.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::v8_heap {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::Value;

void Set(Local<v8::Context> context, Local<Object> target, const char* name, double value) {
  v8::Isolate* isolate = context->GetIsolate();
  target->Set(context, ToV8(isolate, name), v8::Number::New(isolate, value)).Check();
}

void GetHeapStatistics(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  v8::HeapStatistics s;
  isolate->GetHeapStatistics(&s);
  Local<Object> out = Object::New(isolate);
  Set(context, out, "total_heap_size", s.total_heap_size());
  Set(context, out, "total_heap_size_executable", s.total_heap_size_executable());
  Set(context, out, "total_physical_size", s.total_physical_size());
  Set(context, out, "total_available_size", s.total_available_size());
  Set(context, out, "used_heap_size", s.used_heap_size());
  Set(context, out, "heap_size_limit", s.heap_size_limit());
  Set(context, out, "malloced_memory", s.malloced_memory());
  Set(context, out, "peak_malloced_memory", s.peak_malloced_memory());
  Set(context, out, "does_zap_garbage", s.does_zap_garbage());
  Set(context, out, "number_of_native_contexts", s.number_of_native_contexts());
  Set(context, out, "number_of_detached_contexts", s.number_of_detached_contexts());
  Set(context, out, "total_global_handles_size", s.total_global_handles_size());
  Set(context, out, "used_global_handles_size", s.used_global_handles_size());
  Set(context, out, "external_memory", s.external_memory());
  info.GetReturnValue().Set(out);
}

void GetHeapSpaceStatistics(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<Local<Value>> spaces;
  for (size_t i = 0; i < isolate->NumberOfHeapSpaces(); i++) {
    v8::HeapSpaceStatistics s;
    if (!isolate->GetHeapSpaceStatistics(&s, i)) continue;
    Local<Object> out = Object::New(isolate);
    out->Set(context, ToV8(isolate, "space_name"), ToV8(isolate, s.space_name())).Check();
    Set(context, out, "space_size", s.space_size());
    Set(context, out, "space_used_size", s.space_used_size());
    Set(context, out, "space_available_size", s.space_available_size());
    Set(context, out, "physical_space_size", s.physical_space_size());
    spaces.push_back(out);
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, spaces.data(), spaces.size()));
}

void GetHeapCodeStatistics(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  v8::HeapCodeStatistics s;
  isolate->GetHeapCodeAndMetadataStatistics(&s);
  Local<Object> out = Object::New(isolate);
  Set(context, out, "code_and_metadata_size", s.code_and_metadata_size());
  Set(context, out, "bytecode_and_metadata_size", s.bytecode_and_metadata_size());
  Set(context, out, "external_script_source_size", s.external_script_source_size());
  Set(context, out, "cpu_profiler_metadata_size", s.cpu_profiler_metadata_size());
  info.GetReturnValue().Set(out);
}

void CachedDataVersionTag(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(v8::ScriptCompiler::CachedDataVersionTag());
}

void SetFlagsFromString(const FunctionCallbackInfo<Value>& info) {
  std::string flags = ToStdString(info.GetIsolate(), info[0]);
  v8::V8::SetFlagsFromString(flags.c_str(), flags.size());
}

// Milliseconds the loop has spent waiting for I/O since metrics were enabled
// (the first call enables them).
void LoopIdleTime(const FunctionCallbackInfo<Value>& info) {
  static bool enabled = false;
  uv_loop_t* loop = Env::From(info)->loop();
  if (!enabled) {
    uv_loop_configure(loop, UV_METRICS_IDLE_TIME);
    enabled = true;
  }
  info.GetReturnValue().Set(static_cast<double>(uv_metrics_idle_time(loop)) / 1e6);
}

// ---------------------------------------------------------------------------
// Serializer / Deserializer. The JS object owns the C++ state (weak handle);
// the delegate calls back into the JS methods _writeHostObject,
// _getSharedArrayBufferId, _getDataCloneError and _readHostObject.

template <typename T>
T* Unwrap(Local<Object> object) {
  return static_cast<T*>(object->GetAlignedPointerFromInternalField(0));
}

template <typename T>
void Attach(v8::Isolate* isolate, Local<Object> object, T* state) {
  object->SetAlignedPointerInInternalField(0, state);
  state->self.Reset(isolate, object);
  state->self.SetWeak(
      state, [](const v8::WeakCallbackInfo<T>& data) { delete data.GetParameter(); },
      v8::WeakCallbackType::kParameter);
}

// Calls this[name](args...) on the wrapper.
v8::MaybeLocal<Value> CallMethod(v8::Isolate* isolate, Local<Object> self, const char* name,
                                 int argc, Local<Value>* argv) {
  Local<v8::Context> context = isolate->GetCurrentContext();
  Local<Value> fn;
  if (!self->Get(context, ToV8(isolate, name)).ToLocal(&fn)) return {};
  if (!fn->IsFunction()) {
    ThrowTypeError(isolate, "ERR_INVALID_ARG_TYPE",
                   std::string("this.") + name + " is not a function");
    return {};
  }
  return fn.As<v8::Function>()->Call(context, self, argc, argv);
}

class SerializerState final : public v8::ValueSerializer::Delegate {
 public:
  explicit SerializerState(v8::Isolate* isolate) : isolate_(isolate), serializer(isolate, this) {}

  void ThrowDataCloneError(Local<v8::String> message) override {
    Local<v8::Context> context = isolate_->GetCurrentContext();
    Local<Value> ctor;
    Local<Value> args[1] = {message};
    Local<Object> error;
    if (self.Get(isolate_)->Get(context, ToV8(isolate_, "_getDataCloneError")).ToLocal(&ctor) &&
        ctor->IsFunction() &&
        ctor.As<v8::Function>()->NewInstance(context, 1, args).ToLocal(&error)) {
      isolate_->ThrowException(error);
    }
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, Local<Object> object) override {
    Local<Value> args[1] = {object};
    if (CallMethod(isolate, self.Get(isolate), "_writeHostObject", 1, args).IsEmpty()) {
      return v8::Nothing<bool>();
    }
    return v8::Just(true);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate* isolate,
                                             Local<v8::SharedArrayBuffer> buffer) override {
    Local<Value> args[1] = {buffer};
    Local<Value> id;
    if (!CallMethod(isolate, self.Get(isolate), "_getSharedArrayBufferId", 1, args).ToLocal(&id)) {
      return v8::Nothing<uint32_t>();
    }
    return id->Uint32Value(isolate->GetCurrentContext());
  }

  void* ReallocateBufferMemory(void* old_buffer, size_t size, size_t* actual_size) override {
    *actual_size = size;
    return std::realloc(old_buffer, size);
  }
  void FreeBufferMemory(void* buffer) override { std::free(buffer); }

  v8::Isolate* isolate_;
  v8::ValueSerializer serializer;
  v8::Global<Object> self;
};

void SerializerNew(const FunctionCallbackInfo<Value>& info) {
  Attach(info.GetIsolate(), info.This(), new SerializerState(info.GetIsolate()));
}

SerializerState* Ser(const FunctionCallbackInfo<Value>& info) {
  return Unwrap<SerializerState>(info.This());
}

void SerWriteHeader(const FunctionCallbackInfo<Value>& info) {
  Ser(info)->serializer.WriteHeader();
}

void SerWriteValue(const FunctionCallbackInfo<Value>& info) {
  v8::Maybe<bool> ok =
      Ser(info)->serializer.WriteValue(info.GetIsolate()->GetCurrentContext(), info[0]);
  if (ok.IsJust()) info.GetReturnValue().Set(ok.FromJust());
}

void SerReleaseBuffer(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::pair<uint8_t*, size_t> data = Ser(info)->serializer.Release();
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, data.second);
  if (data.second > 0) std::memcpy(buffer->Data(), data.first, data.second);
  std::free(data.first);
  info.GetReturnValue().Set(buffer);
}

void SerTransferArrayBuffer(const FunctionCallbackInfo<Value>& info) {
  uint32_t id = info[0]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  Ser(info)->serializer.TransferArrayBuffer(id, info[1].As<v8::ArrayBuffer>());
}

void SerWriteUint32(const FunctionCallbackInfo<Value>& info) {
  Ser(info)->serializer.WriteUint32(
      info[0]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromJust());
}

void SerWriteUint64(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  uint64_t hi = info[0]->Uint32Value(context).FromJust();
  uint64_t lo = info[1]->Uint32Value(context).FromJust();
  Ser(info)->serializer.WriteUint64((hi << 32) | lo);
}

void SerWriteDouble(const FunctionCallbackInfo<Value>& info) {
  Ser(info)->serializer.WriteDouble(
      info[0]->NumberValue(info.GetIsolate()->GetCurrentContext()).FromJust());
}

void SerWriteRawBytes(const FunctionCallbackInfo<Value>& info) {
  Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
  std::vector<uint8_t> bytes(view->ByteLength());
  view->CopyContents(bytes.data(), bytes.size());
  Ser(info)->serializer.WriteRawBytes(bytes.data(), bytes.size());
}

void SerSetTreatViewsAsHostObjects(const FunctionCallbackInfo<Value>& info) {
  Ser(info)->serializer.SetTreatArrayBufferViewsAsHostObjects(info[0]->IsTrue());
}

class DeserializerState final : public v8::ValueDeserializer::Delegate {
 public:
  DeserializerState(v8::Isolate* isolate, std::vector<uint8_t> bytes)
      : data(std::move(bytes)), deserializer(isolate, data.data(), data.size(), this) {}

  // V8 does not allow JavaScript to run while it deserializes (our V8 checks
  // it), so host objects are read here: Node's DefaultSerializer format,
  // [type index, byte length, bytes]; Buffers get `buffer_prototype`.
  v8::MaybeLocal<Object> ReadHostObject(v8::Isolate* isolate) override {
    Local<v8::Context> context = isolate->GetCurrentContext();
    uint32_t type = 0;
    uint32_t length = 0;
    const void* bytes = nullptr;
    // child_process's 'advanced' IPC format puts a kind (0: a view) first.
    uint32_t kind = 0;
    if (host_object_kind_prefix && (!deserializer.ReadUint32(&kind) || kind != 0)) {
      ThrowError(isolate, nullptr, "Unable to deserialize cloned data.");
      return {};
    }
    if (!deserializer.ReadUint32(&type) || !deserializer.ReadUint32(&length) ||
        !deserializer.ReadRawBytes(length, &bytes) || type > 12) {
      ThrowError(isolate, nullptr, "Unable to deserialize cloned data.");
      return {};
    }
    static constexpr size_t kSizes[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 1, 1, 8, 8};
    Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
    if (length > 0) std::memcpy(buffer->Data(), bytes, length);
    size_t count = length / kSizes[type];
    Local<Object> view;
    switch (type) {
      case 0:
        view = v8::Int8Array::New(buffer, 0, count);
        break;
      case 1:
        view = v8::Uint8Array::New(buffer, 0, count);
        break;
      case 2:
        view = v8::Uint8ClampedArray::New(buffer, 0, count);
        break;
      case 3:
        view = v8::Int16Array::New(buffer, 0, count);
        break;
      case 4:
        view = v8::Uint16Array::New(buffer, 0, count);
        break;
      case 5:
        view = v8::Int32Array::New(buffer, 0, count);
        break;
      case 6:
        view = v8::Uint32Array::New(buffer, 0, count);
        break;
      case 7:
        view = v8::Float32Array::New(buffer, 0, count);
        break;
      case 8:
        view = v8::Float64Array::New(buffer, 0, count);
        break;
      case 9:
        view = v8::DataView::New(buffer, 0, count);
        break;
      case 10:
        view = v8::Uint8Array::New(buffer, 0, count);
        if (!buffer_prototype.IsEmpty()) {
          view->SetPrototype(context, buffer_prototype.Get(isolate)).Check();
        }
        break;
      case 11:
        view = v8::BigInt64Array::New(buffer, 0, count);
        break;
      default:
        view = v8::BigUint64Array::New(buffer, 0, count);
        break;
    }
    return view;
  }

  v8::Global<Value> buffer_prototype;
  bool host_object_kind_prefix = false;
  std::vector<uint8_t> data;
  v8::ValueDeserializer deserializer;
  v8::Global<Object> self;
};

// new Deserializer(view): the bytes are copied.
void DeserializerNew(const FunctionCallbackInfo<Value>& info) {
  Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
  std::vector<uint8_t> bytes(view->ByteLength());
  view->CopyContents(bytes.data(), bytes.size());
  Attach(info.GetIsolate(), info.This(),
         new DeserializerState(info.GetIsolate(), std::move(bytes)));
}

DeserializerState* Des(const FunctionCallbackInfo<Value>& info) {
  return Unwrap<DeserializerState>(info.This());
}

void DesReadHeader(const FunctionCallbackInfo<Value>& info) {
  v8::Maybe<bool> ok = Des(info)->deserializer.ReadHeader(info.GetIsolate()->GetCurrentContext());
  if (ok.IsJust()) info.GetReturnValue().Set(ok.FromJust());
}

void DesReadValue(const FunctionCallbackInfo<Value>& info) {
  Local<Value> value;
  if (Des(info)->deserializer.ReadValue(info.GetIsolate()->GetCurrentContext()).ToLocal(&value)) {
    info.GetReturnValue().Set(value);
  }
}

void DesTransferArrayBuffer(const FunctionCallbackInfo<Value>& info) {
  uint32_t id = info[0]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromJust();
  if (info[1]->IsSharedArrayBuffer()) {
    Des(info)->deserializer.TransferSharedArrayBuffer(id, info[1].As<v8::SharedArrayBuffer>());
  } else {
    Des(info)->deserializer.TransferArrayBuffer(id, info[1].As<v8::ArrayBuffer>());
  }
}

void DesGetWireFormatVersion(const FunctionCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(Des(info)->deserializer.GetWireFormatVersion());
}

void DesReadUint32(const FunctionCallbackInfo<Value>& info) {
  uint32_t value;
  if (!Des(info)->deserializer.ReadUint32(&value)) {
    ThrowError(info.GetIsolate(), nullptr, "ReadUint32() failed");
    return;
  }
  info.GetReturnValue().Set(value);
}

void DesReadUint64(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uint64_t value;
  if (!Des(info)->deserializer.ReadUint64(&value)) {
    ThrowError(isolate, nullptr, "ReadUint64() failed");
    return;
  }
  Local<Value> parts[2] = {
      v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value >> 32)),
      v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value))};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

void DesReadDouble(const FunctionCallbackInfo<Value>& info) {
  double value;
  if (!Des(info)->deserializer.ReadDouble(&value)) {
    ThrowError(info.GetIsolate(), nullptr, "ReadDouble() failed");
    return;
  }
  info.GetReturnValue().Set(value);
}

void DesSetBufferPrototype(const FunctionCallbackInfo<Value>& info) {
  Des(info)->buffer_prototype.Reset(info.GetIsolate(), info[0]);
}

void DesSetHostObjectKindPrefix(const FunctionCallbackInfo<Value>& info) {
  Des(info)->host_object_kind_prefix = info[0]->IsTrue();
}

// _readRawBytes(length) -> offset of the bytes in the input.
void DesReadRawBytes(const FunctionCallbackInfo<Value>& info) {
  DeserializerState* state = Des(info);
  size_t length =
      static_cast<size_t>(info[0]->IntegerValue(info.GetIsolate()->GetCurrentContext()).FromJust());
  const void* data;
  if (!state->deserializer.ReadRawBytes(length, &data)) {
    ThrowError(info.GetIsolate(), nullptr, "ReadRawBytes() failed");
    return;
  }
  info.GetReturnValue().Set(
      static_cast<double>(static_cast<const uint8_t*>(data) - state->data.data()));
}

constexpr Method kMethods[] = {
    {"getHeapStatistics", GetHeapStatistics},
    {"getHeapSpaceStatistics", GetHeapSpaceStatistics},
    {"getHeapCodeStatistics", GetHeapCodeStatistics},
    {"cachedDataVersionTag", CachedDataVersionTag},
    {"setFlagsFromString", SetFlagsFromString},
    {"loopIdleTime", LoopIdleTime},
};

constexpr Method kSerializerMethods[] = {
    {"writeHeader", SerWriteHeader},
    {"writeValue", SerWriteValue},
    {"releaseBuffer", SerReleaseBuffer},
    {"transferArrayBuffer", SerTransferArrayBuffer},
    {"writeUint32", SerWriteUint32},
    {"writeUint64", SerWriteUint64},
    {"writeDouble", SerWriteDouble},
    {"writeRawBytes", SerWriteRawBytes},
    {"_setTreatArrayBufferViewsAsHostObjects", SerSetTreatViewsAsHostObjects},
};

constexpr Method kDeserializerMethods[] = {
    {"readHeader", DesReadHeader},
    {"readValue", DesReadValue},
    {"transferArrayBuffer", DesTransferArrayBuffer},
    {"getWireFormatVersion", DesGetWireFormatVersion},
    {"readUint32", DesReadUint32},
    {"readUint64", DesReadUint64},
    {"readDouble", DesReadDouble},
    {"_readRawBytes", DesReadRawBytes},
    {"_setBufferPrototype", DesSetBufferPrototype},
    {"_setHostObjectKindPrefix", DesSetHostObjectKindPrefix},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(SerializerNew);
  refs.Add(kSerializerMethods);
  refs.Add(DeserializerNew);
  refs.Add(kDeserializerMethods);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  SetClass(env, target, "Serializer", SerializerNew, kSerializerMethods);
  SetClass(env, target, "Deserializer", DeserializerNew, kDeserializerMethods);
}

}  // namespace nodus::bindings::v8_heap
