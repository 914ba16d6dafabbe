#include "snapshot.h"

#include <elf.h>
#include <libplatform/libplatform.h>
#include <link.h>
#include <unistd.h>
#include <uv.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::snapshot {

namespace {

// The header nodus puts before V8's bytes. Plain bytes, little-endian, fixed
// size: read without V8.
constexpr char kMagic[8] = {'N', 'O', 'D', 'U', 'S', 'S', 'N', 'P'};
constexpr uint32_t kFormatVersion = 1;

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t pointer_size;
  char v8_version[32];
  uint32_t build_id_size;
  unsigned char build_id[60];
  uint64_t payload_size;
  // Checked for blobs read from a file only: V8's own checksum is off (see
  // DisableV8Checksum) and the embedded blob is as trustworthy as the code.
  uint64_t payload_checksum;
};
static_assert(sizeof(Header) == 128, "the header is written as raw bytes");

// FNV-1a over 64-bit words (then the tail bytes): ~0.2 ms for 1.5 MB.
uint64_t Checksum(const unsigned char* data, size_t size) {
  uint64_t hash = 14695981039346656037ull;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    hash = (hash ^ word) * 1099511628211ull;
  }
  for (; i < size; i++) hash = (hash ^ data[i]) * 1099511628211ull;
  return hash;
}

// V8 flags that leave the heap a snapshot describes unchanged; any other flag
// on the command line (--jitless, --harmony-*, --stack-trace-limit, which
// sets Error.stackTraceLimit when a context is made…) means from source.
constexpr std::array<std::string_view, 4> kSnapshotNeutralFlags = {
    "--max-old-space-size", "--max_old_space_size", "--max-semi-space-size",
    "--max_semi_space_size"};

// The bindings a snapshot may hold (CanHoldBinding). Not listed, and refused
// at build time: options (per run), worker (thread identity), vm (per-isolate
// private symbol), stream_wrap (an array over thread-local C++ memory),
// tcp_wrap / pipe_wrap / tty_wrap (class templates kept in C++ globals) and
// tls_wrap (OpenSSL state).
constexpr std::array<std::string_view, 26> kSnapshotBindings = {"async_context",
                                                                "buffer",
                                                                "builtins",
                                                                "cares_wrap",
                                                                "contextify",
                                                                "crypto",
                                                                "encoding",
                                                                "errors",
                                                                "fs",
                                                                "http_parser",
                                                                "inspector",
                                                                "modules",
                                                                "os",
                                                                "process_methods",
                                                                "process_wrap",
                                                                "serdes",
                                                                "signal",
                                                                "spawn_sync",
                                                                "stdio",
                                                                "task_queue",
                                                                "timers",
                                                                "types",
                                                                "url",
                                                                "util",
                                                                "uv",
                                                                "zlib"};

// The GNU build id of the object that holds V8 (libnode.so, or this
// executable when V8 is linked in), read from its loaded program headers.
struct BuildId {
  unsigned char bytes[60];
  uint32_t size = 0;
};

int FindBuildId(dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<BuildId*>(data);
  const char* name = info->dlpi_name != nullptr ? info->dlpi_name : "";
  if (std::strstr(name, "libnode.so") == nullptr) return 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr)& phdr = info->dlpi_phdr[i];
    if (phdr.p_type != PT_NOTE) continue;
    const auto* note = reinterpret_cast<const unsigned char*>(info->dlpi_addr + phdr.p_vaddr);
    const unsigned char* end = note + phdr.p_memsz;
    while (note + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) header;
      std::memcpy(&header, note, sizeof(header));
      const unsigned char* name_bytes = note + sizeof(header);
      const unsigned char* desc = name_bytes + ((header.n_namesz + 3) & ~3u);
      if (header.n_type == NT_GNU_BUILD_ID && header.n_namesz == 4 &&
          std::memcmp(name_bytes, "GNU", 4) == 0 && header.n_descsz <= sizeof(out->bytes) &&
          desc + header.n_descsz <= end) {
        std::memcpy(out->bytes, desc, header.n_descsz);
        out->size = header.n_descsz;
        return 1;
      }
      note = desc + ((header.n_descsz + 3) & ~3u);
    }
  }
  return 0;
}

const BuildId& LibnodeBuildId() {
  static const BuildId id = [] {
    BuildId found;
    dl_iterate_phdr(FindBuildId, &found);
    return found;
  }();
  return id;
}

std::string Hex(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; i++) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

Header CurrentHeader(uint64_t payload_size) {
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.format_version = kFormatVersion;
  header.pointer_size = sizeof(void*);
  std::snprintf(header.v8_version, sizeof(header.v8_version), "%s", v8::V8::GetVersion());
  const BuildId& id = LibnodeBuildId();
  header.build_id_size = id.size;
  std::memcpy(header.build_id, id.bytes, id.size);
  header.payload_size = payload_size;
  return header;
}

// Why `data` cannot start this process, or "" if it can.
std::string Mismatch(const unsigned char* data, size_t size, bool check_payload) {
  Header blob;
  if (size < sizeof(Header)) return "the blob is too short";
  std::memcpy(&blob, data, sizeof(Header));
  if (std::memcmp(blob.magic, kMagic, sizeof(kMagic)) != 0) return "the blob has no nodus header";
  if (blob.format_version != kFormatVersion) return "the blob's header format differs";
  if (blob.payload_size != size - sizeof(Header)) return "the blob is truncated";
  if (check_payload &&
      blob.payload_checksum != Checksum(data + sizeof(Header), blob.payload_size)) {
    return "the blob is corrupt (checksum)";
  }
  Header here = CurrentHeader(0);
  if (blob.pointer_size != here.pointer_size) return "the blob was made for another pointer size";
  blob.v8_version[sizeof(blob.v8_version) - 1] = '\0';
  if (std::strcmp(blob.v8_version, here.v8_version) != 0) {
    return std::string("it was made with V8 ") + blob.v8_version + ", this is V8 " +
           here.v8_version;
  }
  if (blob.build_id_size > sizeof(blob.build_id) || blob.build_id_size != here.build_id_size ||
      std::memcmp(blob.build_id, here.build_id, blob.build_id_size) != 0) {
    return "it was made with another libnode build (build id " +
           Hex(blob.build_id, std::min<size_t>(blob.build_id_size, sizeof(blob.build_id))) +
           ", this one is " + Hex(here.build_id, here.build_id_size) + ")";
  }
  return "";
}

// NODUS_SNAPSHOT_BLOB's contents, alive as long as the isolate.
std::string* g_file_blob = nullptr;

std::string FromSource(const std::string& why) {
  return "start-up: from source with code caches (" + why + ")";
}

// Build time: an object with native state (an internal field holding a
// pointer) would be restored without it, so the build fails instead.
v8::StartupData SerializeInternalField(v8::Local<v8::Object> holder, int index, void* data) {
  if (holder->GetAlignedPointerFromInternalField(index) != nullptr) {
    *static_cast<bool*>(data) = true;
  }
  return {nullptr, 0};
}

}  // namespace

bool CanHoldBinding(std::string_view name) {
  return std::find(kSnapshotBindings.begin(), kSnapshotBindings.end(), name) !=
         kSnapshotBindings.end();
}

Decision Decide(const Options& options) {
  Decision decision;
  const char* off = std::getenv("NODUS_SNAPSHOT");
  if (off != nullptr && std::strcmp(off, "0") == 0) {
    decision.description = FromSource("NODUS_SNAPSHOT=0");
    return decision;
  }
  for (const std::string& flag : options.v8_flags) {
    std::string_view name = std::string_view(flag).substr(0, flag.find('='));
    if (std::find(kSnapshotNeutralFlags.begin(), kSnapshotNeutralFlags.end(), name) ==
        kSnapshotNeutralFlags.end()) {
      decision.description = FromSource("the V8 flag " + std::string(name) + " was given");
      return decision;
    }
  }
  const unsigned char* data;
  size_t size;
  std::string origin;
  if (const char* file = std::getenv("NODUS_SNAPSHOT_BLOB"); file != nullptr && *file != '\0') {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      decision.description = FromSource(std::string("cannot read NODUS_SNAPSHOT_BLOB ") + file);
      return decision;
    }
    g_file_blob = new std::string(std::istreambuf_iterator<char>(in), {});
    data = reinterpret_cast<const unsigned char*>(g_file_blob->data());
    size = g_file_blob->size();
    origin = std::string(" from ") + file;
  } else {
    EmbeddedBlob embedded = GetEmbeddedBlob();
    data = embedded.data;
    size = embedded.size;
    if (size == 0) {
      decision.description = FromSource("no snapshot is embedded in this executable");
      return decision;
    }
  }
  std::string mismatch = Mismatch(data, size, g_file_blob != nullptr);
  if (!mismatch.empty()) {
    decision.description = FromSource("the snapshot" + origin + " does not fit: " + mismatch);
    return decision;
  }
  decision.use = true;
  decision.startup.data = reinterpret_cast<const char*>(data + sizeof(Header));
  decision.startup.raw_size = static_cast<int>(size - sizeof(Header));
  char kb[32];
  std::snprintf(kb, sizeof(kb), "%zu KB", (size - sizeof(Header)) / 1024);
  decision.description = "start-up: from the V8 startup snapshot" + origin + " (" + kb +
                         ", libnode build id " +
                         Hex(LibnodeBuildId().bytes, LibnodeBuildId().size) + ")";
  return decision;
}

void DisableV8Checksum() {
  static constexpr char kFlag[] = "--no-verify-snapshot-checksum";
  v8::V8::SetFlagsFromString(kFlag, sizeof(kFlag) - 1);
}

int Make(const char* path) {
  DisableV8Checksum();
  std::unique_ptr<v8::Platform> platform = v8::platform::NewDefaultPlatform();
  v8::V8::InitializePlatform(platform.get());
  v8::V8::Initialize();
  bool native_state = false;
  v8::StartupData blob{nullptr, 0};
  {
    v8::SnapshotCreator creator(bindings::AllExternalReferences());
    v8::Isolate* isolate = creator.GetIsolate();
    isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
    {
      v8::HandleScope handle_scope(isolate);
      v8::Local<v8::Context> context = v8::Context::New(isolate);
      v8::Local<v8::Array> data;
      {
        v8::Context::Scope context_scope(context);
        Options options;
        Env env(isolate, context, uv_default_loop(), options, {"nodus"});
        env.set_building_snapshot();
        if (!env.BootstrapSnapshotPart()) {
          std::fprintf(stderr, "nodus_snapshot: the snapshot's bootstrap failed (above)\n");
          std::fflush(stderr);
          _exit(70);
        }
        data = env.TakeSnapshotData();
      }
      // The default context stays plain: vm.createContext() makes its
      // contexts from it.
      creator.SetDefaultContext(v8::Context::New(isolate));
      size_t context_index = creator.AddContext(context, {SerializeInternalField, &native_state});
      size_t data_index = creator.AddData(context, data);
      if (context_index != kMainContextIndex || data_index != kEnvDataIndex) {
        std::fprintf(stderr, "nodus_snapshot: unexpected snapshot indices\n");
        std::fflush(stderr);
        _exit(70);
      }
    }
    blob = creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  }
  if (native_state) {
    std::fprintf(stderr,
                 "nodus_snapshot: an object holding a native pointer is reachable from the "
                 "bootstrap; it cannot be in the snapshot\n");
    return 70;
  }
  if (blob.data == nullptr || blob.raw_size <= 0) {
    std::fprintf(stderr, "nodus_snapshot: V8 made no snapshot\n");
    return 70;
  }
  Header header = CurrentHeader(static_cast<uint64_t>(blob.raw_size));
  header.payload_checksum = Checksum(reinterpret_cast<const unsigned char*>(blob.data),
                                     static_cast<size_t>(blob.raw_size));
  std::string tmp = std::string(path) + ".tmp";
  std::FILE* out = std::fopen(tmp.c_str(), "wb");
  bool ok = out != nullptr && std::fwrite(&header, sizeof(header), 1, out) == 1 &&
            std::fwrite(blob.data, 1, static_cast<size_t>(blob.raw_size), out) ==
                static_cast<size_t>(blob.raw_size);
  if (out != nullptr && std::fclose(out) != 0) ok = false;
  delete[] blob.data;
  if (!ok || std::rename(tmp.c_str(), path) != 0) {
    std::fprintf(stderr, "nodus_snapshot: cannot write %s\n", path);
    return 70;
  }
  // Like nodus itself (Env::Exit): V8 and the loop are not torn down, which
  // leak checkers of sanitizer builds would otherwise report at exit.
  std::fflush(stdout);
  std::fflush(stderr);
  _exit(0);
}

}  // namespace nodus::snapshot
