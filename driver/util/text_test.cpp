#include "driver/util/text.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(UniversalNewlines, CrLfAndLoneCrBecomeLf) {
  EXPECT_EQ(universal_newlines("a\r\nb\rc\n\r\r\nd\r"), "a\nb\nc\n\n\nd\n");
  EXPECT_EQ(universal_newlines(""), "");
}

TEST(JoinLines, NoFinalNewline) {
  EXPECT_EQ(join_lines({"a", "", "b"}), "a\n\nb");
  EXPECT_EQ(join_lines({}), "");
}

TEST(StripWhitespace, BothEndsOnly) {
  EXPECT_EQ(strip_whitespace(" \t\n a b \r\f\v"), "a b");
  EXPECT_EQ(strip_whitespace(" \n "), "");
  EXPECT_EQ(strip_whitespace("x"), "x");
}

}  // namespace
}  // namespace bx
