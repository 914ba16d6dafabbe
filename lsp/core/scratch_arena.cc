#include "lsp/core/scratch_arena.h"

#include <tree_sitter/api.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#include "base/check.h"

#if defined(__SANITIZE_ADDRESS__)
#define NODUS_SCRATCH_ARENA 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NODUS_SCRATCH_ARENA 0
#endif
#endif
#ifndef NODUS_SCRATCH_ARENA
#define NODUS_SCRATCH_ARENA 1
#endif

namespace nodus::lsp {
namespace {

constexpr size_t kChunkSize = 4 << 20;  // a typical file's parse needs well under one
constexpr size_t kAlign = 16;
// Every block starts with its size, for realloc.
constexpr size_t kHeader = kAlign;

class Arena {
 public:
  void* Allocate(size_t size) {
    size_t need = kHeader + ((size + kAlign - 1) & ~(kAlign - 1));
    if (current_ >= chunks_.size() || chunks_[current_].used + need > chunks_[current_].size) {
      NextChunk(need);
    }
    Chunk& chunk = chunks_[current_];
    char* block = chunk.data.get() + chunk.used;
    chunk.used += need;
    used_ += need;
    std::memcpy(block, &size, sizeof size);
    return block + kHeader;
  }

  bool Owns(const void* p) const {
    auto address = reinterpret_cast<uintptr_t>(p);
    for (size_t i = 0; i <= current_ && i < chunks_.size(); ++i) {
      auto start = reinterpret_cast<uintptr_t>(chunks_[i].data.get());
      if (address >= start && address < start + chunks_[i].size) return true;
    }
    return false;
  }

  void* Reallocate(void* p, size_t size) {
    size_t old;
    std::memcpy(&old, static_cast<char*>(p) - kHeader, sizeof old);
    if (size <= old) return p;
    void* grown = Allocate(size);
    std::memcpy(grown, p, old);
    return grown;
  }

  // Forgets every block; keeps the first chunk for the next arena.
  void Reset() {
    if (chunks_.size() > 1) chunks_.resize(1);
    if (!chunks_.empty()) chunks_[0].used = 0;
    current_ = 0;
    used_ = 0;
  }

  size_t used() const { return used_; }

 private:
  struct Chunk {
    std::unique_ptr<char[]> data;
    size_t size = 0;
    size_t used = 0;
  };

  // Moves on to an empty chunk with room for `need` bytes.
  void NextChunk(size_t need) {
    if (current_ < chunks_.size() && chunks_[current_].used > 0) ++current_;
    if (current_ < chunks_.size() && chunks_[current_].size >= need) return;
    size_t size = need > kChunkSize ? need : kChunkSize;
    Chunk chunk{std::unique_ptr<char[]>(new char[size]), size, 0};
    if (current_ < chunks_.size()) {
      chunks_[current_] = std::move(chunk);
    } else {
      chunks_.push_back(std::move(chunk));
    }
  }

  std::vector<Chunk> chunks_;
  size_t current_ = 0;
  size_t used_ = 0;
};

thread_local Arena* active = nullptr;
thread_local Arena* spare = nullptr;  // the thread's arena, kept between uses

void* ArenaMalloc(size_t size) { return active ? active->Allocate(size) : std::malloc(size); }

void* ArenaCalloc(size_t count, size_t size) {
  if (active == nullptr) return std::calloc(count, size);
  void* p = active->Allocate(count * size);
  std::memset(p, 0, count * size);
  return p;
}

void* ArenaRealloc(void* p, size_t size) {
  if (active == nullptr || p == nullptr || !active->Owns(p)) {
    if (active != nullptr && p == nullptr) return active->Allocate(size);
    return std::realloc(p, size);
  }
  return active->Reallocate(p, size);
}

void ArenaFree(void* p) {
  if (active != nullptr && active->Owns(p)) return;
  std::free(p);
}

}  // namespace

ScratchArena::ScratchArena() {
  if (!NODUS_SCRATCH_ARENA) return;
  // libc's functions stay behind the arena's: memory from before is freed by them.
  static std::once_flag installed;
  std::call_once(installed,
                 [] { ts_set_allocator(ArenaMalloc, ArenaCalloc, ArenaRealloc, ArenaFree); });
  NODUS_CHECK(active == nullptr);  // not nested
  if (spare == nullptr) spare = new Arena();
  active = spare;
}

ScratchArena::~ScratchArena() {
  if (!NODUS_SCRATCH_ARENA) return;
  active->Reset();
  active = nullptr;
}

bool ScratchArena::Enabled() { return NODUS_SCRATCH_ARENA; }

bool ScratchArena::Active() { return active != nullptr; }

size_t ScratchArena::BytesUsed() { return active ? active->used() : 0; }

}  // namespace nodus::lsp
