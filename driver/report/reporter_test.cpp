#include "driver/report/reporter.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(FormatElapsed, UsesSecondsMinutesOrHours) {
  EXPECT_EQ(format_elapsed(0.016), "0.02 seconds");
  EXPECT_EQ(format_elapsed(299.994), "299.99 seconds");
  EXPECT_EQ(format_elapsed(301), "5 minutes, 1 seconds");
  EXPECT_EQ(format_elapsed(3725), "1 hours, 2 minutes");
}

TEST(IndentSnippet, IndentsOnlyNonEmptyLines) {
  EXPECT_EQ(indent_snippet("a\n\n  b"), "    a\n\n      b\n");
}

}  // namespace
}  // namespace bx
