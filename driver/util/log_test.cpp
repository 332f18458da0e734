#include "driver/util/log.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bx::log {
namespace {

class LogListener : public ::testing::Test {
 protected:
  void SetUp() override { configure(0, false); }
  void TearDown() override { configure(0, false); }
};

TEST_F(LogListener, HearsTheRecordsOfItsThreadWhileInScope) {
  std::vector<std::string> heard;
  {
    ListenerScope scope([&](const std::string& record) { heard.push_back(record); });
    warn("exec", "first");
    chat("exec", "below the level: not written, not heard");
  }
  warn("exec", "after the scope");
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0], "[w] first\n");
}

TEST_F(LogListener, NestedScopesRestoreTheOuterListener) {
  std::vector<std::string> outer, inner;
  ListenerScope outer_scope([&](const std::string& record) { outer.push_back(record); });
  {
    ListenerScope inner_scope([&](const std::string& record) { inner.push_back(record); });
    warn("exec", "inner");
  }
  warn("exec", "outer");
  EXPECT_EQ(inner, std::vector<std::string>{"[w] inner\n"});
  EXPECT_EQ(outer, std::vector<std::string>{"[w] outer\n"});
}

TEST_F(LogListener, AListenerThatLogsDoesNotHearItself) {
  int calls = 0;
  ListenerScope scope([&](const std::string&) {
    ++calls;
    warn("exec", "logged by the listener");
  });
  warn("exec", "once");
  EXPECT_EQ(calls, 1);
}

TEST_F(LogListener, DebugRecordsNameWhereTheyWereEmitted) {
  configure(0, false, {{"find", Level::debug}});
  std::string heard;
  ListenerScope scope([&](const std::string& record) { heard = record; });
  debug("find", "message");
  EXPECT_EQ(heard.rfind("debug:find (@", 0), 0u) << heard;
  EXPECT_NE(heard.find("log_test.cpp:"), std::string::npos) << heard;
  EXPECT_TRUE(heard.ends_with(") message\n")) << heard;
}

TEST_F(LogListener, FormatIsWhatWriteWouldPrintLinePrefixIncluded) {
  EXPECT_EQ(format("", Level::note, "Execution aborted by the user."),
            "[i] Execution aborted by the user.\n");
  EXPECT_EQ(format("", Level::info, "hidden at the default verbosity"), "");
  set_line_prefix("# ");
  EXPECT_EQ(format("", Level::warning, "two\nlines"), "# [w] two\n# lines\n");
  set_line_prefix("");
}

}  // namespace
}  // namespace bx::log
