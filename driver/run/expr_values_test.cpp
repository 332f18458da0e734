#include "driver/run/expr_values.hpp"

#include <gtest/gtest.h>

namespace bx::expr_values {
namespace {

const std::string k_begin = "<v>";
const std::string k_end = "</v>";

TEST(ExprValues, MarkerStartsALineAndIsFollowedBySpaceOrLineEnd) {
  EXPECT_TRUE(expected_has_marker("=> 3\n", "=>"));
  EXPECT_TRUE(expected_has_marker("hello\n=>\n", "=>"));
  EXPECT_TRUE(expected_has_marker("hello\n=>", "=>"));
  EXPECT_TRUE(expected_has_marker("a\r\n: 3\r\n", ":"));
  EXPECT_FALSE(expected_has_marker("=>3\n", "=>"));
  EXPECT_FALSE(expected_has_marker("x => 3\n", "=>"));
  EXPECT_FALSE(expected_has_marker(" : 3\n", ":"));
  EXPECT_FALSE(expected_has_marker("1:28: undefined: x\n", ":"));
  EXPECT_FALSE(expected_has_marker("", ":"));
}

TEST(ExprValues, ChoiceForcesOrLooksAtTheExpected) {
  OptionStack options;
  EXPECT_TRUE(wanted(options, "go_expr_print", ": 1\n", ":"));
  EXPECT_FALSE(wanted(options, "go_expr_print", "1\n", ":"));
  {
    OptionStack::Scope scope(options, OptionLayer{{"go_expr_print", std::string("true")}});
    EXPECT_TRUE(wanted(options, "go_expr_print", "1\n", ":"));
  }
  OptionStack::Scope scope(options, OptionLayer{{"go_expr_print", std::string("false")}});
  EXPECT_FALSE(wanted(options, "go_expr_print", ": 1\n", ":"));
}

TEST(ExprValues, OnlyTheLastDelimitedValueIsShown) {
  std::vector<std::string> chunks = {"<v>=> 1</v>\r\n", "hi\r\n<v>=> 2</v>\r\n<v>=> 3</v>\r\n", ""};
  keep_last_delimited_value(chunks, k_begin, k_end, true);
  EXPECT_EQ(chunks, (std::vector<std::string>{"", "hi\r\n=> 3\r\n", ""}));
}

TEST(ExprValues, DelimitedValuesAreAllRemovedWhenNotWanted) {
  std::vector<std::string> chunks = {"a\n<v>=> 1</v>\nb", "<v>=> x\ny</v>\r\n", "c\n"};
  keep_last_delimited_value(chunks, k_begin, k_end, false);
  EXPECT_EQ(chunks, (std::vector<std::string>{"a\nb", "", "c\n"}));
}

TEST(ExprValues, TheLastValueMayComeFromAnEarlierChunk) {
  std::vector<std::string> chunks = {"<v>=> 2</v>\r\n", "x\r\n", ""};
  keep_last_delimited_value(chunks, k_begin, k_end, true);
  EXPECT_EQ(chunks, (std::vector<std::string>{"=> 2\r\n", "x\r\n", ""}));
}

TEST(ExprValues, AnUnfinishedValueIsLeftAsPrinted) {
  std::vector<std::string> chunks = {"<v>=> 1</v>\n<v>=> 2"};
  keep_last_delimited_value(chunks, k_begin, k_end, false);
  EXPECT_EQ(chunks, (std::vector<std::string>{"<v>=> 2"}));
}

TEST(ExprValues, ColonValuesAreCutExceptTheLastWanted) {
  std::vector<std::string> chunks = {": 0xc000124aa0\r\n", "hi\r\n: 3\r\n", ""};
  cut_colon_values(chunks, true);
  EXPECT_EQ(chunks, (std::vector<std::string>{"", "hi\r\n: 3\r\n", ""}));
}

TEST(ExprValues, ColonValuesAreCutAtTheirLastLine) {
  std::vector<std::string> chunks = {": 1\r\n", "0\r\n1\r\n: 41\r\n", ": raw\r\nstring\r\n",
                                     "1:28: undefined: x\r\n"};
  cut_colon_values(chunks, false);
  EXPECT_EQ(chunks, (std::vector<std::string>{"", "0\r\n1\r\n", "", "1:28: undefined: x\r\n"}));
}

TEST(ExprValues, AColonValueNeedsItsOwnLine) {
  std::vector<std::string> chunks = {"no newline: 10\r\n", ":\r\n"};
  cut_colon_values(chunks, false);
  EXPECT_EQ(chunks, (std::vector<std::string>{"no newline: 10\r\n", ""}));
}

}  // namespace
}  // namespace bx::expr_values
