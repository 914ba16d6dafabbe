// libFuzzer: the inspector's WebSocket frame decoder
// (runtime/src/inspector/websocket_frame.h) fed arbitrary bytes in chunks whose
// sizes come from the input, so frames split anywhere are exercised.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "inspector/websocket_frame.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t chunk = 1 + data[0] % 64;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  nodus::inspector::WebSocketReader reader;
  for (size_t at = 0; at < bytes.size(); at += chunk) {
    reader.Feed(bytes.substr(at, chunk));
    while (true) {
      auto event = reader.Next();
      using Event = nodus::inspector::WebSocketReader::Event;
      if (event == Event::kNeedMore) break;
      if (event == Event::kError) {
        if (reader.error_code() < 1000) std::abort();
        return 0;
      }
      if (event == Event::kClose) return 0;
    }
  }
  return 0;
}
