#pragma once

// The V8 startup snapshot (docs/ARCHITECTURE.md, "Start-up"). At build time
// `nodus_snapshot` runs the part of the bootstrap that is the same in every
// process (Env::BootstrapSnapshotPart) inside V8's SnapshotCreator and
// writes a blob: nodus's header, then V8's bytes. The final `nodus` embeds
// it and deserializes its main context instead of evaluating those builtins.
//
// V8 aborts the process on a blob from another V8 build, so the header is
// checked first: the V8 version, the build id of the libnode that made it,
// the pointer size and the V8 flags. On any mismatch nodus starts from source
// with the code caches (builtins.h), silently; `nodus -v --verbose` says
// which start path is in use and why.

#include <v8.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "options.h"

namespace nodus::snapshot {

// The blob linked into this executable: `nodus` links the build's
// (snapshot_blob.cc), stage binaries link none (snapshot_empty.cc).
struct EmbeddedBlob {
  const unsigned char* data;
  size_t size;
};
EmbeddedBlob GetEmbeddedBlob();

// How this process starts. Decided before V8 is initialised.
struct Decision {
  bool use = false;
  // V8's part of the blob, valid for the life of the process when `use`.
  v8::StartupData startup{nullptr, 0};
  // One line for `nodus -v --verbose`.
  std::string description;
};
// Environment: NODUS_SNAPSHOT=0 starts from source; NODUS_SNAPSHOT_BLOB=FILE
// reads the blob from FILE instead of the embedded one (a blob made by
// another build, or a test's corrupted one: checked the same way).
Decision Decide(const Options& options);

// Whether internalBinding(name) may be initialised while making the
// snapshot: bindings whose objects hold no per-process state (handles,
// options, worker identity, pointers into C++ memory other than the arrays
// Env re-attaches). Env refuses the others at build time.
bool CanHoldBinding(std::string_view name);

// Index of the main context and of Env's data (Env::TakeSnapshotData) in the
// blob; the default context is a plain one, for vm contexts.
constexpr size_t kMainContextIndex = 0;
constexpr size_t kEnvDataIndex = 0;

// V8 checksums a whole snapshot blob before using it (~5 M instructions for
// ours, a sixth of nodus's own start-up). Every nodus process and both build
// stages turn that off: flags are part of the hash V8 checks code caches
// against, so they must be the same wherever a cache is made and used. The
// embedded blob is part of the executable; a blob from a file is checked
// against the checksum in nodus's header instead.
void DisableV8Checksum();

// Build time: bootstraps inside a SnapshotCreator and writes header + blob
// to `path`. Returns the process exit code.
int Make(const char* path);

}  // namespace nodus::snapshot
