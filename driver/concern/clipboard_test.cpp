#include "driver/concern/clipboard.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace bx {
namespace {

TEST(PasteTags, ReplacesKnownNamesAndReportsMissingOnes) {
  Captures clipboard{{"user", "joe"}, {"id-1", "42"}};
  std::vector<std::string> missing;
  EXPECT_EQ(paste_tags("<user> has <id-1> and <other> <...>", clipboard, &missing),
            "joe has 42 and <other> <...>");
  EXPECT_EQ(missing, (std::vector<std::string>{"other", "..."}));
}

TEST(PasteTags, PastedTextIsNotRescanned) {
  Captures clipboard{{"a", "<b>"}, {"b", "x"}};
  EXPECT_EQ(paste_tags("<a>", clipboard, nullptr), "<b>");
}

class ClipboardConcernTest : public ::testing::Test {
 protected:
  Clipboard clipboard;
  OptionStack options{{{"paste", false}, {"if", std::monostate{}}, {"unless", std::monostate{}}}};
  std::vector<Example> examples;
};

TEST_F(ClipboardConcernTest, StartResetsToCapturedEnvironmentVariables) {
  ::setenv("BX_TEST_VAR", "value", 1);
  ::unsetenv("BX_TEST_UNSET");
  clipboard.values["stale"] = "x";
  ClipboardConcern concern(clipboard, ClipboardSettings{{"BX_TEST_VAR", "BX_TEST_UNSET"}, 16, 8});
  concern.start(examples, {}, "f.md", options);
  EXPECT_EQ(clipboard.values, (Captures{{"BX_TEST_VAR", "value"}, {"BX_TEST_UNSET", ""}}));
}

TEST_F(ClipboardConcernTest, PasteInSourceFailsOnMissingTagsWithSpecMessage) {
  ClipboardConcern concern(clipboard, {});
  Example example;
  example.source = "echo <a> <b>\n";
  example.options = {{"paste", true}};
  try {
    concern.finish_parse(example, options, nullptr);
    FAIL() << "expected a PasteError";
  } catch (const ParseError& error) {
    EXPECT_EQ(error.kind(), "PasteError");
    EXPECT_EQ(std::string(error.what()),
              "You enabled the 'paste' mode and I found some tags\nthat you did not captured "
              "before:\n  a, b\nMay be the example from where you copied was skipped or\nmay be "
              "the tags are misspelled.");
  }
}

TEST_F(ClipboardConcernTest, PasteOnlyWhenEnabled) {
  clipboard.values["a"] = "1";
  ClipboardConcern concern(clipboard, {});
  Example example;
  example.expected_str = "<a>";
  concern.before_build_regex(example, options);
  EXPECT_EQ(example.expected_str, "<a>");
  OptionStack::Scope scope(options, {{"paste", true}});
  concern.before_build_regex(example, options);
  EXPECT_EQ(example.expected_str, "1");
}

TEST_F(ClipboardConcernTest, ConditionalSkipsOnEmptyValueAndRejectsUnknownTags) {
  clipboard.values = {{"empty", ""}, {"full", "0"}};
  ConditionalConcern concern(clipboard);
  Example when_empty;
  when_empty.options = {{"if", std::string("empty")}};
  concern.finish_parse(when_empty, options, nullptr);
  EXPECT_TRUE(std::get<bool>(when_empty.options.at("skip")));

  Example unless_full;
  unless_full.options = {{"unless", std::string("full")}};
  concern.finish_parse(unless_full, options, nullptr);
  EXPECT_TRUE(std::get<bool>(unless_full.options.at("skip")));

  Example if_full;
  if_full.options = {{"if", std::string("full")}};
  concern.finish_parse(if_full, options, nullptr);
  EXPECT_EQ(if_full.options.count("skip"), 0u);

  Example unknown;
  unknown.options = {{"if", std::string("nope")}};
  EXPECT_THROW(concern.finish_parse(unknown, options, nullptr), ParseError);
}

}  // namespace
}  // namespace bx
