#include "compile_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nodus {

namespace {

// An entry: magic, the source hash, the cache's length, then V8's bytes.
constexpr uint32_t kMagic = 0x6e647363;  // "ndsc"
struct EntryHeader {
  uint32_t magic;
  uint32_t length;
  uint64_t source_hash;
};

// FNV-1a over the UTF-16 code units of the source: cheap next to parsing it.
uint64_t HashSource(v8::Isolate* isolate, v8::Local<v8::String> source) {
  v8::String::Value units(isolate, source);
  uint64_t hash = 0xcbf29ce484222325ull;
  for (int i = 0; i < units.length(); i++) {
    hash ^= (*units)[i];
    hash *= 0x100000001b3ull;
  }
  return hash ^ static_cast<uint64_t>(units.length());
}

uint64_t HashText(const std::string& text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

bool MakeDirectories(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    std::string prefix = path.substr(0, slash);
    if (mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

bool ReadAll(int fd, void* data, size_t size) {
  auto* out = static_cast<char*>(data);
  while (size > 0) {
    ssize_t n = read(fd, out, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool WriteAll(int fd, const void* data, size_t size) {
  const auto* in = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, in, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    in += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// The cached bytes of the entry at `path` if it was made for `source_hash`.
std::unique_ptr<v8::ScriptCompiler::CachedData> ReadEntry(const std::string& path,
                                                          uint64_t source_hash) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  EntryHeader header;
  std::unique_ptr<v8::ScriptCompiler::CachedData> result;
  if (ReadAll(fd, &header, sizeof header) && header.magic == kMagic &&
      header.source_hash == source_hash && header.length > 0 && header.length < (1u << 30)) {
    auto* bytes = new uint8_t[header.length];
    if (ReadAll(fd, bytes, header.length)) {
      result = std::make_unique<v8::ScriptCompiler::CachedData>(
          bytes, static_cast<int>(header.length), v8::ScriptCompiler::CachedData::BufferOwned);
    } else {
      delete[] bytes;
    }
  }
  close(fd);
  return result;
}

// Written to a temporary file and renamed, so readers never see half an entry.
void WriteEntry(const std::string& path, uint64_t source_hash, const uint8_t* data, int length) {
  std::string temp = path + ".tmp" + std::to_string(getpid());
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  EntryHeader header{kMagic, static_cast<uint32_t>(length), source_hash};
  bool ok = WriteAll(fd, &header, sizeof header) && WriteAll(fd, data, static_cast<size_t>(length));
  ok = close(fd) == 0 && ok;
  if (!ok || rename(temp.c_str(), path.c_str()) != 0) unlink(temp.c_str());
}

}  // namespace

std::unique_ptr<CompileCache> CompileCache::Open(const std::string& dir, std::string* error) {
  if (dir.empty()) {
    *error = "the compile cache directory is empty";
    return nullptr;
  }
  // One subdirectory per V8 version: another V8 never sees our entries.
  std::string directory = dir + "/v8-" + v8::V8::GetVersion();
  if (!MakeDirectories(directory) || access(directory.c_str(), W_OK) != 0) {
    *error = "cannot use " + directory + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<CompileCache>(new CompileCache(std::move(directory)));
}

std::string CompileCache::EntryPath(const std::string& filename) const {
  char name[32];
  std::snprintf(name, sizeof name, "/%016llx.cache",
                static_cast<unsigned long long>(HashText(filename)));
  return directory_ + name;
}

v8::MaybeLocal<v8::Function> CompileCache::CompileFunction(
    v8::Local<v8::Context> context, v8::Local<v8::String> source_text,
    v8::Local<v8::String> filename, std::vector<v8::Local<v8::String>>& params) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::String::Utf8Value filename_utf8(isolate, filename);
  std::string path = EntryPath(std::string(*filename_utf8, filename_utf8.length()));
  uint64_t source_hash = HashSource(isolate, source_text);
  std::unique_ptr<v8::ScriptCompiler::CachedData> cached = ReadEntry(path, source_hash);
  bool consume = cached != nullptr;
  v8::ScriptOrigin origin(isolate, filename);
  v8::ScriptCompiler::Source source(source_text, origin, cached.release());
  v8::Local<v8::Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(
           context, &source, params.size(), params.data(), 0, nullptr,
           consume ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&fn)) {
    return {};
  }
  if (consume && !source.GetCachedData()->rejected) {
    hits_++;
  } else {
    pending_.push_back({std::move(path), source_hash, v8::Global<v8::Function>(isolate, fn)});
  }
  return fn;
}

void CompileCache::Flush(v8::Isolate* isolate) {
  v8::HandleScope scope(isolate);
  for (Pending& entry : pending_) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> data(
        v8::ScriptCompiler::CreateCodeCacheForFunction(entry.function.Get(isolate)));
    if (data && data->length > 0)
      WriteEntry(entry.path, entry.source_hash, data->data, data->length);
  }
  pending_.clear();
}

}  // namespace nodus
