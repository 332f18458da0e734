#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "driver/model/errors.hpp"
#include "driver/run/reaper.hpp"
#include "driver/run/runner.hpp"

namespace bx {
namespace {

std::size_t child_count() {
  std::ifstream children("/proc/self/task/" + std::to_string(gettid()) + "/children");
  std::size_t count = 0;
  std::string pid;
  while (children >> pid) ++count;
  return count;
}

class GoRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    wait_for_reaper();  // interpreters that earlier tests handed over
    m_children_before = child_count();
    RunnerConfig config;
    config.dfl_timeout = 2.0;
    m_runner = make_runner("go", config);
    ASSERT_NE(m_runner, nullptr);
    m_runner->initialize(m_options);
  }
  void TearDown() override {
    m_runner->shutdown();
    wait_for_reaper();
    EXPECT_EQ(child_count(), m_children_before);
  }

  std::string run(std::string source, std::string expected = "", OptionLayer layer = {}) {
    Example example;
    example.source = std::move(source);
    example.expected_str = std::move(expected);
    OptionStack::Scope scope(m_options, std::move(layer));
    return m_runner->run(example, m_options);
  }

  OptionStack m_options{OptionLayer{{"timeout", 2.0}}};
  std::unique_ptr<ExampleRunner> m_runner;
  std::size_t m_children_before = 0;
};

TEST_F(GoRunnerTest, ValuesAreShownOnlyWhenTheExpectedHasOne) {
  EXPECT_EQ(run("x := 41\n"), "\n");
  EXPECT_EQ(run("x + 1\n"), "\n");
  EXPECT_EQ(run("x + 1\n", ": 42\n"), ": 42\n");
  EXPECT_EQ(run("x + 2\n", "", {{"go_expr_print", std::string("true")}}), ": 43\n");
  EXPECT_EQ(run("x + 3\n", ": 44\n", {{"go_expr_print", std::string("false")}}), "\n");
}

TEST_F(GoRunnerTest, OnlyTheLastStatementShowsItsValue) {
  EXPECT_EQ(run("import \"fmt\"\na := 1\nfmt.Println(\"hi\")\na + 1\n", ": 2\n"), "hi\n: 2\n");
  EXPECT_EQ(run("func f(n int) int {\n  // twice\n  return 2 * n\n}\nf(a)\n"), "\n");
  EXPECT_EQ(run("for i := 0; i < 2; i++ {\n  fmt.Println(f(i))\n}\n"), "0\n2\n");
}

TEST_F(GoRunnerTest, TimeoutThenRecoveryKeepsTheSession) {
  run("kept := 7\n");
  EXPECT_THROW(run("for {}\n", "", {{"timeout", 0.3}}), TimeoutError);
  Example example;
  ASSERT_TRUE(m_runner->cancel(example, m_options));
  // The answer to the marker of the example that timed out must not end the next one.
  EXPECT_EQ(run("kept\n", ": 7\n"), ": 7\n");
  EXPECT_EQ(run("kept + 1\n", ": 8\n"), ": 8\n");
}

TEST_F(GoRunnerTest, AnUnfinishedStatementTimesOutAndIsRecovered) {
  EXPECT_THROW(run("func g() {\n", "", {{"timeout", 0.3}}), TimeoutError);
  Example example;
  ASSERT_TRUE(m_runner->cancel(example, m_options));
  EXPECT_EQ(run("1 + 1\n", ": 2\n"), ": 2\n");
}

}  // namespace
}  // namespace bx
