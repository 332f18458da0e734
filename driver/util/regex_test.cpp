#include "driver/util/regex.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(Regex, SearchFindsLeftmostMatchAndGroups) {
  Regex re("(?<word>b+)c");
  auto m = re.search("aabbbcd");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->begin(), 2u);
  EXPECT_EQ(m->end(), 6u);
  EXPECT_EQ(*m->named("word"), "bbb");
}

TEST(Regex, MatchIsAnchoredAtStart) {
  Regex re("b");
  EXPECT_FALSE(re.match("ab"));
  EXPECT_TRUE(re.match("ab", 1));
}

TEST(Regex, LowercaseZIsAbsoluteEndLikePythonZ) {
  Regex re("a\\n*\\z", k_regex_expected);
  EXPECT_TRUE(re.match("a\n\n"));
  Regex strict("a\\z", k_regex_expected);
  EXPECT_FALSE(strict.match("a\n"));
}

TEST(Regex, BackslashSIsUnicodeWhitespace) {
  Regex re("a\\s+b", k_regex_expected);
  EXPECT_TRUE(
      re.match("a\xc2\xa0\xe3\x80\x80"
               "b"));  // U+00A0, U+3000
}

TEST(Regex, DotallDotMatchesNewline) {
  Regex re("a.*?c", k_regex_expected);
  EXPECT_TRUE(re.match("a\nb\nc"));
  Regex no_dotall("a.*?c");
  EXPECT_FALSE(no_dotall.match("a\nb\nc"));
}

TEST(Regex, InvalidPatternThrowsWithMessage) {
  EXPECT_THROW(Regex("(?<a.b>x)"), RegexError);
}

TEST(Regex, FindAllIsNonOverlapping) {
  Regex re("a+");
  auto all = re.find_all("aa b aaa");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].group(0), "aaa");
}

TEST(Regex, EscapeMatchesItselfLiterally) {
  std::string text = "a.b*c(d)[e]{f}\\g$^|?+ \n\t<x>";
  Regex re(regex_escape(text), k_regex_expected);
  auto m = re.match(text);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->end(), text.size());
}

}  // namespace
}  // namespace bx
