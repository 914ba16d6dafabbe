// internalBinding('spawn_sync'): registered ahead of its builtin; its methods are
// added by the engineer writing that module (see docs/ARCHITECTURE.md).
#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::spawn_sync {

void Initialize(Env& env, v8::Local<v8::Object> target) {}

}  // namespace nodus::bindings::spawn_sync
