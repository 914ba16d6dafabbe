#include "base/byte_codecs.h"

#include <bit>
#include <cstring>

namespace nodus::base::codec {

namespace {

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kBase64UrlAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kHexDigits[] = "0123456789abcdef";

// Both alphabets decode with one table (as Node does): 255 marks a character
// that is skipped, '=' ends the data.
struct DecodeTables {
  uint8_t base64[256];
  int8_t hex[256];
  uint16_t hex_pairs[256];  // byte -> two ASCII hex digits (little-endian)
  constexpr DecodeTables() : base64(), hex(), hex_pairs() {
    for (int i = 0; i < 256; i++) {
      base64[i] = 255;
      hex[i] = -1;
    }
    for (int i = 0; i < 64; i++) {
      base64[static_cast<uint8_t>(kBase64Alphabet[i])] = static_cast<uint8_t>(i);
      base64[static_cast<uint8_t>(kBase64UrlAlphabet[i])] = static_cast<uint8_t>(i);
    }
    for (int i = 0; i < 10; i++) hex['0' + i] = static_cast<int8_t>(i);
    for (int i = 0; i < 6; i++) {
      hex['a' + i] = static_cast<int8_t>(10 + i);
      hex['A' + i] = static_cast<int8_t>(10 + i);
    }
    for (int i = 0; i < 256; i++) {
      hex_pairs[i] = static_cast<uint16_t>(kHexDigits[i >> 4] | (kHexDigits[i & 15] << 8));
    }
  }
};
constexpr DecodeTables kTables;

// Two-byte characters are looked up by their low byte, as Node does.
template <typename Char>
inline uint8_t Base64Value(Char c) {
  return kTables.base64[static_cast<uint8_t>(c)];
}

struct ShiftedTables {
  uint32_t t[4][256];
  constexpr ShiftedTables() : t() {
    for (int c = 0; c < 256; c++) {
      uint8_t v = kTables.base64[c];
      for (int pos = 0; pos < 4; pos++) {
        t[pos][c] = v == 255 ? 0x80000000u : uint32_t{v} << (6 * (3 - pos));
      }
    }
  }
};
constexpr ShiftedTables kShifted;

// The 24 bits of four alphabet characters, or a word with the error bit set.
template <typename Char>
inline uint32_t Sextets(const Char* p) {
  return kShifted.t[0][static_cast<uint8_t>(p[0])] | kShifted.t[1][static_cast<uint8_t>(p[1])] |
         kShifted.t[2][static_cast<uint8_t>(p[2])] | kShifted.t[3][static_cast<uint8_t>(p[3])];
}

template <typename Char>
size_t DecodeBase64Impl(uint8_t* out, size_t capacity, const Char* src, size_t length) {
  size_t i = 0;
  size_t k = 0;
  // Fast path: whole groups of four alphabet characters, through tables
  // that place each character's six bits (or an error bit) in a word.
  while (i + 4 <= length && k + 4 <= capacity) {
    uint32_t n = Sextets(src + i);
    if (n & 0x80000000u) break;
    uint32_t be = __builtin_bswap32(n << 8);
    std::memcpy(out + k, &be, 4);  // writes one spare byte, overwritten next
    i += 4;
    k += 3;
  }
  while (i + 4 <= length && k + 3 <= capacity) {
    uint32_t n = Sextets(src + i);
    if (n & 0x80000000u) break;
    out[k] = static_cast<uint8_t>(n >> 16);
    out[k + 1] = static_cast<uint8_t>(n >> 8);
    out[k + 2] = static_cast<uint8_t>(n);
    i += 4;
    k += 3;
  }
  // Slow path: skip characters outside the alphabet.
  uint32_t acc = 0;
  int have = 0;
  for (; i < length && k < capacity; i++) {
    auto ch = static_cast<uint8_t>(src[i]);
    uint8_t v = Base64Value(ch);
    if (v == 255) {
      if (ch == '=') break;
      continue;
    }
    acc = (acc << 6) | v;
    have++;
    if (have == 2) {
      out[k++] = static_cast<uint8_t>(acc >> 4);
      acc &= 0xF;
    } else if (have == 3) {
      out[k++] = static_cast<uint8_t>(acc >> 2);
      acc &= 0x3;
    } else if (have == 4) {
      out[k++] = static_cast<uint8_t>(acc);
      acc = 0;
      have = 0;
    }
  }
  return k;
}

template <typename Char>
size_t Base64CapacityImpl(const Char* src, size_t length) {
  if (length > 0 && src[length - 1] == '=') length--;
  if (length > 1 && src[length - 1] == '=') length--;
  return length / 4 * 3 + (length % 4) * 3 / 4;
}

template <typename Char>
size_t DecodeHexImpl(uint8_t* out, size_t capacity, const Char* src, size_t length) {
  size_t pairs = length / 2;
  if (pairs > capacity) pairs = capacity;
  for (size_t i = 0; i < pairs; i++) {
    Char hi_c = src[2 * i];
    Char lo_c = src[2 * i + 1];
    int hi = kTables.hex[static_cast<uint8_t>(hi_c)];
    int lo = kTables.hex[static_cast<uint8_t>(lo_c)];
    if ((hi | lo) < 0) return i;
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return pairs;
}

// 12 bits -> two alphabet characters, for each alphabet.
struct PairTables {
  uint16_t standard[4096];
  uint16_t url[4096];
  constexpr PairTables() : standard(), url() {
    for (int i = 0; i < 4096; i++) {
      standard[i] = static_cast<uint16_t>(static_cast<uint8_t>(kBase64Alphabet[i >> 6]) |
                                          (static_cast<uint8_t>(kBase64Alphabet[i & 63]) << 8));
      url[i] = static_cast<uint16_t>(static_cast<uint8_t>(kBase64UrlAlphabet[i >> 6]) |
                                     (static_cast<uint8_t>(kBase64UrlAlphabet[i & 63]) << 8));
    }
  }
};
constexpr PairTables kPairs;

}  // namespace

size_t DecodeBase64(uint8_t* out, size_t capacity, const uint8_t* src, size_t length) {
  return DecodeBase64Impl(out, capacity, src, length);
}

size_t DecodeBase64(uint8_t* out, size_t capacity, const uint16_t* src, size_t length) {
  return DecodeBase64Impl(out, capacity, src, length);
}

size_t Base64DecodedCapacity(const uint8_t* src, size_t length) {
  return Base64CapacityImpl(src, length);
}

size_t Base64DecodedCapacity(const uint16_t* src, size_t length) {
  return Base64CapacityImpl(src, length);
}

size_t Base64EncodedLength(size_t length, bool url) {
  return url ? length / 3 * 4 + (length % 3 == 0 ? 0 : length % 3 + 1) : (length + 2) / 3 * 4;
}

size_t EncodeBase64(char* out, const uint8_t* src, size_t length, bool url) {
  const char* table = url ? kBase64UrlAlphabet : kBase64Alphabet;
  const uint16_t* pairs = url ? kPairs.url : kPairs.standard;
  size_t i = 0;
  size_t k = 0;
  for (; i + 3 <= length; i += 3) {
    uint32_t n = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8) | src[i + 2];
    std::memcpy(out + k, &pairs[n >> 12], 2);
    std::memcpy(out + k + 2, &pairs[n & 0xFFF], 2);
    k += 4;
  }
  size_t rest = length - i;
  if (rest > 0) {
    uint32_t n = uint32_t{src[i]} << 16;
    if (rest == 2) n |= uint32_t{src[i + 1]} << 8;
    out[k++] = table[n >> 18];
    out[k++] = table[(n >> 12) & 63];
    if (rest == 2) {
      out[k++] = table[(n >> 6) & 63];
    } else if (!url) {
      out[k++] = '=';
    }
    if (!url) out[k++] = '=';
  }
  return k;
}

size_t DecodeHex(uint8_t* out, size_t capacity, const uint8_t* src, size_t length) {
  return DecodeHexImpl(out, capacity, src, length);
}

size_t DecodeHex(uint8_t* out, size_t capacity, const uint16_t* src, size_t length) {
  return DecodeHexImpl(out, capacity, src, length);
}

void EncodeHex(char* out, const uint8_t* src, size_t length) {
  for (size_t i = 0; i < length; i++) std::memcpy(out + 2 * i, &kTables.hex_pairs[src[i]], 2);
}

void StripHighBits(uint8_t* out, const uint8_t* src, size_t length) {
  for (size_t i = 0; i < length; i++) out[i] = src[i] & 0x7f;
}

void Utf16leToUnits(uint16_t* out, const uint8_t* src, size_t units) {
  if constexpr (std::endian::native == std::endian::little) {
    if (units > 0) std::memcpy(out, src, units * 2);
    return;
  }
  for (size_t i = 0; i < units; i++) {
    out[i] = static_cast<uint16_t>(src[2 * i] | (src[2 * i + 1] << 8));
  }
}

void UnitsToUtf16le(uint8_t* out, const uint16_t* src, size_t units) {
  if constexpr (std::endian::native == std::endian::little) {
    if (units > 0) std::memcpy(out, src, units * 2);
    return;
  }
  for (size_t i = 0; i < units; i++) {
    out[2 * i] = static_cast<uint8_t>(src[i]);
    out[2 * i + 1] = static_cast<uint8_t>(src[i] >> 8);
  }
}

}  // namespace nodus::base::codec
