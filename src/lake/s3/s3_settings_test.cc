#include "lake/s3/s3_settings.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace cinelake::s3 {
namespace {

class S3SettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    home_ = std::filesystem::temp_directory_path() / ("cinelake_s3_settings_" + std::to_string(::getpid()));
    std::filesystem::create_directories(home_ / ".aws");
    env_["HOME"] = home_.string();
  }
  void TearDown() override { std::filesystem::remove_all(home_); }
  void WriteFile(const std::string& name, const std::string& text) {
    std::ofstream(home_ / ".aws" / name) << text;
  }
  Result<S3Settings> Resolve() {
    return ResolveS3Settings([this](const char* name) -> const char* {
      auto it = env_.find(name);
      return it == env_.end() ? nullptr : it->second.c_str();
    });
  }
  // Resolves, expecting success and these fields; returns the settings.
  S3Settings ExpectResolved(const std::string& key_id, const std::string& region, const std::string& endpoint,
                            bool path_style) {
    auto s = Resolve();
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return {};
    EXPECT_EQ(s->credentials.access_key_id, key_id);
    EXPECT_EQ(s->region, region);
    EXPECT_EQ(s->endpoint, endpoint);
    EXPECT_EQ(s->path_style, path_style);
    return *s;
  }
  std::filesystem::path home_;
  std::map<std::string, std::string> env_;
};

TEST_F(S3SettingsTest, EnvironmentKeysWinAndACustomEndpointIsPathStyle) {
  env_["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  env_["AWS_SECRET_ACCESS_KEY"] = "secret-env";
  env_["AWS_SESSION_TOKEN"] = "token-env";
  env_["AWS_DEFAULT_REGION"] = "eu-west-3";
  env_["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000/";
  env_["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:9001/";
  WriteFile("credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = secret-file\n");
  S3Settings s = ExpectResolved("AKIDENV", "eu-west-3", "http://127.0.0.1:9001", true);
  EXPECT_EQ(s.credentials.session_token, "token-env");
}

TEST_F(S3SettingsTest, ProfileFromTheSharedFilesWithItsRegion) {
  env_["AWS_PROFILE"] = "lake";
  WriteFile("credentials",
            "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n"
            "# comment\n[lake]\naws_access_key_id = AKIDLAKE\naws_secret_access_key = s2\n");
  WriteFile("config", "[default]\nregion = us-west-2\n[profile lake]\nregion = ap-south-1\n");
  S3Settings s = ExpectResolved("AKIDLAKE", "ap-south-1", "https://s3.ap-south-1.amazonaws.com", false);
  EXPECT_EQ(s.credentials.secret_access_key, "s2");
  env_["AWS_REGION"] = "ca-central-1";
  EXPECT_EQ(Resolve()->region, "ca-central-1") << "AWS_REGION overrides the profile";
}

TEST_F(S3SettingsTest, MissingCredentialsNameWhereTheyWereLookedForButNoSecret) {
  env_["AWS_PROFILE"] = "absent";
  auto s = Resolve();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("profile 'absent'"), std::string::npos) << s.status().ToString();
  env_["AWS_ACCESS_KEY_ID"] = "AKIDONLY";
  s = Resolve();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("AWS_SECRET_ACCESS_KEY is not"), std::string::npos);
  WriteFile("config", "[profile absent\n");
  env_.erase("AWS_ACCESS_KEY_ID");
  s = Resolve();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("config:1"), std::string::npos) << s.status().ToString();
}

TEST_F(S3SettingsTest, AnEndpointMustBeHttpAndLosesItsTrailingSlashes) {
  env_["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  env_["AWS_SECRET_ACCESS_KEY"] = "secret-env";
  env_["AWS_ENDPOINT_URL_S3"] = "127.0.0.1:9000";
  auto s = Resolve();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "S3 endpoint '127.0.0.1:9000' must start with http:// or https://");
  EXPECT_EQ(*CheckedEndpoint("https://minio.local:9000///", "S3"), "https://minio.local:9000");
  EXPECT_FALSE(CheckedEndpoint("///", "Glue").ok());
}

TEST(S3UrlTest, ParsesBucketAndPrefixAndRefusesBadNames) {
  auto u = ParseS3Url("s3://my-lake/daily/cinelake/");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->bucket, "my-lake");
  EXPECT_EQ(u->prefix, "daily/cinelake");
  EXPECT_EQ(u->ToString(), "s3://my-lake/daily/cinelake");
  EXPECT_EQ(ParseS3Url("s3://bucket")->prefix, "");
  EXPECT_FALSE(ParseS3Url("s3://Bad_Bucket/x").ok());
  EXPECT_FALSE(ParseS3Url("s3://ab").ok());
  EXPECT_FALSE(ParseS3Url("s3://bucket//x").ok());
  EXPECT_FALSE(IsS3Url("/tmp/lake"));
}

}  // namespace
}  // namespace cinelake::s3
