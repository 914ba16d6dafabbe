// internalBinding('tls_wrap'): OpenSSL TLS driven entirely through memory
// BIOs. Nothing here touches a socket: JS feeds the ciphertext it reads from a
// net.Socket into an Engine (receive), asks it to advance (handshake, read,
// write) and sends whatever ciphertext the engine produced (pending) back out.
//
// SecureContext wraps an SSL_CTX (key, certificate chain, trusted CAs,
// protocol range, ciphers, groups). Engine wraps one SSL connection.
// Certificate verification never fails the handshake: the verify callback
// accepts everything and JS reads the result afterwards (verifyError), which
// is how Node reports authorized/authorizationError.
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bindings/binding.h"
#include "env.h"

namespace nodus::bindings::tls_wrap {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// ---------------------------------------------------------------------------
// Errors, shaped as Node shapes OpenSSL errors: message "error:...", and
// library, reason, code (ERR_SSL_<REASON> for the SSL library,
// ERR_OSSL_<LIB>_<REASON> for the others Node names, ERR_OSSL_<REASON> else).

const char* LibraryCodePrefix(int lib) {
  switch (lib) {
    case ERR_LIB_SSL:
      return "ERR_SSL_";
    case ERR_LIB_EVP:
      return "ERR_OSSL_EVP_";
    case ERR_LIB_PEM:
      return "ERR_OSSL_PEM_";
    case ERR_LIB_X509:
      return "ERR_OSSL_X509_";
    case ERR_LIB_X509V3:
      return "ERR_OSSL_X509V3_";
    case ERR_LIB_ASN1:
      return "ERR_OSSL_ASN1_";
    case ERR_LIB_BIO:
      return "ERR_OSSL_BIO_";
    case ERR_LIB_RSA:
      return "ERR_OSSL_RSA_";
    case ERR_LIB_EC:
      return "ERR_OSSL_EC_";
    case ERR_LIB_CRYPTO:
      return "ERR_OSSL_CRYPTO_";
    case ERR_LIB_PKCS12:
      return "ERR_OSSL_PKCS12_";
    case ERR_LIB_RAND:
      return "ERR_OSSL_RAND_";
    default:
      return "ERR_OSSL_";
  }
}

Local<Value> OpenSSLError(v8::Isolate* isolate, unsigned long err, const char* fallback) {
  Local<v8::Context> context = isolate->GetCurrentContext();
  if (err == 0) {
    ERR_clear_error();
    return v8::Exception::Error(ToV8(isolate, fallback));
  }
  char buffer[256];
  ERR_error_string_n(err, buffer, sizeof(buffer));
  ERR_clear_error();
  Local<v8::Object> error = v8::Exception::Error(ToV8(isolate, buffer)).As<v8::Object>();
  const char* library = ERR_lib_error_string(err);
  const char* reason = ERR_reason_error_string(err);
  if (library != nullptr) {
    error->Set(context, ToV8(isolate, "library"), ToV8(isolate, library)).Check();
  }
  if (reason != nullptr) {
    error->Set(context, ToV8(isolate, "reason"), ToV8(isolate, reason)).Check();
    std::string code = LibraryCodePrefix(ERR_GET_LIB(err));
    for (const char* p = reason; *p != '\0'; p++) {
      code += *p == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    }
    error->Set(context, ToV8(isolate, "code"), ToV8(isolate, code)).Check();
  }
  return error;
}

void ThrowOpenSSLError(v8::Isolate* isolate, const char* fallback) {
  isolate->ThrowException(OpenSSLError(isolate, ERR_peek_error(), fallback));
}

// Node's names for verification results (the X509_V_ERR_ suffixes).
const char* VerifyErrorName(long code) {
  switch (code) {
#define NODUS_X509_CASE(name) \
  case X509_V_ERR_##name:     \
    return #name;
    NODUS_X509_CASE(UNABLE_TO_GET_ISSUER_CERT)
    NODUS_X509_CASE(UNABLE_TO_GET_CRL)
    NODUS_X509_CASE(UNABLE_TO_DECRYPT_CERT_SIGNATURE)
    NODUS_X509_CASE(UNABLE_TO_DECRYPT_CRL_SIGNATURE)
    NODUS_X509_CASE(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)
    NODUS_X509_CASE(CERT_SIGNATURE_FAILURE)
    NODUS_X509_CASE(CRL_SIGNATURE_FAILURE)
    NODUS_X509_CASE(CERT_NOT_YET_VALID)
    NODUS_X509_CASE(CERT_HAS_EXPIRED)
    NODUS_X509_CASE(CRL_NOT_YET_VALID)
    NODUS_X509_CASE(CRL_HAS_EXPIRED)
    NODUS_X509_CASE(ERROR_IN_CERT_NOT_BEFORE_FIELD)
    NODUS_X509_CASE(ERROR_IN_CERT_NOT_AFTER_FIELD)
    NODUS_X509_CASE(ERROR_IN_CRL_LAST_UPDATE_FIELD)
    NODUS_X509_CASE(ERROR_IN_CRL_NEXT_UPDATE_FIELD)
    NODUS_X509_CASE(OUT_OF_MEM)
    NODUS_X509_CASE(DEPTH_ZERO_SELF_SIGNED_CERT)
    NODUS_X509_CASE(SELF_SIGNED_CERT_IN_CHAIN)
    NODUS_X509_CASE(UNABLE_TO_GET_ISSUER_CERT_LOCALLY)
    NODUS_X509_CASE(UNABLE_TO_VERIFY_LEAF_SIGNATURE)
    NODUS_X509_CASE(CERT_CHAIN_TOO_LONG)
    NODUS_X509_CASE(CERT_REVOKED)
    NODUS_X509_CASE(INVALID_CA)
    NODUS_X509_CASE(PATH_LENGTH_EXCEEDED)
    NODUS_X509_CASE(INVALID_PURPOSE)
    NODUS_X509_CASE(CERT_UNTRUSTED)
    NODUS_X509_CASE(CERT_REJECTED)
    NODUS_X509_CASE(HOSTNAME_MISMATCH)
#undef NODUS_X509_CASE
    default:
      return "UNSPECIFIED";
  }
}

std::string_view ViewBytes(Local<Value> value) {
  auto view = value.As<v8::ArrayBufferView>();
  return {static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset(),
          view->ByteLength()};
}

Local<v8::ArrayBuffer> NewArrayBuffer(v8::Isolate* isolate, const void* data, size_t size) {
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, size);
  if (size > 0) std::memcpy(buffer->Data(), data, size);
  return buffer;
}

BIO* MemBio(Local<Value> value) {
  std::string_view bytes = ViewBytes(value);
  return BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()));
}

// Frees a native object with its JS wrapper. The weak callback must not touch
// the (already dead) wrapper, so the holder carries the native pointer.
template <typename T>
struct WeakHolder {
  v8::Global<v8::Object> handle;
  T* native;
};

template <typename T>
void AttachToWrapper(v8::Isolate* isolate, Local<v8::Object> object, T* native) {
  object->SetAlignedPointerInInternalField(0, native);
  auto* holder = new WeakHolder<T>{v8::Global<v8::Object>(isolate, object), native};
  holder->handle.SetWeak(
      holder,
      [](const v8::WeakCallbackInfo<WeakHolder<T>>& data) {
        WeakHolder<T>* weak = data.GetParameter();
        weak->handle.Reset();
        delete weak->native;
        delete weak;
      },
      v8::WeakCallbackType::kParameter);
}

template <typename T>
T* Unwrap(const FunctionCallbackInfo<Value>& info) {
  return static_cast<T*>(info.This()->GetAlignedPointerFromInternalField(0));
}

// ---------------------------------------------------------------------------
// Root certificates: the system store (plus NODE_EXTRA_CA_CERTS), parsed
// once, on the first context that needs it.

X509_STORE* RootStore() {
  // Initialised once even when worker threads race to their first context.
  static X509_STORE* const store = [] {
    X509_STORE* s = X509_STORE_new();
    X509_STORE_load_file(s, "/etc/ssl/certs/ca-certificates.crt");
    if (const char* extra = std::getenv("NODE_EXTRA_CA_CERTS"); extra != nullptr && *extra != 0) {
      X509_STORE_load_file(s, extra);
    }
    ERR_clear_error();
    return s;
  }();
  return store;
}

// ---------------------------------------------------------------------------
// SecureContext

struct Engine;

struct Context {
  SSL_CTX* ctx = nullptr;
  bool shared_store = false;
  ~Context() {
    if (ctx != nullptr) SSL_CTX_free(ctx);
  }
};

int AlpnSelect(SSL* ssl, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
               unsigned int inlen, void* arg);
int ClientHello(SSL* ssl, int* alert, void* arg);
int NewSession(SSL* ssl, SSL_SESSION* session);

void ContextNew(const FunctionCallbackInfo<Value>& info) {
  auto* context = new Context();
  context->ctx = SSL_CTX_new(TLS_method());
  SSL_CTX_set_options(context->ctx, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
                                        SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_set_mode(context->ctx, SSL_MODE_RELEASE_BUFFERS);
  SSL_CTX_set_session_cache_mode(context->ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_CLIENT |
                                                   SSL_SESS_CACHE_NO_INTERNAL_STORE);
  static const unsigned char kSessionContext[] = "nodus";
  SSL_CTX_set_session_id_context(context->ctx, kSessionContext, sizeof(kSessionContext) - 1);
  SSL_CTX_set_alpn_select_cb(context->ctx, AlpnSelect, nullptr);
  SSL_CTX_set_client_hello_cb(context->ctx, ClientHello, nullptr);
  SSL_CTX_sess_set_new_cb(context->ctx, NewSession);
  AttachToWrapper(info.GetIsolate(), info.This(), context);
}

// setProtocols(min, max): 0 means "no bound".
void ContextSetProtocols(const FunctionCallbackInfo<Value>& info) {
  Context* context = Unwrap<Context>(info);
  Local<v8::Context> v8ctx = info.GetIsolate()->GetCurrentContext();
  SSL_CTX_set_min_proto_version(context->ctx, info[0]->Int32Value(v8ctx).FromMaybe(0));
  SSL_CTX_set_max_proto_version(context->ctx, info[1]->Int32Value(v8ctx).FromMaybe(0));
}

int PasswordCallback(char* buf, int size, int /*rwflag*/, void* userdata) {
  const auto* pass = static_cast<const std::string*>(userdata);
  if (pass == nullptr) return -1;
  int n = static_cast<int>(pass->size());
  if (n > size) n = size;
  std::memcpy(buf, pass->data(), n);
  return n;
}

// setKey(pem, passphrase?)
void ContextSetKey(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Context* context = Unwrap<Context>(info);
  ERR_clear_error();
  BIO* bio = MemBio(info[0]);
  // No passphrase reads as an empty one (an encrypted key then fails with
  // "bad decrypt", as in Node).
  std::string pass;
  if (info[1]->IsString()) pass = ToStdString(isolate, info[1]);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, PasswordCallback, &pass);
  BIO_free(bio);
  if (key == nullptr) return ThrowOpenSSLError(isolate, "Failed to read private key");
  int ok = SSL_CTX_use_PrivateKey(context->ctx, key);
  EVP_PKEY_free(key);
  if (ok != 1) return ThrowOpenSSLError(isolate, "Failed to use private key");
}

// setCert(pem): the first certificate is the context's, the rest its chain.
void ContextSetCert(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Context* context = Unwrap<Context>(info);
  ERR_clear_error();
  BIO* bio = MemBio(info[0]);
  X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr);
  if (cert == nullptr) {
    BIO_free(bio);
    return ThrowOpenSSLError(isolate, "Failed to read certificate");
  }
  int ok = SSL_CTX_use_certificate(context->ctx, cert);
  X509_free(cert);
  if (ok != 1) {
    BIO_free(bio);
    return ThrowOpenSSLError(isolate, "Failed to use certificate");
  }
  SSL_CTX_clear_chain_certs(context->ctx);
  while (X509* extra = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
    SSL_CTX_add0_chain_cert(context->ctx, extra);
  }
  ERR_clear_error();  // the end of the PEM data
  BIO_free(bio);
  // A key set earlier must match.
  if (SSL_CTX_get0_privatekey(context->ctx) != nullptr &&
      SSL_CTX_check_private_key(context->ctx) != 1) {
    return ThrowOpenSSLError(isolate, "key values mismatch");
  }
}

// checkKey(): after setKey+setCert in either order.
void ContextCheckKey(const FunctionCallbackInfo<Value>& info) {
  Context* context = Unwrap<Context>(info);
  ERR_clear_error();
  if (SSL_CTX_get0_certificate(context->ctx) != nullptr &&
      SSL_CTX_get0_privatekey(context->ctx) != nullptr &&
      SSL_CTX_check_private_key(context->ctx) != 1) {
    ThrowOpenSSLError(info.GetIsolate(), "key values mismatch");
  }
}

X509_STORE* OwnStore(Context* context) {
  if (context->shared_store) {
    SSL_CTX_set_cert_store(context->ctx, X509_STORE_new());
    context->shared_store = false;
  }
  return SSL_CTX_get_cert_store(context->ctx);
}

// addCACert(pem): trusted for verification, and named to clients as
// acceptable issuers when a server requests certificates. Unparsable input is
// ignored, as in Node.
void ContextAddCACert(const FunctionCallbackInfo<Value>& info) {
  Context* context = Unwrap<Context>(info);
  X509_STORE* store = OwnStore(context);
  BIO* bio = MemBio(info[0]);
  while (X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, cert);
    SSL_CTX_add_client_CA(context->ctx, cert);
    X509_free(cert);
  }
  ERR_clear_error();
  BIO_free(bio);
}

void ContextAddRootCerts(const FunctionCallbackInfo<Value>& info) {
  Context* context = Unwrap<Context>(info);
  X509_STORE* roots = RootStore();
  X509_STORE_up_ref(roots);
  SSL_CTX_set_cert_store(context->ctx, roots);
  context->shared_store = true;
}

// setCiphers(tls12List, tls13Suites)
void ContextSetCiphers(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Context* context = Unwrap<Context>(info);
  ERR_clear_error();
  std::string list = ToStdString(isolate, info[0]);
  std::string suites = ToStdString(isolate, info[1]);
  if (SSL_CTX_set_ciphersuites(context->ctx, suites.c_str()) != 1) {
    return ThrowOpenSSLError(isolate, "Failed to set cipher suites");
  }
  if (SSL_CTX_set_cipher_list(context->ctx, list.c_str()) != 1) {
    // An empty TLS 1.2 list is fine when TLS 1.3 suites remain.
    if (!(list.empty() && !suites.empty())) {
      return ThrowOpenSSLError(isolate, "Failed to set ciphers");
    }
    ERR_clear_error();
  }
}

// setGroups(list) -> bool
void ContextSetGroups(const FunctionCallbackInfo<Value>& info) {
  Context* context = Unwrap<Context>(info);
  std::string list = ToStdString(info.GetIsolate(), info[0]);
  bool ok = SSL_CTX_set1_groups_list(context->ctx, list.c_str()) == 1;
  ERR_clear_error();
  info.GetReturnValue().Set(ok);
}

void ContextSetSessionIdContext(const FunctionCallbackInfo<Value>& info) {
  Context* context = Unwrap<Context>(info);
  std::string id = ToStdString(info.GetIsolate(), info[0]);
  if (id.size() > SSL_MAX_SID_CTX_LENGTH) id.resize(SSL_MAX_SID_CTX_LENGTH);
  SSL_CTX_set_session_id_context(context->ctx, reinterpret_cast<const unsigned char*>(id.data()),
                                 static_cast<unsigned int>(id.size()));
}

void ContextSetOptions(const FunctionCallbackInfo<Value>& info) {
  Context* context = Unwrap<Context>(info);
  double options = info[0]->NumberValue(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  SSL_CTX_set_options(context->ctx, static_cast<uint64_t>(options));
}

// ---------------------------------------------------------------------------
// Certificates as Node's plain objects. Buffers are ArrayBuffers here; JS
// turns them into Buffers.

void SetString(v8::Isolate* isolate, Local<v8::Object> object, const char* key,
               std::string_view value) {
  object->Set(isolate->GetCurrentContext(), ToV8(isolate, key), ToV8(isolate, value)).Check();
}

void SetValueOn(v8::Isolate* isolate, Local<v8::Object> object, const char* key,
                Local<Value> value) {
  object->Set(isolate->GetCurrentContext(), ToV8(isolate, key), value).Check();
}

std::string BioToString(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, size > 0 ? static_cast<size_t>(size) : 0);
}

Local<v8::Object> NameToObject(v8::Isolate* isolate, const X509_NAME* name) {
  Local<v8::Context> context = isolate->GetCurrentContext();
  Local<v8::Object> result = v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; i++) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    const ASN1_OBJECT* object = X509_NAME_ENTRY_get_object(entry);
    int nid = OBJ_obj2nid(object);
    char key_buffer[80];
    const char* key = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
    if (key == nullptr) {
      OBJ_obj2txt(key_buffer, sizeof(key_buffer), object, 1);
      key = key_buffer;
    }
    unsigned char* utf8 = nullptr;
    int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (length < 0) continue;
    Local<v8::String> value = v8::String::NewFromUtf8(isolate, reinterpret_cast<char*>(utf8),
                                                      v8::NewStringType::kNormal, length)
                                  .ToLocalChecked();
    OPENSSL_free(utf8);
    Local<v8::String> k = ToV8(isolate, key);
    Local<Value> existing;
    if (result->HasOwnProperty(context, k).FromMaybe(false) &&
        result->Get(context, k).ToLocal(&existing)) {
      if (existing->IsArray()) {
        auto array = existing.As<v8::Array>();
        array->Set(context, array->Length(), value).Check();
      } else {
        Local<Value> items[] = {existing, value};
        result->Set(context, k, v8::Array::New(isolate, items, 2)).Check();
      }
    } else {
      result->Set(context, k, value).Check();
    }
  }
  return result;
}

std::string Fingerprint(const X509* cert, const EVP_MD* md) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (X509_digest(cert, md, digest, &size) != 1) return "";
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < size; i++) {
    if (i > 0) out += ':';
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

bool PrintExtension(X509* cert, int nid, std::string* out) {
  int index = X509_get_ext_by_NID(cert, nid, -1);
  if (index < 0) return false;
  X509_EXTENSION* ext = X509_get_ext(cert, index);
  BIO* bio = BIO_new(BIO_s_mem());
  bool ok = X509V3_EXT_print(bio, ext, 0, 0) == 1;
  if (ok) *out = BioToString(bio);
  BIO_free(bio);
  return ok;
}

std::string TimeString(const ASN1_TIME* time) {
  BIO* bio = BIO_new(BIO_s_mem());
  ASN1_TIME_print(bio, time);
  std::string out = BioToString(bio);
  BIO_free(bio);
  return out;
}

Local<v8::Object> CertToObject(v8::Isolate* isolate, X509* cert) {
  Local<v8::Object> info = v8::Object::New(isolate);
  SetValueOn(isolate, info, "subject", NameToObject(isolate, X509_get_subject_name(cert)));
  SetValueOn(isolate, info, "issuer", NameToObject(isolate, X509_get_issuer_name(cert)));
  std::string text;
  if (PrintExtension(cert, NID_subject_alt_name, &text)) {
    SetString(isolate, info, "subjectaltname", text);
  }
  if (PrintExtension(cert, NID_info_access, &text)) SetString(isolate, info, "infoAccess", text);
  SetValueOn(isolate, info, "ca", v8::Boolean::New(isolate, X509_check_ca(cert) == 1));

  EVP_PKEY* key = X509_get0_pubkey(cert);
  if (key != nullptr) {
    int type = EVP_PKEY_get_base_id(key);
    if (type == EVP_PKEY_RSA || type == EVP_PKEY_RSA_PSS) {
      BIGNUM* n = nullptr;
      BIGNUM* e = nullptr;
      EVP_PKEY_get_bn_param(key, "n", &n);
      EVP_PKEY_get_bn_param(key, "e", &e);
      if (n != nullptr) {
        char* hex = BN_bn2hex(n);
        SetString(isolate, info, "modulus", hex);
        OPENSSL_free(hex);
        SetValueOn(isolate, info, "bits", v8::Integer::New(isolate, BN_num_bits(n)));
      }
      if (e != nullptr) {
        char* hex = BN_bn2hex(e);
        std::string exponent = hex;
        OPENSSL_free(hex);
        size_t first = exponent.find_first_not_of('0');
        exponent = first == std::string::npos ? "0" : exponent.substr(first);
        for (char& c : exponent) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        SetString(isolate, info, "exponent", "0x" + exponent);
      }
      BN_free(n);
      BN_free(e);
    } else if (type == EVP_PKEY_EC) {
      SetValueOn(isolate, info, "bits", v8::Integer::New(isolate, EVP_PKEY_get_bits(key)));
    }
    unsigned char* der = nullptr;
    int size = i2d_PUBKEY(key, &der);
    if (size > 0) {
      SetValueOn(isolate, info, "pubkey", NewArrayBuffer(isolate, der, size));
      OPENSSL_free(der);
    }
    if (type == EVP_PKEY_EC) {
      char group[80];
      size_t group_len = 0;
      if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof(group), &group_len) == 1) {
        int nid = OBJ_sn2nid(group);
        if (nid == NID_undef) nid = EC_curve_nist2nid(group);
        if (nid != NID_undef) {
          SetString(isolate, info, "asn1Curve", OBJ_nid2sn(nid));
          const char* nist = EC_curve_nid2nist(nid);
          if (nist != nullptr) SetString(isolate, info, "nistCurve", nist);
        }
      }
    }
  }
  SetString(isolate, info, "valid_from", TimeString(X509_get0_notBefore(cert)));
  SetString(isolate, info, "valid_to", TimeString(X509_get0_notAfter(cert)));
  SetString(isolate, info, "fingerprint", Fingerprint(cert, EVP_sha1()));
  SetString(isolate, info, "fingerprint256", Fingerprint(cert, EVP_sha256()));
  SetString(isolate, info, "fingerprint512", Fingerprint(cert, EVP_sha512()));

  auto* usage = static_cast<STACK_OF(ASN1_OBJECT)*>(
      X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
  if (usage != nullptr) {
    std::vector<std::string> oids;
    for (int i = 0; i < sk_ASN1_OBJECT_num(usage); i++) {
      char buffer[128];
      OBJ_obj2txt(buffer, sizeof(buffer), sk_ASN1_OBJECT_value(usage, i), 1);
      oids.emplace_back(buffer);
    }
    sk_ASN1_OBJECT_pop_free(usage, ASN1_OBJECT_free);
    SetValueOn(isolate, info, "ext_key_usage", ToV8Array(isolate, oids));
  }

  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  if (serial != nullptr) {
    char* hex = BN_bn2hex(serial);
    SetString(isolate, info, "serialNumber", hex);
    OPENSSL_free(hex);
    BN_free(serial);
  }
  unsigned char* der = nullptr;
  int size = i2d_X509(cert, &der);
  if (size > 0) {
    SetValueOn(isolate, info, "raw", NewArrayBuffer(isolate, der, size));
    OPENSSL_free(der);
  }
  ERR_clear_error();
  return info;
}

// ---------------------------------------------------------------------------
// Engine: one TLS connection over a pair of memory BIOs.

struct Engine {
  SSL* ssl = nullptr;
  BIO* in = nullptr;   // ciphertext received, read by OpenSSL
  BIO* out = nullptr;  // ciphertext produced, sent by JS
  bool is_server = false;
  bool pause_on_hello = false;  // SNICallback: stop at the ClientHello
  bool hello_seen = false;
  std::string servername;   // from the ClientHello (server side)
  std::string server_alpn;  // wire format (server side)
  bool pending_eof = false;
  std::vector<std::string> new_sessions;  // serialized, for 'session' events
  unsigned long pending_error = 0;

  ~Engine() { Free(); }
  void Free() {
    if (ssl != nullptr) SSL_free(ssl);  // frees both BIOs
    ssl = nullptr;
  }
};

int AcceptAnyCertificate(int /*preverify*/, X509_STORE_CTX* /*ctx*/) { return 1; }

int AlpnSelect(SSL* ssl, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
               unsigned int inlen, void* /*arg*/) {
  auto* engine = static_cast<Engine*>(SSL_get_app_data(ssl));
  if (engine == nullptr || engine->server_alpn.empty()) return SSL_TLSEXT_ERR_NOACK;
  unsigned char* selected = nullptr;
  const auto* server = reinterpret_cast<const unsigned char*>(engine->server_alpn.data());
  int status = SSL_select_next_proto(
      &selected, outlen, server, static_cast<unsigned int>(engine->server_alpn.size()), in, inlen);
  if (status != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_ALERT_FATAL;
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

// Records the SNI name; pauses the handshake once when JS wants to choose a
// context for it (SNICallback).
int ClientHello(SSL* ssl, int* /*alert*/, void* /*arg*/) {
  auto* engine = static_cast<Engine*>(SSL_get_app_data(ssl));
  if (engine == nullptr) return SSL_CLIENT_HELLO_SUCCESS;
  if (!engine->hello_seen) {
    const unsigned char* data = nullptr;
    size_t size = 0;
    if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &data, &size) == 1 && size > 5) {
      // list length (2), name type (1), name length (2), name.
      size_t name_length = (static_cast<size_t>(data[3]) << 8) | data[4];
      if (data[2] == TLSEXT_NAMETYPE_host_name && 5 + name_length <= size) {
        engine->servername.assign(reinterpret_cast<const char*>(data + 5), name_length);
      }
    }
    engine->hello_seen = true;
    if (engine->pause_on_hello) return SSL_CLIENT_HELLO_RETRY;
  }
  return SSL_CLIENT_HELLO_SUCCESS;
}

// A client received a session (a TLS 1.3 ticket, or a TLS 1.2 session):
// kept serialized until JS takes it for a 'session' event.
int NewSession(SSL* ssl, SSL_SESSION* session) {
  auto* engine = static_cast<Engine*>(SSL_get_app_data(ssl));
  if (engine == nullptr || engine->is_server) return 0;
  int size = i2d_SSL_SESSION(session, nullptr);
  if (size <= 0) return 0;
  std::string bytes(static_cast<size_t>(size), '\0');
  auto* p = reinterpret_cast<unsigned char*>(bytes.data());
  i2d_SSL_SESSION(session, &p);
  engine->new_sessions.push_back(std::move(bytes));
  return 0;  // not kept: OpenSSL frees it
}

Engine* UnwrapEngine(const FunctionCallbackInfo<Value>& info) {
  auto* engine = Unwrap<Engine>(info);
  return engine != nullptr && engine->ssl != nullptr ? engine : nullptr;
}

// new Engine(secureContext, isServer)
void EngineNew(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Context> v8ctx = info.GetIsolate()->GetCurrentContext();
  auto* context = static_cast<Context*>(
      info[0]->ToObject(v8ctx).ToLocalChecked()->GetAlignedPointerFromInternalField(0));
  auto* engine = new Engine();
  engine->is_server = info[1]->BooleanValue(info.GetIsolate());
  engine->ssl = SSL_new(context->ctx);
  engine->in = BIO_new(BIO_s_mem());
  engine->out = BIO_new(BIO_s_mem());
  BIO_set_mem_eof_return(engine->in, -1);
  SSL_set_bio(engine->ssl, engine->in, engine->out);
  SSL_set_app_data(engine->ssl, engine);
  if (engine->is_server) {
    SSL_set_accept_state(engine->ssl);
    SSL_set_verify(engine->ssl, SSL_VERIFY_NONE, nullptr);
  } else {
    SSL_set_connect_state(engine->ssl);
    SSL_set_verify(engine->ssl, SSL_VERIFY_PEER, AcceptAnyCertificate);
  }
  AttachToWrapper(info.GetIsolate(), info.This(), engine);
}

// receive(bytes): ciphertext from the peer.
void EngineReceive(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  std::string_view bytes = ViewBytes(info[0]);
  if (!bytes.empty()) BIO_write(engine->in, bytes.data(), static_cast<int>(bytes.size()));
}

// pending() -> ArrayBuffer | undefined: ciphertext to send.
void EnginePending(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  size_t size = BIO_ctrl_pending(engine->out);
  if (size == 0) return;
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(info.GetIsolate(), size);
  BIO_read(engine->out, buffer->Data(), static_cast<int>(size));
  info.GetReturnValue().Set(buffer);
}

// The error of a failed SSL call, or 0 if it only wants more data.
unsigned long FailureOf(Engine* engine, int result, bool* eof) {
  int error = SSL_get_error(engine->ssl, result);
  switch (error) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
      return 0;
    case SSL_ERROR_ZERO_RETURN:
      *eof = true;
      return 0;
    default: {
      unsigned long err = ERR_peek_last_error();
      if (err == 0) *eof = true;  // the transport ended without close_notify
      return err;
    }
  }
}

// handshake() -> 1 done | 0 wants data | 2 paused at the ClientHello | Error
void EngineHandshake(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  ERR_clear_error();
  int result = SSL_do_handshake(engine->ssl);
  if (result == 1) return info.GetReturnValue().Set(1);
  int error = SSL_get_error(engine->ssl, result);
  if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
    return info.GetReturnValue().Set(0);
  }
  if (error == SSL_ERROR_WANT_CLIENT_HELLO_CB) return info.GetReturnValue().Set(2);
  unsigned long err = ERR_peek_last_error();
  if (err == 0) return info.GetReturnValue().Set(0);  // no data yet
  info.GetReturnValue().Set(OpenSSLError(info.GetIsolate(), err, "handshake failed"));
}

// read() -> ArrayBuffer (cleartext) | 0 nothing more | 1 the peer closed |
// Error
void EngineRead(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return info.GetReturnValue().Set(1);
  v8::Isolate* isolate = info.GetIsolate();
  std::string data;
  char chunk[16384];
  ERR_clear_error();
  bool eof = false;
  unsigned long err = 0;
  while (data.size() < 65536) {
    int n = SSL_read(engine->ssl, chunk, sizeof(chunk));
    if (n > 0) {
      data.append(chunk, n);
      continue;
    }
    err = FailureOf(engine, n, &eof);
    break;
  }
  if (!data.empty()) {
    if (eof) engine->pending_eof = true;
    if (err != 0) engine->pending_error = err;
    return info.GetReturnValue().Set(NewArrayBuffer(isolate, data.data(), data.size()));
  }
  if (engine->pending_error != 0) {
    err = engine->pending_error;
    engine->pending_error = 0;
  }
  if (err != 0) return info.GetReturnValue().Set(OpenSSLError(isolate, err, "read failed"));
  if (eof || engine->pending_eof) return info.GetReturnValue().Set(1);
  info.GetReturnValue().Set(0);
}

// write(bytes) -> bytes written | Error
void EngineWrite(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  v8::Isolate* isolate = info.GetIsolate();
  if (engine == nullptr) return info.GetReturnValue().Set(0);
  std::string_view bytes = ViewBytes(info[0]);
  if (bytes.empty()) return info.GetReturnValue().Set(0);
  ERR_clear_error();
  size_t written = 0;
  while (written < bytes.size()) {
    int n =
        SSL_write(engine->ssl, bytes.data() + written, static_cast<int>(bytes.size() - written));
    if (n <= 0) {
      bool eof = false;
      unsigned long err = FailureOf(engine, n, &eof);
      if (err != 0 || eof) {
        return info.GetReturnValue().Set(OpenSSLError(isolate, err, "write after close"));
      }
      break;
    }
    written += n;
  }
  info.GetReturnValue().Set(static_cast<double>(written));
}

// shutdown(): queues close_notify.
void EngineShutdown(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  ERR_clear_error();
  if (SSL_is_init_finished(engine->ssl)) SSL_shutdown(engine->ssl);
  ERR_clear_error();
}

void EngineFree(const FunctionCallbackInfo<Value>& info) {
  auto* engine = Unwrap<Engine>(info);
  if (engine != nullptr) engine->Free();
}

void EngineSetServername(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  std::string name = ToStdString(info.GetIsolate(), info[0]);
  SSL_set_tlsext_host_name(engine->ssl, name.c_str());
}

void EngineGetServername(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return info.GetReturnValue().Set(false);
  if (engine->is_server) {
    if (engine->servername.empty()) return info.GetReturnValue().Set(false);
    return info.GetReturnValue().Set(ToV8(info.GetIsolate(), engine->servername));
  }
  const char* name = SSL_get_servername(engine->ssl, TLSEXT_NAMETYPE_host_name);
  if (name == nullptr) return info.GetReturnValue().Set(false);
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), name));
}

// setALPNProtocols(wireBytes): offered (client) or accepted (server).
void EngineSetALPN(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  std::string_view bytes = ViewBytes(info[0]);
  if (engine->is_server) {
    engine->server_alpn.assign(bytes);
  } else {
    SSL_set_alpn_protos(engine->ssl, reinterpret_cast<const unsigned char*>(bytes.data()),
                        static_cast<unsigned int>(bytes.size()));
  }
}

void EngineGetALPN(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return info.GetReturnValue().Set(false);
  const unsigned char* data = nullptr;
  unsigned int size = 0;
  SSL_get0_alpn_selected(engine->ssl, &data, &size);
  if (size == 0) return info.GetReturnValue().Set(false);
  info.GetReturnValue().Set(
      ToV8(info.GetIsolate(), std::string_view(reinterpret_cast<const char*>(data), size)));
}

// setVerify(requestCert, rejectUnauthorized): servers ask for (or require) a
// client certificate.
void EngineSetVerify(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  bool request = info[0]->BooleanValue(info.GetIsolate());
  bool require = info[1]->BooleanValue(info.GetIsolate());
  int mode = SSL_VERIFY_NONE;
  if (request) mode = SSL_VERIFY_PEER | (require ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0);
  SSL_set_verify(engine->ssl, mode, request ? AcceptAnyCertificate : nullptr);
}

// pauseOnHello(): the next ClientHello stops the handshake (SNICallback).
void EnginePauseOnHello(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine != nullptr) engine->pause_on_hello = true;
}

// setContext(secureContext): switch certificates (after SNICallback).
void EngineSetContext(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  Local<v8::Context> v8ctx = info.GetIsolate()->GetCurrentContext();
  auto* context = static_cast<Context*>(
      info[0]->ToObject(v8ctx).ToLocalChecked()->GetAlignedPointerFromInternalField(0));
  SSL_set_SSL_CTX(engine->ssl, context->ctx);
  // SSL_set_SSL_CTX keeps the original trust store for verification; take
  // the new context's verify settings too.
  SSL_set_verify(engine->ssl, SSL_get_verify_mode(engine->ssl),
                 SSL_get_verify_callback(engine->ssl));
}

// verifyError() -> undefined | [code, message]
void EngineVerifyError(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  v8::Isolate* isolate = info.GetIsolate();
  if (engine == nullptr) return;
  X509* peer = SSL_get1_peer_certificate(engine->ssl);
  long result = X509_V_OK;
  if (peer == nullptr) {
    result = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
  } else {
    X509_free(peer);
    result = SSL_get_verify_result(engine->ssl);
  }
  if (result == X509_V_OK) return;
  std::vector<std::string> out = {VerifyErrorName(result), X509_verify_cert_error_string(result)};
  info.GetReturnValue().Set(ToV8Array(isolate, out));
}

// getPeerCertificate(detailed) -> object | undefined; with detailed, each
// object links to its issuer (issuerCertificate), a self-signed root to
// itself.
void EngineGetPeerCertificate(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  v8::Isolate* isolate = info.GetIsolate();
  if (engine == nullptr) return;
  // As Node: a client reads the chain the server sent, so a resumed
  // session (no certificate exchanged) has none.
  X509* peer = nullptr;
  if (engine->is_server) {
    peer = SSL_get1_peer_certificate(engine->ssl);
  } else if (STACK_OF(X509)* sent = SSL_get_peer_cert_chain(engine->ssl);
             sent != nullptr && sk_X509_num(sent) > 0) {
    peer = sk_X509_value(sent, 0);
    X509_up_ref(peer);
  }
  if (peer == nullptr) return;
  Local<v8::Object> first = CertToObject(isolate, peer);
  if (info[0]->BooleanValue(isolate)) {
    // The chain: what the peer sent, then issuers from our trust store.
    std::vector<X509*> chain = {peer};
    STACK_OF(X509)* sent = SSL_get_peer_cert_chain(engine->ssl);
    X509_STORE* store = SSL_CTX_get_cert_store(SSL_get_SSL_CTX(engine->ssl));
    Local<v8::Object> current = first;
    X509* cert = peer;
    for (int depth = 0; depth < 10; depth++) {
      if (X509_check_issued(cert, cert) == X509_V_OK) {
        SetValueOn(isolate, current, "issuerCertificate", current);
        break;
      }
      X509* issuer = nullptr;
      for (int i = 0; sent != nullptr && i < sk_X509_num(sent); i++) {
        X509* candidate = sk_X509_value(sent, i);
        if (candidate != cert && X509_check_issued(candidate, cert) == X509_V_OK) {
          issuer = candidate;
          break;
        }
      }
      if (issuer == nullptr && store != nullptr) {
        STACK_OF(X509)* objects = X509_STORE_get1_all_certs(store);
        for (int i = 0; objects != nullptr && i < sk_X509_num(objects); i++) {
          X509* candidate = sk_X509_value(objects, i);
          if (X509_check_issued(candidate, cert) == X509_V_OK) {
            issuer = candidate;
            X509_up_ref(issuer);
            chain.push_back(issuer);
            break;
          }
        }
        sk_X509_pop_free(objects, X509_free);
      }
      if (issuer == nullptr) break;
      Local<v8::Object> next = CertToObject(isolate, issuer);
      SetValueOn(isolate, current, "issuerCertificate", next);
      current = next;
      cert = issuer;
    }
    for (size_t i = 1; i < chain.size(); i++) X509_free(chain[i]);
  }
  X509_free(peer);
  ERR_clear_error();
  info.GetReturnValue().Set(first);
}

void EngineGetCertificate(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  X509* cert = SSL_get_certificate(engine->ssl);
  if (cert == nullptr) return;
  info.GetReturnValue().Set(CertToObject(info.GetIsolate(), cert));
}

void EngineGetProtocol(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return info.GetReturnValue().SetNull();
  info.GetReturnValue().Set(ToV8(info.GetIsolate(), SSL_get_version(engine->ssl)));
}

// getCipher() -> [name, standardName, version] | undefined
void EngineGetCipher(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  const SSL_CIPHER* cipher = SSL_get_current_cipher(engine->ssl);
  if (cipher == nullptr) return;
  const char* standard = SSL_CIPHER_standard_name(cipher);
  std::vector<std::string> out = {SSL_CIPHER_get_name(cipher), standard ? standard : "",
                                  SSL_CIPHER_get_version(cipher)};
  info.GetReturnValue().Set(ToV8Array(info.GetIsolate(), out));
}

void EngineGetSession(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  SSL_SESSION* session = SSL_get_session(engine->ssl);
  if (session == nullptr) return;
  int size = i2d_SSL_SESSION(session, nullptr);
  if (size <= 0) return;
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(info.GetIsolate(), size);
  auto* p = static_cast<unsigned char*>(buffer->Data());
  i2d_SSL_SESSION(session, &p);
  info.GetReturnValue().Set(buffer);
}

void EngineSetSession(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr) return;
  std::string_view bytes = ViewBytes(info[0]);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  SSL_SESSION* session = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(bytes.size()));
  if (session == nullptr) {
    ERR_clear_error();
    return info.GetReturnValue().Set(false);
  }
  SSL_set_session(engine->ssl, session);
  SSL_SESSION_free(session);
  info.GetReturnValue().Set(true);
}

// takeSession() -> ArrayBuffer | undefined: the oldest session not yet taken.
void EngineTakeSession(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  if (engine == nullptr || engine->new_sessions.empty()) return;
  std::string bytes = std::move(engine->new_sessions.front());
  engine->new_sessions.erase(engine->new_sessions.begin());
  info.GetReturnValue().Set(NewArrayBuffer(info.GetIsolate(), bytes.data(), bytes.size()));
}

void EngineIsSessionReused(const FunctionCallbackInfo<Value>& info) {
  Engine* engine = UnwrapEngine(info);
  info.GetReturnValue().Set(engine != nullptr && SSL_session_reused(engine->ssl) == 1);
}

// getCiphers() -> lower-case names of the ciphers the default build offers.
void GetCiphers(const FunctionCallbackInfo<Value>& info) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  // Every TLS 1.3 suite, as Node lists them.
  SSL_CTX_set_ciphersuites(
      ctx,
      "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
      "TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_8_SHA256:TLS_AES_128_CCM_SHA256");
  SSL* ssl = SSL_new(ctx);
  STACK_OF(SSL_CIPHER)* ciphers = SSL_get_ciphers(ssl);
  std::vector<std::string> names;
  for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); i++) {
    names.emplace_back(SSL_CIPHER_get_name(sk_SSL_CIPHER_value(ciphers, i)));
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  info.GetReturnValue().Set(ToV8Array(info.GetIsolate(), names));
}

constexpr Method kContextMethods[] = {
    {"setProtocols", ContextSetProtocols},
    {"setKey", ContextSetKey},
    {"setCert", ContextSetCert},
    {"checkKey", ContextCheckKey},
    {"addCACert", ContextAddCACert},
    {"addRootCerts", ContextAddRootCerts},
    {"setCiphers", ContextSetCiphers},
    {"setGroups", ContextSetGroups},
    {"setSessionIdContext", ContextSetSessionIdContext},
    {"setOptions", ContextSetOptions},
};

constexpr Method kEngineMethods[] = {
    {"receive", EngineReceive},
    {"pending", EnginePending},
    {"handshake", EngineHandshake},
    {"read", EngineRead},
    {"write", EngineWrite},
    {"shutdown", EngineShutdown},
    {"free", EngineFree},
    {"setServername", EngineSetServername},
    {"getServername", EngineGetServername},
    {"setALPNProtocols", EngineSetALPN},
    {"getALPNProtocol", EngineGetALPN},
    {"setVerify", EngineSetVerify},
    {"pauseOnHello", EnginePauseOnHello},
    {"setContext", EngineSetContext},
    {"verifyError", EngineVerifyError},
    {"getPeerCertificate", EngineGetPeerCertificate},
    {"getCertificate", EngineGetCertificate},
    {"getProtocol", EngineGetProtocol},
    {"getCipher", EngineGetCipher},
    {"getSession", EngineGetSession},
    {"setSession", EngineSetSession},
    {"isSessionReused", EngineIsSessionReused},
    {"takeSession", EngineTakeSession},
};

constexpr Method kMethods[] = {{"getCiphers", GetCiphers}};

}  // namespace

void RegisterExternalReferences(ExternalReferences& refs) {
  refs.Add(kMethods);
  refs.Add(ContextNew);
  refs.Add(kContextMethods);
  refs.Add(EngineNew);
  refs.Add(kEngineMethods);
}

void Initialize(Env& env, v8::Local<v8::Object> target) {
  SetMethods(env, target, kMethods);
  SetClass(env, target, "SecureContext", ContextNew, kContextMethods);
  SetClass(env, target, "Engine", EngineNew, kEngineMethods);
  SetConstant(env, target, "TLS1_VERSION", TLS1_VERSION);
  SetConstant(env, target, "TLS1_1_VERSION", TLS1_1_VERSION);
  SetConstant(env, target, "TLS1_2_VERSION", TLS1_2_VERSION);
  SetConstant(env, target, "TLS1_3_VERSION", TLS1_3_VERSION);
}

}  // namespace nodus::bindings::tls_wrap
