#include "lake/s3/glue_client.h"

#include <gtest/gtest.h>

#include <map>

namespace cinelake::s3 {
namespace {

Result<GlueSettings> Resolve(const std::map<std::string, std::string>& env) {
  return ResolveGlueSettings([&env](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

const std::map<std::string, std::string> kKeys = {{"AWS_ACCESS_KEY_ID", "AKIDGLUE"},
                                                  {"AWS_SECRET_ACCESS_KEY", "secret-glue"},
                                                  {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"},
                                                  {"AWS_CONFIG_FILE", "/dev/null"}};

TEST(GlueSettingsTest, TheRegionalEndpointByDefault) {
  auto env = kKeys;
  env["AWS_REGION"] = "eu-west-1";
  auto s = Resolve(env);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->endpoint, "https://glue.eu-west-1.amazonaws.com");
  EXPECT_EQ(s->region, "eu-west-1");
  EXPECT_EQ(s->credentials.access_key_id, "AKIDGLUE");
}

TEST(GlueSettingsTest, TheGlueEndpointVariableWinsOverTheGeneralOneAndS3sIsIgnored) {
  auto env = kKeys;
  env["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:9001";
  env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000/";
  EXPECT_EQ(Resolve(env)->endpoint, "http://127.0.0.1:5000");
  env["AWS_ENDPOINT_URL_GLUE"] = "http://127.0.0.1:5001";
  EXPECT_EQ(Resolve(env)->endpoint, "http://127.0.0.1:5001");
}

TEST(GlueSettingsTest, AnEndpointWithoutSchemeIsNamed) {
  auto env = kKeys;
  env["AWS_ENDPOINT_URL_GLUE"] = "glue.local:5000";
  auto s = Resolve(env);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("glue.local:5000"), std::string::npos);
  EXPECT_EQ(s.status().message().find("secret-glue"), std::string::npos);
}

TEST(GlueClientTest, NoServerIsANetworkErrorNamingTheActionAndEndpoint) {
  GlueSettings settings{{"AKID", "secret", ""}, "us-east-1", "http://127.0.0.1:1"};
  GlueClient glue(settings);
  auto r = glue.Call("GetDatabase", {{"Name", "x"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNetwork);
  EXPECT_NE(r.status().message().find("GetDatabase"), std::string::npos);
  EXPECT_NE(r.status().message().find("127.0.0.1:1"), std::string::npos);
  EXPECT_EQ(r.status().message().find("secret"), std::string::npos);
}

}  // namespace
}  // namespace cinelake::s3
