#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "driver/model/errors.hpp"
#include "driver/run/runner.hpp"
#include "driver/run/runner_test_fixture.hpp"

namespace bx {
namespace {

class GoRunnerTest : public RunnerTest {
 protected:
  void SetUp() override {
    RunnerTest::SetUp();
    RunnerConfig config;
    config.dfl_timeout = 2.0;
    start("go", config);
  }

  std::string run(std::string source, std::string expected = "", OptionLayer layer = {}) {
    return run_example(std::move(source), std::move(expected), std::move(layer));
  }
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
