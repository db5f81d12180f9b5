// Digests and encodings S3 requests need, all computed by OpenSSL.
//
// Pure functions, thread-safe. Hex output is lowercase, as SigV4 wants it.
#pragma once

#include <string>
#include <string_view>

namespace cinelake::s3 {

// Raw 32-byte SHA-256, and its lowercase hex.
std::string Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);
// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string HmacSha256(std::string_view key, std::string_view data);
std::string HexEncode(std::string_view bytes);
// Base64 of the raw MD5, the form of the Content-MD5 header.
std::string Md5Base64(std::string_view data);
std::string Base64(std::string_view bytes);

}  // namespace cinelake::s3
