#include "common/log.h"

#include <gtest/gtest.h>

namespace cinelake {
namespace {

TEST(CommonLog, EscapeForLogKeepsOutsideTextOnOneLine) {
  EXPECT_EQ(EscapeForLog("tt1\n2026-01-01 error forged"), "tt1\\n2026-01-01 error forged");
  static const char kControl[] = "a\0b\r\t\x1b[31m\x7f";
  EXPECT_EQ(EscapeForLog(std::string_view(kControl, sizeof kControl - 1)), "a\\x00b\\r\\t\\x1b[31m\\x7f");
  EXPECT_EQ(EscapeForLog("back\\slash"), "back\\\\slash");
  EXPECT_EQ(EscapeForLog("caf\xc3\xa9 <script>"), "caf\xc3\xa9 <script>");  // UTF-8 and markup stay
  EXPECT_EQ(EscapeForLog("abcdefgh", 4), "abcd...");
}

TEST(CommonLog, SanitizeRedactsThenEscapes) {
  RegisterSecret("log-test-secret-42");
  EXPECT_EQ(Sanitize("k=log-test-secret-42\n"), "k=***\\n");
}

}  // namespace
}  // namespace cinelake
