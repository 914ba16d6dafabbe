#pragma once

namespace nodus {

// The whole `nodus` command: parses argv, starts V8 and runs the program.
// Returns the process exit code (most paths end the process directly).
int Start(int argc, char** argv);

}  // namespace nodus
