#include "driver/match/matcher.hpp"

#include <gtest/gtest.h>

#include <string>

#include "driver/parse/expected.hpp"

namespace bx {
namespace {

ExpectedSettings settings_with(bool norm_ws, bool ignore_first_empty_lines = true) {
  ExpectedSettings settings;
  settings.norm_ws = norm_ws;
  settings.ignore_first_empty_lines = ignore_first_empty_lines;
  return settings;
}

bool passes(const std::string& expected, const std::string& got, bool norm_ws = false) {
  return check_got(compile_expected(expected, settings_with(norm_ws)).regex, got);
}

Captures captures_of(const std::string& expected, const std::string& got, bool norm_ws = false) {
  Captures captures;
  EXPECT_TRUE(
      full_captures(compile_expected(expected, settings_with(norm_ws)).regex, got, captures));
  return captures;
}

PartialMatch partial(const std::string& expected, const std::string& got, long min_rcount,
                     double budget = 8.0) {
  return partial_match(compile_expected(expected, {}).regex, got, min_rcount, budget);
}

TEST(CheckGot, LiteralExpected) {
  EXPECT_TRUE(passes("hello\nworld", "hello\nworld"));
  EXPECT_TRUE(passes("hello\nworld\n", "hello\nworld\n\n\n"));
  EXPECT_FALSE(passes("hello\nworld", "hello\n world\n"));
  EXPECT_FALSE(passes("hello", "hello world\n"));
  EXPECT_FALSE(passes("hello", "say hello\n"));
  EXPECT_FALSE(passes("a  ", "a\n"));  // trailing spaces of the expected are literal
}

TEST(CheckGot, EmptyExpected) {
  EXPECT_TRUE(passes("", ""));
  EXPECT_TRUE(passes("", "\n\n"));
  EXPECT_FALSE(passes("", "x\n"));
  EXPECT_TRUE(passes("", " \n \t\n", true));
  EXPECT_FALSE(passes("", " x", true));
}

TEST(CheckGot, TagsAreWildcards) {
  EXPECT_TRUE(passes("a <...> b\n<...>", "a xx\nyy b\nzz\nww\n"));
  EXPECT_TRUE(passes("a <...> b\n<...>", "a  b\n\n"));
  EXPECT_TRUE(passes("<foo> and <bar>", "1 and 2 and 3\n"));
  EXPECT_FALSE(passes("<foo> and <bar>", "1 or 2\n"));
  EXPECT_TRUE(passes("x<...>", "x\n"));
}

// docs/basic/normalize-whitespace.md and test/bad-empty-line.md ([v11] leading empty lines).
TEST(CheckGot, LeadingEmptyLinesOfTheGot) {
  const std::string some_line = "\n  \nSome line\n";
  EXPECT_TRUE(passes("<...>\nSome line", some_line));
  EXPECT_TRUE(passes("<...>Some line", some_line));
  EXPECT_TRUE(passes("Some line", some_line));
  ExpectedSettings v10 = settings_with(false, false);
  EXPECT_FALSE(check_got(compile_expected("Some line", v10).regex, some_line));

  const std::string indented = "\n  \n  Some indented line\n";
  EXPECT_FALSE(passes("<...>\nSome indented line", indented));
  EXPECT_TRUE(passes("<...>Some indented line", indented));
  EXPECT_FALSE(passes("Some indented line", indented));
  EXPECT_TRUE(passes("<...>\nSome indented line", indented, true));
  EXPECT_TRUE(passes("Some indented line", indented, true));
  EXPECT_TRUE(passes("<...>Some indented line", indented, true));
}

TEST(CheckGot, NormWs) {
  EXPECT_TRUE(passes("Name    Age\nkev     22\nluc     23", "Name Age kev 22 luc 23\n", true));
  EXPECT_FALSE(passes("Name    Age", "NameAge\n", true));
  EXPECT_TRUE(passes("  foo", "\t foo  \n", true));
  EXPECT_FALSE(passes("  foo", "foo\n", true));  // leading whitespace in the expected is required
  EXPECT_TRUE(passes("a\n<foo>\tb", "a  \n 123\n\n b", true));
  EXPECT_TRUE(passes("a\n<foo>\tb", "a  b", true));
  EXPECT_FALSE(passes("a\n<foo>\tb", "a b", true));
}

TEST(FullCaptures, NormWsOptionalTagGroup) {
  EXPECT_EQ(captures_of("a\n<foo>\tb", "a  \n 123\n\n b", true), (Captures{{"foo", "123"}}));
  EXPECT_EQ(captures_of("a\n<foo>\tb", "a  b", true), (Captures{{"foo", ""}}));
  Captures captures{{"stale", "x"}};
  EXPECT_FALSE(
      full_captures(compile_expected("a\n<foo>\tb", settings_with(true)).regex, "a b", captures));
  EXPECT_TRUE(captures.empty());
}

// docs/advanced/greedy-lazy-tags.md
TEST(FullCaptures, GreedyAndLazyTags) {
  const std::string lines = "x 1 oneline\nx 2 twoline\nx 3 fooline\nx 4 barline\n";
  EXPECT_EQ(captures_of("<...>\nx <foo> fooline\nx <bar> barline", lines),
            (Captures{{"foo", "3"}, {"bar", "4"}}));
  EXPECT_EQ(captures_of("<ignore-me>\nx <foo> fooline\nx <bar> barline", lines),
            (Captures{{"ignore-me", "x 1 oneline"}, {"foo", "2 twoline\nx 3"}, {"bar", "4"}}));
  EXPECT_EQ(captures_of("<...>user=joe,<...>,token=<token>,<...>",
                        "{user=john,attr=2,token=53,age=33;user=joe,attr=3,token=111,age=33;"
                        "user=jane,attr=12,token=153,age=3}\n"),
            (Captures{{"token", "111"}}));
}

TEST(FullCaptures, NamedTagAtTheEndStopsBeforeTrailingNewlines) {
  EXPECT_EQ(captures_of("x <rest>", "x a\nb\n\n"), (Captures{{"rest", "a\nb"}}));
  EXPECT_EQ(captures_of("x<rest>", "x\n"), (Captures{{"rest", ""}}));
}

// Appendix A, partial match.
TEST(PartialMatch, MinRcountDecidesWhatIsReplaced) {
  const std::string got = "aaAAbbBBxxxddeeeCCcc";
  const std::string expected = "aa<...>bb<...>ddd<...>eee<...>cc";
  EXPECT_EQ(partial(expected, got, 1).expected, "aaAAbb<...>ddd<...>eeeCCcc");
  EXPECT_EQ(partial(expected, got, 3).expected, "aa<...>bb<...>ddd<...>eeeCCcc");
}

TEST(PartialMatch, NamedTagsAreCapturedOnlyInTheConfidentParts) {
  PartialMatch result = partial("aa<foo>bb<b-r>ddd<baz>eee<z-z>cc", "aaAAbbBBxxxddeeeCCcc", 1);
  EXPECT_EQ(result.expected, "aaAAbb<b-r>ddd<baz>eeeCCcc");
  EXPECT_EQ(result.captures, (Captures{{"foo", "AA"}, {"z-z", "CC"}}));
}

TEST(PartialMatch, SixteenCharactersAfterATagMakeItConfident) {
  PartialMatch result =
      partial("To protect <protect>, we need\nsecond line <middle> and more txt",
              "To protect the world, we need\nsecond line foo and more text\n", 16);
  EXPECT_EQ(result.expected, "To protect the world, we need\nsecond line <middle> and more txt\n");
  EXPECT_EQ(result.captures, (Captures{{"protect", "the world"}}));
}

TEST(PartialMatch, WithoutTagsOrBudgetTheExpectedIsKept) {
  PartialMatch result = partial("abc", "xyz", 1);
  EXPECT_EQ(result.expected, "abc");
  EXPECT_TRUE(result.captures.empty());
  result = partial("aa<foo>bb<bar>cc", "aaXXbbYYdd", 1, 0.0);
  EXPECT_EQ(result.expected, "aa<foo>bb<bar>cc");
  EXPECT_TRUE(result.captures.empty());
}

TEST(PartialMatch, BufferGroupAvoidsCaptureNames) {
  PartialMatch result = partial("aa<buffer000000>bb<x>cc", "aaQbbWdd", 1);
  EXPECT_EQ(result.expected, "aaQbb<x>cc");
  EXPECT_EQ(result.captures, (Captures{{"buffer000000", "Q"}}));
}

TEST(PartialMatch, UnmatchedFoldedAnchorKeepsTheExpected) {
  ExpectedRegex regex = compile_expected("  a<foo>b", settings_with(true)).regex;
  PartialMatch result = partial_match(regex, "xyz", 1, 8.0);
  EXPECT_EQ(result.expected, "  a<foo>b");
  EXPECT_TRUE(result.captures.empty());
}

}  // namespace
}  // namespace bx
