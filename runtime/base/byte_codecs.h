#pragma once

// Buffer's byte codecs that are ours (internalBinding('buffer') calls them;
// UTF-8 and UTF-16 string transcoding is V8's): base64 and base64url, hex,
// ASCII, and UTF-16LE code units. No V8; tests/fuzz/fuzz_buffer_codecs.cc
// fuzzes them. Decoders take one-byte (Latin-1) or two-byte (UTF-16)
// characters, as V8 strings come in either width.

#include <cstddef>
#include <cstdint>

namespace nodus::base::codec {

// Decodes base64 or base64url (either alphabet, mixed) into at most
// `capacity` bytes, as Node does: characters outside the alphabet are
// skipped, '=' ends the data, a two-byte character is looked up by its low
// byte. Returns the bytes written; never more than
// Base64DecodedCapacity(src, length).
size_t DecodeBase64(uint8_t* out, size_t capacity, const uint8_t* src, size_t length);
size_t DecodeBase64(uint8_t* out, size_t capacity, const uint16_t* src, size_t length);

// What Buffer.byteLength(s, 'base64') reserves for `length` characters whose
// last ones (up to two) may be '=' padding: (length - padding) * 3 / 4.
size_t Base64DecodedCapacity(const uint8_t* src, size_t length);
size_t Base64DecodedCapacity(const uint16_t* src, size_t length);

// Encodes `length` bytes; base64 is padded with '=', base64url is not.
// `out` needs Base64EncodedLength(length, url) bytes; returns the same.
size_t EncodeBase64(char* out, const uint8_t* src, size_t length, bool url);
size_t Base64EncodedLength(size_t length, bool url);

// Decodes pairs of hex digits (either case) into at most `capacity` bytes;
// stops at the first pair that is not two digits, and ignores an odd last
// character. Returns the bytes written.
size_t DecodeHex(uint8_t* out, size_t capacity, const uint8_t* src, size_t length);
size_t DecodeHex(uint8_t* out, size_t capacity, const uint16_t* src, size_t length);

// Two lower-case hex digits per byte: `out` needs 2 * length bytes.
void EncodeHex(char* out, const uint8_t* src, size_t length);

// 'ascii' decoding: each byte with its high bit cleared. `out` may be `src`.
void StripHighBits(uint8_t* out, const uint8_t* src, size_t length);

// UTF-16LE bytes <-> code units, whatever the host's byte order and with no
// alignment needed: `units` units from or into 2 * units bytes.
void Utf16leToUnits(uint16_t* out, const uint8_t* src, size_t units);
void UnitsToUtf16le(uint8_t* out, const uint16_t* src, size_t units);

}  // namespace nodus::base::codec
