// libFuzzer: the inspector's HTTP request-head parser, Host check and routing
// (runtime/src/inspector/http_request.h) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "inspector/http_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  nodus::inspector::HttpRequest request;
  size_t consumed = 0;
  auto status = nodus::inspector::ParseHttpRequest(bytes, &request, &consumed);
  if (status == nodus::inspector::ParseStatus::kComplete) {
    if (consumed == 0 || consumed > size) std::abort();
    if (auto host = request.Header("Host")) (void)nodus::inspector::IsAllowedHost(*host);
    (void)nodus::inspector::RouteHttpTarget(request.target);
    (void)request.IsWebSocketUpgrade();
  }
  (void)nodus::inspector::IsAllowedHost(bytes);
  (void)nodus::inspector::RouteHttpTarget(bytes);
  return 0;
}
