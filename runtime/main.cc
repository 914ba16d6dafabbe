// The `nodus` executable: everything lives in the runtime library.
#include "start.h"

int main(int argc, char** argv) { return nodus::Start(argc, argv); }
