#pragma once

// The compile cache for user modules (NODUS_COMPILE_CACHE=DIR, or
// module.enableCompileCache()): V8 code caches of CommonJS module wrappers,
// one file per module path, checked against a hash of the module's source so a
// changed file is recompiled. A missing, stale or corrupt entry is compiled from
// source and rewritten at exit; an unwritable directory is ignored.

#include <v8.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nodus {

class CompileCache {
 public:
  // Creates DIR/<v8 version>/ if needed. Returns nullptr with *error set when
  // the directory cannot be used.
  static std::unique_ptr<CompileCache> Open(const std::string& dir, std::string* error);

  const std::string& directory() const { return directory_; }

  // Compiles `source` as a function with `params`, from the cache when an
  // entry for `filename` matches the source; remembers the function so its
  // code (including what ran lazily) is written at Flush when the entry was
  // missing or stale.
  v8::MaybeLocal<v8::Function> CompileFunction(v8::Local<v8::Context> context,
                                               v8::Local<v8::String> source,
                                               v8::Local<v8::String> filename,
                                               std::vector<v8::Local<v8::String>>& params);

  // Writes the entries of the functions compiled from source (at exit).
  void Flush(v8::Isolate* isolate);

  uint64_t hits() const { return hits_; }

 private:
  struct Pending {
    std::string path;
    uint64_t source_hash;
    v8::Global<v8::Function> function;
  };

  explicit CompileCache(std::string directory) : directory_(std::move(directory)) {}
  std::string EntryPath(const std::string& filename) const;

  std::string directory_;  // DIR/<v8 version>
  std::vector<Pending> pending_;
  uint64_t hits_ = 0;
};

}  // namespace nodus
