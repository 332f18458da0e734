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

}  // namespace
}  // namespace bx
