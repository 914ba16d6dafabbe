#pragma once

namespace nodus {

// The whole `nodus` command: parses argv, starts V8 and runs the program.
// Returns the process exit code (most paths end the process directly).
// With `write_code_cache_to`, also records every builtin compiled and writes
// their V8 code caches there at exit (the build's stage 0).
int Start(int argc, char** argv, const char* write_code_cache_to = nullptr);

}  // namespace nodus
