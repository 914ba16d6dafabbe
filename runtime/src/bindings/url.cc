// internalBinding('url'): the parts of the URL Standard that need Unicode
// tables. Domain to ASCII / to Unicode are UTS #46 processing through ICU with
// the flags the URL Standard asks for (CheckBidi, CheckJoiners,
// nontransitional processing; CheckHyphens and VerifyDnsLength off). The
// parser itself is JavaScript (lib/internal/url.js).
#include <unicode/uidna.h>

#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::url {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

// Errors the URL Standard ignores: CheckHyphens=false, VerifyDnsLength=false.
constexpr uint32_t kIgnoredErrors = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                    UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                                    UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;

const UIDNA* Idna() {
  static UIDNA* idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* created =
        uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
                            UIDNA_NONTRANSITIONAL_TO_UNICODE,
                        &status);
    return U_FAILURE(status) ? nullptr : created;
  }();
  return idna;
}

using Convert = int32_t (*)(const UIDNA*, const UChar*, int32_t, UChar*, int32_t, UIDNAInfo*,
                            UErrorCode*);

// Runs `convert` on the UTF-16 of info[0]; returns the result, or the empty
// string when ICU reports an error the URL Standard does not ignore.
void Run(const FunctionCallbackInfo<Value>& info, Convert convert) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::String> input = info[0].As<v8::String>();
  const UIDNA* idna = Idna();
  if (idna == nullptr) return ThrowError(isolate, "ERR_INTERNAL_ASSERTION", "ICU IDNA unavailable");
  std::vector<UChar> source(static_cast<size_t>(input->Length()) + 1);
  input->Write(isolate, reinterpret_cast<uint16_t*>(source.data()), 0, input->Length(),
               v8::String::NO_NULL_TERMINATION);
  std::vector<UChar> output(source.size() * 4 + 64);
  UIDNAInfo uinfo = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = convert(idna, source.data(), input->Length(), output.data(),
                           static_cast<int32_t>(output.size()), &uinfo, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    output.resize(static_cast<size_t>(length) + 1);
    status = U_ZERO_ERROR;
    uinfo = UIDNA_INFO_INITIALIZER;
    length = convert(idna, source.data(), input->Length(), output.data(),
                     static_cast<int32_t>(output.size()), &uinfo, &status);
  }
  if (U_FAILURE(status) || (uinfo.errors & ~kIgnoredErrors) != 0) {
    info.GetReturnValue().Set(v8::String::Empty(isolate));
    return;
  }
  info.GetReturnValue().Set(
      v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(output.data()),
                                 v8::NewStringType::kNormal, length)
          .ToLocalChecked());
}

void ToASCII(const FunctionCallbackInfo<Value>& info) { Run(info, uidna_nameToASCII); }

void ToUnicode(const FunctionCallbackInfo<Value>& info) { Run(info, uidna_nameToUnicode); }

constexpr Method kMethods[] = {
    {"toASCII", ToASCII},
    {"toUnicode", ToUnicode},
};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) { refs.Add(kMethods); }

void Initialize(Env& env, v8::Local<v8::Object> target) { SetMethods(env, target, kMethods); }

}  // namespace nodus::bindings::url
