// internalBinding('serdes'): structuredClone through V8's value serializer.
#include <cstdlib>
#include <memory>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::serdes {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// Reports clone failures as JavaScript errors; the JS side turns the marker
// into a DOMException named DataCloneError.
class SerializerDelegate final : public v8::ValueSerializer::Delegate {
 public:
  explicit SerializerDelegate(v8::Isolate* isolate) : isolate_(isolate) {}
  void ThrowDataCloneError(Local<v8::String> message) override {
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    Local<v8::Object> error = v8::Exception::Error(message).As<v8::Object>();
    error->Set(context, ToV8(isolate_, "code"), ToV8(isolate_, "ERR_DATA_CLONE")).Check();
    isolate_->ThrowException(error);
  }
  void* ReallocateBufferMemory(void* old_buffer, size_t size, size_t* actual_size) override {
    *actual_size = size;
    return std::realloc(old_buffer, size);
  }
  void FreeBufferMemory(void* buffer) override { std::free(buffer); }

 private:
  v8::Isolate* isolate_;
};

// structuredClone(value, transferList?): ArrayBuffers in the transfer list
// move to the clone; the originals are detached.
void StructuredClone(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<Local<v8::ArrayBuffer>> transfers;
  if (info[1]->IsArray()) {
    Local<v8::Array> list = info[1].As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      Local<Value> item = list->Get(context, i).ToLocalChecked();
      if (!item->IsArrayBuffer() || !item.As<v8::ArrayBuffer>()->IsDetachable()) {
        ThrowError(isolate, "ERR_DATA_CLONE", "Value not transferable");
        return;
      }
      transfers.push_back(item.As<v8::ArrayBuffer>());
    }
  }
  SerializerDelegate delegate(isolate);
  v8::ValueSerializer serializer(isolate, &delegate);
  for (uint32_t i = 0; i < transfers.size(); i++) serializer.TransferArrayBuffer(i, transfers[i]);
  serializer.WriteHeader();
  if (serializer.WriteValue(context, info[0]).IsNothing()) return;
  std::pair<uint8_t*, size_t> data = serializer.Release();
  v8::ValueDeserializer deserializer(isolate, data.first, data.second);
  for (uint32_t i = 0; i < transfers.size(); i++) {
    std::shared_ptr<v8::BackingStore> store = transfers[i]->GetBackingStore();
    transfers[i]->Detach();
    deserializer.TransferArrayBuffer(i, v8::ArrayBuffer::New(isolate, store));
  }
  Local<Value> result;
  if (deserializer.ReadHeader(context).FromMaybe(false) &&
      deserializer.ReadValue(context).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
  std::free(data.first);
}

constexpr Method kMethods[] = {{"structuredClone", StructuredClone}};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::serdes
