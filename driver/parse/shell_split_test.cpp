#include <gtest/gtest.h>

#include "driver/parse/option_parser.hpp"

namespace bx {
namespace {

using Tokens = std::vector<std::string>;

std::string split_error(std::string_view text) {
  try {
    shell_split(text);
  } catch (const OptionError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ShellSplit, SplitsOnAsciiWhitespaceOnly) {
  EXPECT_EQ(shell_split("+a  +b\t+c\r\n+d"), (Tokens{"+a", "+b", "+c", "+d"}));
  EXPECT_EQ(shell_split("  "), Tokens{});
  EXPECT_EQ(shell_split(""), Tokens{});
  // U+00A0 and vertical tab are not separators (spec §2.2: `+rm= ` with a NO-BREAK SPACE).
  EXPECT_EQ(shell_split("+rm=\xc2\xa0 +x"), (Tokens{"+rm=\xc2\xa0", "+x"}));
  EXPECT_EQ(shell_split("+a\v+b"), (Tokens{"+a\v+b"}));
}

TEST(ShellSplit, QuotesGroupAndConcatenate) {
  EXPECT_EQ(shell_split("'a b' c"), (Tokens{"a b", "c"}));
  EXPECT_EQ(shell_split("a''b ''"), (Tokens{"ab", ""}));
  EXPECT_EQ(shell_split("+rm=' '"), (Tokens{"+rm= "}));
  EXPECT_EQ(shell_split("\"#x\" # y"), (Tokens{"#x", "#", "y"}));
}

TEST(ShellSplit, BackslashEscapes) {
  EXPECT_EQ(shell_split("a\\ b"), (Tokens{"a b"}));
  EXPECT_EQ(shell_split("\\\\x"), (Tokens{"\\x"}));
  EXPECT_EQ(shell_split("x\\\ny"), (Tokens{"x\ny"}));
  // Single quotes keep backslashes; double quotes only escape '"' and '\'.
  EXPECT_EQ(shell_split("'a\\b'"), (Tokens{"a\\b"}));
  EXPECT_EQ(shell_split("\"a\\\"b\" \"c\\d\" \"\\\\\""), (Tokens{"a\"b", "c\\d", "\\"}));
}

TEST(ShellSplit, ErrorsHavePythonsTexts) {
  EXPECT_EQ(split_error("\"abc"), "No closing quotation");
  EXPECT_EQ(split_error("'abc"), "No closing quotation");
  EXPECT_EQ(split_error("abc\\"), "No escaped character");
  EXPECT_EQ(split_error("\"abc\\"), "No escaped character");
}

TEST(ShellQuote, QuotesLikeShlexQuote) {
  EXPECT_EQ(shell_quote(""), "''");
  EXPECT_EQ(shell_quote("abc"), "abc");
  EXPECT_EQ(shell_quote("+rm=x"), "+rm=x");
  EXPECT_EQ(shell_quote("a@b%c,d:e/f.g-h_i"), "a@b%c,d:e/f.g-h_i");
  EXPECT_EQ(shell_quote("a b"), "'a b'");
  EXPECT_EQ(shell_quote("it's"), "'it'\"'\"'s'");
  EXPECT_EQ(shell_quote("\xc3\xbc"), "'\xc3\xbc'");
}

TEST(ShellQuote, RoundTripsThroughSplit) {
  for (std::string text : {"", "a b", "it's", "x\"y", "\\", "\xc2\xa0"}) {
    EXPECT_EQ(shell_split(shell_quote(text)), Tokens{text}) << text;
  }
}

}  // namespace
}  // namespace bx
