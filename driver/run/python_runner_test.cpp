#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "driver/model/errors.hpp"
#include "driver/run/runner.hpp"
#include "driver/run/runner_test_fixture.hpp"
#include "driver/util/regex.hpp"

namespace bx {
namespace {

/// A short -x-dfl-timeout keeps the recoveries (which always wait one) fast.
RunnerConfig python_config(double dfl_timeout = 0.8) {
  RunnerConfig config;
  config.flavor = "python3";
  config.dfl_timeout = dfl_timeout;
  return config;
}

/// The system's python3 itself when there is one: a version manager's shim in the PATH can
/// take most of that short timeout just to start.
RunnerConfig fast_python_config() {
  RunnerConfig config = python_config();
  if (access("/usr/bin/python3", X_OK) == 0) config.shebangs["python3"] = "/usr/bin/python3 %a";
  return config;
}

class PythonRunnerTest : public RunnerTest {
 protected:
  void SetUp() override {
    RunnerTest::SetUp();
    start("python", fast_python_config());
  }

  std::string run(std::string source, OptionLayer layer = {}) {
    return run_example(std::move(source), "", std::move(layer));
  }
};

TEST_F(PythonRunnerTest, StateIsKeptBetweenExamples) {
  EXPECT_EQ(run("x = 40\n"), "\n");
  EXPECT_EQ(run("x + 2\n"), "42\n");
  EXPECT_EQ(run("print('a\\tb  ')\n"), "a       b\n");
  EXPECT_EQ(run("None\n"), "\n");
}

TEST_F(PythonRunnerTest, MultiLineBlocks) {
  EXPECT_EQ(run("for i in range(3):\n    print(i)\n\n"), "0\n1\n2\n");
  EXPECT_EQ(run("if True:\n    y = 1\n\nprint(y + 1)\n"), "2\n");
  EXPECT_EQ(run("def f(a):\n    return a * 2\n\nf(21)\n"), "42\n");
}

TEST_F(PythonRunnerTest, PrettyPrintFollowsTheGeometry) {
  std::string narrow = run("list(range(25))\n");
  EXPECT_EQ(narrow.substr(0, 8), "[0,\n 1,\n");
  EXPECT_EQ(run("list(range(25))\n", {{"geometry", IntPair{24, 127}}}),
            "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, "
            "23, 24]\n");
  EXPECT_EQ(run("list(range(25))\n"), narrow);
  EXPECT_EQ(run("import os; os.get_terminal_size().columns\n", {{"geometry", IntPair{24, 60}}}),
            "60\n");
  EXPECT_EQ(run("[_byexample_sys, _byexample_pprint, __byexample_pretty_print] and 1\n"), "1\n");
}

TEST_F(PythonRunnerTest, ScalarsAreShownWithoutImportingPprint) {
  EXPECT_EQ(run("1 + 1\n"), "2\n");
  EXPECT_EQ(run("str = type = len = repr = None\n"), "\n");  // the session's own names
  EXPECT_EQ(run("'a' * 3\n"), "'aaa'\n");
  EXPECT_EQ(run("2.5, True\n"), "(2.5, True)\n");
  EXPECT_EQ(run("'_byexample_pprint' in globals()\n"), "True\n");
}

TEST_F(PythonRunnerTest, PprintIsBoundOnTheFirstValueThatNeedsIt) {
  EXPECT_EQ(run("1j\n"), "1j\n");
  EXPECT_EQ(run("'_byexample_pprint' in globals()\n"), "False\n");
  EXPECT_EQ(run("'aaaa ' * 20\n"),
            "('aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa '\n"
            " 'aaaa aaaa aaaa aaaa aaaa ')\n");
  EXPECT_EQ(run("'_byexample_pprint' in globals()\n"), "True\n");
}

TEST_F(PythonRunnerTest, TimeoutThenRecovery) {
  auto start = std::chrono::steady_clock::now();
  try {
    run("print('before'); import time; time.sleep(30)\n", {{"timeout", 0.3}});
    FAIL() << "no timeout";
  } catch (const TimeoutError& error) {
    EXPECT_EQ(
        std::string(error.what())
            .rfind("Prompt not found: the code is taking too long to finish or there is a syntax "
                   "error.\n\nLast 1000 bytes read:\nbefore\r\n",
                   0),
        0u)
        << error.what();
    EXPECT_EQ(error.output, "before\n");
    EXPECT_EQ(error.raw_output, "before\r\n");
  }
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(elapsed, 1.0);
  Example example;
  EXPECT_TRUE(m_runner->cancel(example, m_options));
  EXPECT_EQ(run("1 + 1\n"), "2\n");
}

TEST_F(PythonRunnerTest, BudgetIsSharedByAllTheLines) {
  EXPECT_THROW(
      run("import time\ntime.sleep(0.2)\ntime.sleep(0.2)\ntime.sleep(0.2)\n", {{"timeout", 0.5}}),
      TimeoutError);
  Example example;
  EXPECT_TRUE(m_runner->cancel(example, m_options));
}

TEST_F(PythonRunnerTest, TypesInputs) {
  Example example;
  example.source = "name = input('name: '); age = input('age: ')\nprint(name, age)\n";
  example.inputs = {{"name: ", regex_escape("name: "), "john"},
                    {"age: ", regex_escape("age: "), "42"}};
  EXPECT_EQ(m_runner->run(example, m_options), "name: [john]\nage: [42]\njohn 42\n");
}

TEST_F(PythonRunnerTest, InputPrefixNotFound) {
  Example example;
  example.source = "input('other: ')\n";
  example.inputs = {{"name: ", regex_escape("name: "), "john"}};
  OptionStack::Scope scope(m_options, {{"timeout", 0.3}});
  try {
    m_runner->run(example, m_options);
    FAIL() << "no timeout";
  } catch (const TimeoutError& error) {
    EXPECT_EQ(std::string(error.what()),
              "The text before typing 'john' was not found. Expected 'name: ' but found "
              "'other:\n'");
    EXPECT_EQ(error.input_text, "john");
    EXPECT_EQ(error.input_prefix, "name: ");
  }
  EXPECT_TRUE(m_runner->cancel(example, m_options));
}

TEST_F(PythonRunnerTest, PromptBeforeThePrefixLeavesTheInputUntyped) {
  Example example;
  example.source = "print('nothing')\n";
  example.inputs = {{"name: ", regex_escape("name: "), "john"}};
  EXPECT_EQ(m_runner->run(example, m_options), "nothing\n");
}

TEST_F(PythonRunnerTest, EscapeSequencesAreFilteredWithANote) {
  Example example;
  example.source = "print('a\\x1b[31mb\\x1b[0m')\n";
  EXPECT_EQ(m_runner->run(example, m_options), "ab\n");
  EXPECT_TRUE(example.notes_on_failure.empty());
  example.source = "print('x\\x1b[5Hy')\n";
  EXPECT_EQ(m_runner->run(example, m_options), "xy\n");
  ASSERT_FALSE(example.notes_on_failure.empty());
  EXPECT_EQ(example.notes_on_failure[0].rfind("Escape/control sequences were detected.", 0), 0u);
  OptionStack::Scope scope(m_options, {{"filter_esc_seqs", false}});
  example.source = "print('c\\x1b[31md')\n";
  EXPECT_EQ(m_runner->run(example, m_options), "c\x1b[31md\n");
}

TEST_F(PythonRunnerTest, InterpreterClosed) {
  try {
    run("print('bye'); import os; os._exit(0)\n");
    FAIL() << "no error";
  } catch (const InterpreterClosedError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("Interpreter closed unexpectedly.\n", 0), 0u);
    EXPECT_EQ(error.output, "bye\n");
  }
}

TEST(PythonRunner, ProgramNotFound) {
  RunnerConfig config = python_config();
  config.flavor = "python-not-installed";
  auto runner = make_runner("python", config);
  OptionStack options;
  try {
    runner->initialize(options);
    FAIL() << "initialised";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              "The command was not found or was not executable.\nThe full command line tried is "
              "as follows:\n/usr/bin/env python-not-installed -i\n\nThis could happen because you "
              "do not have it installed or\nit is not in the PATH.");
  }
}

TEST(PythonRunner, ProgramOfAShebangExitsAtOnce) {
  // docs/overview/faq.md: `-x-shebang 'python:env python99'`.
  RunnerConfig config = python_config();
  config.shebangs["python"] = "env python99";
  auto runner = make_runner("python", config);
  OptionStack options;
  try {
    runner->initialize(options);
    FAIL() << "initialised";
  } catch (const Error& error) {
    std::string message = error.what();
    EXPECT_EQ(message.rfind("Interpreter closed unexpectedly.\nThis could happen because", 0), 0u);
    Regex last_read("Last 1000 bytes read:\n.*python99.*No such file or directory", k_regex_dotall);
    EXPECT_TRUE(last_read.search(message).has_value()) << message;
  }
}

TEST(PythonRunner, ShebangOverride) {
  RunnerConfig config = python_config(8.0);
  config.shebangs["python3"] = "/bin/sh -c '%e %p %a 2>/dev/null'";
  auto runner = make_runner("python", config);
  OptionStack options;
  runner->initialize(options);
  Example example;
  example.source = "import sys; print('err', file=sys.stderr); print('out')\n";
  EXPECT_EQ(runner->run(example, options), "out\n");
  runner->shutdown();
}

TEST(PythonRunner, BuiltinLanguages) {
  auto languages = builtin_runner_languages();
  EXPECT_EQ(languages["python"], (std::vector<std::string>{"python", "python3"}));
  EXPECT_TRUE(languages.count("shell"));
  EXPECT_EQ(make_runner("rust", python_config()), nullptr);
  EXPECT_EQ(make_runner("python", python_config())->display_name(), "Python Runner");
}

}  // namespace
}  // namespace bx
