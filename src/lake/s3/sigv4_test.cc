#include "lake/s3/sigv4.h"

#include <gtest/gtest.h>

#include "lake/s3/digest.h"

namespace cinelake::s3 {
namespace {

// The example keys and requests of AWS's SigV4 documentation for S3; the
// expected signatures were cross-checked with botocore's signer.
const Credentials kExampleKeys{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""};
const char* kEmptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(SigV4Test, SignsAGetWithARangeHeaderAsAwsDoes) {
  CanonicalRequest r;
  r.method = "GET";
  r.path = "/test.txt";
  r.headers = {{"host", "examplebucket.s3.amazonaws.com"},
               {"range", "bytes=0-9"},
               {"x-amz-content-sha256", kEmptySha},
               {"x-amz-date", "20130524T000000Z"}};
  r.payload_sha256_hex = kEmptySha;
  EXPECT_EQ(AuthorizationHeader(r, kExampleKeys, "us-east-1", "s3", "20130524T000000Z"),
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4Test, SignsAListingWithItsQuerySorted) {
  CanonicalRequest r;
  r.method = "GET";
  r.path = "/";
  r.query = {{"prefix", "J"}, {"max-keys", "2"}};
  r.headers = {{"host", "examplebucket.s3.amazonaws.com"},
               {"x-amz-content-sha256", kEmptySha},
               {"x-amz-date", "20130524T000000Z"}};
  r.payload_sha256_hex = kEmptySha;
  EXPECT_EQ(CanonicalQuery(r.query), "max-keys=2&prefix=J");
  EXPECT_EQ(AuthorizationHeader(r, kExampleKeys, "us-east-1", "s3", "20130524T000000Z"),
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
            "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

TEST(SigV4Test, EncodesKeysAndQueryValuesByteForByte) {
  EXPECT_EQ(UriEncode("gold/dim a/loadDate=2026-10-01/é", true), "gold/dim%20a/loadDate%3D2026-10-01/%C3%A9");
  EXPECT_EQ(UriEncode("a/b+c~", false), "a%2Fb%2Bc~");
  EXPECT_EQ(CanonicalQuery({{"uploads", ""}, {"continuation-token", "1/x=="}}),
            "continuation-token=1%2Fx%3D%3D&uploads=");
}

TEST(DigestTest, Md5AndShaMatchKnownValues) {
  EXPECT_EQ(Sha256Hex(""), kEmptySha);
  EXPECT_EQ(Md5Base64(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
  EXPECT_EQ(Md5Base64("The quick brown fox jumps over the lazy dog"), "nhB9nTcrtoJr2B01QqQZ1g==");
  EXPECT_EQ(Base64("ab"), "YWI=");
}

}  // namespace
}  // namespace cinelake::s3
