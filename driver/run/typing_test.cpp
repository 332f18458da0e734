#include "driver/run/typing.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(Typing, WidenNewlines) {
  EXPECT_EQ(widen_newlines("ab\ncd"), "ab(?:\\r\\n|\\n|\\r)cd");
  EXPECT_EQ(widen_newlines("ab\\\ncd"), "ab(?:\\r\\n|\\n|\\r)cd");
  EXPECT_EQ(widen_newlines("ab\\ncd"), "ab(?:\\r\\n|\\n|\\r)cd");
  EXPECT_EQ(widen_newlines("ab\\\\ncd\\:"), "ab\\\\ncd\\:");
}

TEST(Typing, WidenedPrefixMatchesCrlf) {
  Regex prefix(widen_newlines(regex_escape("first\nname: ")), k_regex_expected);
  EXPECT_TRUE(prefix.search("first\r\nname: ").has_value());
}

TEST(Typing, Abbreviate) {
  EXPECT_EQ(abbreviate("12345678901234"), "12345678901234");
  EXPECT_EQ(abbreviate("123456789012345"), "123456..012345");
  EXPECT_EQ(abbreviate("ééééééxxxxxxxxxx"), "éééééé..xxxxxx");
}

TEST(Typing, UntypedWarning) {
  std::vector<TypedInput> inputs = {{"a: ", "a: ", "john"}, {"b: ", "b: ", "a very long answer"}};
  InputQueue queue(inputs);
  EXPECT_EQ(queue.untyped_warning(), "Some inputs were not typed: [john] and 1 more.");
  queue.pop();
  EXPECT_EQ(queue.untyped_warning(), "The last input was not typed: [a very..answer].");
  queue.pop();
  EXPECT_EQ(queue.untyped_warning(), "");
}

}  // namespace
}  // namespace bx
