#include "driver/parse/expected.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver/model/errors.hpp"
#include "driver/util/regex.hpp"

namespace bx {
namespace {

using Strings = std::vector<std::string>;
using Sizes = std::vector<std::size_t>;
using Tags = std::map<std::size_t, std::optional<std::string>>;

const std::string k_begin = R"(\A(?:[ \t]*\n)*?)";
const std::string k_end = R"(\n*\z)";
const std::string k_ws_begin = R"(\A\s*?)";
const std::string k_ws = R"(\s+(?!\s))";
const std::string k_ws_end = R"(\s*\z)";

ExpectedSettings norm_ws() {
  ExpectedSettings settings;
  settings.norm_ws = true;
  return settings;
}

ExpectedSettings typing() {
  ExpectedSettings settings;
  settings.input = true;
  return settings;
}

ExpectedRegex compile(const std::string& expected, const ExpectedSettings& settings = {}) {
  return compile_expected(expected, settings).regex;
}

std::string error_of(const std::string& expected, const ExpectedSettings& settings = {}) {
  try {
    compile_expected(expected, settings);
  } catch (const ParseError& error) {
    EXPECT_EQ(error.kind(), "ValueError");
    return error.what();
  }
  return "no error";
}

// Appendix A, with the v11 begin anchors.
TEST(ExpectedAppendixA, NamedTagsBetweenLiterals) {
  ExpectedRegex r = compile("a<foo>b<bar>c");
  EXPECT_EQ(r.regexs, (Strings{k_begin, "a", "(?<foo>.*?)", "b", "(?<bar>.*?)", "c", k_end}));
  EXPECT_EQ(r.charnos, (Sizes{0, 0, 1, 6, 7, 12, 13}));
  EXPECT_EQ(r.rcounts, (Sizes{0, 1, 0, 1, 0, 1, 0}));
  EXPECT_EQ(r.tags_by_idx, (Tags{{2, "foo"}, {4, "bar"}}));
  EXPECT_EQ(r.str, "a<foo>b<bar>c");
}

TEST(ExpectedAppendixA, TagsAcrossLines) {
  ExpectedRegex r = compile("a\n<foo>bcd\nefg<bar>hi");
  EXPECT_EQ(r.regexs, (Strings{k_begin, "a", "\n", "(?<foo>.*?)", "bcd", "\n", "efg", "(?<bar>.*?)",
                               "hi", k_end}));
  EXPECT_EQ(r.charnos, (Sizes{0, 0, 1, 2, 7, 10, 11, 14, 19, 21}));
  EXPECT_EQ(r.rcounts, (Sizes{0, 1, 1, 0, 3, 1, 3, 0, 2, 0}));
}

TEST(ExpectedAppendixA, NamedTagAtTheEndAfterStrippingNewlines) {
  ExpectedRegex r = compile("<foo>\n\n\n");
  EXPECT_EQ(r.regexs, (Strings{k_begin, R"((?:(?<foo>.+?)(?<!\n))?)", k_end}));
  EXPECT_EQ(r.charnos, (Sizes{0, 0, 5}));
  EXPECT_EQ(r.str, "<foo>\n\n\n");
}

TEST(ExpectedAppendixA, UnnamedTagsLazyInsideGreedyAtTheEnd) {
  ExpectedRegex r = compile("a <...> b\n<...>");
  EXPECT_EQ(r.regexs, (Strings{k_begin, "a", " ", "(?:.*?)", " ", "b", "\n",
                               R"((?:(?:.+)(?<!\n))?)", k_end}));
  EXPECT_EQ(r.rcounts, (Sizes{0, 1, 1, 0, 1, 1, 1, 0, 0}));
  EXPECT_EQ(r.tags_by_idx, (Tags{{3, std::nullopt}, {7, std::nullopt}}));
}

TEST(ExpectedAppendixA, NormWsMergesWhitespace) {
  ExpectedRegex r = compile("a  \n   b  \t\vc", norm_ws());
  EXPECT_EQ(r.regexs, (Strings{k_ws_begin, "a", k_ws, "b", k_ws, "c", k_ws_end}));
  EXPECT_EQ(r.charnos, (Sizes{0, 0, 1, 7, 8, 12, 13}));
  EXPECT_EQ(r.rcounts, (Sizes{0, 1, 1, 1, 1, 1, 0}));
}

TEST(ExpectedAppendixA, NormWsTagBetweenWhitespace) {
  ExpectedRegex r = compile("a\n<foo>\tb", norm_ws());
  EXPECT_EQ(r.regexs, (Strings{k_ws_begin, "a", R"(\s)", R"((?:\s*(?!\s)(?<foo>.+?)(?<!\s))?)",
                               k_ws, "b", k_ws_end}));
  EXPECT_EQ(r.charnos, (Sizes{0, 0, 1, 2, 7, 8, 9}));
  EXPECT_EQ(r.tags_by_idx, (Tags{{3, "foo"}}));
}

TEST(ExpectedAppendixA, NormWsUnnamedGreedyBeforeNewlineAndAtEnd) {
  ExpectedRegex r = compile("ex <...>\nu<...>", norm_ws());
  EXPECT_EQ(r.regexs, (Strings{k_ws_begin, "ex", R"(\s)", R"((?:\s*(?!\s)(?:.+)(?<!\s))?)", k_ws,
                               "u", R"((?:.*)(?<!\s))", k_ws_end}));
  EXPECT_EQ(r.rcounts, (Sizes{0, 2, 1, 0, 1, 1, 0, 0}));
}

TEST(ExpectedAppendixA, NormWsLeadingWhitespaceFoldsIntoTheAnchor) {
  ExpectedRegex r = compile("  foo", norm_ws());
  EXPECT_EQ(r.regexs, (Strings{R"(\A\s+(?!\s))", "foo", k_ws_end}));
  EXPECT_EQ(r.charnos, (Sizes{0, 2, 5}));
  ExpectedSettings v10 = norm_ws();
  v10.ignore_first_empty_lines = false;
  EXPECT_EQ(compile("  foo", v10).regexs, (Strings{R"(\A)", k_ws, "foo", k_ws_end}));
}

TEST(ExpectedAppendixA, NormWsTagNextToWhitespace) {
  EXPECT_EQ(compile("a<foo> b", norm_ws()).regexs,
            (Strings{k_ws_begin, "a", R"((?<foo>.*?)(?<!\s))", k_ws, "b", k_ws_end}));
  EXPECT_EQ(compile("a <foo>b", norm_ws()).regexs,
            (Strings{k_ws_begin, "a", k_ws, "(?<foo>.*?)", "b", k_ws_end}));
}

TEST(Expected, BeginAnchorWithoutIgnoringFirstEmptyLines) {
  ExpectedSettings settings;
  settings.ignore_first_empty_lines = false;
  EXPECT_EQ(compile("a", settings).regexs, (Strings{R"(\A)", "a", k_end}));
}

TEST(Expected, EmptyExpected) {
  EXPECT_EQ(compile("").regexs, (Strings{k_begin, k_end}));
  EXPECT_EQ(compile("\n\n").regexs, (Strings{k_begin, k_end}));
  EXPECT_EQ(compile("", norm_ws()).regexs, (Strings{k_ws_begin, k_ws_end}));
  EXPECT_EQ(compile(" \n ", norm_ws()).regexs, (Strings{k_ws_begin, k_ws_end}));
}

TEST(Expected, TrailingSpacesAreLiteralInDefaultMode) {
  ExpectedRegex r = compile("a  \n");
  EXPECT_EQ(r.regexs, (Strings{k_begin, "a", "  ", k_end}));
  EXPECT_EQ(r.charnos, (Sizes{0, 0, 1, 3}));
}

TEST(Expected, NormWsTrailingTagsAndWhitespace) {
  EXPECT_EQ(compile("a<foo>", norm_ws()).regexs,
            (Strings{k_ws_begin, "a", R"((?<foo>.*?)(?<!\s))", k_ws_end}));
  EXPECT_EQ(compile("a <...>  ", norm_ws()).regexs,
            (Strings{k_ws_begin, "a", R"(\s)", R"((?:\s*(?!\s)(?:.+?)(?<!\s))?)", k_ws_end}));
  EXPECT_EQ(compile("a <...>", norm_ws()).regexs,
            (Strings{k_ws_begin, "a", R"(\s)", R"((?:\s*(?!\s)(?:.+)(?<!\s))?)", k_ws_end}));
  EXPECT_EQ(compile("<...>\nx", norm_ws()).regexs,
            (Strings{k_ws_begin, R"((?:.*)(?<!\s))", k_ws, "x", k_ws_end}));
}

TEST(Expected, RcountsCountCharactersAndCharnosAreBytes) {
  ExpectedRegex r = compile("h\xC3\xA9llo <x>");
  EXPECT_EQ(r.rcounts, (Sizes{0, 5, 1, 0, 0}));
  EXPECT_EQ(r.charnos, (Sizes{0, 0, 6, 7, 10}));
}

TEST(Expected, DashInNamesBecomesUnderscoreInTheGroup) {
  ExpectedRegex r = compile("a<z-z>b");
  EXPECT_EQ(r.regexs[2], "(?<z_z>.*?)");
  EXPECT_EQ(r.tags_by_idx, (Tags{{2, "z-z"}}));
  EXPECT_EQ(tag_group_name("b-r-x"), "b_r_x");
}

TEST(Expected, WhatIsNotATag) {
  for (const char* text : {"<foo_bar>", "<0x1>", "<function f at 0x7f>"}) {
    EXPECT_TRUE(compile(text).tags_by_idx.empty()) << text;
  }
}

TEST(Expected, CaptureAndTagsSwitches) {
  ExpectedSettings no_capture;
  no_capture.capture = false;
  ExpectedRegex r = compile("<a><...>", no_capture);
  EXPECT_EQ(r.regexs, (Strings{k_begin, regex_escape("<a>"), R"((?:(?:.+)(?<!\n))?)", k_end}));
  ExpectedSettings no_tags;
  no_tags.tags = false;
  r = compile("hey <a><...><...><a>", no_tags);
  EXPECT_TRUE(r.tags_by_idx.empty());
  EXPECT_EQ(r.regexs[3], regex_escape("<a><...><...><a>"));
}

TEST(ExpectedErrors, ConsecutiveTags) {
  EXPECT_EQ(error_of("a<foo><bar>"),
            "Two consecutive tags were found at 6th character. This is ambiguous.");
  EXPECT_EQ(error_of("\xC3\xA9<...><bar>"),
            "Two consecutive tags were found at 6th character. This is ambiguous.");
  EXPECT_EQ(error_of("a<foo><bar>", norm_ws()),
            "Two consecutive capture tags were found at 6th character. This is ambiguous.");
  EXPECT_EQ(error_of("a <foo><bar> b", norm_ws()),
            "Two consecutive capture tags were found at 7th character. This is ambiguous.");
  EXPECT_NO_THROW(compile("<a> <b>"));
}

TEST(ExpectedErrors, RepeatedCaptureTag) {
  EXPECT_EQ(error_of("<foo> x <foo>"),
            "The same capture tag cannot be used twice\nand 'foo' is repeated at the 8th "
            "character.\n\nMay be you wanted to paste them and you forgot\n'+paste' or their "
            "were not captured in a previous\nexample. Or perhaps you do not want "
            "capture/paste\nanything: you want to treat the tags as literals\nand you forgot "
            "'-tags' or '-capture'.");
  EXPECT_NO_THROW(compile("<...> x <...>"));
}

TEST(ExpectedErrors, NamesThatCannotBeGroupNames) {
  EXPECT_NE(error_of("x <a.b> y").find("<a.b>"), std::string::npos);
  EXPECT_NE(error_of("x <ns:x>").find("<ns:x>"), std::string::npos);
  ExpectedSettings no_capture;
  no_capture.capture = false;
  EXPECT_NO_THROW(compile("x <a.b> y", no_capture));
}

struct InputCase {
  std::string prefix;
  std::string text;
  bool operator==(const InputCase&) const = default;
};

void PrintTo(const InputCase& input, std::ostream* os) {
  *os << "(" << testing::PrintToString(input.prefix) << ", " << testing::PrintToString(input.text)
      << ")";
}

std::vector<InputCase> inputs_of(const std::string& expected,
                                 ExpectedSettings settings = typing()) {
  std::vector<InputCase> out;
  for (const TypedInput& input : compile_expected(expected, settings).inputs) {
    EXPECT_TRUE(Regex(input.prefix_regex, k_regex_expected).match(input.prefix)) << input.prefix;
    out.push_back({input.prefix, input.text});
  }
  return out;
}

using Inputs = std::vector<InputCase>;

// The inputs table of Appendix A and the prefix examples of docs/basic/input.md.
TEST(ExpectedInputs, PrefixesAreTakenBackToTheLastSyncPoint) {
  EXPECT_EQ(inputs_of("username [john]\npass [admin]  \ncomment [ none ]"),
            (Inputs{{"username ", "john"}, {"pass ", "admin"}, {"comment ", " none "}}));
  EXPECT_EQ(inputs_of("your<...> name [john]"), (Inputs{{" name ", "john"}}));
  EXPECT_EQ(inputs_of("name [john]\nnice to meet you\npass [admin]"),
            (Inputs{{"name ", "john"}, {"meet you\npass ", "admin"}}));
  EXPECT_EQ(inputs_of("[hello]\n[my name is John]\n[how are you?]"),
            (Inputs{{"", "hello"}, {"", "my name is John"}, {"", "how are you?"}}));
}

TEST(ExpectedInputs, PrefixRangeLimitsTheLength) {
  EXPECT_EQ(inputs_of("Some typo! text: [foo]"), (Inputs{{"typo! text: ", "foo"}}));
  ExpectedSettings settings = typing();
  settings.input_prefix_range = {4, 4};
  EXPECT_EQ(inputs_of("Some typo! text: [foo]", settings), (Inputs{{"text: ", "foo"}}));
  settings.input_prefix_range = {3, 12};
  EXPECT_EQ(inputs_of("sa<...>y: [foo]", settings), (Inputs{{"y: ", "foo"}}));
}

TEST(ExpectedInputs, TooFewCharactersAfterATag) {
  EXPECT_EQ(error_of("your name <...>[john]", typing()),
            "There are too few characters (0) before the input tag at character 15th to "
            "proceed");
  EXPECT_EQ(error_of("your nam<...>e [john]", typing()),
            "There are too few characters (2) before the input tag at character 15th to "
            "proceed");
  EXPECT_EQ(error_of("sa<...>y: [foo]", typing()),
            "There are too few characters (3) before the input tag at character 10th to "
            "proceed");
}

TEST(ExpectedInputs, OnlyTheBracketAtTheEndOfTheLineIsTyped) {
  CompiledExpected compiled = compile_expected("x: [a] [b]", typing());
  ASSERT_EQ(compiled.inputs.size(), 1u);
  EXPECT_EQ(compiled.inputs[0].prefix, "x: [a] ");
  EXPECT_EQ(compiled.inputs[0].text, "b");
  EXPECT_EQ(compiled.warnings,
            (Strings{"The input tag [a] around the character 3 is not at the end of a line.\nThe "
                     "input will not be typed.\nIf you do not want to type anything, disable it "
                     "with '-input'\notherwise the tag must be at the end of the line."}));
  compiled = compile_expected("[abcdefghijklmnop] x", typing());
  EXPECT_TRUE(compiled.inputs.empty());
  ASSERT_EQ(compiled.warnings.size(), 1u);
  EXPECT_EQ(compiled.warnings[0].substr(0, 28), "The input tag [abcde..lmnop]");
}

TEST(ExpectedInputs, ContentEscapesAreTypedVerbatim) {
  EXPECT_EQ(inputs_of("[a\\]b]"), (Inputs{{"", "a\\]b"}}));
  EXPECT_EQ(inputs_of("[a [b]"), (Inputs{{"", "a [b"}}));
  EXPECT_EQ(inputs_of("name:[john]"), (Inputs{{"name:", "john"}}));
}

TEST(ExpectedInputs, TagInsideAnInputWarns) {
  CompiledExpected compiled = compile_expected("pass: [admin<magic>!]", typing());
  ASSERT_EQ(compiled.inputs.size(), 1u);
  EXPECT_EQ(compiled.inputs[0].text, "admin<magic>!");
  EXPECT_EQ(compiled.warnings,
            (Strings{"The tag <magic> was found inside of an input tag around the character "
                     "12.\nPerhaps you tried to paste something\nbut you forgot '+paste' or the "
                     "tag has a typo.\nYou could also disable this warning disabling the tags "
                     "with '-tags'."}));
}

TEST(ExpectedInputs, DisabledInputIsPlainText) {
  CompiledExpected compiled = compile_expected("x: [a] [b]", ExpectedSettings{});
  EXPECT_TRUE(compiled.inputs.empty());
  EXPECT_TRUE(compiled.warnings.empty());
}

TEST(ExpectedInputs, NormWsPrefixMatchesAnyWhitespace) {
  ExpectedSettings settings = typing();
  settings.norm_ws = true;
  CompiledExpected compiled = compile_expected("name:   [john]", settings);
  ASSERT_EQ(compiled.inputs.size(), 1u);
  EXPECT_EQ(compiled.inputs[0].prefix, "name:   ");
  EXPECT_TRUE(Regex(compiled.inputs[0].prefix_regex, k_regex_expected).match("name:\t[john]"));
}

}  // namespace
}  // namespace bx
