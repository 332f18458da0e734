#include "driver/util/regex.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

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

TEST(Regex, FindAllStepsOverWholeCharactersAfterEmptyMatches) {
  Regex re("x*");
  auto all = re.find_all(
      "\xc3\xb1"
      "a"
      "\xc3\xb1");  // "ñañ", as Python's finditer
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[1].begin(), 2u);
  EXPECT_EQ(all[2].begin(), 3u);
  EXPECT_EQ(all[3].begin(), 5u);
}

TEST(Regex, InvalidUtf8SubjectsAreRejected) {
  Regex re("a");
  EXPECT_THROW(re.search("a\xff"), RegexError);
  EXPECT_THROW(re.find_all("a a \xff"), RegexError);
}

TEST(Regex, GroupNumbersByName) {
  Regex re("(?<first>a)(b)(?<third>c)?");
  EXPECT_EQ(re.group_number("first"), 1u);
  EXPECT_EQ(re.group_number("third"), 3u);
  EXPECT_FALSE(re.group_number("second"));
  auto m = re.match("ab");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->named("third"));
  EXPECT_FALSE(m->named("nope"));
}

TEST(Regex, ResultsDoNotChangeOnceItIsUsedOftenOrOnLongSubjects) {
  // Lazy wildcards over a long output: the JIT-compiled code with its large stack.
  Regex re("a(?<mid>.*?)z\\n*\\z", k_regex_expected);
  for (int i = 0; i < 100; ++i) {
    auto m = re.match("a-" + std::to_string(i) + "\nz\n");
    ASSERT_TRUE(m);
    EXPECT_EQ(*m->named("mid"), "-" + std::to_string(i) + "\n");
  }
  std::string long_subject = "a" + std::string(1 << 20, 'b') + "z";
  auto m = re.match(long_subject);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->named("mid")->size(), std::size_t{1} << 20);
}

TEST(Regex, OneRegexServesSeveralThreadsAtOnce) {
  static const Regex re("(?<n>[0-9]+)");
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < 500; ++i) {
        std::string text = "n=" + std::to_string(t * 1000 + i);
        auto m = re.search(text);
        if (!m || *m->named("n") != text.substr(2)) ++wrong[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(Regex, RegexesOfTheSamePatternButOtherFlagsStayApart) {
  Regex plain("a.c");
  Regex dotall("a.c", k_regex_dotall);
  Regex again("a.c");
  EXPECT_FALSE(plain.match("a\nc"));
  EXPECT_TRUE(dotall.match("a\nc"));
  EXPECT_FALSE(again.match("a\nc"));
  EXPECT_EQ(again.pattern(), "a.c");
  EXPECT_THROW(Regex("(a"), RegexError);
  EXPECT_THROW(Regex("(a"), RegexError);  // a failed compilation is not remembered
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
