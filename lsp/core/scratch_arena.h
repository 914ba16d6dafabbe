#pragma once

// A bump arena for tree-sitter's allocations during throwaway parses. The
// workspace index reads, parses, summarizes and drops every file of the
// workspace; while a ScratchArena is alive on the thread, tree-sitter's
// malloc is a pointer bump, its free does nothing, and the Document made
// inside skips freeing its tree node by node (and its parser): the arena
// takes everything back at once when it ends. About a tenth of the index's
// time went to malloc, free and the tree's release.
//
// Memory allocated before the arena (a parser of an open document) is still
// freed and grown by libc. Nothing allocated inside may outlive the arena, so
// nothing may parse while one is alive but a Document made and dropped inside
// it (WorkspaceIndex::Get): another document's new tree would be the arena's.
// Not used under AddressSanitizer, which should see every allocation
// tree-sitter makes.

#include <cstddef>

namespace nodus::lsp {

class ScratchArena {
 public:
  // Files larger than this parse on the heap: with free a no-op, a large file's
  // discarded parse states would pile up.
  static constexpr size_t kMaxText = 512 * 1024;

  ScratchArena();
  ~ScratchArena();
  ScratchArena(const ScratchArena&) = delete;
  ScratchArena& operator=(const ScratchArena&) = delete;

  // Whether arenas are used in this build (not under AddressSanitizer).
  static bool Enabled();
  // Whether a ScratchArena is alive (and enabled) on this thread.
  static bool Active();
  // Bytes handed out by the arena alive on this thread (0 when none); for tests.
  static size_t BytesUsed();
};

}  // namespace nodus::lsp
